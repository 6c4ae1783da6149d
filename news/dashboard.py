"""Newsroom panels for the Wagtail dashboard (registered in news/wagtail_hooks.py).

Wagtail already shows "Awaiting your review" (tasks the user can act on), "Your pages and snippets
in a workflow" (what the user submitted or owns), "Your most recent edits" and "Your locked pages".
These panels add what the desk needs on top of that, without repeating those lists:

- My drafts: the user's unfinished pages that are not yet submitted or scheduled.
- Awaiting review: the rest of the desk's review queue, for people who cannot approve it.
- Scheduled: what goes live or comes down next, pages and promos alike.
- Recently published: the last articles that went live.

Every panel runs a fixed number of queries, however many rows it lists.
"""

from django.db.models import CharField, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

from news.models import ArticlePage, SidebarSnippet


def _page_pk_matches_object_id():
    """Revisions and workflow states keep object ids as text; compare them with a page's pk."""
    return Cast(OuterRef("pk"), output_field=CharField())


def _kind(obj):
    return type(obj)._meta.verbose_name


class NewsroomPanel(Component):
    """A dashboard panel: a heading and a short table, hidden when it has nothing to show."""

    limit = 10
    order = 400
    heading = ""
    panel_id = ""

    def get_rows(self, request):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "request": request,
            "rows": self.get_rows(request),
            "heading": self.heading,
            "panel_id": self.panel_id,
        }


class MyDraftsPanel(NewsroomPanel):
    """Pages whose latest revision is the user's, unpublished or with unpublished changes.

    Pages in a workflow are listed by Wagtail's own "Your pages and snippets in a workflow" panel,
    and scheduled ones by the Scheduled panel, so they are left out here.
    """

    name = "newsroom_my_drafts"
    template_name = "news/dashboard/my_drafts.html"
    heading = "My drafts"
    panel_id = "newsroom-my-drafts"
    order = 205

    def get_rows(self, request):
        in_workflow = WorkflowState.objects.active().filter(
            base_content_type=get_default_page_content_type(),
            object_id=_page_pk_matches_object_id(),
        )
        pages = (
            Page.objects.filter(latest_revision__user=request.user)
            .filter(Q(live=False) | Q(has_unpublished_changes=True))
            .filter(latest_revision__approved_go_live_at__isnull=True)
            .exclude(Exists(in_workflow))
            .order_by("-latest_revision_created_at", "-pk")
            .specific(defer=True)[: self.limit]
        )
        edit_urls = AdminURLFinder(request.user)
        return [
            {
                "page": page,
                "edit_url": edit_urls.get_edit_url(page),
                "status": "live + draft" if page.live else "draft",
                "edited_at": page.latest_revision_created_at,
                "kind": _kind(page),
            }
            for page in pages
        ]


class AwaitingReviewPanel(NewsroomPanel):
    """Pages in a review workflow that the user can neither act on nor already sees elsewhere.

    Reviewers (Editors) get Wagtail's "Awaiting your review" panel with its approve and reject
    buttons, and everybody gets "Your pages and snippets in a workflow" for their own; this
    panel shows a writer the rest of the queue, so nobody files the same story twice.
    """

    name = "newsroom_awaiting_review"
    template_name = "news/dashboard/awaiting_review.html"
    heading = "Awaiting review"
    panel_id = "newsroom-awaiting-review"
    order = 215

    def get_rows(self, request):
        user = request.user
        owned_by_user = Exists(
            Page.objects.filter(
                owner=user, pk=Cast(OuterRef("object_id"), output_field=IntegerField())
            )
        )
        states = (
            WorkflowState.objects.active()
            .filter(base_content_type=get_default_page_content_type())
            .exclude(requested_by=user)
            .exclude(owned_by_user)
            .exclude(current_task_state__in=TaskState.objects.reviewable_by(user).values("pk"))
            .select_related("workflow", "requested_by", "current_task_state__task")
            .prefetch_related("content_object")
            .order_by("current_task_state__started_at", "pk")[: self.limit]
        )
        edit_urls = AdminURLFinder(user)
        rows = []
        for state in states:
            page = state.content_object
            if page is None:
                continue
            task_state = state.current_task_state
            rows.append(
                {
                    "page": page,
                    "edit_url": edit_urls.get_edit_url(page),
                    "workflow": state.workflow.name,
                    "task": task_state.task.name if task_state else "",
                    "requested_by": state.requested_by,
                    "since": task_state.started_at if task_state else state.created_at,
                }
            )
        return rows


class ScheduledPanel(NewsroomPanel):
    """What goes live next (approved scheduled revisions) and what comes down next (expiry)."""

    name = "newsroom_scheduled"
    template_name = "news/dashboard/scheduled.html"
    heading = "Scheduled"
    panel_id = "newsroom-scheduled"
    order = 255

    def get_rows(self, request):
        edit_urls = AdminURLFinder(request.user)
        now = timezone.now()
        rows = []

        # Publishing a revision with a future go-live time marks it approved_go_live_at; the
        # publish_scheduled command publishes it once that time has passed.
        revisions = (
            Revision.objects.filter(approved_go_live_at__isnull=False)
            .select_related("user")
            .prefetch_related("content_object")
            .order_by("approved_go_live_at", "pk")[: self.limit]
        )
        for revision in revisions:
            obj = revision.content_object
            if obj is None:
                continue
            rows.append(
                {
                    "title": revision.object_str or str(obj),
                    "kind": _kind(obj),
                    "action": "Goes live",
                    "when": revision.approved_go_live_at,
                    "overdue": revision.approved_go_live_at <= now,
                    "by": revision.user,
                    "edit_url": edit_urls.get_edit_url(obj),
                }
            )

        # Live content with an expiry time is unpublished by the same command.
        expiring = [
            *Page.objects.live()
            .filter(expire_at__isnull=False)
            .order_by("expire_at", "pk")
            .specific(defer=True)[: self.limit],
            *SidebarSnippet.objects.filter(live=True, expire_at__isnull=False).order_by(
                "expire_at", "pk"
            )[: self.limit],
        ]
        for obj in expiring:
            rows.append(
                {
                    "title": obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
                    "kind": _kind(obj),
                    "action": "Unpublishes",
                    "when": obj.expire_at,
                    "overdue": obj.expire_at <= now,
                    "by": None,
                    "edit_url": edit_urls.get_edit_url(obj),
                }
            )
        rows.sort(key=lambda row: row["when"])
        return rows[: self.limit]


class RecentlyPublishedPanel(NewsroomPanel):
    """The last articles to go live, newest first, with their section."""

    name = "newsroom_recently_published"
    template_name = "news/dashboard/recently_published.html"
    heading = "Recently published"
    panel_id = "newsroom-recently-published"
    order = 265

    def get_rows(self, request):
        articles = (
            ArticlePage.objects.live()
            .filter(last_published_at__isnull=False)
            .select_related("section")
            .order_by("-last_published_at", "-pk")[: self.limit]
        )
        edit_urls = AdminURLFinder(request.user)
        return [
            {
                "page": article,
                "edit_url": edit_urls.get_edit_url(article),
                "live_url": article.get_url(request),
                "section": article.section.title if article.section else "",
                "published_at": article.last_published_at,
            }
            for article in articles
        ]


def newsroom_panels():
    return [MyDraftsPanel(), AwaitingReviewPanel(), ScheduledPanel(), RecentlyPublishedPanel()]
