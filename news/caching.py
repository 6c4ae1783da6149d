"""Which reader responses may be cached, and the version of cached search results.

Pages, feeds and archives mark themselves cacheable and carry the surrogate keys of what they
show (``news.surrogate_keys``); ``newsroom.pagecache`` keeps them for anonymous readers and the
front cache (Varnish or a CDN) keeps them too, until ``news.purging`` purges their keys. Wagtail
checks view restrictions before ``serve`` runs, so a private page never reaches this code.
"""

import time

from django.core.cache import cache
from django.db import transaction

from news import surrogate_keys

SEARCH_VERSION_KEY = "newsroom:content-version"


def content_version():
    """Changes whenever search results may have changed (a key of cached searches)."""
    version = cache.get(SEARCH_VERSION_KEY)
    if version is None:
        cache.add(SEARCH_VERSION_KEY, time.time_ns(), None)
        version = cache.get(SEARCH_VERSION_KEY)
    return version


def new_search_version():
    cache.set(SEARCH_VERSION_KEY, time.time_ns(), None)


def invalidate(**kwargs):
    """Purge everything readers may see (for changes that touch every page)."""
    from news import purging

    new_search_version()
    transaction.on_commit(new_search_version)
    purging.purge([surrogate_keys.SITE, surrogate_keys.SEARCH])


class ReaderCacheMixin:
    """A page (and its routable sub-pages) that anonymous readers may get from a cache."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        surrogate_keys.mark_cacheable(request)
        context = getattr(response, "context_data", None)
        if context is not None:
            self.add_surrogate_keys(request, context)
        else:
            surrogate_keys.add(request, surrogate_keys.page(self.pk))
        return response

    def add_surrogate_keys(self, request, context):
        """The keys of this page's response: its own and its sidebar's. Page types that list
        other content add theirs."""
        surrogate_keys.add(request, surrogate_keys.page(self.pk))
        surrogate_keys.for_sidebar(request, context)
