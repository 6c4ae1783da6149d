"""Article cards and feed entries, made once per process and kept until what they show changes.

A listing page is mostly cards (the home page draws more than thirty), and a feed is thirty
entries: fetching each article with its authors and picture, then rendering its card or entry,
was most of what an uncached listing or feed cost. Each process now keeps every card's markup
(per template and options), every feed entry and each article page's authors, topics and
promos (``ArticlePage.keep_topics``), with the surrogate keys it was made from
(``news.surrogate_keys.for_card``: the article, its authors, its picture; and ``site``, for the
section names and links). Listings then fetch only the ids of their articles, and the articles of
the cards not kept.

A kept value is used while none of its keys has been purged since the request that made it
began (``news.site_data.purge_clock``, read before anything is fetched): a change committed
while it was being made retires it. Once found fresh at a purge clock, a value is not checked
again until the clock moves (a purge anywhere); then one cache round trip checks every card the
page shows. Without a cache (unreachable, or emptied since) nothing is kept or trusted. Values
are also made again after ``MAX_AGE`` seconds, for changes that purge nothing.
"""

import time

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from news import site_data, surrogate_keys
from newsroom import pagecache

MAX_AGE = 300
# How many values of each kind (``kind[0]``) a process keeps; past that the oldest go. Cards and
# topics are small; an article page holds its parsed body.
MAX_KEPT = 5000
MAX_KEPT_OF = {"article-page": 500, "fragment": 2000}

_kept = {}  # kind[0] -> {(kind, article pk): (since, epoch, surrogate keys, kept at, value)}
_checked = {}  # same key -> the purge clock it was last found fresh at


def kept(request, kind, ids, make):
    """``ids``' values, in order: those kept and fresh, and ``make(missing ids)``'s for the rest.

    ``kind`` names what is kept (a card template and its options, feed entries); ``make`` returns
    ``{pk: (surrogate keys, value)}``, leaving out articles that are gone. Every value's keys go
    on the response.
    """
    found = kept_by_id(request, kind, ids, make)
    return [found[pk] for pk in ids if pk in found]


def kept_by_id(request, kind, ids, make):
    """``kept``'s values by id (those of articles that are gone are missing)."""
    clock = site_data.purge_clock(request) if request is not None else None
    site = site_data.site(request) if request is not None else None
    kind = (*kind, site.pk if site else None)
    found = _fresh(kind, ids, clock)
    missing = [pk for pk in ids if pk not in found]
    if missing:
        made = make(missing)
        found.update(made)
        if clock is not None:
            for pk, (keys, value) in made.items():
                _keep((kind, pk), keys, value, clock)
    for keys, _value in found.values():
        surrogate_keys.add(request, *keys)
    return {pk: value for pk, (_keys, value) in found.items()}


def _fresh(kind, ids, clock):
    """The kept values still fresh at ``clock``: pk -> (keys, value)."""
    if clock is None:
        return {}
    now = time.monotonic()
    found, unchecked = {}, []
    for pk in ids:
        key = (kind, pk)
        entry = _kept.get(kind[0], {}).get(key)
        if entry is None or entry[1] != clock[0] or now - entry[3] > MAX_AGE:
            continue
        if _checked.get(key) == clock:
            found[pk] = (entry[2], entry[4])
        else:
            unchecked.append((pk, key, entry))
    if unchecked:
        names = {name for _pk, _key, entry in unchecked for name in entry[2]}
        purged = cache.get_many([pagecache.KEY_PREFIX + name for name in names])
        for pk, key, (since, _epoch, keys, _at, value) in unchecked:
            times = [purged.get(pagecache.KEY_PREFIX + name) for name in keys]
            if None not in times and max(times) <= since:
                _checked[key] = clock
                found[pk] = (keys, value)
    return found


def _keep(key, keys, value, clock):
    epoch, since = clock
    # A key never purged yet is recorded as such: a value whose key is missing is stale.
    for name in keys:
        cache.add(pagecache.KEY_PREFIX + name, 0, None)
    shelf = _kept.setdefault(key[0][0], {})
    shelf.pop(key, None)
    while len(shelf) >= MAX_KEPT_OF.get(key[0][0], MAX_KEPT):
        try:
            oldest = next(iter(shelf))
        except (StopIteration, RuntimeError):  # emptied or changed by another thread
            break
        shelf.pop(oldest, None)
        _checked.pop(oldest, None)
    shelf[key] = (since, epoch, keys, time.monotonic(), value)
    _checked[key] = clock


def forget():
    """Drop everything this process keeps."""
    _kept.clear()
    _checked.clear()


def fetch(ids, given=()):
    """The articles ``ids`` with what a card or entry shows, by pk; ``given`` ones not again."""
    from news.models import ArticlePage

    found = {article.pk: article for article in given if article.pk in ids}
    unknown = [pk for pk in ids if pk not in found]
    if unknown:
        found.update(ArticlePage.objects.filter(pk__in=unknown).for_listing().in_bulk())
    return found


def draw(request, articles, template_name, options, by_id=False):
    """Each article's card markup, in order (or by id); the cards' surrogate keys go on the
    response.

    ``articles`` holds article pages or their ids (a listing that fetched ids only); ``options``
    are the template's switches (``short``, ``show_section``, ...).
    """
    articles = list(articles)
    ids = [getattr(article, "pk", article) for article in articles]
    given = [article for article in articles if not isinstance(article, int)]

    def render(missing):
        template = get_template(template_name)
        sections = site_data.navigation_sections(request) if request is not None else []
        context = {"request": request, "nav_sections": sections, **options}
        return {
            pk: (
                (*surrogate_keys.for_card(article), surrogate_keys.SITE),
                mark_safe(template.render({**context, "article": article})),  # noqa: S308
            )
            for pk, article in fetch(missing, given).items()
        }

    kind = ("card", template_name, *sorted(options.items()))
    return (kept_by_id if by_id else kept)(request, kind, ids, render)
