from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import Http404

from news.caching import content_version

# Scheduled expiry changes a listing without a publish: a stored count is trusted this long.
COUNT_TIMEOUT = 60


class DeferredJoinPaginator(Paginator):
    """Pages of a queryset as the ids of their rows, in order.

    The listings draw a card per id (``{% article_cards %}``, ``news.cards``), fetching only the
    articles whose card this process does not keep. ``OFFSET`` makes the database step over every
    earlier row of the listing: asked for ids alone, it steps along the ordering's index and the
    few columns the filters need, not each skipped article's row, image and publisher.

    Deeper than ``seek_after`` pages, a listing that can seek (``from_newest``) starts from the
    page's first row instead, found in a list of every page's first row kept in the cache under
    ``starts_key`` (made once per content version, like the count): page 1,000 of a section
    then costs what page 1 does.
    """

    seek_after = 5

    def __init__(self, *args, starts_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.starts_key = starts_key

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids_only = self.object_list.select_related(None).prefetch_related(None)
        start = self.page_start(ids_only, number)
        if start is None:
            ids = list(ids_only.values_list("pk", flat=True)[bottom:top])
        else:
            ids = list(ids_only.from_newest(*start).values_list("pk", flat=True)[: top - bottom])
        return self._get_page(ids, number, self)

    def page_start(self, ids_only, number):
        """(date, id) of the page's first article, or None to use ``OFFSET``."""
        if number <= self.seek_after or not self.starts_key:
            return None
        if not hasattr(ids_only, "from_newest"):
            return None
        starts = cache.get_or_set(
            self.starts_key, lambda: self.page_starts(ids_only), COUNT_TIMEOUT
        )
        if number > len(starts) or starts[number - 1][0] is None:
            return None
        return starts[number - 1]

    def page_starts(self, ids_only):
        firsts = list(ids_only.values_list("pk", flat=True))[:: self.per_page]
        dates = dict(ids_only.model.objects.filter(pk__in=firsts).values_list("pk", "display_date"))
        return [(dates.get(pk), pk) for pk in firsts]


def paginate(request, object_list, per_page, count_key=None):
    """Return the requested page of ``object_list``; a bad or out-of-range ``?page=`` is a 404.

    With ``count_key`` (naming the listing), the number of items is counted once per content
    version and kept in the cache: counting a section of the whole archive on every view is the
    part of a listing whose cost grows with the archive.
    """
    version = content_version() if count_key else None
    if isinstance(object_list, QuerySet):
        starts_key = f"newsroom:listing-starts:{version}:{count_key}" if count_key else None
        paginator = DeferredJoinPaginator(object_list, per_page, starts_key=starts_key)
    else:
        paginator = Paginator(object_list, per_page)
    if count_key:
        key = f"newsroom:listing-count:{version}:{count_key}"
        paginator.count = cache.get_or_set(key, object_list.count, COUNT_TIMEOUT)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page of results.") from error
    # The page caches keep ``?page=`` only for what a view paginated (newsroom.pagecache).
    request.paginated_page = page.number
    return page
