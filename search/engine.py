"""The search engine behind the reader's search page: which articles match, in what order, the
counts behind each filter, editors' picks, and a cache of all that until content changes.

``find`` answers a search from the published content alone, so that ``cached_find`` can keep its
answer until the next publish; search/views.py turns it into a page.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from news import site_data, surrogate_keys
from news.caching import content_version
from news.models import ArticlePage, ArticlePageAuthor, Author, Category, NewsIndexPage
from news.models.pages import not_expired, restricted_paths
from search import ranking
from search.highlight import WORD
from search.log import normalised, promotions

# A search answers with at most this many results: the newest matches, in relevance order (or
# newest first). More matches than that show as "1,000+", and the filters' counts are then counted
# among them. Ranking, counting and faceting every match of a common word would cost time in
# proportion to the archive (about 200 ms of CPU at 10,000 articles, bench/search_latency.py); a
# bounded set costs the same at any size.
MOST_RESULTS = 1000
# Headline and phrase matches are lifted to the top from among this many best matches.
TIERED = 1000
# Words with at most this many matches are read from the index all at once; commoner ones by
# checking windows of the newest articles against the index, the first of this many articles
# (a word in half the articles fills MOST_RESULTS from it), each next one sized from how many
# matches the newer ones held.
ALL_MATCHES_UP_TO = 3000
MATCHES_MANY_SECONDS = 60 * 60 * 24
FIRST_WINDOW = 2 * MOST_RESULTS
SEARCH_CACHE_SECONDS = 60 * 10
# Only searches with this many matches are cached: smaller ones are quick to run again, and a
# crawler's random queries (which mostly match nothing) then never crowd the shared cache.
SEARCH_CACHE_MIN_MATCHES = 100
# Part of the cache key: a deploy that changes what ``find`` returns never reads older entries.
SEARCH_CACHE_FORMAT = 3
# The filters beside the results: the filter's name and the key of its options.
FACETS = (("section", "sections"), ("category", "categories"), ("author", "authors"))
TOP_AUTHORS = 12


def searchable():
    """Articles readers may find: the same as they may see anywhere else."""
    return ArticlePage.objects.visible()


def _words(text):
    return [word.lower() for word in WORD.findall(text)]


def tiered(query, ranked):
    """The ids of ``ranked`` ((id, headline if it matches every word else None), best first)
    with headline and phrase matches first.

    First the article whose headline is the query, then headlines that contain every word of the
    query, then articles with the words as a phrase (a remembered quotation), then the rest, each
    group in the backend's relevance order. SQLite's FTS5 backend ignores field boosts (its BM25
    weighs a word in the headline like one in the body), so these groups are applied here, the
    same way on every backend. The headline and phrase tests use the backend's matching, so they
    stem where the backend stems (search/ranking.py).
    """
    top, rest = ranked[:TIERED], ranked[TIERED:]
    query_words = _words(query)
    in_headline = {pk for pk, headline in top if headline is not None}
    exact = {pk for pk, headline in top if headline is not None and _words(headline) == query_words}
    ids = [pk for pk, _ in top]
    as_phrase = ranking.matching_as_phrase(ids, query) if len(query_words) > 1 else set()
    ids.sort(key=lambda pk: (pk not in exact, pk not in in_headline, pk not in as_phrase))
    return ids + [pk for pk, _ in rest]


def _local_midnight(day):
    # A range on the datetime rather than `display_date__date`: on SQLite the __date lookup runs a
    # Python function for every row (timezone conversion), and neither backend can use an index.
    return timezone.make_aware(datetime.combine(day, time.min))


def apply_filters(queryset, filters, skip=None):
    """``queryset`` narrowed by every active filter except ``skip``."""
    for name, value in filters.items():
        if name == skip:
            continue
        if name == "section":
            # The article's section, kept in step with the page tree (news/models/pages.py),
            # with an index by section and date.
            queryset = queryset.filter(section=value)
        elif name == "category":
            queryset = queryset.filter(categories=value)
        elif name == "author":
            queryset = queryset.filter(article_authors__author=value)
        elif name == "date_from":
            queryset = queryset.filter(display_date__gte=_local_midnight(value))
        elif name == "date_to":
            queryset = queryset.filter(display_date__lt=_local_midnight(value + timedelta(days=1)))
    return queryset


def matches_many(query):
    """Whether ``query`` matches more than ALL_MATCHES_UP_TO articles; a yes is kept in the cache
    for a day.

    Either answer finds the same results (it only picks how they are read), and a word's share of
    the archive changes slowly, so a search made cold by a publish need not count again: counting
    a common word's matches cost as much as the rest of the search (20 ms of PostgreSQL's time at
    10,000 articles). A no is quick to count again, and not kept: random queries (crawlers) then
    never crowd the shared cache.
    """
    digest = hashlib.sha256(query.encode()).hexdigest()
    key = f"newsroom:search-matches-many:{ALL_MATCHES_UP_TO}:{digest}"
    if cache.get(key):
        return True
    many = ranking.count_matches(query, ALL_MATCHES_UP_TO + 1) > ALL_MATCHES_UP_TO
    if many:
        cache.set(key, True, MATCHES_MANY_SECONDS)
    return many


def newest_matches(query, filters):
    """The newest ``MOST_RESULTS + 1`` articles readers may see that match ``query`` and pass
    ``filters`` (fewer when that is all of them), newest first: (id, section id, index entry
    number) each.

    A word that matches few articles: all its matches from the index, then the filters and the
    order in the database. A common word: windows of the newest articles that pass the filters,
    each checked against the index (search/ranking.py), until enough match; a word in half the
    articles needs one window of FIRST_WINDOW articles, whatever the size of the archive.
    """
    if not matches_many(query):
        entries = {pk: entry for entry, pk in ranking.matches(query)}
        return [(pk, section, entries[pk]) for pk, section in _filtered(list(entries), filters)]
    # Windows of every article, along the "newest first" index alone; whether readers may see
    # a match is checked for the matches only (far fewer rows than the window when the filters
    # narrow the search, and the visibility rules join the page table).
    articles = apply_filters(ArticlePage.objects.all(), filters).newest_first()
    articles = articles.values_list("pk", flat=True)
    rows, read, size = [], 0, FIRST_WINDOW
    while True:
        window = list(articles[read : read + size])
        matched = {pk: entry for entry, pk in ranking.matches_among(query, window)}
        rows += [(pk, section, matched[pk]) for pk, section in _filtered(list(matched), filters)]
        read += len(window)
        if len(rows) > MOST_RESULTS or len(window) < size:
            return rows[: MOST_RESULTS + 1]
        # Enough articles for what is missing at the density seen so far, at least as many again.
        missing = MOST_RESULTS + 1 - len(rows)
        wanted = missing * read / len(rows) * 1.25 if rows else read * 16
        size = int(min(max(wanted, read), read * 16))


def _filtered(ids, filters):
    """(id, section id) of the articles among ``ids`` that readers may see and that pass
    ``filters``, newest first, at most MOST_RESULTS + 1."""
    found = ranking.with_ids(apply_filters(searchable(), filters), ids)
    return list(found.newest_first().values_list("pk", "section_id")[: MOST_RESULTS + 1])


def facet_counts(query, filters, pools):
    """For each filter option, how many results it would leave given the other filters: ids and
    counts only, so that they can be cached (``facet_options`` turns them into options). Counted
    among the results a search with the other filters shows (``pools`` keeps the searches already
    made, by their filters): every match, or the newest MOST_RESULTS of them when there are more;
    ``"more"`` says whether any count was made among those."""
    counts, more = {}, False
    for name, key in FACETS:
        others = frozenset(filters) - {name}
        if others not in pools:
            pools[others] = newest_matches(query, {n: filters[n] for n in others})
        rows = pools[others]
        more = more or len(rows) > MOST_RESULTS
        rows = rows[:MOST_RESULTS]
        if name == "section":
            counts[key] = dict(Counter(section for _, section, _ in rows if section))
            continue
        # The article's links to categories or authors: the link table, its article column and
        # its option column.
        if name == "category":
            links, column, option = (
                ArticlePage.categories.through.objects,
                "articlepage_id",
                "category_id",
            )
        else:
            links, column, option = ArticlePageAuthor.objects, "page_id", "author_id"
        ids = [pk for pk, _, _ in rows]
        counts[key] = dict(
            ranking.with_ids(links, ids, field=column)
            .order_by()
            .values_list(option)
            .annotate(n=Count("pk"))
            if ids
            else {}
        )
    counts["more"] = more
    return counts


@dataclass
class FacetOption:
    """One option of a filter: what it shows and how many results it would leave."""

    pk: int
    slug: str
    label: str
    count: int

    def __str__(self):
        return self.label


def facet_options(counts):
    """The options of each filter that would leave some results: sections (live and public) in
    site order, categories and (the top 12) authors by most results.

    Their names are read afresh (a renamed category or author does not change the content version
    that cached counts carry), all three kinds in one statement: this runs on every search.
    """
    kinds = {"sections": NewsIndexPage, "categories": Category, "authors": Author}
    selects, params = [], []
    for key, model in kinds.items():
        if not counts[key]:
            continue
        ids = list(counts[key])
        marks = ", ".join(["%s"] * len(ids))
        if model is NewsIndexPage:
            page = connection.ops.quote_name(Page._meta.db_table)
            sections = connection.ops.quote_name(NewsIndexPage._meta.db_table)
            selects.append(
                f"SELECT %s, p.id, p.slug, p.title, p.path FROM {page} p "  # noqa: S608 (names from models)
                f"JOIN {sections} s ON s.page_ptr_id = p.id WHERE p.live = %s AND p.id IN ({marks})"
            )
            params += [key, True, *ids]
        else:
            table = connection.ops.quote_name(model._meta.db_table)
            selects.append(
                f"SELECT %s, id, slug, name, '' FROM {table} WHERE id IN ({marks})"  # noqa: S608 (names from models)
            )
            params += [key, *ids]
    options = {key: [] for key in kinds}
    if selects:
        restricted = restricted_paths()
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), params)
            for key, pk, slug, label, path in cursor.fetchall():
                if key == "sections" and any(path.startswith(p) for p in restricted):
                    continue
                options[key].append((path, FacetOption(pk, slug, label, counts[key][pk])))
    return {
        "sections": [option for _, option in sorted(options["sections"], key=lambda o: o[0])],
        "categories": _by_count(options["categories"]),
        "authors": _by_count(options["authors"])[:TOP_AUTHORS],
        "more": counts.get("more", False),
    }


def _by_count(options):
    return sorted((option for _, option in options), key=lambda o: (-o.count, o.label))


def find(query, filters, sort):
    """What the results page needs that depends only on the search and the published content:
    the results' ids in order (at most MOST_RESULTS), whether there were more (``"more"``), the
    facet counts, and whether the words matched anything at all, filters aside."""
    pools = {}
    rows = pools[frozenset(filters)] = newest_matches(query, filters)
    more = len(rows) > MOST_RESULTS
    rows = rows[:MOST_RESULTS]
    if sort == "newest":
        ordered = [pk for pk, _, _ in rows]
    else:
        ordered = tiered(query, ranking.ranked({pk: entry for pk, _, entry in rows}, query))
    facets = facet_counts(query, filters, pools)
    # Whether the words match anything, filters aside (for the log and the "did you mean" list).
    unfiltered = pools.get(frozenset())
    if unfiltered is None:
        unfiltered = rows or newest_matches(query, {})
    return {"ordered": ordered, "more": more, "facets": facets, "matched": bool(unfiltered)}


def cached_find(query, filters, sort):
    """``find``, kept until published content changes: popular searches (a breaking story, a
    name in the news) repeat. The key carries the page cache's content version, which every
    publish replaces."""
    parts = [
        query,
        sort,
        *(f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(filters.items())),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    key = f"newsroom:search:{SEARCH_CACHE_FORMAT}:{content_version()}:{digest}"
    found = cache.get(key)
    if found is None:
        found = find(query, filters, sort)
        if len(found["ordered"]) >= SEARCH_CACHE_MIN_MATCHES:
            cache.set(key, found, SEARCH_CACHE_SECONDS)
    return found


def promoted_queries(request):
    """The search terms editors promote results for, kept in this process until a promotion
    changes (``news.signals`` purges the search key then): most searches have none."""

    def fetch():
        return frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True))

    return site_data.remembered(request, "promoted-queries", [surrogate_keys.SEARCH], fetch)


def editors_picks(query, request=None):
    """The query's promoted results that readers may see: live, public, unexpired pages (articles
    or sections alike) and external links. Reads only: logging the search is separate."""
    if normalised(query) not in promoted_queries(request):
        return []
    picks = list(promotions(query))
    if not any(pick.page_id for pick in picks):
        return picks
    visible = set(
        Page.objects.live()
        .public()
        .filter(not_expired(), pk__in=[pick.page_id for pick in picks if pick.page_id])
        .values_list("pk", flat=True)
    )
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible]
