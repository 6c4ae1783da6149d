"""Which articles match a query, and in what order: the search backend's answers, found fast.

The search engine asks three questions: the matching articles in relevance order, which of them
match in the headline alone, and which contain the query as a phrase. On backends other than the
database ones these are the backend's own ``search()`` calls.

On PostgreSQL the ranked matches and the headline matches are read from the index table with the
backend's own text-search query and rank, in a way that uses the GIN indexes (see
``_postgres_ranked_ids``); the phrase test is the backend's call.

modelsearch's SQLite (FTS5) backend gives the same answers slowly on a real archive. It ranks with
a correlated subquery that reruns the full-text match for every matching row, and its unranked
query lets SQLite's planner probe the FTS table row by row: "council" over 10,000 articles took
25-50 s ranked and about 1.5 s unranked (bench/search_latency.py). With the MATCH driving the query,
FTS5 answers in tens of milliseconds. So on SQLite the questions go to the index tables directly,
with the backend's semantics: every whitespace-separated word in the title or body column, ranked
by BM25 times (title norm + 1), ties newest id first, articles only.
tests/test_search_relevance.py checks that both paths return the same articles in the same order.

Both databases stem: PostgreSQL with its ``english`` configuration, SQLite with FTS5's ``porter``
tokenizer (search/migrations/0003 creates the index table with it), so "councils" finds "council"
in the index itself.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db import connection, transaction
from django.db.models import F, IntegerField
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Phrase

from news.models import ArticlePage


def uses_sqlite_fts():
    """True when searches go to SQLite's FTS5 tables (the database backend on SQLite)."""
    if connection.vendor != "sqlite":
        return False
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return isinstance(get_search_backend(), SQLiteSearchBackend)


def uses_postgres_search():
    """True when searches go to PostgreSQL's full-text search (the database backend there)."""
    if connection.vendor != "postgresql":
        return False
    from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(get_search_backend(), PostgresSearchBackend)


def relevance_order(queryset, query):
    """Ids of every article in ``queryset`` that matches ``query``, best first.

    ``queryset`` may only filter on the model's FilterFields (as ``searchable()`` does): other
    backends run it through ``search()``, which refuses other filters.
    """
    if uses_postgres_search():
        ordered = _postgres_ranked_ids(query)
        allowed = set(with_ids(queryset, ordered).values_list("pk", flat=True))
        return [pk for pk in ordered if pk in allowed]
    if not uses_sqlite_fts():
        return _ids(queryset.only("pk").search(query))
    ordered = _fts_ids(_every_word(query, ["title", "body"]), ranked=True)
    allowed = set(matching(queryset, query).values_list("pk", flat=True))
    return [pk for pk in ordered if pk in allowed]


def matching(queryset, query, ranked=None):
    """``queryset`` narrowed to the articles that match ``query``, still a queryset (unordered), so
    that filters, counts and facets run in the database. ``ranked``: the ids from
    ``relevance_order`` when already known, which saves other backends a second search."""
    if uses_sqlite_fts():
        sql, params = _fts_sql(_every_word(query, ["title", "body"]))
        if not sql:
            return queryset.none()
        return queryset.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (the query is a parameter)
    if ranked is None:
        ranked = _ids(queryset.only("pk").search(query, order_by_relevance=False))
    return with_ids(queryset, ranked)


def with_ids(queryset, ids, field="pk"):
    """``queryset`` narrowed to the rows whose ``field`` is one of ``ids``, however many.

    On PostgreSQL the ids go as one array, written out as a single text parameter: a statement
    takes at most 65,535 parameters, and psycopg quotes a list of thousands of numbers slowly
    (~10 ms for 5,000), for each query that repeats it.
    """
    if connection.vendor != "postgresql":
        return queryset.filter(**{f"{field}__in": list(ids)})
    array = "{" + ",".join(map(str, map(int, ids))) + "}"
    return queryset.filter(**{f"{field}__in": RawSQL("SELECT unnest(%s::integer[])", [array])})


def headlines_matching(ids, query):
    """The articles among ``ids`` whose headline contains every word of ``query``, as a dict of
    their ids and headlines."""
    if uses_postgres_search():
        found = _postgres_headline_matches(query)
        return {pk: found[pk] for pk in ids if pk in found}
    if not uses_sqlite_fts():
        # Filter on "id", one of Page's FilterFields, so that Elasticsearch accepts it too.
        candidates = ArticlePage.objects.filter(id__in=ids).only("pk")
        matched = _ids(candidates.search(query, fields=["title"], order_by_relevance=False))
    else:
        matched = set(ids) & set(_fts_ids(_every_word(query, ["title"])))
    return dict(with_ids(ArticlePage.objects.all(), matched).values_list("pk", "title"))


