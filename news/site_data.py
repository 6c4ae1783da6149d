"""What every reader page looks up and is the same for all of them, kept in each process.

The Site for the request's host, its home page, the site settings (with the logo), the sections
in the navigation, the "Popular categories" box and the site-wide promos were read from the
database on every render. Each process now keeps them, together with the purge times of the
surrogate keys that cover them (``news.surrogate_keys``: ``site`` for settings, sections, sites
and privacy; ``popular``; ``promos``; the home page's own key), and reads those purge times from
the cache once per request, in one round trip. A purge of any of them (``news.purging``, through
``newsroom.pagecache.expire``) makes the next request read the database again, in every process.

The purge times are read before anything is fetched, so a change committed while a value was
being read leaves it with the old purge time and it is read again on the next request. Values are
kept ``MAX_AGE`` seconds at most, for changes that purge nothing (an image file replaced). Without
a cache (unreachable), nothing is kept.

Pages and settings kept here are shared by the requests a process serves: callers must not change
them (``site_settings`` hands each request its own copy, as Wagtail sets ``_request`` on it).
"""

import copy
import time

from django.apps import apps
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from news import surrogate_keys as keys
from newsroom import pagecache

# Changes when the cache is emptied: values kept before then are not trusted after it.
EPOCH_KEY = "newsroom:site-data-epoch"
MAX_AGE = 300
MAX_ENTRIES = 1000

_kept = {}  # name -> (purge times, monotonic time kept, value)
# Keys whose purge times the first look-up of a request reads (those the values here depend on).
_watched = {keys.SITE}


def _purge_times(request, names):
    """The epoch and the purge times of ``names``: read once per request, None when unknown."""
    known = getattr(request, "_site_data_purge_times", None)
    if known is None:
        known = request._site_data_purge_times = {}
    _watched.update(names)
    wanted = [
        EPOCH_KEY,
        pagecache.CLOCK,
        *(pagecache.KEY_PREFIX + name for name in sorted(_watched)),
    ]
    missing = [key for key in wanted if key not in known]
    if missing:
        found = cache.get_many(missing)
        absent = [key for key in missing if key not in found]
        if absent:
            # Never purged yet (or evicted): recorded as such, as the page cache does; a new
            # epoch tells a cache that was emptied from one where nothing changed.
            for key in absent:
                cache.add(key, time.time_ns() if key == EPOCH_KEY else 0, None)
            found.update(cache.get_many(absent))
        known.update({key: found.get(key) for key in missing})
    times = (known[EPOCH_KEY], *(known[pagecache.KEY_PREFIX + name] for name in names))
    return None if None in times else times


def purge_clock(request):
    """(epoch, purge clock) as this request first read them, before fetching anything; None
    without a cache. What a request draws is fresh while none of its keys is purged after it."""
    _purge_times(request, ())
    known = request._site_data_purge_times
    epoch, clock = known[EPOCH_KEY], known[pagecache.CLOCK]
    return None if epoch is None or clock is None else (epoch, clock)


def remembered(request, name, depends_on, fetch, also_depends_on=None, max_age=MAX_AGE):
    """``fetch()``'s value, kept in this process until a key in ``depends_on`` is purged.

    ``also_depends_on(value)`` names more keys, found in the value itself (the pages it links
    to). Their purge times must be read before the value is, so a value with keys not read yet
    is not kept this time; the next request reads them first. ``max_age`` (seconds) bounds
    values that change with time alone (a listing, as scheduled expiry passes).
    """
    if request is None:
        return fetch()
    kept = _kept.get(name)
    now = time.monotonic()
    if kept is not None:
        names, kept_times, kept_at, value = kept
        if now - kept_at < max_age and _purge_times(request, names) == kept_times:
            return value
    names = tuple(sorted(set(depends_on)))
    times = _purge_times(request, names)
    read_before = set(request._site_data_purge_times)
    value = fetch()
    if times is None:
        return value
    more = set(also_depends_on(value)) if also_depends_on else set()
    if more - set(names):
        names = tuple(sorted(set(names) | more))
        unread = any(pagecache.KEY_PREFIX + key not in read_before for key in more)
        times = _purge_times(request, names)
        if unread or times is None:
            return value
    if len(_kept) >= MAX_ENTRIES:  # one site per host name: a few entries, unless hosts vary
        _kept.clear()
    _kept[name] = (names, times, now, value)
    return value


def forget():
    """Drop everything this process keeps."""
    _kept.clear()


def site(request):
    """``Site.find_for_request``, with the site's root page in its specific class.

    The home page's own changes (its lead story, its title) purge only its own key.
    """

    def fetch():
        found = Site._find_for_request(request)
        if found is not None:
            found.root_page = found.root_page.specific
        return found

    try:
        host, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    except Exception:  # an unusable Host header: Wagtail's own look-up decides
        return Site.find_for_request(request)
    return remembered(
        request,
        f"site:{host}:{port}",
        [keys.SITE],
        fetch,
        lambda found: [keys.page(found.root_page_id)] if found else [],
    )


def settings_model():
    """The site settings model, by name: the home app builds on news, not the other way."""
    return apps.get_model("home", "SiteSettings")


def site_settings(request):
    """The site's settings (and logo), a copy per request."""
    SiteSettings = settings_model()

    attr_name = SiteSettings.get_cache_attr_name()
    if hasattr(request, attr_name):
        return getattr(request, attr_name)
    found = Site.find_for_request(request)
    kept = remembered(
        request,
        f"settings:{found.pk if found else None}",
        [keys.SITE],
        lambda: SiteSettings.for_site(found),
    )
    settings = copy.copy(kept)
    settings._request = request
    setattr(request, attr_name, settings)
    return settings


def navigation_sections(request):
    """The live, public sections shown in menus, in tree order."""
    from news.models import NewsIndexPage

    found = Site.find_for_request(request)
    if found is None:
        return []

    def fetch():
        return list(
            NewsIndexPage.objects.child_of(found.root_page)
            .live()
            .public()
            .in_menu()
            .only("title", "url_path", "path", "depth")
        )

    return remembered(request, f"navigation:{found.pk}", [keys.SITE], fetch)


def sections(request, home):
    """The home page's sections by slug (live or not: routing decides), for routing."""
    from news.models import NewsIndexPage

    return remembered(
        request,
        f"sections:{home.pk}",
        [keys.SITE],
        lambda: {section.slug: section for section in NewsIndexPage.objects.child_of(home)},
    )


def popular_categories(request):
    """The "Popular categories" box."""
    from news.models import Category

    return remembered(
        request,
        "popular-categories",
        [keys.SITE, keys.POPULAR],
        lambda: list(Category.objects.popular()),
    )


def sitewide_promos(request):
    """The live site-wide promos (at most three), for articles that pick none of their own."""
    from news.models import SidebarSnippet

    return remembered(
        request,
        "sitewide-promos",
        [keys.SITE, keys.SITEWIDE_PROMOS],
        lambda: list(SidebarSnippet.objects.sitewide().select_related("image", "link_page")[:3]),
        # A promo's link follows its page: unpublishing or moving the page purges its key.
        lambda promos: [keys.page(promo.link_page_id) for promo in promos if promo.link_page_id],
    )


def sidebar(request, promos=None):
    """What the sidebar shows (``templates/includes/sidebar.html``): the promos (the site-wide
    ones unless a page chose its own) and the "Popular categories" box."""
    return {
        "promos": sitewide_promos(request) if promos is None else promos,
        "popular_categories": popular_categories(request),
    }


class SiteDataMiddleware:
    """Give Wagtail the request's Site from this process's copy (routing, settings, URLs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site(request)
        return self.get_response(request)
