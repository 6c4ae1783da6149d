"""From a publisher's story to a draft: import_story, the Incoming desk and Add from a link."""

import io
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import override_settings

from news.models import ArticlePage, IncomingStory, Publisher, PublisherFeed
from tests import editorial, factories
from tests.curation_fixtures import ARTICLE_PAGE, RSS_FEED, TITLE_ONLY_PAGE

pytestmark = pytest.mark.django_db

CANONICAL = "https://wendmouth-gazette.example/stories/harbour-wall"
INCOMING = "/admin/incoming/"


@pytest.fixture
def gazette(db):
    return factories.make_publisher(
        "Wendmouth Gazette", homepage_url="https://www.wendmouth-gazette.example/"
    )


def import_story(url, *args):
    out = io.StringIO()
    call_command("import_story", url, *args, stdout=out)
    return out.getvalue()


def test_import_story_makes_a_draft_from_the_page_metadata(fixture_server, gazette, section):
    url = fixture_server.add("/stories/harbour-wall", ARTICLE_PAGE.format())
    output = import_story(url, "--section", section.slug)

    page = ArticlePage.objects.get()
    assert not page.live
    assert page.has_unpublished_changes
    assert page.get_parent().specific == section
    assert page.title == "Harbour wall repairs begin in spring"
    assert page.standfirst == (
        "The council approved £2m to rebuild the old harbour wall before the winter storms."
    )
    # rel=canonical, without its tracking parameter; the publisher matched by domain.
    assert page.source_url == CANONICAL
    assert page.publisher == gazette
    assert page.display_date == datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    # The original's text never goes into the body.
    assert len(page.body) == 0
    assert page.get_latest_revision() is not None

    story = IncomingStory.objects.get()
    assert story.article_id == page.pk
    assert story.status == IncomingStory.Status.DRAFTED
    assert story.authors == "Mara Ellison, Jon Pike"
    assert story.page_fetched_at is not None
    assert story.suggested_quotes == [
        {
            "quote": "We cannot let another winter batter the old stones without a plan",
            "attribution": "Mara Ellison",
        },
        {
            "quote": "The wall has kept this town safe for two hundred years",
            "attribution": "Dev Amani",
        },
        {
            "quote": "Every household in Wendmouth will feel the benefit of this work.",
            "attribution": "Councillor Rhea Stone",
        },
    ]
    assert "Draft “Harbour wall repairs begin in spring”" in output
    assert "Quote: “We cannot let another winter" in output


def test_a_page_with_only_a_title_makes_a_draft_and_an_inactive_publisher(fixture_server, section):
    url = fixture_server.add("/cottage", TITLE_ONLY_PAGE)
    output = import_story(url, "--section", section.slug)
    page = ArticlePage.objects.get()
    assert page.title == "Lighthouse keeper's cottage up for sale"
    assert page.standfirst.startswith("To write:")
    assert page.source_url == url
    publisher = Publisher.objects.get()
    assert page.publisher == publisher
    assert not publisher.active
    assert publisher.name == "127.0.0.1"
    assert "awaits an Editor's check" in output
    assert IncomingStory.objects.get().suggested_quotes == []


@pytest.mark.parametrize(
    ("path", "route", "message"),
    [
        ("/empty", {"body": b""}, "empty"),
        (
            "/image",
            {"body": b"\x89PNG\r\n\x1a\n\0\0", "content_type": "image/png"},
            "not a web page",
        ),
        ("/feed", {"body": b"<rss/>", "content_type": "application/rss+xml"}, "not a web page"),
        ("/error", {"body": b"oops", "status": 500}, "500"),
    ],
)
def test_bad_pages_make_no_draft(fixture_server, section, path, route, message):
    url = fixture_server.add(path, **route)
    with pytest.raises(CommandError, match=message):
        import_story(url, "--section", section.slug)
    assert not ArticlePage.objects.exists()
    assert not IncomingStory.objects.exists()
    assert not Publisher.objects.exists()


def test_import_story_needs_a_known_section(fixture_server, section):
    url = fixture_server.add("/cottage", TITLE_ONLY_PAGE)
    with pytest.raises(CommandError, match="No section with the slug “sport”"):
        import_story(url, "--section", "sport")


def test_importing_the_same_story_twice_is_refused(fixture_server, gazette, section):
    url = fixture_server.add("/stories/harbour-wall", ARTICLE_PAGE.format())
    import_story(url, "--section", section.slug)
    with pytest.raises(CommandError, match="already has an article"):
        import_story(url + "?utm_source=newsletter", "--section", section.slug)
    assert ArticlePage.objects.count() == 1


