"""Reindexing the articles whose index entry holds another object's name.

modelsearch indexes an object in its own ``post_save``, which leaves two gaps for articles:

* A page's bylines (a ParentalKey child relation), categories (ParentalManyToManyField) and tags are
  written by modelcluster *after* the page row is saved, so the ``post_save`` index update reads the
  previous ones from the database: a newly published article could not be found by its author's or
  category's name until it was published a second time. Reindexing on ``page_published`` fixes it.
* An Author, Category, Publisher or tag is indexed on its own. Renaming or deleting one leaves the
  old name in the index entry of every article that carries it; the affected live articles are
  reindexed, only when the name actually changed, in batches.

Both go through a django-tasks task, like modelsearch's own updates: inline with the default backend,
in a worker when one is configured. The receivers are in ``news.signals``.
"""

from django_tasks import task
from taggit.models import Tag
from wagtail.search.backends import get_search_backends

REINDEX_BATCH = 200


@task()
def reindex_articles(article_ids):
    """Rewrite the index entries of these articles (the live ones; drafts are never searchable)."""
    from news.models import ArticlePage

    article_ids = sorted(set(article_ids))
    queryset = (
        ArticlePage.get_indexed_objects()
        .filter(live=True)
        .select_related("publisher")
        .prefetch_related("article_authors__author", "categories", "tags")
    )
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(article_ids), REINDEX_BATCH):
        batch = list(queryset.filter(pk__in=article_ids[start : start + REINDEX_BATCH]))
        if batch:
            for backend in backends:
                backend.add_bulk(ArticlePage, batch)


def articles_carrying(instance):
    """The live articles whose index entry contains ``instance``'s name."""
    from news.models import ArticlePage, Author, Category, Publisher

    articles = ArticlePage.objects.live()
    if isinstance(instance, Author):
        articles = articles.filter(article_authors__author=instance)
    elif isinstance(instance, Category):
        articles = articles.filter(categories=instance)
    elif isinstance(instance, Publisher):
        articles = articles.filter(publisher=instance)
    elif isinstance(instance, Tag):
        articles = articles.filter(tagged_items__tag=instance)
    else:
        return []
    return list(articles.values_list("pk", flat=True).distinct())
