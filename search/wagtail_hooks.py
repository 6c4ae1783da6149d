"""Admin reports on what readers search for.

* "Searches without results": queries that found nothing in the last 30 days (UnansweredQuery),
  most frequent first, so editors can fill the gaps or add a promoted result.
* "Search terms": Wagtail's own popular-queries report (wagtail.contrib.search_promotions) is for
  superusers only. Editors, who manage promoted results, get the same report at an address of
  their own; superusers keep Wagtail's menu item.

Both are shown to users who may add, change or delete promoted results (the Editors group).
"""

from datetime import timedelta

from django.db.models import Max, Q, Sum
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.permission_policies import ModelPermissionPolicy

REPORT_DAYS = 30
promotions = ModelPermissionPolicy(SearchPromotion)
# A spreadsheet runs a cell that starts with one of these as a formula: readers type the queries.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def manages_search(user):
    return promotions.user_has_any_permission(user, ["add", "change", "delete"])


class PlainTextExportMixin:
    """CSV exports whose cells a spreadsheet shows as text, never evaluates (CSV injection)."""

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(
            writer, {field: neutralised(value) for field, value in row_dict.items()}
        )


def neutralised(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class UnansweredSearchesReportView(PlainTextExportMixin, ReportView):
    page_title = "Searches without results"
    header_icon = "search"
    index_url_name = "search_unanswered_report"
    index_results_url_name = "search_unanswered_report_results"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-total_hits"
    columns = [
        Column("query_string", label="Search terms", sort_key="query_string"),
        NumberColumn("total_hits", label="Searches", sort_key="total_hits"),
        DateColumn("last_seen", label="Last searched", sort_key="last_seen"),
    ]
    list_export = ["query_string", "total_hits", "last_seen"]
    export_headings = {
        "query_string": "Search terms",
        "total_hits": "Searches",
        "last_seen": "Last searched",
    }

    def dispatch(self, request, *args, **kwargs):
        if not manages_search(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"Last {REPORT_DAYS} days"

    def get_base_queryset(self):
        since = timezone.localdate() - timedelta(days=REPORT_DAYS - 1)
        recent = Q(unanswered_days__date__gte=since)
        return (
            Query.objects.filter(recent)
            .annotate(
                total_hits=Sum("unanswered_days__hits", filter=recent),
                last_seen=Max("unanswered_days__date", filter=recent),
            )
            .filter(total_hits__gt=0)
        )

    def order_queryset(self, queryset):
        # Ties: the most recent first, then alphabetical, so that pages are stable.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-last_seen", "query_string")


class PlainTextSearchTermsReportView(PlainTextExportMixin, SearchTermsReportView):
    """Wagtail's "Search terms" report (superusers only) with a safe CSV export; it answers at
    Wagtail's own address, as this app's admin URLs are registered first."""


class EditorsSearchTermsReportView(PlainTextSearchTermsReportView):
    """Wagtail's "Search terms" report, for the users who manage promoted results."""

    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"

    def dispatch(self, request, *args, **kwargs):
        if not manages_search(request.user):
            return permission_denied(request)
        # Skip Wagtail's superuser-only check, keep everything else.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


class SearchManagersMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_search(request.user)


class EditorsSearchTermsMenuItem(SearchManagersMenuItem):
    def is_shown(self, request):
        # Superusers see Wagtail's own "Search terms" item.
        return not request.user.is_superuser and super().is_shown(request)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/searches-without-results/",
            UnansweredSearchesReportView.as_view(),
            name="search_unanswered_report",
        ),
        path(
            "reports/searches-without-results/results/",
            UnansweredSearchesReportView.as_view(results_only=True),
            name="search_unanswered_report_results",
        ),
        path(
            "searchpicks/reports/search-terms/",
            PlainTextSearchTermsReportView.as_view(),
            name="search_terms_report_superusers",
        ),
        path(
            "reports/search-terms/",
            EditorsSearchTermsReportView.as_view(),
            name="search_terms_report",
        ),
        path(
            "reports/search-terms/results/",
            EditorsSearchTermsReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return SearchManagersMenuItem(
        "Searches without results",
        reverse("search_unanswered_report"),
        name="searches-without-results",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_editors_search_terms_menu_item():
    return EditorsSearchTermsMenuItem(
        "Search terms",
        reverse("search_terms_report"),
        name="editors-search-terms",
        icon_name="search",
        order=1300,
    )
