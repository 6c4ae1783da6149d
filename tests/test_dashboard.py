"""The newsroom's dashboard panels: what they list, for whom, and in how many queries."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from news.dashboard import (
    AwaitingReviewPanel,
    MyDraftsPanel,
    RecentlyPublishedPanel,
    ScheduledPanel,
)
from news.models import ArticlePage
from tests import editorial, factories


@pytest.fixture
def other_writer(db):
    return editorial.make_user("Writers", username="wes-writer")


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def find_panel(soup, panel_id):
    """Wagtail's panel template gives the section the id ``<panel id>-section``."""
    return soup.find(id=f"{panel_id}-section")


def panel_titles(soup, panel_id):
    panel = find_panel(soup, panel_id)
    if panel is None:
        return None
    return [cell.get_text(" ", strip=True) for cell in panel.select("td.title")]


def draft_by(user, section, title, submit=False):
    """An article saved (and optionally submitted) by ``user``, as the admin would do it."""
    article = factories.make_article(section, title, publish=False)
    revision = article.save_revision(user=user)
    if submit:
        article.get_workflow().start(article, user)
    article.refresh_from_db()
    return article, revision


def schedule(obj, user, go_live_at):
    obj.go_live_at = go_live_at
    revision = obj.save_revision(user=user)
    revision.publish(user=user)
    return revision


def test_my_drafts_lists_unsubmitted_work_of_the_user(client, section, writer, other_writer):
    draft_by(writer, section, "Draft about the weir")
    draft_by(writer, section, "Submitted story", submit=True)
    draft_by(other_writer, section, "Someone else's draft")
    live = factories.make_article(section, "Live with changes")
    live.title = "Live with changes (update)"
    live.save_revision(user=writer)

    titles = panel_titles(dashboard(client, writer), "newsroom-my-drafts")
    assert titles == ["Live with changes (update)", "Draft about the weir"]


def test_awaiting_review_shows_colleagues_queue_only_to_non_reviewers(
    client, section, writer, other_writer, editor
):
    draft_by(writer, section, "Flood defences delayed", submit=True)

    colleague = dashboard(client, other_writer)
    assert panel_titles(colleague, "newsroom-awaiting-review") == ["Flood defences delayed"]
    queue = find_panel(colleague, "newsroom-awaiting-review").get_text(" ", strip=True)
    assert "Editorial review: Editors approve" in queue
    assert "Wren Writer" in queue, "who submitted it"

    # The submitter sees it in Wagtail's "Your pages and snippets in a workflow" instead.
    own = dashboard(client, writer)
    assert panel_titles(own, "newsroom-awaiting-review") is None
    assert "Flood defences delayed" in find_panel(own, "objects-in-workflow").get_text()

    # Editors get Wagtail's "Awaiting your review", with the approve buttons; no second list.
    reviewer = dashboard(client, editor)
    assert panel_titles(reviewer, "newsroom-awaiting-review") is None
    assert "Flood defences delayed" in reviewer.get_text()


def test_scheduled_lists_pages_and_promos_in_time_order(client, section, editor):
    soon = timezone.now() + timedelta(hours=2)
    later = timezone.now() + timedelta(days=1)
    article = factories.make_article(section, "Budget embargoed until noon", publish=False)
    schedule(article, editor, later)
    promo = factories.make_promo("Election night live", publish=False)
    schedule(promo, editor, soon)
    expiring = factories.make_article(section, "Road closure notice")
    expiring.expire_at = timezone.now() + timedelta(days=3)
    expiring.save_revision(user=editor).publish(user=editor)
    factories.make_article(section, "Ordinary live story")

    soup = dashboard(client, editor)
    panel = find_panel(soup, "newsroom-scheduled")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in panel.select("tbody tr")
    ]
    assert [row[0] for row in rows] == [
        "Election night live",
        "Budget embargoed until noon",
        "Road closure notice",
    ]
    assert [row[2] for row in rows] == ["Goes live", "Goes live", "Unpublishes"]
    assert rows[0][1] == "Sidebar promo"
    links = [a["href"] for a in panel.select("td.title a")]
    assert reverse("wagtailsnippets_news_sidebarsnippet:edit", args=[promo.pk]) in links
    assert editorial.edit_url(article) in links


