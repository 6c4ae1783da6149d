"""Archive pages that span sections: one per author and one per category.

The pages list article ids; their cards add the articles' surrogate keys as they are drawn.
"""

from django.shortcuts import get_object_or_404, render

from news import surrogate_keys
from news.models import ArticlePage, ArticlePageAuthor, Author, Category
from news.pagination import paginate

ARTICLES_PER_PAGE = 12


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    bylines = ArticlePageAuthor.objects.filter(author=author)
    articles = ArticlePage.objects.filed_under(bylines, "page").for_readers()
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
    category = get_object_or_404(Category, slug=slug)
    filed = ArticlePage.categories.through.objects.filter(category=category)
    articles = ArticlePage.objects.filed_under(filed, "articlepage").for_readers()
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
