from django.shortcuts import render

from news.models import ArticlePage
from news.pagination import paginate

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 32


def clean_query(raw):
    """Make reader input safe for every search backend.

    SQLite's FTS5 rejects unbalanced double quotes and recursion-limits very long queries, and
    null bytes upset PostgreSQL, so keep plain words only and cap the length.
    """
    text = raw.replace("\x00", " ").replace('"', " ")[:MAX_QUERY_LENGTH]
    return " ".join(text.split()[:MAX_QUERY_WORDS])


def search(request):
    query = clean_query(request.GET.get("query", ""))
    results = None
    if query:
        matches = ArticlePage.objects.visible().search(query)
        results = paginate(request, matches, 10)
    return render(request, "search/search.html", {"search_query": query, "search_results": results})
