"""Reader-facing search: the results page and the header box's headline suggestions.

What matches and in what order, the filters' counts and editors' picks come from search/engine.py;
the views validate the input, page through the answer and mark the searched words.
"""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from news import cards, surrogate_keys
from news.caching import content_version
from news.pagination import paginate
from search import engine
from search.forms import QueryField, SearchForm
from search.highlight import body_text, excerpt, mark_words
from search.log import record_search

RESULTS_PER_PAGE = 10
# A result is an article card (kept per process) with the search's marked texts in these slots:
# comments, which text the template engine escapes can never hold (it escapes "<").
STANDFIRST_SLOT = mark_safe("<!--standfirst-->")
EXCERPT_SLOT = mark_safe("<!--excerpt-->")
CARD_OPTIONS = {"heading_level": 2, "show_section": True}
SUGGESTIONS = 6
# The filters offered beside the results: query parameter, heading, key of the facet options.
FILTER_GROUPS = (
    ("section", "Section", "sections"),
    ("category", "Category", "categories"),
    ("author", "Author", "authors"),
)
# What the date form carries over from the current search.
KEPT_BY_DATE_FORM = ("section", "category", "author", "sort")


class SearchLinks:
    """Links to this search with a parameter changed, from page 1: the request's parameters are
    read once, not copied for each of the dozens of filter links a page has."""

    def __init__(self, request):
        self.params = {
            name: values for name, values in request.GET.lists() if name != "page" and values
        }

    def url(self, **changes):
        """This search's query string with ``changes`` (None removes a parameter)."""
        params = dict(self.params)
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = [value]
        return "?" + urlencode(
            [(name, value) for name, values in params.items() for value in values]
        )


def filter_links(request, facets, filters):
    """Ready links for the template: one that removes each active filter, and each filter group's
    options with their counts (a selected option links to its own removal)."""
    links = SearchLinks(request)
    removals = []
    for name, value in filters.items():
        if name == "date_from":
            label = f"From {date_format(value, 'j M Y')}"
        elif name == "date_to":
            label = f"To {date_format(value, 'j M Y')}"
        else:
            label = str(value)
        removals.append({"label": label, "url": links.url(**{name: None})})
    groups = []
    for name, heading, key in FILTER_GROUPS:
        chosen = getattr(filters.get(name), "pk", None)
        options = [
            {
                "label": option.label,
                "count": option.count,
                "selected": option.pk == chosen,
                "url": links.url(**{name: None if option.pk == chosen else option.slug}),
            }
            for option in facets[key]
        ]
        if options:
            groups.append({"heading": heading, "options": options})
    return removals, groups


def shown_results(ids, query):
    """The ``ids`` readers may still see, in order, and {id: (standfirst, excerpt of the body)} of
    them as HTML, the searched words marked.

    ``searchable()`` again: an article that expired since the results were cached drops out. The
    texts are kept until published content changes, per query and page of results: an excerpt
    reads the whole body (every block's text, its rich text parsed), about 0.4 ms an article
    here, and readers ask for the same pages of the same searches again and again.
    """
    digest = hashlib.sha256(f"{query}\x1f{ids}".encode()).hexdigest()
    key = f"newsroom:search-excerpts:{content_version()}:{digest}"
    texts = cache.get(key)
    shown = engine.searchable().filter(pk__in=ids)
    if texts is None or set(texts) != set(ids):
        # One query for both: which may be seen, and what their texts are.
        rows = shown.values_list("pk", "standfirst", "body")
        texts = {
            pk: (str(mark_words(standfirst, query)), str(excerpt(body_text(body), query)))
            for pk, standfirst, body in rows
        }
        visible = set(texts)
        if visible == set(ids):
            cache.set(key, texts, engine.SEARCH_CACHE_SECONDS)
    else:
        visible = set(shown.values_list("pk", flat=True))
    return [pk for pk in ids if pk in visible], texts


def result_cards(request, ids, texts):
    """Each result's card: the article card this process keeps (``news.cards``), with this
    search's marked standfirst and excerpt put in its slots."""
    slots = {"standfirst_slot": STANDFIRST_SLOT, "excerpt_slot": EXCERPT_SLOT}
    options = {**CARD_OPTIONS, **slots}
    drawn = cards.draw(request, ids, "includes/article_card.html", options, by_id=True)
    results = []
    for pk in ids:
        card = drawn.get(pk)
        if card is None:  # deleted since the search found it
            continue
        standfirst, body = texts.get(pk, ("", ""))
        excerpt_html = f'<p class="card__excerpt">{body}</p>' if body else ""
        # Both texts are escaped by search.highlight; the card by the template engine.
        html = card.replace(STANDFIRST_SLOT, standfirst).replace(EXCERPT_SLOT, excerpt_html)
        results.append(mark_safe(html))  # noqa: S308
    return results


def count_text(count, more):
    """ "1 result", "25 results", or "1,000+ results" when the search found more than it shows."""
    if more:
        return f"{count:,}+ results"
    return f"{count:,} result{'' if count == 1 else 's'}"


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
    result_ids, texts = shown_results(page_ids, query)
    cards_shown = result_cards(request, result_ids, texts)

    # Tagged, but rendered every time: each search is logged for the editors' reports.
    surrogate_keys.add(request, surrogate_keys.SEARCH)
    picks = engine.editors_picks(query, request)
    if page_obj.number == 1:
        # Nothing matching, filters or not, is a gap in the coverage for the editors' report.
        record_search(query, matched=found["matched"])

    facets = engine.facet_options(found["facets"])
    filter_removals, filter_groups = filter_links(request, facets, filters)
    context.update(
        # When nothing matches, headlines that start with the words (as the header box suggests)
        # catch a word typed in part, or a spelling the full-text search does not stem.
        near_misses=[] if found["matched"] else list(engine.searchable().autocomplete(query)[:5]),
        has_filters=bool(filters or filter_groups),
        filter_removals=filter_removals,
        filter_groups=filter_groups,
        # Counted among the newest MOST_RESULTS matches (search/engine.py) when there are more.
        facets_among=f"{engine.MOST_RESULTS:,}" if facets["more"] else None,
        kept_by_date_form=[
            (name, request.GET[name]) for name in KEPT_BY_DATE_FORM if request.GET.get(name)
        ],
        search_results=page_obj,
        listing=page_obj,
        # The ids of the articles shown, and their cards.
        results=result_ids,
        result_cards=cards_shown,
        result_count=page_obj.paginator.count,
        # More matches than the search shows: the count reads "1,000+ results".
        more_results=found["more"],
        result_count_text=count_text(page_obj.paginator.count, found["more"]),
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
