"""Several authors picked in one go with Wagtail's multiple chooser. Same live-server setup as
tests/test_browser_editor.py; a module of its own, because that setup restores the database once
per module."""

import re

import pytest
from playwright.sync_api import expect

from news.models import ArticlePage
from tests import factories
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


def test_several_authors_picked_in_one_go(page, live_server, newsroom):
    """ "Add author" opens Wagtail's chooser with checkboxes: two picks make a two-name byline."""
    factories.make_author("Ben Okafor")
    page.set_default_timeout(TIMEOUT)
    base = live_server.url
    network = Network(page)
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched = true; });"
    )

    log_in(page, base, "ed")
    page.goto(f"{base}/admin/pages/add/news/articlepage/{newsroom['section'].pk}/")
    page.wait_for_function("window.editsWatched === true")
    page.get_by_role("textbox", name="Title").fill(HEADLINE)
    page.get_by_role("textbox", name="Standfirst").fill(STANDFIRST)

    page.get_by_role("button", name="Add author").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("checkbox", name="Ada Marsh").check()
    dialog.get_by_role("checkbox", name="Ben Okafor").check()
    dialog.get_by_role("button", name="Confirm selection").click()
    expect(page.get_by_role("dialog")).to_have_count(0)

    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    network.wait_until_quiet()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible()
    network.wait_until_quiet()
    draft = ArticlePage.objects.get(title=HEADLINE).get_latest_revision_as_object()
    assert [author.name for author in draft.authors] == ["Ada Marsh", "Ben Okafor"]
