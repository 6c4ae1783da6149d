"""Archive pages that span sections: one per author and one per category.

The pages list article ids; their cards add the articles' surrogate keys as they are drawn.
"""

from django.shortcuts import get_object_or_404, render

from news import cards, surrogate_keys
from news.models import ArticlePage, ArticlePageAuthor, Author, Category
from news.pagination import paginate

ARTICLES_PER_PAGE = 12


def kept_topic(request, kind, slug, find, links, keys):
    """The author or category ``find(slug)`` gives (a 404 if none), and whether it has so many
    articles that its listing walks the "newest first" index (``ArticlePage.objects.is_common``):
    kept in this process like a card (``news.cards``) until one of ``keys(topic)`` is purged."""

    def fetch(slugs):
        topic = find(slug)
        shown = (*keys(topic), surrogate_keys.SITE)
        return {slug: (shown, (topic, ArticlePage.objects.is_common(links(topic))))}

    (found,) = cards.kept(request, (kind,), [slug], fetch)
    return found


def author_detail(request, slug):
    author, common = kept_topic(
        request,
        "author-page",
        slug,
        lambda slug: get_object_or_404(Author.objects.select_related("photo"), slug=slug),
        lambda author: ArticlePageAuthor.objects.filter(author=author),
        lambda author: [
            surrogate_keys.author(author.pk),
            *([surrogate_keys.image(author.photo_id)] if author.photo_id else []),
        ],
    )
    bylines = ArticlePageAuthor.objects.filter(author=author)
    articles = ArticlePage.objects.filed_under(bylines, "page", common).for_readers()
    page = paginate(request, articles, ARTICLES_PER_PAGE, count_key=f"author:{author.pk}")
    surrogate_keys.mark_cacheable(request)
    surrogate_keys.add(
        request, surrogate_keys.author(author.pk), surrogate_keys.author_listing(author.pk)
    )
    if author.photo_id:
        surrogate_keys.add(request, surrogate_keys.image(author.photo_id))
    return render(
        request, "news/author_detail.html", {"author": author, "articles": page, "listing": page}
    )


def category_detail(request, slug):
    filed_in = ArticlePage.categories.through.objects
    category, common = kept_topic(
        request,
        "category-page",
        slug,
        lambda slug: get_object_or_404(Category, slug=slug),
        lambda category: filed_in.filter(category=category),
        lambda category: [surrogate_keys.category(category.pk)],
    )
    filed = filed_in.filter(category=category)
    articles = ArticlePage.objects.filed_under(filed, "articlepage", common).for_readers()
    page = paginate(request, articles, ARTICLES_PER_PAGE, count_key=f"category:{category.pk}")
    surrogate_keys.mark_cacheable(request)
    surrogate_keys.add(
        request, surrogate_keys.category(category.pk), surrogate_keys.category_listing(category.pk)
    )
    return render(
        request,
        "news/category_detail.html",
        {"category": category, "articles": page, "listing": page},
    )
