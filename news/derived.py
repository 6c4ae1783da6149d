"""Values derived from the page tree and stored, so that reader pages read them cheaply.

* Each article's ``section``, set in ``ArticlePage.save`` and here when a page moves.
* Each category's count of live, public articles, counted again (one grouped query) whenever a
  page is published, unpublished, moved or deleted, or a privacy restriction changes: once
  straight away, so that the rest of the same request sees the new number, and once more after
  the commit, when concurrent changes are visible too.
"""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction


def recount():
    from news.models import Category

    Category.objects.recount_articles()


def _recount_after_commit():
    # Deleting a section deletes every article under it, one signal each: count once per commit.
    if connection.in_atomic_block and any(
        callback is recount for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(recount)


def recount_now_and_after_commit(**kwargs):
    recount()
    _recount_after_commit()


def _recount_if_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _recount_after_commit()


def update_sections(sender, instance, parent_page_after=None, **kwargs):
    """A moved article belongs to its new section."""
    from news.models import ArticlePage, NewsIndexPage

    section = NewsIndexPage.objects.filter(pk=parent_page_after.pk).first()
    ArticlePage.objects.filter(pk=instance.pk).update(section=section)


def connect():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_page_move.connect(update_sections, dispatch_uid="news.derived.section")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(recount_now_and_after_commit, dispatch_uid="news.derived.counts")
    post_delete.connect(_recount_if_page, dispatch_uid="news.derived.counts.page-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            recount_now_and_after_commit,
            sender=PageViewRestriction,
            dispatch_uid="news.derived.counts",
        )
