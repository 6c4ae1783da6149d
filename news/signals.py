"""Keep the search index in step with what an article shows.

modelsearch indexes an object in its own ``post_save``, which leaves two gaps for articles:

* A page's bylines (a ParentalKey child relation), categories (ParentalManyToManyField) and tags are
  written by modelcluster *after* the page row is saved, so the ``post_save`` index update reads the
  previous ones from the database: a newly published article could not be found by its author's or
  category's name until it was published a second time. Reindexing on ``page_published`` fixes it.
* An Author, Category, Publisher or tag is indexed on its own. Renaming or deleting one leaves the
  old name in the index entry of every article that carries it. The handlers below reindex the
  affected live articles, only when the name actually changed, in batches.

Both go through a django-tasks task, like modelsearch's own updates: inline with the default backend,
in a worker when one is configured.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django_tasks import task
from taggit.models import Tag
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published

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


def _article_ids(instance):
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
        ids = _article_ids(instance)
        if ids:
            reindex_articles.enqueue(ids)
    instance._indexed_name = instance.name


def remember_articles(sender, instance, **kwargs):
    # After the delete the links are gone, so find the articles first.
    instance._indexed_articles = _article_ids(instance)


def reindex_after_delete(sender, instance, **kwargs):
    ids = getattr(instance, "_indexed_articles", None)
    if ids:
        reindex_articles.enqueue(ids)


def reindex_published_article(sender, instance, **kwargs):
    reindex_articles.enqueue([instance.pk])


def connect():
    from news.models import ArticlePage, Author, Category, Publisher

    for model in (Author, Category, Publisher, Tag):
        uid = f"news.search_index.{model._meta.label_lower}"
        pre_save.connect(remember_name, sender=model, dispatch_uid=f"{uid}.pre_save")
        post_save.connect(reindex_after_rename, sender=model, dispatch_uid=f"{uid}.post_save")
        pre_delete.connect(remember_articles, sender=model, dispatch_uid=f"{uid}.pre_delete")
        post_delete.connect(reindex_after_delete, sender=model, dispatch_uid=f"{uid}.post_delete")
    page_published.connect(
        reindex_published_article, sender=ArticlePage, dispatch_uid="news.search_index.published"
    )
