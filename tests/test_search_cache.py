"""Repeated searches are answered from the cache until published content changes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from news.models import ArticlePage
from search import engine
from tests import factories


@pytest.fixture(autouse=True)
def cache_every_search(monkeypatch):
    """Production caches only searches with many matches; these tests use a handful."""
    monkeypatch.setattr(engine, "SEARCH_CACHE_MIN_MATCHES", 0)


def search(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", params)
    assert response.status_code == 200
    return response, len(queries)


def titles(response):
    """The headlines of the results shown, in order (the context holds their ids)."""
    shown = response.context["results"]
    found = ArticlePage.objects.in_bulk(shown)
    return [found[pk].title for pk in shown]


def test_a_repeated_search_skips_ranking_and_facets(client, section):
    for n in range(3):
        factories.make_article(section, f"Ferry timetable change {n}")
    first, cold = search(client, query="ferry")
    again, warm = search(client, query="ferry")
    assert titles(again) == titles(first)
    assert again.context["result_count"] == first.context["result_count"] == 3
    facets = [(s.pk, s.count) for s in again.context["facets"]["sections"]]
    assert facets == [(section.pk, 3)]
    assert warm < cold - 4, f"{cold} queries, then {warm} from the cache"


def test_publishing_shows_in_results_at_once(client, section):
    factories.make_article(section, "Ferry timetable doubles evening services")
    assert search(client, query="ferry")[0].context["result_count"] == 1
    late = factories.make_article(section, "Ferry fares frozen for another year")
    response, _ = search(client, query="ferry")
    assert response.context["result_count"] == 2
    assert late.title in titles(response)

    late.unpublish()
    response, _ = search(client, query="ferry")
    assert titles(response) == ["Ferry timetable doubles evening services"]


def test_filters_and_sort_are_cached_apart(client, section):
    other = factories.make_section("Sport", parent=section.get_parent())
    factories.make_article(section, "Ferry news story", days_ago=2)
    factories.make_article(other, "Ferry rowing regatta", days_ago=1)
    everything, _ = search(client, query="ferry")
    in_sport, _ = search(client, query="ferry", section=other.slug)
    newest, _ = search(client, query="ferry", sort="newest")
    assert everything.context["result_count"] == 2
    assert titles(in_sport) == ["Ferry rowing regatta"]
    assert titles(newest) == ["Ferry rowing regatta", "Ferry news story"]


def test_every_search_is_still_logged(client, section):
    factories.make_article(section, "Ferry timetable doubles evening services")
    for _ in range(3):
        search(client, query="ferry")
    assert Query.get("ferry").hits == 3


def test_an_article_that_expires_while_its_results_are_cached_drops_out(client, section):
    """Past its expiry time, before the scheduler unpublishes it (no publish signal, so the
    cached ids still list it): the page shows what is left, never an error."""
    for n in range(11):
        factories.make_article(section, f"Ferry timetable change {n}")
    second_page, _ = search(client, query="ferry", page="2")
    [last] = ArticlePage.objects.filter(pk__in=second_page.context["results"])
    ArticlePage.objects.filter(pk=last.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    response, _ = search(client, query="ferry", page="2")
    assert response.context["results"] == []
    assert last.title not in response.content.decode()


def test_small_searches_are_not_cached(client, section, monkeypatch):
    monkeypatch.setattr(engine, "SEARCH_CACHE_MIN_MATCHES", 100)
    for n in range(3):
        factories.make_article(section, f"Ferry timetable change {n}")
    search(client, query="ferry")  # the first search also creates its query-log row
    _, second = search(client, query="ferry")
    _, third = search(client, query="ferry")
    monkeypatch.setattr(engine, "SEARCH_CACHE_MIN_MATCHES", 0)
    search(client, query="ferry")
    _, cached = search(client, query="ferry")
    assert third == second > cached, "three matches: run again rather than stored"
