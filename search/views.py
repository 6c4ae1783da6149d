"""Reader-facing search: ranked full-text results, combinable filters with counts, editors' picks."""

import hashlib
from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import Substr
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.models import Page

from news import surrogate_keys
from news.caching import content_version
from news.models import ArticlePage, ArticlePageAuthor, Author, Category, NewsIndexPage
from news.models.pages import not_expired
from search import ranking
from search.forms import SearchForm, clean_query_text
from search.highlight import WORD, article_text, excerpt, mark_words
from search.log import promotions, record_search

RESULTS_PER_PAGE = 10
# Headline and phrase matches are lifted to the top from among this many best matches.
TIERED = 1000
SUGGESTIONS = 6
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


def ranked_ids(query):
    """Every visible match for ``query``, best first (see ``tiered``)."""
    return tiered(query, ranking.relevance_order(searchable(), query))


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
    in_headline = ranking.matching_in_headline(top, query)
    query_words = _words(query)
    exact = {
        pk
        for pk, title in ArticlePage.objects.filter(pk__in=in_headline).values_list("pk", "title")
        if _words(title) == query_words
    }
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


def facet_counts(matches, filters):
    """For each filter option, how many results it would leave given the other filters: ids and
    counts only, so that they can be cached (``facet_options`` turns them into options)."""
    sections = list(
        NewsIndexPage.objects.live().public().order_by("path").values_list("pk", "path")
    )
    section_counts = {}
    if sections:
        prefix = len(sections[0][1])
        rows = (
            apply_filters(matches, filters, skip="section")
            # Page querysets are ordered by path; that ordering would split every group.
            .order_by()
            .annotate(section_path=Substr("path", 1, prefix))
            .values_list("section_path")
            .annotate(n=Count("pk", distinct=True))
        )
        by_path = dict(rows)
        section_counts = {pk: by_path[path] for pk, path in sections if by_path.get(path)}
    in_categories = apply_filters(matches, filters, skip="category").values("pk")
    in_authors = apply_filters(matches, filters, skip="author").values("pk")
    # Counting the matching links alone (rather than every option against every link) keeps
    # this fast on a large archive.
    category_links = ArticlePage.categories.through.objects.filter(articlepage_id__in=in_categories)
    author_links = ArticlePageAuthor.objects.filter(page_id__in=in_authors)
    return {
        "sections": section_counts,
        "categories": dict(category_links.values_list("category_id").annotate(n=Count("pk"))),
        "authors": dict(author_links.values_list("author_id").annotate(n=Count("pk"))),
    }


def facet_options(counts):
    """The options of each filter that would leave some results, each with its count as ``n``:
    sections in site order, categories and (the top 12) authors by most results."""
    sections = NewsIndexPage.objects.filter(pk__in=list(counts["sections"])).order_by("path")
    return {
        "sections": [(section, counts["sections"][section.pk]) for section in sections],
        "categories": _with_counts(Category.objects.all(), counts["categories"]),
        "authors": _with_counts(Author.objects.all(), counts["authors"])[:12],
    }


def _with_counts(options, counts):
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
    return {"ordered": ordered, "facets": facet_counts(matches, filters), "matches": len(ranked)}


def cached_find(query, filters, sort):
    """``find``, kept until published content changes: popular searches (a breaking story, a
    name in the news) repeat, and ranking every match of a common word is the costly part.
    The key carries the page cache's content version, which every publish replaces."""
    search = [
        query,
        sort,
        *(f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(filters.items())),
    ]
    digest = hashlib.sha256("\x1f".join(search).encode()).hexdigest()
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
    visible = set(
        Page.objects.live()
        .public()
        .filter(not_expired(), pk__in=[pick.page_id for pick in picks if pick.page_id])
        .values_list("pk", flat=True)
    )
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible]


def search(request):
    data = request.GET.copy()
    data["query"] = clean_query_text(data.get("query", ""))
    form = SearchForm(data)
    context = {"form": form, "search_query": data["query"]}
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)

    query, filters = form.cleaned_data["query"], form.active_filters
    if not query:
        return render(request, "search/search.html", context)

    found = cached_find(query, filters, form.cleaned_data["sort"])
    page_obj = Paginator(found["ordered"], RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    page_ids = list(page_obj.object_list)
    # searchable() again: an article that expired since the results were cached drops out.
    articles = searchable().filter(pk__in=page_ids).for_listing().in_bulk()
    results = [articles[pk] for pk in page_ids if pk in articles]
    for article in results:
        article.search_standfirst = mark_words(article.standfirst, query)
        article.search_excerpt = excerpt(article_text(article), query)

    # Tagged, but rendered every time: each search is logged for the editors' reports.
    surrogate_keys.add(request, surrogate_keys.SEARCH)
    surrogate_keys.for_articles(request, results)
    picks = editors_picks(query)
    if page_obj.number == 1:
        # Nothing matching, filters or not, is a gap in the coverage for the editors' report.
        record_search(query, matched=bool(found["matches"]))

    facets = facet_options(found["facets"])
    context.update(
        # When nothing matches, headlines that start with the words (as the header box suggests)
        # catch a word typed in part, or a spelling the full-text search does not stem.
        near_misses=[] if found["matches"] else list(searchable().autocomplete(query)[:5]),
        has_filters=bool(
            filters or facets["sections"] or facets["categories"] or facets["authors"]
        ),
        search_results=page_obj,
        results=results,
        result_count=page_obj.paginator.count,
        editors_picks=picks,
        facets=facets,
        active_filters=filters,
        sort=form.cleaned_data["sort"],
    )
    return render(request, "search/search.html", context)


@require_safe
def suggest(request):
    """Headlines that start with what the reader is typing, for the header search box."""
    query = clean_query_text(request.GET.get("query", ""))
    if len(query) < 2:
        return JsonResponse({"suggestions": []})
    matches = searchable().autocomplete(query)[:SUGGESTIONS]
    # The front cache may keep suggestions until the next publish (search pages it may not).
    surrogate_keys.mark_cacheable(request)
    surrogate_keys.add(request, surrogate_keys.SEARCH)
    return JsonResponse(
        {"suggestions": [{"title": page.title, "url": page.get_url(request)} for page in matches]}
    )
