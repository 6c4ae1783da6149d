"""Reader-facing search: ranked full-text results, combinable filters with counts, editors' picks."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query

from news.models import ArticlePage, Author, Category, NewsIndexPage
from search.forms import SearchForm, clean_query_text
from search.highlight import article_text, excerpt
from search.models import UnansweredQuery

RESULTS_PER_PAGE = 10
# Filters and counts work on the most relevant matches; beyond these, nobody reads on.
MAX_RANKED = 1000
SUGGESTIONS = 6


def ranked_ids(query):
    results = ArticlePage.objects.visible().only("pk").search(query)
    return [article.pk for article in results[:MAX_RANKED]]


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
    query_object = Query.get(query)
    picks = query_object.editors_picks.select_related("page").order_by("sort_order")
    visible = set(
        ArticlePage.objects.visible()
        .filter(pk__in=[p.page_id for p in picks if p.page_id])
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
        if not ordered:
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
    matches = ArticlePage.objects.visible().autocomplete(query)[:SUGGESTIONS]
    return JsonResponse(
        {"suggestions": [{"title": page.title, "url": page.get_url(request)} for page in matches]}
    )
