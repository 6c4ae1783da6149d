from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from news.caching import content_version

# Scheduled expiry changes a listing without a publish: a stored count is trusted this long.
COUNT_TIMEOUT = 60


def paginate(request, object_list, per_page, count_key=None):
    """Return the requested page of ``object_list``; a bad or out-of-range ``?page=`` is a 404.

    With ``count_key`` (naming the listing), the number of items is counted once per content
    version and kept in the cache: counting a section of the whole archive on every view is the
    part of a listing whose cost grows with the archive.
    """
    paginator = Paginator(object_list, per_page)
    if count_key:
        key = f"newsroom:listing-count:{content_version()}:{count_key}"
        paginator.count = cache.get_or_set(key, object_list.count, COUNT_TIMEOUT)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page of results.") from error
    # The page caches keep ``?page=`` only for what a view paginated (newsroom.pagecache).
    request.paginated_page = page.number
    return page
