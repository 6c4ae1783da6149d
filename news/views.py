"""Archive pages that span sections: one per author and one per category.

The pages list article ids; their cards add the articles' surrogate keys as they are drawn.
"""

from django.shortcuts import get_object_or_404, render

from news import site_data, surrogate_keys
from news.models import ArticlePage, ArticlePageAuthor, Author, Category
from news.pagination import paginate

ARTICLES_PER_PAGE = 12


def kept_topic(request, kind, slug, find, links, key):
    """The author or category ``find(slug)`` gives (a 404 if none), and whether it has so many
    articles that its listing walks the "newest first" index (``ArticlePage.objects.is_common``):
    kept in this process until its surrogate key (``key(pk)``) or ``site`` is purged."""

    def fetch():
        topic = find(slug)
        return topic, ArticlePage.objects.is_common(links(topic))

    return site_data.remembered(
        request,
        f"{kind}:{slug}",
        [surrogate_keys.SITE],
        fetch,
        also_depends_on=lambda found: [key(found[0].pk)],
    )


def author_detail(request, slug):
    author, common = kept_topic(
        request,
        "author",
        slug,
        lambda slug: get_object_or_404(Author.objects.select_related("photo"), slug=slug),
        lambda author: ArticlePageAuthor.objects.filter(author=author),
        surrogate_keys.author,
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
        "category",
        slug,
        lambda slug: get_object_or_404(Category, slug=slug),
        lambda category: filed_in.filter(category=category),
        surrogate_keys.category,
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
