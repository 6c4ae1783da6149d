"""Whole-response cache for anonymous readers, asked before routing, expired by surrogate key.

For installs without a front cache (and behind one, for its misses): a hit costs one cache
round trip and no database query, because it is answered before sessions, authentication and
Wagtail's routing run. Only responses that a view marked cacheable are kept
(``news.surrogate_keys.mark_cacheable``), each with the surrogate keys of what it shows; a
purge of any of those keys (``expire``) retires it, so a publish no longer empties the cache.

Freshness: an entry remembers the purge clock read when its request *started*. A key purged
after that (a change committed while the page was rendering) makes it stale, as does a key the
cache no longer holds (evicted, so its last purge is unknown).

A purge that cannot reach the cache (Redis down or unreachable) is not lost: the process keeps
its keys and writes them as soon as the cache answers again, from a background thread (so that
other app servers stop serving the old pages too) and before it reads the cache itself. A key
purged late is still newer than every entry stored before it, so those entries are stale. Only a
process that exits while the cache is still down loses its pending purges (logged); entries then
expire within PAGE_CACHE_SECONDS.

What is never kept or served: requests with a session cookie (editors, and readers who entered a
page password), anything but GET/HEAD, query strings other than a ``?page=`` that the view
really paginated, responses that set cookies, and anything a view did not mark (search results,
forms, errors). Hosts are keyed by name, lower case, without the port.
"""

import atexit
import hashlib
import logging
import re
import threading
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
# Entries this process last stored or served, up to _LOCAL_BYTES of content: whether an entry is
# fresh depends on its keys' purge times alone, so a hit on one of these reads only the purge
# clock and the cache's epoch, not the page (reading and unpickling a page was most of a hit's
# cost). The epoch is a value the cache gets again only once emptied: entries kept before are
# never trusted after that.
EPOCH = "newsroom:page-cache-epoch"
_local = {}  # entry key -> (epoch, entry)
_local_lock = threading.RLock()  # gthread workers: _local and its byte count change together
_local_bytes = 0
_LOCAL_BYTES = 32 * 1024 * 1024

logger = logging.getLogger(__name__)

# Purges the cache did not take yet: surrogate keys, and other values written with them.
RETRY_SECONDS = 1
_pending_keys = set()
_pending_values = {}
_pending_lock = threading.Lock()
_retrier = None
_owing = False


def expire(surrogate_keys, values=None):
    """Retire every entry that carries one of ``surrogate_keys``, writing ``values`` with them.

    True once written. When the cache cannot take it, the purge is kept and retried (with any
    earlier one still waiting) until it can; False meanwhile.
    """
    global _owing
    with _pending_lock:
        names = _pending_keys | set(surrogate_keys)
        extra = {**_pending_values, **(values or {})}
        _pending_keys.clear()
        _pending_values.clear()
    if not (names or extra):
        return True
    if _write(names, extra):
        if _owing:
            _owing = False
            logger.warning("The page cache took the purges it had missed")
        return True
    with _pending_lock:
        _pending_keys.update(names)
        # Values a later purge set meanwhile are newer than these.
        _pending_values.update({k: v for k, v in extra.items() if k not in _pending_values})
    if not _owing:
        _owing = True
        logger.warning("The page cache did not take a purge; retrying until it does")
    _start_retrier()
    return False


def pending():
    """The surrogate keys of purges not yet written to the cache."""
    with _pending_lock:
        return set(_pending_keys)


def _write(names, values):
    try:
        now = max(time.time_ns(), (cache.get(CLOCK) or 0) + 1)
        data = {**values, **{KEY_PREFIX + name: now for name in names}, CLOCK: now}
        # Django's caches answer the keys they failed to store (newsroom.resilient_cache: all of
        # them while Redis is unreachable).
        return not cache.set_many(data, None)
    except Exception:
        logger.exception("Could not write a page cache purge")
        return False


def _start_retrier():
    global _retrier
    with _pending_lock:
        if _retrier is not None or not (_pending_keys or _pending_values):
            return
        _retrier = threading.Thread(target=_retry, name="page-cache-purges", daemon=True)
        _retrier.start()


def _retry():
    global _retrier
    while True:
        time.sleep(RETRY_SECONDS)
        with _pending_lock:
            if not (_pending_keys or _pending_values):
                _retrier = None
                return
        expire(())


@atexit.register
def _flush_at_exit():
    if (_pending_keys or _pending_values) and not expire(()):
        logger.error(
            "Exiting with %d purged keys the page cache never took; their pages expire within "
            "PAGE_CACHE_SECONDS",
            len(_pending_keys),
        )


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


def _epoch():
    """The cache's epoch, set now if it holds none (new, or emptied); None without a cache."""
    cache.add(EPOCH, time.time_ns(), None)
    return cache.get(EPOCH)


def _remember(key, entry, epoch):
    """Keep ``entry`` in this process (the oldest go past _LOCAL_BYTES)."""
    global _local_bytes
    size = len(entry["content"])
    with _local_lock:
        _forget_local(key)
        if epoch is None or size > _LOCAL_BYTES // 16:
            return
        while _local and _local_bytes + size > _LOCAL_BYTES:
            _forget_local(next(iter(_local)))
        _local[key] = (epoch, entry)
        _local_bytes += size


def _forget_local(key):
    global _local_bytes
    with _local_lock:
        kept = _local.pop(key, None)
        if kept is not None:
            _local_bytes -= len(kept[1]["content"])


def _local_entry(key):
    """(epoch, entry): this process's copy of the entry, unless older than PAGE_CACHE_SECONDS."""
    kept = _local.get(key)
    if kept is not None and time.time_ns() - kept[1]["stamp"] > settings.PAGE_CACHE_SECONDS * 1e9:
        _forget_local(key)
        return None
    return kept


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


def _store(key, since, epoch, request, response):
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
    _remember(key, entry, epoch)


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
        if _pending_keys or _pending_values:
            # A purge this process owes the cache goes first: never serve what it retires.
            expire(())
        key = entry_key(request) if settings.PAGE_CACHE_SECONDS else None
        if key is not None:
            local = _local_entry(key)
            # One round trip for the purge clock, the epoch and (unless kept here) the entry.
            found = cache.get_many([CLOCK, EPOCH] if local else [key, CLOCK, EPOCH])
            clock, epoch = found.get(CLOCK), found.get(EPOCH) or _epoch()
            since = clock or 0
            if local is not None:
                if local[0] == epoch and _fresh(key, local[1], clock):
                    return _replay(request, local[1])
                _forget_local(key)
                entry = cache.get(key)
            else:
                entry = found.get(key)
            if entry is not None and _fresh(key, entry, clock):
                _remember(key, entry, epoch)
                return _replay(request, entry)
        response = self.get_response(request)
        label(request, response)
        if (
            key is not None
            and getattr(request, "cacheable_for_readers", False)
            and _storable(request, response)
        ):
            _store(key, since, epoch, request, response)
        return response
