"""Whole-response cache for anonymous readers, asked before routing, expired by surrogate key.

For installs without a front cache (and behind one, for its misses): a hit costs one cache
round trip and no database query, because it is answered before sessions, authentication and
Wagtail's routing run. Only responses that a view marked cacheable are kept
(``news.surrogate_keys.mark_cacheable``), each with the surrogate keys of what it shows; a
purge of any of those keys (``expire``) retires it, so a publish no longer empties the cache.

Freshness: an entry remembers the purge clock read when its request *started*. A key purged
after that (a change committed while the page was rendering) makes it stale, as does a key the
cache no longer holds (evicted, so its last purge is unknown).

What is never kept or served: requests with a session cookie (editors, and readers who entered a
page password), anything but GET/HEAD, query strings other than a ``?page=`` that the view
really paginated, responses that set cookies, and anything a view did not mark (search results,
forms, errors). Hosts are keyed by name, lower case, without the port.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.encoding import escape_uri_path

ENTRY_PREFIX = "newsroom:page:"
KEY_PREFIX = "newsroom:key:"
CLOCK = "newsroom:purge-clock"
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
GZIP = re.compile(r"\bgzip\b")
UNSTORED_HEADERS = {"set-cookie", "date", "x-cache"}
# Entries this process has checked against the purge clock: a hit re-reads the keys' purge
# times only when something was purged since.
_checked = {}
_CHECKED_LIMIT = 10_000


def expire(surrogate_keys):
    """Retire every entry that carries one of ``surrogate_keys``."""
    if not surrogate_keys:
        return
    now = max(time.time_ns(), (cache.get(CLOCK) or 0) + 1)
    cache.set_many({KEY_PREFIX + key: now for key in surrogate_keys}, None)
    cache.set(CLOCK, now, None)


def entry_key(request):
    """The cache key for this request, or None when it must not use the page cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    query = request.GET
    page = ""
    if query:
        values = query.getlist("page")
        if len(query) > 1 or len(values) != 1 or not PAGE_NUMBER.fullmatch(values[0]):
            return None
        page = values[0]
    try:
        host, _port = split_domain_port(request.get_host())
    except DisallowedHost:
        return None
    if not host:
        return None
    encoding = "gzip" if GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    path = escape_uri_path(request.path)
    if len(path) > 200:
        path = hashlib.sha256(path.encode()).hexdigest()
    return f"{ENTRY_PREFIX}{encoding}:{host.lower()}:{path}?{page}"


def _fresh(key, entry, clock):
    if _checked.get(key) == (entry["stamp"], clock):
        return True
    purged = cache.get_many([KEY_PREFIX + name for name in entry["keys"]])
    fresh = len(purged) == len(entry["keys"]) and max(purged.values(), default=0) <= entry["since"]
    if fresh:
        if len(_checked) >= _CHECKED_LIMIT:
            _checked.clear()
        _checked[key] = (entry["stamp"], clock)
    return fresh


def _replay(request, entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response["X-Cache"] = "hit"
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


def _storable(request, response):
    user = getattr(request, "user", None)
    if (
        request.method != "GET"
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (user is not None and user.is_authenticated)
        or "*" in response.get("Vary", "")
    ):
        return False
    page = request.GET.get("page")
    return page is None or str(getattr(request, "paginated_page", "")) == page


def _store(key, since, request, response):
    names = sorted(request.surrogate_keys)
    # A key never purged yet is recorded as such; an entry whose key is missing is stale.
    for name in names:
        cache.add(KEY_PREFIX + name, 0, None)
    entry = {
        "since": since,
        "stamp": time.time_ns(),
        "keys": names,
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ],
        "content": response.content,
    }
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)


def label(request, response):
    """Headers for the front cache: which keys a response carries and whether it may keep it."""
    names = getattr(request, "surrogate_keys", None)
    if not names:
        return
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
        return
    response[settings.FRONT_CACHE_KEY_HEADER] = " ".join(sorted(names))
    if getattr(request, "cacheable_for_readers", False) and response.status_code == 200:
        # Browsers ask again every time (a 304 when unchanged); the front keeps the page
        # until a purge, and strips this header (Varnish: deploy/varnish/newsroom.vcl).
        response["Surrogate-Control"] = f"max-age={settings.FRONT_CACHE_TTL}"
        patch_cache_control(response, no_cache=True)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = entry_key(request) if settings.PAGE_CACHE_SECONDS else None
        if key is not None:
            # One round trip to the cache for the entry and the purge clock.
            found = cache.get_many([key, CLOCK])
            entry, since = found.get(key), found.get(CLOCK) or 0
            if entry is not None and _fresh(key, entry, found.get(CLOCK)):
                return _replay(request, entry)
        response = self.get_response(request)
        label(request, response)
        if (
            key is not None
            and getattr(request, "cacheable_for_readers", False)
            and _storable(request, response)
        ):
            _store(key, since, request, response)
        return response
