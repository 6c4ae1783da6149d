"""Values derived from the page tree and stored, so that reader pages read them cheaply.

* Each article's ``section``, set in ``ArticlePage.save`` and by ``set_section`` when a page moves.
* Each category's count of live, public articles, counted again (one grouped query) whenever a
  page is published, unpublished, moved or deleted, or a privacy restriction changes: once
  straight away, so that the rest of the same request sees the new number, and once more after
  the commit, when concurrent changes are visible too.

The receivers that call these on each change are in ``news.signals``.
"""

from django.db import connection, transaction


def recount():
    from news.models import Category

    Category.objects.recount_articles()


def recount_after_commit():
    # Deleting a section deletes every article under it, one signal each: count once per commit.
    if connection.in_atomic_block and any(
        callback is recount for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(recount)


def recount_now_and_after_commit():
    recount()
    recount_after_commit()


def set_section(page, parent):
    """A moved article belongs to its new section (none, if its new parent is not a section)."""
    from news.models import ArticlePage, NewsIndexPage

    section = NewsIndexPage.objects.filter(pk=parent.pk).first()
    ArticlePage.objects.filter(pk=page.pk).update(section=section)
