from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, object_list, per_page):
    """Return the requested page of ``object_list``; a bad or out-of-range ``?page=`` is a 404."""
    paginator = Paginator(object_list, per_page)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page of results.") from error
    # The page caches keep ``?page=`` only for what a view paginated (newsroom.pagecache).
    request.paginated_page = page.number
    return page
