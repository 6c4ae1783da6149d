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
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
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


def find_query(query):
    """The logged ``Query`` for ``query`` if there is one, without writing anything."""
    return Query.objects.filter(query_string=normalised(query)).first()


@contextmanager
def _sqlite_busy_limit():
    """On SQLite, wait at most WRITE_TIMEOUT_MS for another writer's lock (set before the
    transaction begins: Django's SQLite transactions take the write lock as they begin)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        (previous,) = cursor.execute("PRAGMA busy_timeout").fetchone()
        cursor.execute(f"PRAGMA busy_timeout = {WRITE_TIMEOUT_MS:d}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(previous):d}")


@contextmanager
def _postgres_time_limit():
    """On PostgreSQL, let each enclosed statement wait and run at most WRITE_TIMEOUT_MS (then
    the server's defaults again, should an outer transaction go on)."""
    if connection.vendor != "postgresql":
        yield
        return
    limit = f"{WRITE_TIMEOUT_MS}ms"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL lock_timeout = %s", [limit])
        cursor.execute("SET LOCAL statement_timeout = %s", [limit])
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL lock_timeout = DEFAULT")
        cursor.execute("SET LOCAL statement_timeout = DEFAULT")


def record_search(query, matched):
    """Count one search for ``query`` (and one unanswered search when nothing ``matched``)."""
    try:
        with _sqlite_busy_limit(), transaction.atomic(), _postgres_time_limit():
            query_object = Query.get(normalised(query))
            query_object.add_hit()
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
