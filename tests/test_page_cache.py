"""The page cache before routing, surrogate keys on every reader response, and purges by key."""

import http.server
import logging
import threading

import pytest
from django.core.cache import cache

from news import surrogate_keys as keys
from news.models import NewsIndexPage
from newsroom import stack as scale_out
from tests import factories


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def cached(client, url, **extra):
    client.get(url, **extra)
    return client.get(url, **extra).get("X-Cache") == "hit"


def test_a_hit_is_answered_before_routing_without_a_query(
    client, section, django_assert_num_queries
):
    article = factories.make_article(section, "Tram line opens")
    client.get(article.url)
    with django_assert_num_queries(0):
        response = client.get(article.url)
    assert response["X-Cache"] == "hit"


def test_only_page_numbers_the_view_paginates_are_kept(client, section, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "articles_per_page", 1)
    factories.make_article(section, "First")
    factories.make_article(section, "Second")
    assert not cached(client, "/?page=attacker-fixed"), "the home page has no pages"
    assert not cached(client, "/?page=2"), "the home page has no page 2"
    assert client.get(section.url, {"page": "99"}).status_code == 404
    assert not cached(client, section.url + "?page=99")
    assert not cached(client, section.url + "?page=02")
    assert cached(client, section.url + "?page=2")


def test_the_port_in_the_host_is_not_part_of_the_key(client, section):
    article = factories.make_article(section, "Tram line opens")
    client.get(article.url, HTTP_HOST="LocalHost:8000")
    assert client.get(article.url, HTTP_HOST="localhost:9999")["X-Cache"] == "hit"
    assert client.get(article.url, HTTP_HOST="localhost")["X-Cache"] == "hit"


def test_a_session_cookie_is_never_answered_from_the_cache(client, section):
    article = factories.make_article(section, "Tram line opens")
    client.get(article.url)
    client.cookies["sessionid"] = "anything"
    assert "X-Cache" not in client.get(article.url)


def test_responses_carry_the_keys_of_what_they_show(client, section, author):
    category = factories.make_category("Transport")
    article = factories.make_article(
        section, "Tram line opens", authors=[author], categories=[category]
    )
    shown = set(client.get(section.url)["xkey"].split())
    assert {keys.page(article.pk), keys.author(author.pk), keys.section_listing(section.pk)} <= (
        shown
    )
    page = client.get(article.url)
    assert {keys.category(category.pk), keys.category_listing(category.pk), keys.POPULAR} <= set(
        page["xkey"].split()
    )
    assert page["Surrogate-Control"].startswith("max-age=")
    assert page["Cache-Control"] == "no-cache"
    for url in (author.get_absolute_url(), category.get_absolute_url(), "/feed/"):
        assert keys.page(article.pk) in client.get(url)["xkey"].split(), url

    search = client.get("/search/", {"query": "tram"})
    assert keys.page(article.pk) in search["xkey"].split()
    assert "Surrogate-Control" not in search, "search results are rendered (and logged) each time"


def test_signed_in_editors_get_private_pages_without_keys(client, section, editor):
    article = factories.make_article(section, "Tram line opens")
    client.force_login(editor)
    response = client.get(article.url)
    assert "xkey" not in response and "Surrogate-Control" not in response
    assert "private" in response["Cache-Control"]


def test_a_correction_retires_only_the_pages_that_show_the_story(client, home, section):
    other_section = factories.make_section("Sport", parent=home)
    story = factories.make_article(section, "Tram line opens")
    elsewhere = factories.make_article(other_section, "Cup final tonight")
    for url in (story.url, section.url, elsewhere.url, other_section.url):
        client.get(url)

    story.title = "Tram line opens two weeks late"
    story.save_revision().publish()

    for url in (story.url, section.url, "/"):
        response = client.get(url)
        assert "X-Cache" not in response, url
        assert b"two weeks late" in response.content, url
    assert client.get(elsewhere.url)["X-Cache"] == "hit"
    assert client.get(other_section.url)["X-Cache"] == "hit"


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """Stands in for Varnish's purge endpoint: records what would be purged."""

    received = []

    def do_PURGE(self):
        self.received.append(set(self.headers["xkey-purge"].split()))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"Purged 0")

    def log_message(self, *args):
        pass


@pytest.fixture
def purges(settings):
    server = http.server.HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.received = []
    settings.FRONT_CACHE = "varnish"
    settings.FRONT_CACHE_URLS = [f"http://127.0.0.1:{server.server_port}"]
    settings.FRONT_CACHE_REPURGE_SECONDS = 0
    yield PurgeRecorder.received
    server.shutdown()


def test_each_kind_of_publish_purges_what_it_touches(
    section, author, purges, django_capture_on_commit_callbacks
):
    category = factories.make_category("Transport")
    story = factories.make_article(section, "Tram line opens", publish=False)
    story.article_authors.create(author=author)
    story.categories.set([category])
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert {
        keys.page(story.pk),
        keys.LATEST,
        keys.SEARCH,
        keys.section_listing(section.pk),
        keys.author_listing(author.pk),
        keys.category_listing(category.pk),
        keys.POPULAR,
    } <= purges[-1], "a new story joins every listing it belongs to"

    story.title = "Tram line opens two weeks late"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert purges[-1] == {keys.page(story.pk), keys.SEARCH}, "a correction purges the story"

    drafts_before = len(purges)
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "An unpublished rewrite"
        story.save_revision()
    assert len(purges) == drafts_before, "drafts purge nothing"

    with django_capture_on_commit_callbacks(execute=True):
        author.name = "Ada Marsh-Okoro"
        author.save()
    assert purges[-1] == {keys.author(author.pk)}

    story.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert {
        keys.page(story.pk),
        keys.LATEST,
        keys.section_listing(section.pk),
        keys.author_listing(author.pk),
        keys.category_listing(category.pk),
    } <= purges[-1], "an unpublished story leaves every listing"


def test_a_dead_front_cache_does_not_fail_a_publish(
    section, settings, caplog, django_capture_on_commit_callbacks
):
    settings.FRONT_CACHE = "varnish"
    settings.FRONT_CACHE_URLS = [f"http://127.0.0.1:{scale_out.free_port()}"]
    settings.FRONT_CACHE_REPURGE_SECONDS = 0
    story = factories.make_article(section, "Tram line opens", publish=False)
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    story.refresh_from_db()
    assert story.live
    assert "Front cache purge" in caplog.text
