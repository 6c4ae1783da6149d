"""Anonymous readers get cached pages; any publish shows up at once; editors never get the cache."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from home.models import SiteSettings
from tests import factories


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_second_anonymous_view_is_served_from_the_cache(client, section):
    article = factories.make_article(section, "Tram line opens")
    first = client.get(article.url)
    second = client.get(article.url)
    assert "X-Cache" not in first
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_a_change_shows_at_once(client, section):
    article = factories.make_article(section, "Tram line opens")
    client.get(article.url)
    client.get(section.url)
    article.title = "Tram line opens two weeks late"
    article.save_revision().publish()
    assert b"two weeks late" in client.get(article.url).content
    assert b"two weeks late" in client.get(section.url).content


def test_unpublishing_removes_the_page_at_once(client, section):
    article = factories.make_article(section, "Retracted story")
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert b"Retracted story" not in client.get(section.url).content


def test_drafts_do_not_empty_the_cache(client, section):
    article = factories.make_article(section, "Tram line opens")
    client.get(article.url)
    article.title = "Unpublished rewrite"
    article.save_revision()
    response = client.get(article.url)
    assert response["X-Cache"] == "hit"
    assert b"Unpublished rewrite" not in response.content


def test_site_settings_change_shows_at_once(client, home):
    client.get("/")
    settings = SiteSettings.for_site(home.get_site())
    settings.tagline = "Fresh tagline for the river city"
    settings.save()
    assert b"Fresh tagline for the river city" in client.get("/").content


def test_logged_in_editors_are_never_served_the_cache(client, section, django_user_model):
    article = factories.make_article(section, "Tram line opens")
    client.get(article.url)
    editor = django_user_model.objects.create_superuser("ed", "ed@example.com", "pw")
    client.force_login(editor)
    assert "X-Cache" not in client.get(article.url)


def test_unknown_query_parameters_bypass_the_cache(client, section):
    article = factories.make_article(section, "Tram line opens")
    client.get(article.url, {"utm_source": "x"})
    assert "X-Cache" not in client.get(article.url, {"utm_source": "x"})


def test_private_pages_are_not_served_from_the_cache(client, section):
    article = factories.make_article(section, "Members briefing")
    client.get(article.url)
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert client.get(article.url).status_code == 302


def test_making_an_article_private_or_public_again_updates_listings_and_search_at_once(
    client, section
):
    article = factories.make_article(section, "Members briefing on the ferry budget")
    assert article.title in client.get(section.url).content.decode()
    assert client.get("/search/", {"query": "ferry"}).context["result_count"] == 1

    restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert article.title not in client.get(section.url).content.decode()
    assert client.get("/search/", {"query": "ferry"}).context["result_count"] == 0

    restriction.delete()
    assert article.title in client.get(section.url).content.decode()
    assert client.get("/search/", {"query": "ferry"}).context["result_count"] == 1


def test_a_page_rendered_while_a_change_commits_is_not_kept(
    client, section, django_capture_on_commit_callbacks
):
    article = factories.make_article(section, "Tram line opens")
    with django_capture_on_commit_callbacks() as callbacks:
        article.title = "Tram line opens two weeks late"
        article.save_revision().publish()
        # Another worker renders the page before the publish is committed: the old headline.
        stale = client.get(article.url)
    assert b"two weeks late" in stale.content  # (one database here: it sees its own change)
    for callback in callbacks:
        callback()
    assert "X-Cache" not in client.get(article.url), "what was rendered mid-change is retired"