def test_scheduled_marks_what_publish_scheduled_has_not_run_for_yet(client, section, editor):
    article = factories.make_article(section, "Overdue story", publish=False)
    revision = schedule(article, editor, timezone.now() + timedelta(hours=1))
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=5)
    )
    panel = find_panel(dashboard(client, editor), "newsroom-scheduled")
    assert "Goes live (due)" in panel.get_text(" ", strip=True)


def test_scheduled_promo_has_no_edit_link_for_writers(client, editor, writer):
    promo = factories.make_promo("Election night live", publish=False)
    schedule(promo, editor, timezone.now() + timedelta(hours=2))
    panel = find_panel(dashboard(client, writer), "newsroom-scheduled")
    assert "Election night live" in panel.get_text()
    assert panel.select("td.title a") == []


def test_recently_published_lists_the_last_ten_live_articles(client, section, writer):
    business = factories.make_section("Business")
    for n in range(12):
        factories.make_article(business if n % 2 else section, f"Story {n:02}")
    factories.make_article(section, "Never published", publish=False)

    panel = find_panel(dashboard(client, writer), "newsroom-recently-published")
    titles = [cell.get_text(strip=True) for cell in panel.select("td.title")]
    assert titles == [f"Story {n:02}" for n in range(11, 1, -1)]
    assert "Business" in panel.get_text()
    assert "News" in panel.get_text()
    story = ArticlePage.objects.get(title="Story 11")
    assert story.url in [a["href"] for a in panel.find_all("a")]


def test_edit_links_only_where_the_user_may_edit(section, writer):
    """Links come from Wagtail's AdminURLFinder, which checks the user's permissions."""
    story = factories.make_article(section, "Story for everyone")
    reader = get_user_model().objects.create_user(username="admin-reader")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))

    for user, expected in ((writer, [editorial.edit_url(story)]), (reader, [])):
        request = RequestFactory().get("/admin/")
        request.user = user
        html = RecentlyPublishedPanel().render_html({"request": request, "csrf_token": "token"})
        title_cell = BeautifulSoup(html, "html.parser").select_one("td.title")
        assert title_cell.get_text(strip=True) == "Story for everyone"
        assert [a["href"] for a in title_cell.find_all("a")] == expected


def render_queries(panel, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    context = {"request": request, "csrf_token": "token"}
    panel.render_html(context)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        html = panel.render_html(context)
    return len(captured), html


def grow(section, writer, other_writer, editor, start, count):
    for n in range(start, start + count):
        draft_by(writer, section, f"Draft {n}")
        draft_by(other_writer, section, f"Queued {n}", submit=True)
        schedule(
            factories.make_article(section, f"Scheduled {n}", publish=False),
            editor,
            timezone.now() + timedelta(hours=n + 1),
        )
        schedule(
            factories.make_promo(f"Promo {n}", publish=False),
            editor,
            timezone.now() + timedelta(hours=n + 1),
        )
        factories.make_article(section, f"Published {n}")


@pytest.mark.parametrize(
    "panel_class", [MyDraftsPanel, AwaitingReviewPanel, ScheduledPanel, RecentlyPublishedPanel]
)
def test_panels_run_a_fixed_number_of_queries(section, writer, other_writer, editor, panel_class):
    grow(section, writer, other_writer, editor, 0, 2)
    small, small_html = render_queries(panel_class(), writer)
    grow(section, writer, other_writer, editor, 2, 8)
    large, large_html = render_queries(panel_class(), writer)
    assert large_html.count("<tr>") > small_html.count("<tr>") > 0
    assert large <= small, f"{panel_class.__name__}: {small} queries for 2 rows, {large} for 10"
