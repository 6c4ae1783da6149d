"""A writer drafts an article in the real admin, an editor approves it, readers see it.

Runs Chromium against Django's live server. live_server tests are transactional, and the flush
after each deletes what data migrations made (root page, site, groups, workflow):
``serialized_rollback=True`` reloads that data before the test, and a module fixture puts the
database back as it was afterwards, for the tests that run later.
"""

import re
import time

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread
from playwright.sync_api import expect

from news.models import ArticlePage
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TIMEOUT = 30_000  # ms; the admin loads a lot of JavaScript, and CI machines are slow
HEADLINE = "Weir gates to open on Monday"
STANDFIRST = "The weir gates open on Monday morning. Anglers say they were not asked."
SUBHEAD = "What the anglers say"
QUOTE = "The river belongs to everyone, not just the council."
ATTRIBUTION = "Angling club secretary"
PASSWORD = "a-long-browser-test-password"


@pytest.fixture(scope="module", autouse=True)
def _leave_the_database_as_it_was(django_db_setup, django_db_blocker):
    """The transactional test ends with a flush, which empties every table, but tests that pytest
    orders after this module may still expect the root page, site, groups and workflow that the
    migrations made. Snapshot the database before the test and reload it afterwards (as
    serialized_rollback does at the start of a test), then reset the sequences the flush rewound.
    Module scope, so that the reload runs after the test's own teardown."""
    with django_db_blocker.unblock():
        snapshots = {
            connection.alias: connection.creation.serialize_db_to_string()
            for connection in connections.all()
        }
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            # The test's flush may have run post_migrate (new content types and permissions):
            # start again from empty tables, then reload the snapshot with its own keys.
            call_command(
                "flush",
                database=connection.alias,
                interactive=False,
                verbosity=0,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(snapshots[connection.alias])
            statements = connection.ops.sequence_reset_sql(
                no_style(), apps.get_models(include_auto_created=True)
            )
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        ContentType.objects.clear_cache()


class OneRequestAtATimeServer(WSGIServer):
    """A live server that handles requests one after another, on the live server's thread."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _serial_live_server_on_in_memory_sqlite():
    """On SQLite the test database lives in memory, and the live server's request threads all
    share the test's one connection: the editor's overlapping autosave, preview and submit
    requests then collide ("cannot start a transaction within a transaction"). Real servers give
    each request its own connection. Serving one request at a time avoids the collision;
    PostgreSQL keeps Django's threaded server. Takes effect if no live server has started yet."""
    database = settings.DATABASES["default"]
    in_memory = database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME")
    if not in_memory:
        yield
        return
    original = LiveServerThread.server_class
    LiveServerThread.server_class = OneRequestAtATimeServer
    yield
    LiveServerThread.server_class = original


class Network:
    """Tracks the page's requests, to act only once autosave and preview have settled."""

    def __init__(self, page):
        self.page = page
        self.pending = set()
        self.last_change = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._finished)

    def _started(self, request):
        self.pending.add(request)
        self.last_change = time.monotonic()

    def _finished(self, request):
        self.pending.discard(request)
        self.last_change = time.monotonic()

    def wait_until_quiet(self, quiet_for=1.0, timeout=TIMEOUT / 1000):
        deadline = time.monotonic() + timeout
        while self.pending or time.monotonic() - self.last_change < quiet_for:
            assert time.monotonic() < deadline, f"requests still running: {self.pending}"
            self.page.wait_for_timeout(100)  # lets Playwright deliver request events


@pytest.fixture(autouse=True)
def _patient_expectations():
    expect.set_options(timeout=TIMEOUT)
    yield
    expect.set_options(timeout=5_000)  # Playwright's default


