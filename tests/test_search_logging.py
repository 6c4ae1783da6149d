"""Logging searches is best effort, keeps one row per query however it is spelt, forgets old
rows on schedule, and exports to spreadsheets as plain text."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import log
from search.models import UnansweredQuery
from tests import factories

pytestmark = pytest.mark.django_db

DOTTED_I = "İ" * 128  # lowercases to 256 characters: longer than the stored 255


def test_a_query_that_grows_when_lowercased_can_be_repeated(client, home):
    for _ in range(3):
        assert client.get("/search/", {"query": DOTTED_I}).status_code == 200
    assert Query.objects.count() == 1
    assert Query.objects.get().hits == 3


def test_normalised_queries_are_stable():
    once = log.normalised(DOTTED_I)
    assert log.normalised(once) == once
    assert len(once) <= 255


@pytest.fixture
def failing_log_table():
    """The daily-hits table refuses every insert, as a full disk or a lost permission would."""
    table = QueryDailyHits._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_log_row() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'log is unavailable'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER refuse_log BEFORE INSERT OR UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_log_row()"
            )
        else:
            for event in ("INSERT", "UPDATE"):
                cursor.execute(
                    f"CREATE TRIGGER refuse_log_{event.lower()} BEFORE {event} ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'log is unavailable'); END"
                )
    # The test's transaction is rolled back afterwards, and the triggers with it.


def test_a_failed_log_write_does_not_fail_the_search(client, section, failing_log_table):
    factories.make_article(section, "Ferry fares frozen")
    response = client.get("/search/", {"query": "ferry"})
    assert response.status_code == 200
    assert "Ferry fares frozen" in response.content.decode()
    missing = client.get("/search/", {"query": "quokka"})
    assert missing.status_code == 200
    assert not QueryDailyHits.objects.exists()


def test_old_log_rows_are_garbage_collected(settings, home):
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 30
    today = timezone.localdate()
    old, recent, promoted = Query.get("tram strike"), Query.get("ferry"), Query.get("council")
    for query in (old, promoted):
        QueryDailyHits.objects.create(query=query, date=today - timedelta(days=31), hits=5)
        UnansweredQuery.objects.create(query=query, date=today - timedelta(days=31), hits=5)
    QueryDailyHits.objects.create(query=recent, date=today - timedelta(days=29), hits=2)
    UnansweredQuery.objects.create(query=recent, date=today - timedelta(days=29), hits=2)
    promoted.editors_picks.create(
        external_link_url="https://example.com/", external_link_text="Council"
    )

    assert log.garbage_collect() > 0

    assert set(Query.objects.values_list("query_string", flat=True)) == {"ferry", "council"}
    assert list(QueryDailyHits.objects.values_list("query__query_string", flat=True)) == ["ferry"]
    assert list(UnansweredQuery.objects.values_list("query__query_string", flat=True)) == ["ferry"]


@pytest.mark.parametrize("url", ["/admin/reports/searches-without-results/", "search_terms"])
def test_csv_exports_neutralise_formulas(admin_client, home, url):
    for query in ["=1+2 cmd", "+sum", "-2+3 x", "@SUM A1", "plain words"]:
        assert admin_client.get("/search/", {"query": query}).status_code == 200
    if not url.startswith("/"):
        url = reverse(f"wagtailsearchpromotions:{url}")
    export = admin_client.get(url, {"export": "csv"})
    assert export.status_code == 200
    lines = b"".join(export.streaming_content).decode().splitlines()[1:]
    cells = sorted(line.split(",")[0] for line in lines)
    assert cells == ["'+sum", "'-2+3 x", "'=1+2 cmd", "'@sum a1", "plain words"]


def test_a_slow_log_write_does_not_hold_up_the_search(client, section):
    """Another session holds the log table locked (a long report export, a migration): the
    search is answered, without its log row, instead of waiting for the lock."""
    if connection.vendor != "postgresql":
        pytest.skip("table locks held by another session: PostgreSQL only")
    import psycopg

    factories.make_article(section, "Ferry fares frozen")
    settings = connection.settings_dict
    other = psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
    )
    try:
        other.execute(f"LOCK TABLE {QueryDailyHits._meta.db_table} IN ACCESS EXCLUSIVE MODE")
        response = client.get("/search/", {"query": "ferry"})
    finally:
        other.rollback()
        other.close()
    assert response.status_code == 200
    assert "Ferry fares frozen" in response.content.decode()
