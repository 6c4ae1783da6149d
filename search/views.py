"""Reader-facing search: the results page and the header box's headline suggestions.

What matches and in what order, the filters' counts and editors' picks come from search/engine.py;
the views validate the input, page through the answer and mark the searched words.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.views.decorators.http import require_safe

from news import surrogate_keys
from news.pagination import paginate
from search import engine
from search.forms import QueryField, SearchForm
from search.highlight import article_text, excerpt, mark_words
from search.log import record_search

RESULTS_PER_PAGE = 10
SUGGESTIONS = 6
# The filters offered beside the results: query parameter, heading, key of the facet options.
FILTER_GROUPS = (
    ("section", "Section", "sections"),
    ("category", "Category", "categories"),
    ("author", "Author", "authors"),
)
# What the date form carries over from the current search.
KEPT_BY_DATE_FORM = ("section", "category", "author", "sort")


def search_url(request, **changes):
    """This search's query string with ``changes`` (None removes a parameter), from page 1."""
    params = request.GET.copy()
    for name, value in {**changes, "page": None}.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return f"?{params.urlencode()}"


def filter_links(request, facets, filters):
    """Ready links for the template: one that removes each active filter, and each filter group's
    options with their counts (a selected option links to its own removal)."""
    removals = []
    for name, value in filters.items():
        if name == "date_from":
            label = f"From {date_format(value, 'j M Y')}"
        elif name == "date_to":
            label = f"To {date_format(value, 'j M Y')}"
        else:
            label = str(value)
        removals.append({"label": label, "url": search_url(request, **{name: None})})
    groups = []
    for name, heading, key in FILTER_GROUPS:
        options = []
        for option in facets[key]:
            item, count = option if isinstance(option, tuple) else (option, option.n)
            selected = getattr(filters.get(name), "pk", None) == item.pk
            options.append(
                {
                    "label": str(item),
                    "count": count,
                    "selected": selected,
                    "url": search_url(request, **{name: None if selected else item.slug}),
                }
            )
        if options:
            groups.append({"heading": heading, "options": options})
    return removals, groups


def search(request):
    form = SearchForm(request.GET)
    valid = form.is_valid()
    # The query field always cleans (search/forms.py), so the box shows the words searched for
    # even when a filter is refused.
    query = form.cleaned_data.get("query", "")
    context = {"form": form, "search_query": query}
    if not valid:
        return render(request, "search/search.html", context, status=400)
    if not query:
        return render(request, "search/search.html", context)

    filters, sort = form.active_filters, form.cleaned_data["sort"]
    found = engine.cached_find(query, filters, sort)
    page_obj = paginate(request, found["ordered"], RESULTS_PER_PAGE)
    page_ids = list(page_obj.object_list)
    # searchable() again: an article that expired since the results were cached drops out.
    articles = engine.searchable().filter(pk__in=page_ids).for_listing().in_bulk()
    results = [articles[pk] for pk in page_ids if pk in articles]
    for article in results:
        article.search_standfirst = mark_words(article.standfirst, query)
        article.search_excerpt = excerpt(article_text(article), query)

    # Tagged, but rendered every time: each search is logged for the editors' reports.
    surrogate_keys.add(request, surrogate_keys.SEARCH)
    surrogate_keys.for_articles(request, results)
    picks = engine.editors_picks(query)
    if page_obj.number == 1:
        # Nothing matching, filters or not, is a gap in the coverage for the editors' report.
        record_search(query, matched=bool(found["matches"]))

    facets = engine.facet_options(found["facets"])
    filter_removals, filter_groups = filter_links(request, facets, filters)
    context.update(
        # When nothing matches, headlines that start with the words (as the header box suggests)
        # catch a word typed in part, or a spelling the full-text search does not stem.
        near_misses=[] if found["matches"] else list(engine.searchable().autocomplete(query)[:5]),
        has_filters=bool(filters or filter_groups),
        filter_removals=filter_removals,
        filter_groups=filter_groups,
        kept_by_date_form=[
            (name, request.GET[name]) for name in KEPT_BY_DATE_FORM if request.GET.get(name)
        ],
        search_results=page_obj,
        listing=page_obj,
        results=results,
        result_count=page_obj.paginator.count,
        editors_picks=picks,
        facets=facets,
        active_filters=filters,
        sort=sort,
    )
    return render(request, "search/search.html", context)


@require_safe
def suggest(request):
    """Headlines that start with what the reader is typing, for the header search box."""
    query = QueryField().clean(request.GET.get("query", ""))
    if len(query) < 2:
        return JsonResponse({"suggestions": []})
    matches = engine.searchable().autocomplete(query)[:SUGGESTIONS]
    # The front cache may keep suggestions until the next publish (search pages it may not).
    surrogate_keys.mark_cacheable(request)
    surrogate_keys.add(request, surrogate_keys.SEARCH)
    return JsonResponse(
        {"suggestions": [{"title": page.title, "url": page.get_url(request)} for page in matches]}
    )
