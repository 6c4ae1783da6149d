"""Purge exactly what a change touches, by surrogate key, once the change is committed.

A correction to a published story purges the responses that show it (its page, every card of it,
the pages that link to it as related); a story that joins or leaves listings (first publish,
unpublish, a new date, other authors, categories or tags, a move) also purges those listings:
the home page and site feed, its section, its authors', categories' and tags' pages and feeds,
the pages that pick it by hand, search, and the "Popular categories" box when its counts change.
An edited or deleted image purges the responses that show it (everything, for the site logo).
Drafts and autosaves purge nothing.

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
    from wagtail.models import Page

    from news.models import ArticlePage, ArticlePageAuthor
    from news.models.pages import ArticlePageTag

    row = (
        ArticlePage.objects.filter(pk=article_pk)
        .values("live", "display_date", "expire_at", "path", "depth")
        .first()
    )
    if row is None:
        return None
    section = (
        Page.objects.filter(path=row["path"][: -Page.steplen]).values_list("pk", flat=True).first()
        if row["depth"] > 1
        else None
    )
    categories = ArticlePage.categories.through.objects.filter(articlepage_id=article_pk)
    return {
        "live": row["live"],
        "display_date": row["display_date"],
        "expire_at": row["expire_at"],
        "section": section,
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


def remember_listing_state(sender, instance, raw=False, update_fields=None, **kwargs):
    # Publishing saves every field; a draft's save_revision only bookkeeping ones.
    if raw or instance.pk is None or update_fields is not None:
        return
    instance._listing_state_before = listing_state(instance.pk)


def article_published(sender, instance, **kwargs):
    before = getattr(instance, "_listing_state_before", None)
    after = listing_state(instance.pk)
    changed = before is None or before != after or not before["live"]
    touched = {keys.page(instance.pk), keys.SEARCH}
    if changed:
        touched |= listing_keys(before) | listing_keys(after) | pages_picking(instance.pk)
    instance._listing_state_before = after
    purge(touched, recount_popular=changed)


def article_unpublished(sender, instance, **kwargs):
    state = listing_state(instance.pk)
    purge(
        {keys.page(instance.pk)} | listing_keys(state) | pages_picking(instance.pk),
        recount_popular=True,
    )


# Any page ------------------------------------------------------------------------------------


def _is_article(page):
    from news.models import ArticlePage

    return isinstance(page, ArticlePage)


def page_changed(sender, instance, **kwargs):
    """A section or the home page published or unpublished (articles have their own handler)."""
    from home.models import HomePage

    if _is_article(instance):
        return
    if isinstance(instance, HomePage):
        # Its lead story and title show on the home page only.
        purge({keys.page(instance.pk)})
    else:
        # A section's title is in every page's navigation.
        purge({keys.SITE, keys.SEARCH})


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if _is_article(instance.specific_deferred):
        state = listing_state(instance.pk)
        purge(
            {
                keys.page(instance.pk),
                keys.section_listing(parent_page_before.pk),
                keys.section_listing(parent_page_after.pk),
            }
            | listing_keys(state)
        )
    else:
        purge({keys.SITE, keys.SEARCH})


def remember_deleted_page(sender, instance, **kwargs):
    from wagtail.models import Page

    if not isinstance(instance, Page) or not instance.live:
        return
    if _is_article(instance):
        instance._purge_on_delete = (
            {keys.page(instance.pk)}
            | listing_keys(listing_state(instance.pk))
            | pages_picking(instance.pk)
        )
    elif type(instance) is instance.specific_class:
        instance._purge_on_delete = {keys.SITE, keys.SEARCH}
    # Otherwise the base Page row of an article: its ArticlePage row is deleted too.


def purge_deleted_page(sender, instance, **kwargs):
    touched = getattr(instance, "_purge_on_delete", None)
    if touched:
        purge(touched, recount_popular=_is_article(instance))


# Snippets, reference data and settings ---------------------------------------------------------


def remember_promo_reach(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    instance._sitewide_before = (
        sender.objects.filter(pk=instance.pk).values_list("sitewide", flat=True).first()
    )


def promo_changed(sender, instance, **kwargs):
    from news.models import SidebarSnippet
    from news.models.pages import ArticlePagePromo

    if not isinstance(instance, SidebarSnippet):
        return
    touched = {keys.promo(instance.pk)}
    if instance.sitewide or getattr(instance, "_sitewide_before", True):
        touched.add(keys.SITEWIDE_PROMOS)
    # Articles that pick it: one that was a draft showed nowhere and carried no key of its own.
    touched |= {
        keys.page(pk)
        for pk in ArticlePagePromo.objects.filter(promo_id=instance.pk).values_list(
            "page_id", flat=True
        )
    }
    purge(touched)


def _reference_data_changed(key, recount_popular):
    def changed(sender, instance, created=False, raw=False, **kwargs):
        # Nothing shows a new author, category or publisher until an article uses it.
        if not (raw or created):
            purge({key(instance.pk)}, recount_popular=recount_popular)

    return changed


def _reference_data_deleted(key, listing_key, recount_popular):
    def deleted(sender, instance, **kwargs):
        touched = {key(instance.pk)}
        if listing_key:
            touched.add(listing_key(instance.pk))
        purge(touched, recount_popular=recount_popular)

    return deleted


# Images ----------------------------------------------------------------------------------------

# Saves Wagtail makes for its own bookkeeping (while rendering, too): nothing readers see changes.
IMAGE_BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def image_keys(image_pk):
    """The responses that show an image: its own key, and every page if it is the site logo."""
    from home.models import SiteSettings

    touched = {keys.image(image_pk)}
    if SiteSettings.objects.filter(logo_id=image_pk).exists():
        touched |= {keys.SITE, keys.SEARCH}
    return touched


def image_changed(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """An editor changed an image's title, alt text, focal point or file."""
    # A new image shows nowhere until something uses it, which purges on its own.
    if raw or created:
        return
    if update_fields is not None and set(update_fields) <= IMAGE_BOOKKEEPING_FIELDS:
        return
    purge(image_keys(instance.pk))


