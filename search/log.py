"""Logging readers' searches for the editors' reports: best effort, never at a reader's expense.

A search is answered whether or not its log write succeeds: the write runs in a savepoint with a
short time limit, and a failure (a locked or read-only database, a value the table refuses) is
logged and forgotten. Old rows are deleted by ``garbage_collect``, which the scheduler runs.
"""

import logging
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from search.models import UnansweredQuery

logger = logging.getLogger(__name__)
# How long a log write may wait for a lock or run before the search gives up on logging it.
WRITE_TIMEOUT_MS = 250


def normalised(query):
    """The form Wagtail stores a query in, and that storing it again would not change.

    Wagtail truncates and then lowercases; lowercasing can lengthen text ("İ" becomes "i̇"), and
    saving truncates again, so a long query would be stored under a different string than the
    one looked up, and every repeat would try to insert it once more.
    """
    text = normalise_query_string(query)
    while (again := normalise_query_string(text)) != text:
        text = again
    return text


def promotions(query):
    """The editors' promoted results for ``query``, in order (one query, writing nothing)."""
    return (
        SearchPromotion.objects.filter(query__query_string=normalised(query))
        .select_related("page")
        .order_by("sort_order")
    )


@contextmanager
def _sqlite_busy_limit():
    """On SQLite, wait at most WRITE_TIMEOUT_MS for another writer's lock, then the connection's
    own timeout again."""
    if connection.vendor != "sqlite":
        yield
        return
    usual_ms = int(connection.settings_dict["OPTIONS"].get("timeout", 5) * 1000)
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {WRITE_TIMEOUT_MS:d}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {usual_ms:d}")


@contextmanager
def _postgres_time_limit():
    """On PostgreSQL, a transaction (or savepoint, so that a failure leaves an outer transaction
    usable) whose statements wait and run at most WRITE_TIMEOUT_MS each."""
    if connection.vendor != "postgresql":
        yield
        return
    nested = connection.in_atomic_block
    with transaction.atomic():
        limit = f"{WRITE_TIMEOUT_MS}ms"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, true), "
                "set_config('statement_timeout', %s, true)",
                [limit, limit],
            )
        yield
        if nested:
            # Local settings last until the outer transaction ends: give them back.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET LOCAL lock_timeout = DEFAULT; SET LOCAL statement_timeout = DEFAULT"
                )


def record_search(query, matched):
    """Count one search for ``query`` (and one unanswered search when nothing ``matched``).

    A query searched before today costs one UPDATE; only a new one writes more rows."""
    text = normalised(query)
    today = timezone.now().date()  # the date Wagtail's own add_hit uses
    try:
        with _sqlite_busy_limit(), _postgres_time_limit():
            counted = QueryDailyHits.objects.filter(query__query_string=text, date=today).update(
                hits=F("hits") + 1
            )
            if not counted or not matched:
                query_object = Query.get(text)
                if not counted:
                    query_object.add_hit(date=today)
                if not matched:
                    UnansweredQuery.record(query_object)
    except DatabaseError as error:
        # One line, no traceback: under a burst of writers on SQLite this is expected.
        logger.warning("Search not logged (%s): %r", error, query[:80])


def garbage_collect(days=None):
    """Delete logged searches older than WAGTAILSEARCH_HITS_MAX_AGE days, then the queries left
    with no hits and no promoted results. Returns the number of rows deleted."""
    days = settings.WAGTAILSEARCH_HITS_MAX_AGE if days is None else days
    before = timezone.localdate() - timedelta(days=days)
    deleted = QueryDailyHits.objects.filter(date__lt=before).delete()[0]
    deleted += UnansweredQuery.objects.filter(date__lt=before).delete()[0]
    deleted += Query.objects.filter(
        daily_hits__isnull=True, unanswered_days__isnull=True, editors_picks__isnull=True
    ).delete()[0]
    return deleted
