"""Which articles match a query, and in what order: the search backend's answers, found fast.

The search engine (search/engine.py) asks four questions: which articles match (``matches``, up
to a limit, for words that match few); which of a window of articles match (``matches_among``,
for common words: the engine walks the newest articles window by window, so that a word found in
half the archive costs what a word found a thousand times does); the relevance order of a bounded
set of matches, with which of them match in the headline (``ranked``); and which contain the query
as a phrase. On backends other than the database ones these are the backend's own ``search()``
calls.

On PostgreSQL the questions are read from the index table with the backend's own text-search
query and rank, in ways that use its indexes. The matches come from the GIN index on
``title || body`` (search/migrations/0002); a window's matches from that index and the index of
entries by article id (search/migrations/0004) combined as bitmaps, touching only the window's
matching rows. Testing the words row by row instead, as PostgreSQL's planner prefers, decompresses
each entry's body vector (most are stored compressed, many out of line): about 10 µs an entry,
30 ms for a common word over 10,000 articles (bench/search_latency.py).

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

import json
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, IntegerField, Lookup, Q
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


def reads_windows():
    """True when ``matches_among`` reads a window of articles from the indexes alone (PostgreSQL);
    elsewhere it checks every match of the words against the window."""
    return uses_postgres_search()


def _article_type():
    return ContentType.objects.get_for_model(ArticlePage).pk


def matches(query, limit=None):
    """(entry number, article id) of the articles whose index entry matches ``query`` (every word,
    in the headline or the body), at most ``limit`` of them (None: all), in no particular order.
    On backends other than the database ones the entry number is the article id."""
    if uses_postgres_search():
        entries = _postgres_matches(query)
        with _planner_without("seqscan"):
            return list(entries[:limit] if limit is not None else entries)
    if uses_sqlite_fts():
        words = _every_word(query, ["title", "body"])
        return _fts_rows(words, columns=f"entry.id, {ARTICLE_ID}", limit=limit)
    results = ArticlePage.objects.only("pk").search(query, order_by_relevance=False)
    return [(pk, pk) for pk in _ids(results)][:limit]


def count_matches(query, up_to):
    """How many articles' index entries match ``query``, counting no further than ``up_to``."""
    if uses_postgres_search():
        with _planner_without("seqscan"):
            return _postgres_matches(query)[:up_to].count()
    if uses_sqlite_fts():
        sql, params = _fts_sql(_every_word(query, ["title", "body"]), limit=up_to)
        if not sql:
            return 0
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql})", params)  # noqa: S608 (built above)
            return cursor.fetchone()[0]
    return min(len(matches(query)), up_to)


def matches_among(query, ids):
    """``matches`` of the articles among ``ids``."""
    ids = list(ids)
    if not ids:
        return []
    if uses_postgres_search():
        from wagtail.search.models import IndexEntry

        # The columns of search/migrations/0004: the article id as a number (with an index) and
        # the words of the headline and body together, without positions.
        tsquery, _compiler = _postgres_tsquery(query)
        entries = (
            IndexEntry.objects.annotate(
                article_id=RawSQL("search_article_id", [], output_field=IntegerField()),
                words=RawSQL("search_words", [], output_field=SearchVectorField()),
            )
            .filter(InArray(F("article_id"), _array(ids)), content_type_id=_article_type())
            .filter(words=tsquery)
        )
        return list(entries.values_list("pk", "article_id"))
    if uses_sqlite_fts():
        words = _every_word(query, ["title", "body"])
        return _fts_rows(words, columns=f"entry.id, {ARTICLE_ID}", articles=json.dumps(ids))
    candidates = ArticlePage.objects.filter(id__in=ids).only("pk")
    return [(pk, pk) for pk in _ids(candidates.search(query, order_by_relevance=False))]


def ranked(entries, query):
    """The articles of ``entries`` ({article id: entry number}, all matches of ``query``) in the
    backend's relevance order, each with its headline when the headline alone matches every word
    of the query (else None): a list of (article id, headline or None), best first."""
    if not entries:
        return []
    if uses_postgres_search():
        return _postgres_ranked(entries, query)
    if uses_sqlite_fts():
        rowids = json.dumps(list(entries.values()))
        words = _every_word(query, ["title", "body"])
        order = [row[0] for row in _fts_rows(words, rowids=rowids, ranked=True)]
        in_headline = _fts_headlines(query, rowids)
        return [(pk, in_headline.get(pk)) for pk in order]
    ids = list(entries)
    order = _ids(ArticlePage.objects.filter(id__in=ids).only("pk").search(query))
    in_headline = headlines_matching(ids, query)
    return [(pk, in_headline.get(pk)) for pk in order]


