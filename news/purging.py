"""Purge exactly what a change touches, by surrogate key, once the change is committed.

A correction to a published story purges the responses that show it (its page, every card of it,
the pages that link to it as related); a story that joins or leaves listings (first publish,
unpublish, a new date, other authors, categories or tags, a move) also purges those listings:
the home page and site feed, its section, its authors', categories' and tags' pages and feeds,
the pages that pick it by hand, search, and the "Popular categories" box when its counts change.
An edited or deleted image purges the responses that show it (everything, for the site logo).
Drafts and autosaves purge nothing. This module works out the keys and purges them; the
receivers that call it on each change are in ``news.signals``.

The page cache (``newsroom.pagecache``) and the front cache (``newsroom.frontcache``) are purged
after the commit: a reader who asks sooner is rendered the old content, which the purge removes.
Neither failure fails the editor's change; both are logged.
"""

import logging
import time
from functools import partial

from django.core.cache import cache
from django.db import transaction

from news import surrogate_keys as keys

logger = logging.getLogger(__name__)

POPULAR_FINGERPRINT_KEY = "newsroom:popular-categories"


def purge(surrogate_keys, *, recount_popular=False):
    """Purge ``surrogate_keys`` everywhere once the current transaction commits."""
    surrogate_keys = sorted(set(surrogate_keys))
    # At once too, so that this transaction's own later reads are not served stale pages.
    if recount_popular and _popular_categories_changed(remember=False):
        _expire_page_cache([*surrogate_keys, keys.POPULAR])
    elif surrogate_keys:
        _expire_page_cache(surrogate_keys)
    if surrogate_keys or recount_popular:
        transaction.on_commit(partial(_purge_committed, surrogate_keys, recount_popular))


def _expire_page_cache(surrogate_keys):
    from news.caching import SEARCH_VERSION_KEY
    from newsroom import pagecache

    # Cached search results go with the search key, in the same write (and the same retry when
    # the cache is unreachable).
    values = {}
    if keys.SEARCH in surrogate_keys or keys.SITE in surrogate_keys:
        values[SEARCH_VERSION_KEY] = time.time_ns()
    try:
        pagecache.expire(surrogate_keys, values)
    except Exception:
        logger.exception("Could not expire %d keys in the page cache", len(surrogate_keys))


def _purge_committed(surrogate_keys, recount_popular):
    from newsroom import frontcache

    if recount_popular and _popular_categories_changed():
        surrogate_keys = [*surrogate_keys, keys.POPULAR]
    _expire_page_cache(surrogate_keys)
    frontcache.purge(surrogate_keys)


def _popular_categories_changed(remember=True):
    from news.models import Category

    shown = [
        (category.pk, category.name, category.live_article_count)
        for category in Category.objects.popular()
    ]
    if cache.get(POPULAR_FINGERPRINT_KEY) == shown:
        return False
    if remember:
        cache.set(POPULAR_FINGERPRINT_KEY, shown, None)
    return True


# Articles ----------------------------------------------------------------------------------


def listing_state(article_pk):
    """What decides which listings show an article, and where: from the database."""
    from news.models import ArticlePage, ArticlePageAuthor
    from news.models.pages import ArticlePageTag

    row = (
        ArticlePage.objects.filter(pk=article_pk)
        .values("live", "display_date", "expire_at", "section_id")
        .first()
    )
    if row is None:
        return None
    categories = ArticlePage.categories.through.objects.filter(articlepage_id=article_pk)
    return {
        "live": row["live"],
        "display_date": row["display_date"],
        "expire_at": row["expire_at"],
        "section": row["section_id"],
        "authors": sorted(
            ArticlePageAuthor.objects.filter(page_id=article_pk).values_list("author_id", flat=True)
        ),
        "categories": sorted(categories.values_list("category_id", flat=True)),
        "tags": sorted(
            ArticlePageTag.objects.filter(content_object_id=article_pk).values_list(
                "tag_id", flat=True
            )
        ),
    }


def listing_keys(state):
    if not state:
        return set()
    return {
        keys.LATEST,
        keys.SEARCH,
        *([keys.section_listing(state["section"])] if state["section"] else []),
        *(keys.author_listing(pk) for pk in state["authors"]),
        *(keys.category_listing(pk) for pk in state["categories"]),
        *(keys.tag_listing(pk) for pk in state["tags"]),
    }


def pages_picking(article_pk):
    """Articles that pick this one by hand as related: it appears there once it is live."""
    from news.models.pages import ArticlePageRelated

    return {
        keys.page(pk)
        for pk in ArticlePageRelated.objects.filter(related_page_id=article_pk).values_list(
            "page_id", flat=True
        )
    }


# Images ----------------------------------------------------------------------------------------

# Saves Wagtail makes for its own bookkeeping (while rendering, too): nothing readers see changes.
IMAGE_BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def image_keys(image_pk):
    """The responses that show an image: its own key, and every page if it is the site logo."""
    from news.site_data import settings_model

    touched = {keys.image(image_pk)}
    if settings_model().objects.filter(logo_id=image_pk).exists():
        touched |= {keys.SITE, keys.SEARCH}
    return touched
