"""Reader-facing search: ranked full-text results, combinable filters with counts, editors' picks."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from news.models import ArticlePage, Author, Category, NewsIndexPage
from search import ranking
from search.forms import SearchForm, clean_query_text
from search.highlight import WORD, article_text, excerpt
from search.models import UnansweredQuery

RESULTS_PER_PAGE = 10
# Filters and counts work on the most relevant matches; beyond these, nobody reads on.
MAX_RANKED = 1000
SUGGESTIONS = 6


def not_expired():
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def searchable():
    """Articles readers may find: live, public, and not past their expiry time.

    Wagtail unpublishes expired pages only when ``publish_scheduled`` runs; until then they are
    still live, so search leaves them out itself.
    """
    return ArticlePage.objects.visible().filter(not_expired())


def _words(text):
    return [word.lower() for word in WORD.findall(text)]


def ranked_ids(query):
    """Matching article ids, best first.

    First the article whose headline is the query, then headlines that contain every word of the
    query, then articles with the words as a phrase (a remembered quotation), then the rest, each
    group in the backend's relevance order. SQLite's FTS5 backend ignores field boosts (its BM25
    weighs a word in the headline like one in the body), so these groups are applied here, the
    same way on every backend. The headline and phrase tests use the backend's matching, so they
    stem where the backend stems (search/ranking.py).
    """
    ranked = ranking.relevance_order(searchable(), query, MAX_RANKED)
    if not ranked:
        return ranked
    in_headline = ranking.matching_in_headline(ranked, query)
    query_words = _words(query)
    exact = {
        pk
        for pk, title in ArticlePage.objects.filter(pk__in=in_headline).values_list("pk", "title")
        if _words(title) == query_words
    }
    as_phrase = ranking.matching_as_phrase(ranked, query) if len(query_words) > 1 else set()
    return sorted(
        ranked, key=lambda pk: (pk not in exact, pk not in in_headline, pk not in as_phrase)
    )


def apply_filters(ids, filters, skip=None):
    """The subset of ``ids`` that passes every active filter except ``skip``."""
    queryset = ArticlePage.objects.filter(pk__in=ids)
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
            queryset = queryset.filter(display_date__date__gte=value)
        elif name == "date_to":
            queryset = queryset.filter(display_date__date__lte=value)
    return queryset


def facet_counts(ids, filters):
    """For each filter option, how many results it would leave given the other filters."""
    sections = list(NewsIndexPage.objects.live().public().order_by("path"))
    section_counts = {}
    if sections:
        prefix = len(sections[0].path)
        rows = (
            apply_filters(ids, filters, skip="section")
            # Page querysets are ordered by path; that ordering would split every group.
            .order_by()
            .annotate(section_path=Substr("path", 1, prefix))
            .values("section_path")
            .annotate(n=Count("pk", distinct=True))
        )
        section_counts = {row["section_path"]: row["n"] for row in rows}
    in_categories = apply_filters(ids, filters, skip="category").values("pk")
    in_authors = apply_filters(ids, filters, skip="author").values("pk")
    return {
        "sections": [
            (s, section_counts.get(s.path, 0)) for s in sections if section_counts.get(s.path)
        ],
        "categories": Category.objects.annotate(
            n=Count("articles", filter=Q(articles__in=in_categories), distinct=True)
        )
        .filter(n__gt=0)
        .order_by("-n", "name"),
        "authors": Author.objects.annotate(
            n=Count("bylines__page", filter=Q(bylines__page__in=in_authors), distinct=True)
        )
        .filter(n__gt=0)
        .order_by("-n", "name")[:12],
    }


def editors_picks(query):
    """The query's promoted results that readers may see: live, public, unexpired pages (articles
    or sections alike) and external links."""
    query_object = Query.get(query)
    picks = list(query_object.editors_picks.select_related("page").order_by("sort_order"))
    visible = set(
        Page.objects.live()
        .public()
        .filter(not_expired(), pk__in=[pick.page_id for pick in picks if pick.page_id])
        .values_list("pk", flat=True)
    )
    return query_object, [pick for pick in picks if pick.page_id is None or pick.page_id in visible]


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

    ids = ranked_ids(query)
    matching = apply_filters(ids, filters)
    if form.cleaned_data["sort"] == "newest":
        ordered = list(matching.newest_first().values_list("pk", flat=True))
    else:
        keep = set(matching.values_list("pk", flat=True))
        ordered = [pk for pk in ids if pk in keep]

    page_obj = Paginator(ordered, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    articles = ArticlePage.objects.filter(pk__in=page_obj.object_list).for_listing().in_bulk()
    results = [articles[pk] for pk in page_obj.object_list if pk in articles]
    for article in results:
        article.search_excerpt = excerpt(article_text(article), query)

    query_object, picks = editors_picks(query)
    if page_obj.number == 1:
        query_object.add_hit()
        if not ids:
            # A gap in the coverage, not a filter that left nothing: editors' report.
            UnansweredQuery.record(query_object)

    context.update(
        search_results=page_obj,
        results=results,
        result_count=len(ordered),
        editors_picks=picks,
        facets=facet_counts(ids, filters),
        active_filters=filters,
        sort=form.cleaned_data["sort"],
    )
    return render(request, "search/search.html", context)


@require_GET
def suggest(request):
    """Headlines that start with what the reader is typing, for the header search box."""
    query = clean_query_text(request.GET.get("query", ""))
    if len(query) < 2:
        return JsonResponse({"suggestions": []})
    matches = searchable().autocomplete(query)[:SUGGESTIONS]
    return JsonResponse(
        {"suggestions": [{"title": page.title, "url": page.get_url(request)} for page in matches]}
    )