# The admin desk


@pytest.fixture
def desk(fixture_server, gazette, section):
    """A feed's stories on the desk; each story's page is served too."""
    base = fixture_server.url("")
    fixture_server.add("/stories/harbour-wall", ARTICLE_PAGE.format())
    feed_url = fixture_server.add(
        "/rss", RSS_FEED.format(base=base), content_type="application/rss+xml"
    )
    feed = PublisherFeed.objects.create(publisher=gazette, url=feed_url, section=section)
    call_command("fetch_feeds", verbosity=0)
    return {
        "feed": feed,
        "harbour": IncomingStory.objects.get(canonical_url=f"{base}/stories/harbour-wall"),
        "ferry": IncomingStory.objects.get(canonical_url=f"{base}/stories/night-ferry"),
    }


def action_url(story, action):
    return f"{INCOMING}{action}/{story.pk}/"


def test_writers_see_incoming_stories_newest_first_as_text(client, writer, desk):
    client.force_login(writer)
    response = client.get(INCOMING)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Harbour wall repairs") < html.index("Library extends Sunday")
    assert "<script>alert" not in html
    assert "Draft from this" in html
    assert "Add from a link" in html

    filtered = client.get(INCOMING, {"status__exact": "new", "q": "ferry"}).content.decode()
    assert "Night ferry returns" in filtered
    assert "Harbour wall repairs" not in filtered
    by_publisher = client.get(INCOMING, {"publisher__id__exact": desk["feed"].publisher_id})
    assert "Harbour wall repairs" in by_publisher.content.decode()


def test_draft_from_this_makes_a_linked_draft_with_quotes_in_the_side_panel(
    client, writer, desk, section
):
    harbour_category = factories.make_category("Harbour")
    desk["feed"].categories.add(harbour_category)
    desk["feed"].save()
    client.force_login(writer)
    story = desk["harbour"]
    assert client.get(action_url(story, "draft")).status_code == 200
    response = client.post(action_url(story, "draft"), {"section": section.pk})

    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == editorial.edit_url(page)
    story.refresh_from_db()
    assert story.status == IncomingStory.Status.DRAFTED
    assert story.article_id == page.pk
    assert story.handled_by == writer
    assert page.source_url == CANONICAL
    assert page.owner == writer
    assert not page.live
    assert list(page.categories.all()) == [harbour_category]  # the feed's default categories
    assert list(page.get_latest_revision_as_object().categories.all()) == [harbour_category]

    edit = client.get(editorial.edit_url(page))
    html = edit.content.decode()
    assert edit.status_code == 200
    assert 'data-side-panel="original-story"' in html
    assert "Feed item from Wendmouth Gazette" in html
    assert CANONICAL in html
    assert 'data-quote="We cannot let another winter batter the old stones without a plan"' in html
    assert "curation-quotes.js" in html

    # Once drafted, the story offers the article instead of another draft.
    listing = client.get(INCOMING).content.decode()
    assert "Open the article" in listing
    again = client.post(action_url(story, "draft"), {"section": section.pk}, follow=True)
    assert "already has an article" in again.content.decode()
    assert ArticlePage.objects.count() == 1


def test_the_draft_is_an_ordinary_editable_page(client, writer, author, desk, section):
    client.force_login(writer)
    client.post(action_url(desk["harbour"], "draft"), {"section": section.pk})
    page = ArticlePage.objects.get()
    data = editorial.edit_data(
        client,
        page,
        blocks=[
            ("paragraph", "<p>Wendmouth's harbour wall gets a £2m rebuild from March.</p>"),
            ("pull_quote", {"quote": "We cannot let another winter batter", "attribution": "X"}),
        ],
    )
    editorial.add_byline(data, author)
    response = client.post(editorial.edit_url(page), data)
    assert response.status_code == 302, editorial.error_messages(response)
    page.refresh_from_db()
    assert [kind for kind, _ in editorial.blocks_of(page)] == ["paragraph", "pull_quote"]


def test_unreadable_original_still_drafts_from_the_feed_text(client, writer, desk, section):
    client.force_login(writer)
    response = client.post(action_url(desk["ferry"], "draft"), {"section": section.pk}, follow=True)
    page = ArticlePage.objects.get()
    assert page.title == "Night ferry returns to the estuary"
    assert page.standfirst == "Crossings resume after midnight from Friday."
    html = response.content.decode()
    assert "could not be read" in html
    assert "The original page could not be read" in html  # the side panel says so too


