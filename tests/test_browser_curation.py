"""The curation desk in Chromium: a publisher's story arrives, a Writer drafts from it, inserts a
suggested quote, writes a paragraph and submits; an Editor publishes; readers see the source.

The publisher's feed and page are served by a local fixture server on 127.0.0.1; the admin runs
on Django's live server (see tests/test_browser_editor.py for why it serves one request at a
time on SQLite, and how the database is put back afterwards).
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from news.models import ArticlePage, IncomingStory, PublisherFeed
from tests import factories
from tests import test_browser_editor as editor_walk
from tests.curation_fixtures import ARTICLE_PAGE, RSS_FEED
from tests.test_browser_editor import TIMEOUT, Network, insert_block, log_in, stream_block

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The editor walk's fixtures: its people and section, and its database and live-server care.
newsroom = editor_walk.newsroom
_leave_the_database_as_it_was = editor_walk._leave_the_database_as_it_was
_patient_expectations = editor_walk._patient_expectations
_serial_live_server_on_in_memory_sqlite = editor_walk._serial_live_server_on_in_memory_sqlite

HEADLINE = "Harbour wall repairs begin in spring"
QUOTE = "We cannot let another winter batter the old stones without a plan"
OUR_PARAGRAPH = "Wendmouth's harbour wall will be rebuilt from March at a cost of £2m."
CANONICAL = "https://wendmouth-gazette.example/stories/harbour-wall"


def test_from_a_publishers_story_to_a_published_summary(
    page, live_server, newsroom, fixture_server
):
    page.set_default_timeout(TIMEOUT)
    base = live_server.url
    section = newsroom["section"]
    gazette = factories.make_publisher(
        "Wendmouth Gazette",
        homepage_url="https://wendmouth-gazette.example/",
        tagline="The estuary's paper since 1887.",
    )
    fixture_server.add("/stories/harbour-wall", ARTICLE_PAGE.format())
    feed_url = fixture_server.add(
        "/rss", RSS_FEED.format(base=fixture_server.url("")), content_type="application/rss+xml"
    )
    PublisherFeed.objects.create(publisher=gazette, url=feed_url, section=section)

    # An item arrives (the scheduler runs fetch_feeds every 15 minutes).
    call_command("fetch_feeds", verbosity=0)
    assert IncomingStory.objects.filter(title=HEADLINE).exists()

    network = Network(page)
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched = true; });"
    )
    log_in(page, base, "wren")
    page.get_by_role("link", name="Incoming").click()
    expect(page).to_have_url(f"{base}/admin/incoming/")
    row = page.locator("tr").filter(has_text=HEADLINE)
    row.get_by_role("link", name="Draft from this").click()
    expect(page.get_by_role("combobox", name="Section")).to_have_value(str(section.pk))
    page.get_by_role("button", name="Make a draft").click()

    # The draft opens in the editor, with the original story in a side panel.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    draft = ArticlePage.objects.get(title=HEADLINE)
    assert not draft.live
    page.wait_for_function("window.editsWatched === true")
    page.get_by_role("button", name="Toggle original story").click()
    panel = page.locator('[data-side-panel="original-story"]')
    expect(panel.get_by_text("Feed item from Wendmouth Gazette")).to_be_visible()
    expect(panel.get_by_role("link", name=CANONICAL)).to_be_visible()
    panel.locator("li").filter(has_text=QUOTE).get_by_role(
        "button", name="Insert as pull quote"
    ).click()
    pull_quote = stream_block(page, "Pull quote")
    expect(pull_quote.get_by_role("textbox", name="Quote")).to_have_value(QUOTE)
    expect(pull_quote.get_by_role("textbox", name="Attribution")).to_have_value("Mara Ellison")

    # The Writer writes the summary in our own words and signs it.
    paragraph = insert_block(page, "Paragraph")
    paragraph.locator("[contenteditable='true']").click()
    page.keyboard.type(OUR_PARAGRAPH)
    page.get_by_role("button", name="Choose author").click()
    page.get_by_role("dialog").get_by_role("link", name="Ada Marsh").click()
    expect(page.get_by_role("dialog")).to_have_count(0)

    # Autosave runs about 1.5 s after the last change: let it finish before submitting. (When an
    # autosave adds the byline row just before the submission, the submission, which has no id
    # for that row yet, adds it again and trips the one-author-once constraint.)
    network.wait_until_quiet(quiet_for=2.5)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Editorial review").click()
    expect(
        page.get_by_text(f"Page '{HEADLINE}' has been submitted for moderation.")
    ).to_be_visible()
    network.wait_until_quiet()
    draft.refresh_from_db()
    assert draft.workflow_in_progress and not draft.live

    # The Editor publishes it.
    editor_page = page.context.browser.new_context().new_page()
    editor_page.set_default_timeout(TIMEOUT)
    log_in(editor_page, base, "ed")
    editor_page.goto(f"{base}/admin/pages/{draft.pk}/edit/")
    editor_page.get_by_role("button", name="More actions").click()
    editor_page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(editor_page.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible()
    draft.refresh_from_db()
    assert draft.live

    # Readers see our summary, the quote, and the way to the original.
    reader = page.context.browser.new_context().new_page()
    reader.goto(f"{base}{draft.url}")
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(reader.get_by_text(OUR_PARAGRAPH)).to_be_visible()
    expect(reader.locator("blockquote").filter(has_text=QUOTE)).to_be_visible()
    source = reader.get_by_role("link", name="Read full article on Wendmouth Gazette")
    expect(source).to_have_attribute("href", CANONICAL)
    card = reader.locator(".publisher-card")
    expect(card.get_by_role("link", name="Wendmouth Gazette")).to_have_attribute(
        "href", "https://wendmouth-gazette.example/"
    )
    expect(card.get_by_text("The estuary's paper since 1887.")).to_be_visible()
