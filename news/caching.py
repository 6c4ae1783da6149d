"""Whole-page cache for anonymous readers, emptied whenever published content changes.

Django's ``cache_page`` cannot be invalidated, and a news site must show a correction at once, so
cache keys carry a content version that every publish, unpublish, move, delete and settings or
snippet change replaces. Old entries are never read again and expire on their own. Wagtail checks
view restrictions before ``serve`` runs, so private pages are never handed out from here.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from wagtail.models import Page, PageViewRestriction

VERSION_KEY = "newsroom:content-version"
PAGE_TIMEOUT = 60 * 15
# Other query strings (tracking parameters, typos) are served fresh rather than filling the cache.
CACHEABLE_PARAMETERS = {"page"}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def invalidate(**kwargs):
    _new_version()
    # Again once the change is committed: a page or search rendered between the first bump and
    # the commit (publishing runs in a transaction) still showed the old content, and would
    # otherwise be kept under the new version.
    transaction.on_commit(_new_version)


def _new_version():
    cache.set(VERSION_KEY, time.time_ns(), None)


def is_cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and set(request.GET) <= CACHEABLE_PARAMETERS
        and not request.user.is_authenticated
    )


class ReaderCacheMixin:
    """Serve a page (and its routable sub-pages) from the cache for anonymous readers."""

    def serve(self, request, *args, **kwargs):
        if not is_cacheable(request):
            return super().serve(request, *args, **kwargs)

        key = f"newsroom:page:{content_version()}:{request.get_host()}{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Cache"] = "hit"
            return response

        response = super().serve(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:

            def store(rendered):
                cache.set(key, (rendered.content, rendered["Content-Type"]), PAGE_TIMEOUT)

            if hasattr(response, "add_post_render_callback") and not response.is_rendered:
                response.add_post_render_callback(store)
            else:
                store(response)
        return response


def _invalidate_unless_created(sender, created=False, **kwargs):
    # A new author, category or publisher (or default settings) shows nowhere until used.
    if not created:
        invalidate()


def _invalidate_if_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    from home.models import SiteSettings
    from news.models import Author, Category, Publisher

    # Page saves are not watched: drafts and autosaves change nothing readers see.
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid="reader-cache")
    post_delete.connect(_invalidate_if_page, dispatch_uid="reader-cache-page-delete")
    for model in (SiteSettings, Author, Category, Publisher):
        post_save.connect(
            _invalidate_unless_created, sender=model, dispatch_uid="reader-cache-save"
        )
        post_delete.connect(invalidate, sender=model, dispatch_uid="reader-cache-delete")
    # A page made private, or public again, changes what listings and search may show.
    post_save.connect(invalidate, sender=PageViewRestriction, dispatch_uid="reader-cache-save")
    post_delete.connect(invalidate, sender=PageViewRestriction, dispatch_uid="reader-cache-delete")
