"""Every signal receiver of the newsroom, connected in one place (``connect_receivers``, called
from ``NewsConfig.ready``).

A change to content keeps four things in step, each by a module of its own that knows nothing of
signals: values stored for cheap reads (``news.derived``), the search index
(``news.search_index``), cached responses purged by surrogate key (``news.purging``) and text
that XML can carry (``news.xml_text``). Django's model signals name their senders lazily
("app.Model"), so this module imports no models of other apps. Receivers run in the order they are connected: category counts are
recounted before purging compares them.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page

from news import derived, purging, search_index, xml_text
from news import surrogate_keys as keys

REFERENCE_DATA = ("news.Author", "news.Category", "news.Publisher", "taggit.Tag")


def _is_article(page):
    from news.models import ArticlePage

    return isinstance(page, ArticlePage)


# Stored values (news.derived) -----------------------------------------------------------------


def recount_categories(**kwargs):
    derived.recount_now_and_after_commit()


def remember_counted_state(sender, instance, raw=False, update_fields=None, **kwargs):
    # Publishing and unpublishing save every field; a draft's save_revision only bookkeeping ones.
    if raw or instance.pk is None or update_fields is not None:
        return
    instance._counted_before = derived.counted_state(instance.pk)


def count_article(sender, instance, **kwargs):
    after = derived.counted_state(instance.pk)
    derived.count_article(getattr(instance, "_counted_before", None), after)
    instance._counted_before = after


def recount_categories_after_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        derived.recount_after_commit()


def update_section(sender, instance, parent_page_after=None, **kwargs):
    derived.set_section(instance, parent_page_after)


# Search index (news.search_index) -------------------------------------------------------------


def remember_name(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    instance._indexed_name = (
        sender._default_manager.filter(pk=instance.pk).values_list("name", flat=True).first()
    )


def reindex_after_rename(sender, instance, created, raw=False, **kwargs):
    if raw or created:
        return
    old_name = getattr(instance, "_indexed_name", None)
    if old_name is not None and old_name != instance.name:
        ids = search_index.articles_carrying(instance)
        if ids:
            search_index.reindex_articles.enqueue(ids)
    instance._indexed_name = instance.name


def remember_articles(sender, instance, **kwargs):
    # After the delete the links are gone, so find the articles first.
    instance._indexed_articles = search_index.articles_carrying(instance)


def reindex_after_delete(sender, instance, **kwargs):
    ids = getattr(instance, "_indexed_articles", None)
    if ids:
        search_index.reindex_articles.enqueue(ids)


def reindex_published_article(sender, instance, **kwargs):
    search_index.reindex_articles.enqueue([instance.pk])


# Cached responses (news.purging): articles -----------------------------------------------------


def remember_listing_state(sender, instance, raw=False, update_fields=None, **kwargs):
    # Publishing saves every field; a draft's save_revision only bookkeeping ones.
    if raw or instance.pk is None or update_fields is not None:
        return
    instance._listing_state_before = purging.listing_state(instance.pk)


def article_published(sender, instance, **kwargs):
    before = getattr(instance, "_listing_state_before", None)
    after = purging.listing_state(instance.pk)
    changed = before is None or before != after or not before["live"]
    touched = {keys.page(instance.pk), keys.SEARCH}
    if changed:
        touched |= (
            purging.listing_keys(before)
            | purging.listing_keys(after)
            | purging.pages_picking(instance.pk)
        )
    instance._listing_state_before = after
    purging.purge(touched, recount_popular=changed)


def article_unpublished(sender, instance, **kwargs):
    state = purging.listing_state(instance.pk)
    purging.purge(
        {keys.page(instance.pk)} | purging.listing_keys(state) | purging.pages_picking(instance.pk),
        recount_popular=True,
    )


# Cached responses: any page ---------------------------------------------------------------------


def page_changed(sender, instance, **kwargs):
    """A section or the home page published or unpublished (articles have their own receiver)."""
    from news.models import NewsIndexPage

    if _is_article(instance):
        return
    if isinstance(instance, NewsIndexPage):
        # A section's title is in every page's navigation.
        purging.purge({keys.SITE, keys.SEARCH})
    else:
        # The home page: its lead story and title show on the home page only.
        purging.purge({keys.page(instance.pk)})


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if _is_article(instance.specific_deferred):
        state = purging.listing_state(instance.pk)
        purging.purge(
            {
                keys.page(instance.pk),
                keys.section_listing(parent_page_before.pk),
                keys.section_listing(parent_page_after.pk),
            }
            | purging.listing_keys(state)
        )
    else:
        purging.purge({keys.SITE, keys.SEARCH})


def remember_deleted_page(sender, instance, **kwargs):
    if not isinstance(instance, Page) or not instance.live:
        return
    if _is_article(instance):
        instance._purge_on_delete = (
            {keys.page(instance.pk)}
            | purging.listing_keys(purging.listing_state(instance.pk))
            | purging.pages_picking(instance.pk)
        )
    elif type(instance) is instance.specific_class:
        instance._purge_on_delete = {keys.SITE, keys.SEARCH}
    # Otherwise the base Page row of an article: its ArticlePage row is deleted too.


def purge_deleted_page(sender, instance, **kwargs):
    touched = getattr(instance, "_purge_on_delete", None)
    if touched:
        purging.purge(touched, recount_popular=_is_article(instance))


# Cached responses: snippets, reference data, images and settings --------------------------------


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
    purging.purge(touched)


def reference_data_changed(key, recount_popular):
    def changed(sender, instance, created=False, raw=False, **kwargs):
        # Nothing shows a new author, category or publisher until an article uses it.
        if not (raw or created):
            purging.purge({key(instance.pk)}, recount_popular=recount_popular)

    return changed


def reference_data_deleted(key, listing_key, recount_popular):
    def deleted(sender, instance, **kwargs):
        touched = {key(instance.pk)}
        if listing_key:
            touched.add(listing_key(instance.pk))
        purging.purge(touched, recount_popular=recount_popular)

    return deleted


def image_changed(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """An editor changed an image's title, alt text, focal point or file."""
    # A new image shows nowhere until something uses it, which purges on its own.
    if raw or created:
        return
    if update_fields is not None and set(update_fields) <= purging.IMAGE_BOOKKEEPING_FIELDS:
        return
    purging.purge(purging.image_keys(instance.pk))


