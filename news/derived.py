"""Values derived from the page tree and stored, so that reader pages read them cheaply.

* Each article's ``section``, set in ``ArticlePage.save`` and by ``set_section`` when a page moves.
* Each category's count of listed articles (live, public, not expired). Publishing or
  unpublishing an article moves the counts of its categories by one where it joins or leaves the
  listings (``count_article``), comparing its state before the save with its state after: a
  grouped count over the whole archive took a few hundred milliseconds per publish at 100,000
  articles. Rarer changes count again over the whole archive (one grouped query): a page moved or
  deleted, a privacy restriction changed, and an article that was still live past its expiry
  (whether the counts still include it depends on when they were last made). Once straight
  away, so that the rest of the same request sees the new number, and once more after the
  commit, when concurrent changes are visible too.

The receivers that call these on each change are in ``news.signals``.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone


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


def counted_state(article_pk):
    """What decides whether an article counts in its categories' numbers, from the database."""
    from news.models import ArticlePage

    row = ArticlePage.objects.filter(pk=article_pk).values("live", "expire_at").first()
    if row is None:
        return None
    return {
        **row,
        "listed": ArticlePage.objects.visible().filter(pk=article_pk).exists(),
        "categories": list(
            ArticlePage.categories.through.objects.filter(articlepage_id=article_pk).values_list(
                "category_id", flat=True
            )
        ),
    }


def count_article(before, after):
    """An article was published or unpublished: its categories' counts follow, by one each.

    ``before`` and ``after`` are ``counted_state`` before the save and after it (``before`` is
    None if unknown).
    """
    from news.models import Category

    if before is None or (
        before["live"] and before["expire_at"] is not None and before["expire_at"] <= timezone.now()
    ):
        recount_now_and_after_commit()
        return
    change = Counter()
    if before["listed"]:
        change.subtract(before["categories"])
    if after and after["listed"]:
        change.update(after["categories"])
    for category, by in change.items():
        if by:
            # Never below zero, whatever a concurrent change did: the next full count corrects it.
            Category.objects.filter(pk=category).update(
                live_article_count=Greatest(F("live_article_count") + by, Value(0))
            )


def set_section(page, parent):
    """A moved article belongs to its new section (none, if its new parent is not a section)."""
    from news.models import ArticlePage, NewsIndexPage

    section = NewsIndexPage.objects.filter(pk=parent.pk).first()
    ArticlePage.objects.filter(pk=page.pk).update(section=section)