def relevance_order(queryset, query):
    """Ids of every article in ``queryset`` that matches ``query``, best first.

    ``queryset`` may only filter on the model's FilterFields (as ``searchable()`` does): other
    backends run it through ``search()``, which refuses other filters.
    """
    if not (uses_postgres_search() or uses_sqlite_fts()):
        return _ids(queryset.only("pk").search(query))
    entries = {pk: entry for entry, pk in matches(query)}
    allowed = set(with_ids(queryset, list(entries)).values_list("pk", flat=True))
    return [pk for pk, _ in ranked({pk: entries[pk] for pk in allowed}, query)]


def matching(queryset, query):
    """``queryset`` narrowed to the articles that match ``query``, still a queryset (unordered)."""
    if uses_sqlite_fts():
        sql, params = _fts_sql(_every_word(query, ["title", "body"]))
        if not sql:
            return queryset.none()
        return queryset.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (the query is a parameter)
    return with_ids(queryset, [pk for _, pk in matches(query)])


def with_ids(queryset, ids, field="pk"):
    """``queryset`` narrowed to the rows whose ``field`` is one of ``ids``, however many.

    The ids go as one parameter: a PostgreSQL array or (on SQLite) a JSON list, written out as
    text. A statement takes at most 65,535 parameters (SQLite: 32,766), and a list of thousands
    is slow to prepare: Django checks each value (~15 ms for 500 here), and psycopg quotes each
    (~10 ms for 5,000), for each query that repeats it.
    """
    if connection.vendor == "postgresql":
        return queryset.filter(InArray(F(field), _array(ids)))
    if connection.vendor == "sqlite":
        ids = RawSQL("SELECT value FROM json_each(%s)", [json.dumps([int(pk) for pk in ids])])
        return queryset.filter(**{f"{field}__in": ids})
    return queryset.filter(**{f"{field}__in": list(ids)})


class InArray(Lookup):
    """``column = ANY(array)`` on PostgreSQL, the array one text parameter (``_array``).

    PostgreSQL's planner counts the elements of a constant array, where it takes ``IN (SELECT
    unnest(...))`` for 200 rows whatever its length: then it hashes the ids and scans the whole
    table (every article, every category link) rather than look the ids up in its index, a cost
    that grows with the archive.
    """

    lookup_name = "in_array"
    array_type = "integer[]"

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        # Used as an expression, the lookup gets its value wrapped in Value().
        array = getattr(self.rhs, "value", self.rhs)
        return f"{lhs} = ANY(%s::{self.array_type})", [*params, array]


class InTextArray(InArray):
    lookup_name = "in_text_array"
    array_type = "text[]"


def _array(ids):
    return "{" + ",".join(map(str, map(int, ids))) + "}"


def headlines_matching(ids, query):
    """The articles among ``ids`` whose headline contains every word of ``query``, as a dict of
    their ids and headlines."""
    ids = list(ids)
    if not ids:
        return {}
    from wagtail.search.models import IndexEntry

    if uses_postgres_search():
        tsquery, _compiler = _postgres_tsquery(query)
        entries = IndexEntry.objects.filter(
            InTextArray(F("object_id"), _array(ids)),
            content_type_id=_article_type(),
            title=tsquery,
        )
        return {int(pk): title for pk, title in entries.values_list("object_id", "title_text")}
    if uses_sqlite_fts():
        rowids = IndexEntry.objects.filter(
            content_type_id=_article_type(), object_id__in=[str(pk) for pk in ids]
        ).values_list("pk", flat=True)
        return _fts_headlines(query, json.dumps(list(rowids)))
    # Filter on "id", one of Page's FilterFields, so that Elasticsearch accepts it too.
    candidates = ArticlePage.objects.filter(id__in=ids).only("pk")
    matched = _ids(candidates.search(query, fields=["title"], order_by_relevance=False))
    return dict(with_ids(ArticlePage.objects.all(), matched).values_list("pk", "title"))


def matching_as_phrase(ids, query):
    """The subset of ``ids`` that contain ``query`` as a phrase (headline or body)."""
    ids = list(ids)
    if not ids:
        return set()
    if not uses_sqlite_fts():
        candidates = ArticlePage.objects.filter(id__in=ids).only("pk")
        return set(_ids(candidates.search(Phrase(query), order_by_relevance=False)))
    phrase = f"{{title body}} : ({_fts_string(query)})"
    return set(ids) & {pk for (pk,) in _fts_rows(phrase)}


# ---- PostgreSQL ----------------------------------------------------------------------------------


@contextmanager
def _planner_without(*methods):
    """The enclosed statements planned without ``methods`` (e.g. "seqscan"), then as before.

    SET LOCAL holds until the transaction ends: a transaction of its own in autocommit, or set
    back at once inside a caller's (a failed query rolls the setting back with it).
    """
    in_callers_transaction = connection.in_atomic_block
    names = [f"enable_{method}" for method in methods]
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("; ".join(f"SET LOCAL {name} = off" for name in names))
        yield
        if in_callers_transaction:
            cursor.execute("; ".join(f"SET LOCAL {name} = on" for name in names))


