"""fetch_feeds: RSS, Atom and JSON Feed from a local server, into incoming stories."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import IncomingStory, PublisherFeed
from tests import factories
from tests.curation_fixtures import ATOM_FEED, BROKEN_FEED, JSON_FEED, RSS_FEED

pytestmark = pytest.mark.django_db


@pytest.fixture
def gazette(db):
    return factories.make_publisher(
        "Wendmouth Gazette", homepage_url="https://wendmouth-gazette.example/"
    )


def add_feed(server, publisher, path, body, content_type, **fields):
    url = server.add(path, body.format(base=server.url("")), content_type=content_type)
    return PublisherFeed.objects.create(publisher=publisher, url=url, **fields)


def fetch_feeds():
    call_command("fetch_feeds", verbosity=0)


def test_rss_items_become_incoming_stories(fixture_server, gazette, section):
    feed = add_feed(
        fixture_server, gazette, "/rss", RSS_FEED, "application/rss+xml", section=section
    )
    fetch_feeds()

    stories = {story.canonical_url: story for story in IncomingStory.objects.all()}
    base = fixture_server.url("")
    # The retouched ferry headline is the same story; the library item shares a GUID with the
    # ferry but is a different story, so it stays.
    assert set(stories) == {
        f"{base}/stories/harbour-wall",
        f"{base}/stories/night-ferry",
        f"{base}/stories/library-sundays",
    }
    harbour = stories[f"{base}/stories/harbour-wall"]
    # HTML in the title is stored as text; the relative link is resolved against the feed.
    assert harbour.title == "Harbour wall repairs begin in spring"
    assert "<" not in harbour.title + harbour.summary
    assert harbour.summary == "The council approved £2m for the old harbour wall."
    assert harbour.link == f"{base}/stories/harbour-wall?utm_source=rss&utm_medium=feed"
    assert harbour.published_at == datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    assert harbour.authors == "Mara Ellison"
    assert harbour.categories == ["Harbour"]
    assert harbour.image_url == f"{base}/images/harbour.jpg"
    assert harbour.publisher == gazette
    assert harbour.section == section
    assert harbour.feed == feed
    assert harbour.status == IncomingStory.Status.NEW

    # No date in the feed: the story sorts by its arrival.
    ferry = stories[f"{base}/stories/night-ferry"]
    assert ferry.published_at is None
    assert ferry.sort_date == ferry.arrived_at

    feed.refresh_from_db()
    assert feed.items_seen == 4
    assert feed.last_status == "OK: 3 new of 4 items"
    assert feed.last_error == ""
    assert feed.last_fetched_at is not None


def test_atom_and_json_feed(fixture_server, gazette):
    courier = factories.make_publisher(
        "Estuary Courier", homepage_url="https://estuary-courier.example/"
    )
    add_feed(fixture_server, courier, "/atom.xml", ATOM_FEED, "application/atom+xml")
    add_feed(fixture_server, gazette, "/feed.json", JSON_FEED, "application/feed+json")
    fetch_feeds()
    base = fixture_server.url("")

    tide = IncomingStory.objects.get(canonical_url=f"{base}/stories/tide-gauge")
    assert tide.title == "Tide gauge upgraded at Wendmouth quay"
    assert tide.published_at == datetime(2026, 11, 4, 9, 0, tzinfo=UTC)
    assert tide.authors == "Priya Tallis"
    assert tide.categories == ["Environment"]
    # The fragment is dropped from the canonical address, not from the link.
    cobbles = IncomingStory.objects.get(canonical_url=f"{base}/stories/cobbles")
    assert cobbles.link.endswith("#comments")

    allotments = IncomingStory.objects.get(canonical_url=f"{base}/weekly/allotments")
    assert allotments.publisher == gazette
    assert allotments.authors == "Tom Okafor"
    assert allotments.image_url == f"{base}/weekly/allotments.jpg"
    assert allotments.categories == ["Community", "Gardens"]
    choir = IncomingStory.objects.get(canonical_url=f"{base}/weekly/choir")
    assert choir.summary == "The Wendmouth Choir sings at the lighthouse."
    assert choir.title == "The Wendmouth Choir sings at the lighthouse."


def test_second_fetch_is_conditional_and_adds_nothing(fixture_server, gazette):
    body = RSS_FEED.format(base=fixture_server.url("")).encode()

    def answer(headers):
        if headers.get("If-None-Match") == '"r1"':
            return 304, {}, b""
        return 200, {"ETag": '"r1"', "Content-Type": "application/rss+xml"}, body

    url = fixture_server.add("/conditional")
    fixture_server.routes["/conditional"].handler = answer
    feed = PublisherFeed.objects.create(publisher=gazette, url=url)
    fetch_feeds()
    assert IncomingStory.objects.count() == 3
    fetch_feeds()
    assert IncomingStory.objects.count() == 3
    feed.refresh_from_db()
    assert feed.etag == '"r1"'
    assert feed.last_status == "Not modified since the last fetch"
    _, headers = fixture_server.requests[-1]
    assert headers["If-None-Match"] == '"r1"'


def test_same_story_from_two_feeds_is_stored_once(fixture_server, gazette):
    add_feed(fixture_server, gazette, "/rss", RSS_FEED, "application/rss+xml")
    # The same items again, linked with other tracking parameters.
    copy = RSS_FEED.replace("utm_source=rss", "utm_source=partner&amp;fbclid=abc")
    add_feed(fixture_server, gazette, "/rss-copy", copy, "application/rss+xml")
    fetch_feeds()
    assert IncomingStory.objects.count() == 3


def test_broken_feeds_are_recorded_and_do_not_stop_the_others(fixture_server, gazette):
    base = fixture_server.url("")
    broken = add_feed(fixture_server, gazette, "/broken", BROKEN_FEED, "application/rss+xml")
    failures = {
        "empty": fixture_server.add("/empty", b"", content_type="application/rss+xml"),
        "binary": fixture_server.add(
            "/binary", b"\x89PNG\r\n\x1a\n\0\0\0", content_type="image/png"
        ),
        "server error": fixture_server.add("/down", "oops", status=500),
        "html page": fixture_server.add("/page", "<html><body><p>Not a feed</p></body></html>"),
    }
    failing = {
        name: PublisherFeed.objects.create(publisher=gazette, url=url)
        for name, url in failures.items()
    }
    latin1 = RSS_FEED.replace("£2m", "£2m café").format(base=base).encode("latin-1")
    wrong_charset = PublisherFeed.objects.create(
        publisher=gazette,
        url=fixture_server.add(
            "/latin1", latin1, content_type="application/rss+xml; charset=utf-8"
        ),
    )
    good = add_feed(fixture_server, gazette, "/good.json", JSON_FEED, "application/feed+json")

    fetch_feeds()

    # A broken but readable feed still gives its item, as text.
    toll = IncomingStory.objects.get(canonical_url=f"{base}/stories/toll")
    assert toll.title == "Bridge toll scrapped"
    broken.refresh_from_db()
    assert broken.last_error == ""
    for name, feed in failing.items():
        feed.refresh_from_db()
        assert feed.last_status == "Failed", name
        assert feed.last_error, name
    assert "empty" in failing["empty"].last_error
    assert "500" in failing["server error"].last_error
    # The wrong charset costs at most some characters, never the feed.
    wrong_charset.refresh_from_db()
    assert wrong_charset.last_error == ""
    good.refresh_from_db()
    assert good.last_status == "OK: 2 new of 2 items"


def test_inactive_feeds_and_publishers_are_not_fetched(fixture_server, gazette):
    add_feed(fixture_server, gazette, "/off", RSS_FEED, "application/rss+xml", active=False)
    unconfirmed = factories.make_publisher(
        "New Quay Post", homepage_url="https://new-quay-post.example/", active=False
    )
    add_feed(fixture_server, unconfirmed, "/unconfirmed.json", JSON_FEED, "application/json")
    fetch_feeds()
    assert fixture_server.requests == []
    assert IncomingStory.objects.count() == 0


def test_story_the_newsroom_already_ran_arrives_as_covered(fixture_server, gazette, section):
    base = fixture_server.url("")
    article = factories.make_article(
        section, publisher=gazette, source_url=f"{base}/stories/night-ferry"
    )
    add_feed(fixture_server, gazette, "/rss", RSS_FEED, "application/rss+xml")
    fetch_feeds()
    ferry = IncomingStory.objects.get(canonical_url=f"{base}/stories/night-ferry")
    assert ferry.status == IncomingStory.Status.COVERED
    assert ferry.article_id == article.pk


def test_purge_forgets_old_untouched_stories_only(gazette, section):
    old = timezone.now() - timedelta(days=31)

    def story(slug, status=IncomingStory.Status.NEW, arrived=old, **fields):
        return IncomingStory.objects.create(
            title=slug,
            link=f"https://wendmouth-gazette.example/{slug}",
            canonical_url=f"https://wendmouth-gazette.example/{slug}",
            publisher=gazette,
            status=status,
            arrived_at=arrived,
            **fields,
        )

    article = factories.make_article(section)
    story("old-new")
    story("old-dismissed", IncomingStory.Status.DISMISSED)
    kept = [
        story("old-drafted", IncomingStory.Status.DRAFTED, article=article),
        story("old-covered", IncomingStory.Status.COVERED, article=article),
        story("recent", arrived=timezone.now() - timedelta(days=29)),
    ]
    call_command("purge_incoming", verbosity=0)
    assert set(IncomingStory.objects.values_list("pk", flat=True)) == {s.pk for s in kept}


def test_scheduler_runs_the_desk_jobs(fixture_server, gazette):
    feed = add_feed(fixture_server, gazette, "/rss", RSS_FEED, "application/rss+xml")
    call_command("run_scheduler", once=True, stdout=io.StringIO())
    feed.refresh_from_db()
    assert feed.last_fetched_at is not None
    assert IncomingStory.objects.filter(feed=feed).count() == 3
