"""The page cache before routing, surrogate keys on every reader response, and purges by key."""

import http.server
import logging
import threading

import pytest
from django.core.cache import cache

from news import surrogate_keys as keys
from news.models import NewsIndexPage
from newsroom import pagecache
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


def test_a_hit_on_a_page_this_process_keeps_reads_no_page_from_the_cache(client, section):
    article = factories.make_article(section, "Tram line opens")
    assert cached(client, article.url)
    read = []
    real_get, real_get_many = cache.get, cache.get_many
    cache.get = lambda key, *args, **kwargs: read.append(key) or real_get(key, *args, **kwargs)
    cache.get_many = lambda keys, *args, **kwargs: (
        read.extend(keys) or real_get_many(keys, *args, **kwargs)
    )
    try:
        assert client.get(article.url)["X-Cache"] == "hit"
    finally:
        del cache.get, cache.get_many
    assert pagecache.CLOCK in read
    assert not [key for key in read if key.startswith(pagecache.ENTRY_PREFIX)]


def test_pages_kept_in_a_process_are_never_trusted_after_the_cache_is_emptied(client, section):
    """Another process may have put the purge clock back to what this one last saw; the cache's
    epoch still tells an emptied cache from the same one."""
    article = factories.make_article(section, "Tram line opens")
    assert cached(client, article.url)
    clock = cache.get(pagecache.CLOCK)
    cache.clear()
    cache.set(pagecache.CLOCK, clock, None)
    assert client.get(article.url).get("X-Cache") != "hit"
    assert cached(client, article.url)


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


def body_with_image(picture):
    return [
        {"type": "paragraph", "value": "<p>The ferry will run every twenty minutes.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": picture.pk, "alt_text": "The quay", "decorative": False},
                "caption": "The quay at dawn",
                "credit": "",
            },
        },
    ]


def test_responses_carry_the_keys_of_the_images_they_show(client, section):
    lead, inline, photo, logo, promo_picture = (
        factories.make_image(title) for title in ("Lead", "Inline", "Photo", "Logo", "Promo")
    )
    author = factories.make_author("Ada Marsh", photo=photo)
    publisher = factories.make_publisher("The Valley Courier", logo=logo)
    promo = factories.make_promo("Write to us", image=promo_picture)
    article = factories.make_article(
        section,
        "Ferry runs all night",
        authors=[author],
        promos=[promo],
        lead_image=lead,
        body=body_with_image(inline),
        publisher=publisher,
        source_url="https://courier.example/ferry",
    )

    page_keys = set(client.get(article.url)["xkey"].split())
    assert {keys.image(p.pk) for p in (lead, inline, logo, promo_picture)} <= page_keys
    for url in (section.url, "/", author.get_absolute_url(), "/feed/", f"{section.url}feed/"):
        assert keys.image(lead.pk) in client.get(url)["xkey"].split(), f"{url} shows the card"
    assert keys.image(photo.pk) in client.get(author.get_absolute_url())["xkey"].split()


def test_editing_or_deleting_an_image_purges_the_pages_that_show_it(
    client, home, section, purges, django_capture_on_commit_callbacks
):
    from home.models import SiteSettings

    other_section = factories.make_section("Sport", parent=home)
    lead, inline = factories.make_image("Quay"), factories.make_image("Ferry deck")
    story = factories.make_article(section, "Ferry runs all night", lead_image=lead)
    inside = factories.make_article(section, "Ferry timetable", body=body_with_image(inline))
    elsewhere = factories.make_article(other_section, "Cup final tonight")
    urls = [story.url, section.url, "/", inside.url]
    for url in [*urls, elsewhere.url, other_section.url]:
        assert cached(client, url), url

    with django_capture_on_commit_callbacks(execute=True):
        lead.title = "The quay at first light"
        lead.save()
    assert purges[-1] == {keys.image(lead.pk)}
    for url in (story.url, section.url, "/"):
        assert "X-Cache" not in client.get(url), f"{url} shows the edited image: re-rendered"
    assert client.get(inside.url)["X-Cache"] == "hit"
    assert client.get(elsewhere.url)["X-Cache"] == "hit"
    assert client.get(other_section.url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        inline.focal_point_x, inline.focal_point_y = 100, 80
        inline.focal_point_width, inline.focal_point_height = 40, 40
        inline.save()
    assert purges[-1] == {keys.image(inline.pk)}
    assert "X-Cache" not in client.get(inside.url)

    # Wagtail's own bookkeeping saves (a file hash computed while rendering) purge nothing.
    purged = len(purges)
    with django_capture_on_commit_callbacks(execute=True):
        lead.file_hash = ""
        lead.get_file_hash()
    assert len(purges) == purged

    # The logo is on every page.
    settings_ = SiteSettings.for_site(home.get_site())
    logo = factories.make_image("Masthead")
    settings_.logo = logo
    settings_.save()
    assert cached(client, elsewhere.url)
    with django_capture_on_commit_callbacks(execute=True):
        logo.title = "Masthead, winter"
        logo.save()
    assert {keys.image(logo.pk), keys.SITE} <= purges[-1]
    assert "X-Cache" not in client.get(elsewhere.url)

    assert cached(client, story.url)
    lead_key = keys.image(lead.pk)
    with django_capture_on_commit_callbacks(execute=True):
        lead.delete()
    assert purges[-1] == {lead_key}
    response = client.get(story.url)
    assert "X-Cache" not in response, "the page no longer shows the deleted image"
    assert response.status_code == 200