@pytest.fixture
def newsroom(db):
    users = get_user_model().objects
    writer = users.create_user(
        "wren", "wren@newsroom.example", PASSWORD, first_name="Wren", last_name="Writer"
    )
    writer.groups.add(Group.objects.get(name="Writers"))
    editor = users.create_user(
        "ed", "ed@newsroom.example", PASSWORD, first_name="Ed", last_name="Editor"
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    return {
        "section": factories.make_section("News"),
        "author": factories.make_author("Ada Marsh"),
        "writer": writer,
        "editor": editor,
    }


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def stream_block(page, block_type):
    """The StreamField child whose heading names ``block_type`` (e.g. "Pull quote")."""
    return page.locator("[data-streamfield-child]").filter(
        has=page.locator(".c-sf-block__type", has_text=block_type)
    )


def insert_block(page, block_type):
    """Open the block picker at the end of the body and choose ``block_type``."""
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=block_type, exact=True).click()
    expect(stream_block(page, block_type)).to_have_count(1)
    return stream_block(page, block_type)


def test_writer_drafts_editor_approves_readers_see_it(page, live_server, newsroom):
    page.set_default_timeout(TIMEOUT)
    base = live_server.url
    section = newsroom["section"]
    network = Network(page)

    # Wagtail's editor notes the form's starting state two seconds after it opens and autosaves
    # only changes made after that; a person is slower than that, a test must wait for it.
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched = true; });"
    )

    # The writer adds an article under the section, from the page explorer.
    log_in(page, base, "wren")
    page.goto(f"{base}/admin/pages/{section.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/news/articlepage/\d+/$"))
    page.wait_for_function("window.editsWatched === true")

    page.get_by_role("textbox", name="Title").fill(HEADLINE)
    page.get_by_role("textbox", name="Standfirst").fill(STANDFIRST)
    page.get_by_role("button", name="Choose author").click()
    page.get_by_role("dialog").get_by_role("link", name="Ada Marsh").click()
    expect(page.get_by_role("dialog")).to_have_count(0)

    insert_block(page, "Subhead").get_by_role("textbox").fill(SUBHEAD)
    pull_quote = insert_block(page, "Pull quote")
    pull_quote.get_by_role("textbox", name="Quote").fill(QUOTE)
    pull_quote.get_by_role("textbox", name="Attribution").fill(ATTRIBUTION)

    # The live preview panel renders the unsaved draft, pull quote included.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(preview.get_by_text(QUOTE)).to_be_visible()
    expect(preview.get_by_text(SUBHEAD)).to_be_visible()

    # Autosave (about 1.5 s after typing stops) creates the page and moves the editor to its
    # edit view; submit from there, once autosave and preview are done, so the submission
    # cannot race them.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    network.wait_until_quiet()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Editorial review").click()
    expect(
        page.get_by_text(f"Page '{HEADLINE}' has been submitted for moderation.")
    ).to_be_visible()
    network.wait_until_quiet()

    article = ArticlePage.objects.get(title=HEADLINE)
    assert article.workflow_in_progress
    assert not article.live
    assert page.request.get(f"{base}{section.url}{article.slug}/").status == 404

    # The editor finds it on the dashboard, opens it and approves it.
    editor_page = page.context.browser.new_context().new_page()
    editor_page.set_default_timeout(TIMEOUT)
    log_in(editor_page, base, "ed")
    editor_page.get_by_role("link", name=HEADLINE).first.click()
    expect(editor_page).to_have_url(re.compile(rf"/admin/pages/{article.pk}/edit/$"))
    editor_page.get_by_role("button", name="More actions").click()
    editor_page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(editor_page.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible()

    article.refresh_from_db()
    assert article.live
    assert not article.workflow_in_progress

    # Readers see it, in the section and on its own page.
    reader = page.context.browser.new_context().new_page()
    reader.goto(f"{base}{section.url}")
    reader.get_by_role("link", name=HEADLINE).first.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(reader.get_by_text(QUOTE)).to_be_visible()
    expect(reader.get_by_role("heading", name=SUBHEAD)).to_be_visible()
    expect(reader.get_by_role("link", name="Ada Marsh").first).to_be_visible()