def image_deleted(sender, instance, **kwargs):
    # Before the delete: the site settings' logo is set to NULL along with it.
    purge(image_keys(instance.pk))


def everything_changed(sender, raw=False, **kwargs):
    if not raw:
        purge({keys.SITE, keys.SEARCH})


def settings_changed(sender, created=False, raw=False, **kwargs):
    # Pages create the site's settings with their defaults on first view: nothing changes.
    if not created:
        everything_changed(sender, raw=raw)


def connect():
    from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
    from taggit.models import Tag
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    from home.models import SiteSettings
    from news.models import ArticlePage, Author, Category, Publisher, SidebarSnippet

    uid = "news.purging"
    pre_save.connect(remember_listing_state, sender=ArticlePage, dispatch_uid=f"{uid}.article")
    page_published.connect(article_published, sender=ArticlePage, dispatch_uid=f"{uid}.pub")
    page_unpublished.connect(article_unpublished, sender=ArticlePage, dispatch_uid=f"{uid}.unpub")
    page_published.connect(page_changed, dispatch_uid=f"{uid}.page-pub")
    page_unpublished.connect(page_changed, dispatch_uid=f"{uid}.page-unpub")
    post_page_move.connect(page_moved, dispatch_uid=f"{uid}.move")
    pre_delete.connect(remember_deleted_page, dispatch_uid=f"{uid}.page-pre-delete")
    post_delete.connect(purge_deleted_page, dispatch_uid=f"{uid}.page-delete")

    pre_save.connect(remember_promo_reach, sender=SidebarSnippet, dispatch_uid=f"{uid}.promo")
    for signal in (published, unpublished, post_delete):
        signal.connect(promo_changed, sender=SidebarSnippet, dispatch_uid=f"{uid}.promo")

    for model, key, listing, recount in (
        (Author, keys.author, keys.author_listing, False),
        (Category, keys.category, keys.category_listing, True),
        (Publisher, keys.publisher, None, False),
        (Tag, keys.tag, keys.tag_listing, False),
    ):
        post_save.connect(
            _reference_data_changed(key, recount_popular=recount),
            sender=model,
            dispatch_uid=f"{uid}.{model._meta.label_lower}.save",
            weak=False,
        )
        post_delete.connect(
            _reference_data_deleted(key, listing, recount_popular=recount),
            sender=model,
            dispatch_uid=f"{uid}.{model._meta.label_lower}.delete",
            weak=False,
        )

    image_model = get_image_model()
    post_save.connect(image_changed, sender=image_model, dispatch_uid=f"{uid}.image")
    pre_delete.connect(image_deleted, sender=image_model, dispatch_uid=f"{uid}.image")

    post_save.connect(settings_changed, sender=SiteSettings, dispatch_uid=f"{uid}.settings")
    post_delete.connect(everything_changed, sender=SiteSettings, dispatch_uid=f"{uid}.settings")
    # A page made private, or public again: every listing and search may change.
    for signal in (post_save, post_delete):
        signal.connect(everything_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}.pvr")
        # A site's host name or root page: every URL and link may change.
        signal.connect(everything_changed, sender=Site, dispatch_uid=f"{uid}.site")
