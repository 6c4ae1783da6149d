"""Purge a front cache (Varnish, or a CDN with surrogate keys) by surrogate key.

``FRONT_CACHE`` picks the backend:

* ``varnish``: ``PURGE /`` with an ``xkey-purge`` header to each address in ``FRONT_CACHE_URLS``
  (deploy/varnish/newsroom.vcl accepts it only on Varnish's ``purge`` listening socket, from the
  addresses in its ``purgers`` ACL; readers' requests arrive through nginx on another socket).
* ``fastly``: Fastly's purge-by-surrogate-key API, ``POST {FASTLY_API_URL}/service/{id}/purge``
  with the keys in a ``Surrogate-Key`` header and the token in ``Fastly-Key``. Pages then carry
  their keys in ``Surrogate-Key``, which Fastly reads (and our VCL reads too).

Each purge is sent again FRONT_CACHE_REPURGE_SECONDS later (a render that began before the change
was committed may finish after the first purge). A purge never fails the change that caused it: an unreachable or refusing front cache is
logged, and the page's ``Surrogate-Control`` lifetime bounds how long it can be stale.
"""

import logging
import threading
import urllib.error
import urllib.request

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)

TIMEOUT = 3
# Header lines stay well under Varnish's 8 KB limit.
KEYS_PER_REQUEST = 256


def _chunks(keys):
    for start in range(0, len(keys), KEYS_PER_REQUEST):
        yield " ".join(keys[start : start + KEYS_PER_REQUEST])


def _send(request):
    """Send one purge; the front's answer (Varnish says how many objects it purged)."""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return response.read().decode(errors="replace").strip()
    except (OSError, urllib.error.URLError) as error:
        logger.warning("Front cache purge to %s failed: %s", request.full_url, error)
        return None


def _request(url, method, headers):
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"A front cache address must be an http(s) URL, not {url!r}")
    return urllib.request.Request(url, method=method, headers=headers)  # noqa: S310


def varnish_requests(keys):
    for address in settings.FRONT_CACHE_URLS:
        for chunk in _chunks(keys):
            yield _request(address.rstrip("/") + "/", "PURGE", {"xkey-purge": chunk})


def fastly_requests(keys):
    url = f"{settings.FASTLY_API_URL.rstrip('/')}/service/{settings.FASTLY_SERVICE_ID}/purge"
    for chunk in _chunks(keys):
        yield _request(
            url, "POST", {"Surrogate-Key": chunk, "Fastly-Key": settings.FASTLY_API_TOKEN}
        )


BACKENDS = {"varnish": varnish_requests, "fastly": fastly_requests}


@task()
def purge_front_cache(keys):
    """Purge ``keys`` from the configured front cache; the front's answers, for benchmarks."""
    build = BACKENDS.get(settings.FRONT_CACHE)
    if build is None or not keys:
        return []
    return [_send(request) for request in build(sorted(keys))]


def _enqueue(keys):
    try:
        purge_front_cache.enqueue(keys)
    except Exception:
        logger.exception("Could not queue a front cache purge of %d keys", len(keys))


def purge(keys):
    if not (settings.FRONT_CACHE and keys):
        return
    keys = list(keys)
    _enqueue(keys)
    # Again shortly: a page the front asked for just before the change was committed may still
    # be rendering the old content, and would be kept after the first purge.
    if settings.FRONT_CACHE_REPURGE_SECONDS:
        timer = threading.Timer(settings.FRONT_CACHE_REPURGE_SECONDS, _enqueue, [keys])
        timer.daemon = True
        timer.start()