def _postgres_tsquery(query):
    """The backend's own text-search query for ``query`` and its rank weights."""
    backend = get_search_backend()
    compiler = backend.query_compiler_class(ArticlePage.objects.all(), query)
    return compiler.build_tsquery(compiler.query, config=compiler.get_config(backend)), compiler


def _postgres_ranked_ids(query):
    """Ids of every article whose index entry matches ``query``, best first, ranked as the backend
    ranks: ts_rank of the headline times its norm plus ts_rank of the body, ties newest id first.

    The backend's query matches ``title || body`` row by row. For a common word PostgreSQL's
    planner takes that for cheap and scans the whole table, concatenating two vectors per entry,
    when the GIN index on the same expression (search/migrations/0002) finds the matches at once
    (about 2x faster for the whole query at 10,000 articles, bench/search_latency.py). Sequential
    scans are turned off for this one statement; the filter names no other column, so the index
    is the only way left.
    """
    from wagtail.search.models import IndexEntry

    tsquery, compiler = _postgres_tsquery(query)
    vector = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    weights = compiler.sql_weights
    entries = (
        IndexEntry.objects.annotate(vector=vector)
        .filter(vector=tsquery)
        .annotate(
            rank=SearchRank(F("title"), tsquery, weights=weights) * F("title_norm")
            + SearchRank(F("body"), tsquery, weights=weights),
            article_id=Cast("object_id", IntegerField()),
        )
        .order_by("-rank", "-article_id")
        .values_list("article_id", "content_type_id")
    )
    article_type = ContentType.objects.get_for_model(ArticlePage).pk
    # SET LOCAL holds until the transaction ends: a transaction of its own in autocommit, or set
    # back at once inside a caller's (a failed query rolls the setting back with it).
    in_callers_transaction = connection.in_atomic_block
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        rows = list(entries)
        if in_callers_transaction:
            cursor.execute("SET LOCAL enable_seqscan = on")
    return [pk for pk, content_type in rows if content_type == article_type]


def _postgres_headline_matches(query):
    """Every article whose headline matches ``query`` with its headline, from the index's headline
    column and its GIN index, with the backend's own text-search query (the backend's
    ``search(fields=...)`` would run to_tsvector() over the headline of every candidate instead).
    The headline's text comes from the index entry's plain-text copy of it."""
    from wagtail.search.models import IndexEntry

    tsquery, _compiler = _postgres_tsquery(query)
    entries = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ArticlePage), title=tsquery
    )
    return {int(pk): title for pk, title in entries.values_list("object_id", "title_text")}


def matching_as_phrase(ids, query):
    """The subset of ``ids`` that contain ``query`` as a phrase (headline or body)."""
    if not uses_sqlite_fts():
        candidates = ArticlePage.objects.filter(id__in=ids).only("pk")
        return set(_ids(candidates.search(Phrase(query), order_by_relevance=False)))
    return set(ids) & set(_fts_ids(f"{{title body}} : ({_fts_string(query)})"))


def _ids(results):
    """The ids of ``results`` (a backend's search results), in their order.

    modelsearch's PostgreSQL results are a Django queryset underneath: reading the ids from it
    skips building a page object for each of thousands of matches (~40 ms per 1,000 here). Other
    backends' results are read as they come (callers ask for the id field only).
    """
    if uses_postgres_search():
        from wagtail.search.backends.database.postgres.postgres import PostgresSearchResults

        if isinstance(results, PostgresSearchResults):
            return list(results.get_queryset().values_list("pk", flat=True))
    return [article.pk for article in results]


def _fts_string(text):
    return '"' + text.replace('"', '""') + '"'


def _every_word(query, columns):
    terms = " AND ".join(_fts_string(word) for word in query.split())
    return f"{{{' '.join(columns)}}} : ({terms})"


def _fts_sql(match, ranked=False):
    """SQL selecting the ids of the articles whose index entry matches ``match`` (an FTS5 query)."""
    if match.endswith(": ()"):
        return None, []
    from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

    fts = connection.ops.quote_name(SQLiteFTSIndexEntry._meta.db_table)
    entries = connection.ops.quote_name(IndexEntry._meta.db_table)
    order = (
        f"ORDER BY bm25({fts}) * (entry.title_norm + 1.0), CAST(entry.object_id AS INTEGER) DESC"
        if ranked
        else ""
    )
    sql = (
        # CROSS JOIN: SQLite keeps the FTS table as the outer loop, so the MATCH drives the query.
        f"SELECT CAST(entry.object_id AS INTEGER) FROM {fts} "  # noqa: S608 (names from models; the query is a parameter)
        f"CROSS JOIN {entries} AS entry ON {fts}.rowid = entry.id "
        f"WHERE {fts} MATCH %s AND entry.content_type_id = %s {order}"
    )
    return sql, [match, ContentType.objects.get_for_model(ArticlePage).pk]


def _fts_ids(match, ranked=False):
    sql, params = _fts_sql(match, ranked)
    if not sql:
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
