"""The search engine behind the reader's search page: which articles match, in what order, the
counts behind each filter, editors' picks, and a cache of all that until content changes.

``find`` answers a search from the published content alone, so that ``cached_find`` can keep its
answer until the next publish; search/views.py turns it into a page.
"""

import hashlib
from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Page

from news.caching import content_version
from news.models import ArticlePage, ArticlePageAuthor, Author, Category, NewsIndexPage
from news.models.pages import not_expired
from search import ranking
from search.highlight import WORD
from search.log import promotions

# Headline and phrase matches are lifted to the top from among this many best matches.
TIERED = 1000
SEARCH_CACHE_SECONDS = 60 * 10
# Only searches with this many matches are cached: smaller ones are quick to run again, and a
# crawler's random queries (which mostly match nothing) then never crowd the shared cache.
SEARCH_CACHE_MIN_MATCHES = 100
# Part of the cache key: a deploy that changes what ``find`` returns never reads older entries.
SEARCH_CACHE_FORMAT = 2


def searchable():
    """Articles readers may find: the same as they may see anywhere else."""
    return ArticlePage.objects.visible()


def _words(text):
    return [word.lower() for word in WORD.findall(text)]


def tiered(query, ranked):
    """``ranked`` with headline and phrase matches first.

    First the article whose headline is the query, then headlines that contain every word of the
    query, then articles with the words as a phrase (a remembered quotation), then the rest, each
    group in the backend's relevance order. SQLite's FTS5 backend ignores field boosts (its BM25
    weighs a word in the headline like one in the body), so these groups are applied here, the
    same way on every backend. The headline and phrase tests use the backend's matching, so they
    stem where the backend stems (search/ranking.py).
    """
    top, rest = ranked[:TIERED], ranked[TIERED:]
    if not top:
        return ranked
    in_headline = ranking.headlines_matching(top, query)
    query_words = _words(query)
    exact = {pk for pk, title in in_headline.items() if _words(title) == query_words}
    as_phrase = ranking.matching_as_phrase(top, query) if len(query_words) > 1 else set()
    top = sorted(top, key=lambda pk: (pk not in exact, pk not in in_headline, pk not in as_phrase))
    return top + rest


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
            queryset = queryset.child_of(value)
        elif name == "category":
            queryset = queryset.filter(categories=value)
        elif name == "author":
            queryset = queryset.filter(article_authors__author=value)
        elif name == "date_from":
            queryset = queryset.filter(display_date__gte=_local_midnight(value))
        elif name == "date_to":
            queryset = queryset.filter(display_date__lt=_local_midnight(value + timedelta(days=1)))
    return queryset


def facet_counts(matches, filters, ids):
    """For each filter option, how many results it would leave given the other filters: ids and
    counts only, so that they can be cached (``facet_options`` turns them into options).

    ``ids``: every match before the filters (``matches`` as a list). On PostgreSQL a facet that no
    other filter narrows counts the links of those ids directly, without asking again which
    articles match (elsewhere thousands of ids would not fit in one statement).
    """
    if not ids:
        return {"sections": {}, "categories": {}, "authors": {}}
    sections = NewsIndexPage.objects.live().public().values_list("pk", flat=True)
    rows = (
        apply_filters(matches, filters, skip="section")
        # Page querysets are ordered by path; that ordering would split every group.
        .order_by()
        .values_list("section_id")
        .annotate(n=Count("pk", distinct=True))
    )
    by_section = dict(rows)
    section_counts = {pk: by_section[pk] for pk in sections if by_section.get(pk)}
    # Counting the matching links alone (rather than every option against every link) keeps
    # this fast on a large archive.
    category_links = _links(
        ArticlePage.categories.through.objects, "articlepage_id", matches, filters, "category", ids
    )
    author_links = _links(ArticlePageAuthor.objects, "page_id", matches, filters, "author", ids)
    return {
        "sections": section_counts,
        "categories": dict(category_links.values_list("category_id").annotate(n=Count("pk"))),
        "authors": dict(author_links.values_list("author_id").annotate(n=Count("pk"))),
    }


def _links(links, field, matches, filters, facet, ids):
    """The ``links`` (an article's categories or authors) of the articles the filters other than
    ``facet`` leave."""
    if set(filters) <= {facet} and connection.vendor == "postgresql":
        return ranking.with_ids(links, ids, field=field)
    return links.filter(
        **{f"{field}__in": apply_filters(matches, filters, skip=facet).values("pk")}
    )


def facet_options(counts):
    """The options of each filter that would leave some results, each with its count as ``n``:
    sections in site order, categories and (the top 12) authors by most results."""
    sections = (
        NewsIndexPage.objects.filter(pk__in=list(counts["sections"])).order_by("path")
        if counts["sections"]
        else []
    )
    return {
        "sections": [(section, counts["sections"][section.pk]) for section in sections],
        "categories": _with_counts(Category.objects.all(), counts["categories"]),
        "authors": _with_counts(Author.objects.all(), counts["authors"])[:12],
    }


def _with_counts(options, counts):
    if not counts:
        return []
    found = sorted(
        options.filter(pk__in=list(counts)), key=lambda option: (-counts[option.pk], option.name)
    )
    for option in found:
        option.n = counts[option.pk]
    return found


def find(query, filters, sort):
    """What the results page needs that depends only on the search and the published content:
    every result's id in order, the facet counts, and how many articles the words matched before
    any filter."""
    # Every match, best first; then the same set as a queryset, so that the filters, the count
    # and the facets run in the database over all matches, not a sample.
    ranked = ranking.relevance_order(searchable(), query)
    matches = ranking.matching(searchable(), query, ranked)
    filtered = apply_filters(matches, filters)
    if sort == "newest":
        ordered = list(filtered.newest_first().values_list("pk", flat=True))
    elif filters:
        keep = set(filtered.values_list("pk", flat=True))
        ordered = tiered(query, [pk for pk in ranked if pk in keep])
    else:
        ordered = tiered(query, ranked)
    facets = facet_counts(matches, filters, ranked)
    return {"ordered": ordered, "facets": facets, "matches": len(ranked)}


def cached_find(query, filters, sort):
    """``find``, kept until published content changes: popular searches (a breaking story, a
    name in the news) repeat, and ranking every match of a common word is the costly part.
    The key carries the page cache's content version, which every publish replaces."""
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
        if found["matches"] >= SEARCH_CACHE_MIN_MATCHES:
            cache.set(key, found, SEARCH_CACHE_SECONDS)
    return found


def editors_picks(query):
    """The query's promoted results that readers may see: live, public, unexpired pages (articles
    or sections alike) and external links. Reads only: logging the search is separate."""
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