def test_dismiss_and_already_covered(client, writer, desk, section):
    client.force_login(writer)
    ferry, harbour = desk["ferry"], desk["harbour"]
    response = client.post(action_url(ferry, "dismiss"))
    assert response.status_code == 302
    ferry.refresh_from_db()
    assert ferry.status == IncomingStory.Status.DISMISSED
    assert ferry.handled_by == writer

    ours = factories.make_article(section, title="Harbour wall: what the £2m buys")
    response = client.post(action_url(harbour, "covered"), {"article": ours.pk})
    assert response.status_code == 302
    harbour.refresh_from_db()
    assert harbour.status == IncomingStory.Status.COVERED
    assert harbour.article_id == ours.pk
    assert not ArticlePage.objects.exclude(pk=ours.pk).exists()

    # "Already covered" without an article: the form says so; nothing changes.
    library = IncomingStory.objects.get(title__startswith="Library")
    response = client.post(action_url(library, "covered"), {})
    assert response.status_code == 200
    library.refresh_from_db()
    assert library.status == IncomingStory.Status.NEW


def test_add_from_a_link(client, writer, gazette, fixture_server, section):
    client.force_login(writer)
    create = f"{INCOMING}create/"
    assert "Article address" in client.get(create).content.decode()
    url = fixture_server.add("/stories/harbour-wall", ARTICLE_PAGE.format())
    response = client.post(create, {"url": url, "section": section.pk})
    page = ArticlePage.objects.get()
    assert response["Location"] == editorial.edit_url(page)
    assert page.publisher == gazette
    assert "Where this draft came from" in client.get(editorial.edit_url(page)).content.decode()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://wendmouth-gazette.example/story", "Enter a valid URL"),
        ("http://169.254.169.254/latest/meta-data/", "private or local"),
        ("/error", "The server answered 500"),
        ("/loop", "redirects in a loop"),
        ("/image", "not a web page"),
    ],
)
def test_add_from_a_bad_link_explains_and_makes_nothing(
    client, writer, fixture_server, section, url, message
):
    fixture_server.add("/error", "oops", status=500)
    fixture_server.add_redirect("/loop", "/loop")
    fixture_server.add("/image", b"\x89PNG\r\n\x1a\n\0\0", content_type="image/png")
    if url.startswith("/"):
        url = fixture_server.url(url)
    client.force_login(writer)
    response = client.post(f"{INCOMING}create/", {"url": url, "section": section.pk})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ArticlePage.objects.exists()
    assert not IncomingStory.objects.exists()


def test_people_outside_the_desk_cannot_use_it(client, desk, section):
    # Signs in to the admin, but belongs to neither newsroom group.
    outsider = get_user_model().objects.create_user("mo-outsider", password=editorial.PASSWORD)
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(outsider)
    assert client.get(INCOMING).status_code in {302, 403}
    client.post(action_url(desk["harbour"], "draft"), {"section": section.pk})
    assert not ArticlePage.objects.exists()


def test_editors_manage_publisher_feeds(client, editor, writer, desk):
    client.force_login(editor)
    response = client.get("/admin/news/publisherfeed/")
    assert response.status_code == 200
    assert "OK: 3 new of 4 items" in response.content.decode()
    client.force_login(writer)
    assert client.get("/admin/news/publisherfeed/").status_code in {302, 403}


def test_feed_addresses_must_be_http_or_https(client, editor, gazette):
    client.force_login(editor)
    response = client.post(
        "/admin/news/publisherfeed/create/",
        {"publisher": gazette.pk, "url": "ftp://wendmouth-gazette.example/feed", "active": "on"},
    )
    assert response.status_code == 200
    assert "Only http:// and https:// addresses" in response.content.decode()
    assert not PublisherFeed.objects.exists()


@override_settings(CURATION_ALLOW_LOOPBACK=False)
def test_in_production_a_link_to_the_local_machine_is_refused(
    client, writer, fixture_server, section
):
    url = fixture_server.add("/stories/harbour-wall", ARTICLE_PAGE.format())
    client.force_login(writer)
    response = client.post(f"{INCOMING}create/", {"url": url, "section": section.pk})
    assert "private or local network address" in response.content.decode()
    assert fixture_server.requests == []
    assert not ArticlePage.objects.exists()