def image_deleted(sender, instance, **kwargs):
    # Before the delete: the site settings' logo is set to NULL along with it.
    purging.purge(purging.image_keys(instance.pk))


def everything_changed(sender, raw=False, **kwargs):
    if not raw:
        purging.purge({keys.SITE, keys.SEARCH})


def promotions_changed(sender, raw=False, **kwargs):
    # Searches read which terms have editors' picks from each process's kept copy.
    if not raw:
        purging.purge({keys.SEARCH})


def settings_changed(sender, created=False, raw=False, **kwargs):
    # Pages create the site's settings with their defaults on first view: nothing changes.
    if not created:
        everything_changed(sender, raw=raw)


# Text XML can carry (news.xml_text) -----------------------------------------------------------


def strip_illegal_characters(sender, instance, **kwargs):
    xml_text.strip_illegal_characters(instance)


def strip_illegal_page_characters(sender, instance, **kwargs):
    # Every page type: a sender filter would miss subclasses.
    if isinstance(instance, Page):
        xml_text.strip_illegal_characters(instance)


def connect_receivers():
    from wagtail.images import get_image_model
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    # Wagtail's own signals take classes, not lazy "app.Model" names.
    from news.models import ArticlePage, SidebarSnippet

    # Stored values first: purging reads the recounted category counts.
    uid = "news.derived"
    post_page_move.connect(update_section, dispatch_uid=f"{uid}.section")
    pre_save.connect(remember_counted_state, sender=ArticlePage, dispatch_uid=f"{uid}.counts")
    for signal in (page_published, page_unpublished):
        signal.connect(count_article, sender=ArticlePage, dispatch_uid=f"{uid}.counts")
    post_page_move.connect(recount_categories, dispatch_uid=f"{uid}.counts")
    post_delete.connect(recount_categories_after_page_delete, dispatch_uid=f"{uid}.page-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            recount_categories, sender="wagtailcore.PageViewRestriction", dispatch_uid=f"{uid}.pvr"
        )

    uid = "news.search_index"
    for model in REFERENCE_DATA:
        pre_save.connect(remember_name, sender=model, dispatch_uid=f"{uid}.{model}.pre_save")
        post_save.connect(reindex_after_rename, sender=model, dispatch_uid=f"{uid}.{model}.save")
        pre_delete.connect(remember_articles, sender=model, dispatch_uid=f"{uid}.{model}.pre_del")
        post_delete.connect(reindex_after_delete, sender=model, dispatch_uid=f"{uid}.{model}.del")
    page_published.connect(
        reindex_published_article, sender=ArticlePage, dispatch_uid=f"{uid}.published"
    )

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
        ("news.Author", keys.author, keys.author_listing, False),
        ("news.Category", keys.category, keys.category_listing, True),
        ("news.Publisher", keys.publisher, None, False),
        ("taggit.Tag", keys.tag, keys.tag_listing, False),
    ):
        post_save.connect(
            reference_data_changed(key, recount_popular=recount),
            sender=model,
            dispatch_uid=f"{uid}.{model}.save",
            weak=False,
        )
        post_delete.connect(
            reference_data_deleted(key, listing, recount_popular=recount),
            sender=model,
            dispatch_uid=f"{uid}.{model}.delete",
            weak=False,
        )

    image_model = get_image_model()
    post_save.connect(image_changed, sender=image_model, dispatch_uid=f"{uid}.image")
    pre_delete.connect(image_deleted, sender=image_model, dispatch_uid=f"{uid}.image")

    post_save.connect(settings_changed, sender="home.SiteSettings", dispatch_uid=f"{uid}.settings")
    post_delete.connect(
        everything_changed, sender="home.SiteSettings", dispatch_uid=f"{uid}.settings"
    )
    for signal in (post_save, post_delete):
        # A page made private, or public again: every listing and search may change.
        signal.connect(
            everything_changed, sender="wagtailcore.PageViewRestriction", dispatch_uid=f"{uid}.pvr"
        )
        # A site's host name or root page: every URL and link may change.
        signal.connect(everything_changed, sender="wagtailcore.Site", dispatch_uid=f"{uid}.site")
        signal.connect(
            promotions_changed,
            sender="wagtailsearchpromotions.SearchPromotion",
            dispatch_uid=f"{uid}.promotions",
        )

    uid = "news.xml_text"
    for model in ("news.Author", "news.Category", "news.Publisher", "news.SidebarSnippet"):
        pre_save.connect(strip_illegal_characters, sender=model, dispatch_uid=uid)
    pre_save.connect(strip_illegal_characters, sender="home.SiteSettings", dispatch_uid=uid)
    pre_save.connect(strip_illegal_page_characters, dispatch_uid=f"{uid}.page")