def _postgres_tsquery(query):
    """The backend's own text-search query for ``query`` and its query compiler."""
    backend = get_search_backend()
    compiler = backend.query_compiler_class(ArticlePage.objects.all(), query)
    return compiler.build_tsquery(compiler.query, config=compiler.get_config(backend)), compiler


def _title_and_body():
    return CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())


def _postgres_matches(query):
    """(entry number, article id) of the entries that match ``query``, as a queryset; run it with
    sequential scans off, so that PostgreSQL reads the matches from the GIN index on the
    expression the backend matches (``title || body``)."""
    from wagtail.search.models import IndexEntry

    tsquery, _compiler = _postgres_tsquery(query)
    return (
        IndexEntry.objects.annotate(vector=_title_and_body())
        .filter(vector=tsquery, content_type_id=_article_type())
        .annotate(article_id=Cast("object_id", IntegerField()))
        .values_list("pk", "article_id")
    )


def _postgres_ranked(entries, query):
    """Ranked as the backend ranks: ts_rank of the headline times its norm plus ts_rank of the
    body, ties newest id first; the entries read by their numbers (sequential scans off, so that
    the primary key finds them however many rows the table has)."""
    from wagtail.search.models import IndexEntry

    tsquery, compiler = _postgres_tsquery(query)
    weights = compiler.sql_weights
    rows = (
        with_ids(IndexEntry.objects.all(), entries.values())
        .annotate(
            rank=SearchRank(F("title"), tsquery, weights=weights) * F("title_norm")
            + SearchRank(F("body"), tsquery, weights=weights),
            article_id=Cast("object_id", IntegerField()),
            in_headline=ExpressionWrapper(Q(title=tsquery), output_field=BooleanField()),
        )
        .order_by("-rank", "-article_id")
        .values_list("article_id", "in_headline", "title_text")
    )
    with _planner_without("seqscan"):
        return [(pk, title if in_headline else None) for pk, in_headline, title in rows]


# ---- SQLite FTS5 ---------------------------------------------------------------------------------


def _fts_string(text):
    return '"' + text.replace('"', '""') + '"'


def _every_word(query, columns):
    terms = " AND ".join(_fts_string(word) for word in query.split())
    return f"{{{' '.join(columns)}}} : ({terms})"


ARTICLE_ID = "CAST(entry.object_id AS INTEGER)"


def _fts_sql(match, columns=ARTICLE_ID, rowids=None, articles=None, ranked=False, limit=None):
    """SQL selecting ``columns`` of the entries of articles that match ``match`` (an FTS5 query):
    only the entries numbered in ``rowids``, or of the articles in ``articles`` (JSON lists), when
    given; best first when ``ranked``; at most ``limit``."""
    if match.endswith(": ()"):
        return None, []
    from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

    fts = connection.ops.quote_name(SQLiteFTSIndexEntry._meta.db_table)
    entries = connection.ops.quote_name(IndexEntry._meta.db_table)
    params = [match, _article_type()]
    conditions = ""
    # The lists are checked against each match. Handed to FTS5 (without the unary +), a list of
    # rowids would run the whole MATCH once per rowid in it.
    if rowids is not None:
        conditions += f" AND +{fts}.rowid IN (SELECT value FROM json_each(%s))"  # noqa: S608
        params.append(rowids)
    if articles is not None:
        conditions += f" AND {ARTICLE_ID} IN (SELECT value FROM json_each(%s))"  # noqa: S608
        params.append(articles)
    order = f"ORDER BY bm25({fts}) * (entry.title_norm + 1.0), {ARTICLE_ID} DESC" if ranked else ""
    if limit is not None:
        order += f" LIMIT {int(limit)}"
    sql = (
        # CROSS JOIN: SQLite keeps the FTS table as the outer loop, so the MATCH drives the query.
        f"SELECT {columns} FROM {fts} "  # noqa: S608 (names from models; the query is a parameter)
        f"CROSS JOIN {entries} AS entry ON {fts}.rowid = entry.id "
        f"WHERE {fts} MATCH %s AND entry.content_type_id = %s{conditions} {order}"
    )
    return sql, params


def _fts_rows(match, **kwargs):
    sql, params = _fts_sql(match, **kwargs)
    if not sql:
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _fts_headlines(query, rowids):
    """{article id: headline} of the entries in ``rowids`` whose headline has every word (the
    entry's title column holds the headline's text on SQLite)."""
    rows = _fts_rows(
        _every_word(query, ["title"]), columns=f"{ARTICLE_ID}, entry.title", rowids=rowids
    )
    return dict(rows)


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
