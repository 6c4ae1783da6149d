"""A new article's byline opens with one empty "Author" row: drafts and previews do without an
author, publishing asks for one, once. Same live-server setup as tests/test_browser_editor.py (its
fixtures keep the database as the migrations made it for the tests that run after).
"""

import re

import pytest
from playwright.sync_api import expect

from news.forms import NO_AUTHOR_MESSAGE
from news.models import ArticlePage
from tests import test_browser_editor as editor_setup
from tests.test_browser_editor import HEADLINE, STANDFIRST, TIMEOUT, Network, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

_leave_the_database_as_it_was = editor_setup._leave_the_database_as_it_was
_serial_live_server_on_in_memory_sqlite = editor_setup._serial_live_server_on_in_memory_sqlite
_patient_expectations = editor_setup._patient_expectations
newsroom = editor_setup.newsroom


def test_draft_without_author_saves_and_previews_but_does_not_publish(page, live_server, newsroom):
    """The byline opens with one empty "Author" row; leaving it empty is fine until publishing."""
    page.set_default_timeout(TIMEOUT)
    base = live_server.url
    network = Network(page)
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched = true; });"
    )

    log_in(page, base, "ed")
    page.goto(f"{base}/admin/pages/add/news/articlepage/{newsroom['section'].pk}/")
    page.wait_for_function("window.editsWatched === true")
    expect(page.get_by_role("button", name="Choose author")).to_have_count(1)
    page.get_by_role("textbox", name="Title").fill(HEADLINE)
    page.get_by_role("textbox", name="Standfirst").fill(STANDFIRST)

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(HEADLINE)

    # Autosave (about 1.5 s after typing stops) creates the draft, author or not, and moves the
    # editor to its edit view; saving from there cannot race the autosave that creates the page.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    network.wait_until_quiet()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible()
    network.wait_until_quiet()
    article = ArticlePage.objects.get(title=HEADLINE)
    assert not article.live
    assert article.get_latest_revision_as_object().authors == []

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("The page could not be saved due to validation errors")).to_be_visible()
    expect(page.get_by_text(NO_AUTHOR_MESSAGE)).to_have_count(1)
    article.refresh_from_db()
    assert not article.live
