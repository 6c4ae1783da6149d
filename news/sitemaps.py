"""Sitemaps: an index, every indexable page (pages, authors, categories), and Google News.

Every <loc> is on the site's public address (SITE_URL), whatever host the crawler asked.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Max
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view

from news.models import ArticlePage, Author, Category
from newsroom.site_url import absolute_url, on_public_address

NEWS_WINDOW = timedelta(hours=48)  # Google News reads articles of the last two days
NEWS_LIMIT = 1000  # and at most 1,000 of them per sitemap


class OnPublicAddress:
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(WagtailSitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = on_public_address(url["location"])
        return urls


def visible_articles():
    return ArticlePage.objects.visible().filter(hide_from_search_engines=False)


class AuthorSitemap(OnPublicAddress, Sitemap):
    def items(self):
        return (
            Author.objects.filter(bylines__page__in=visible_articles().values("pk"))
            .annotate(last_story=Max("bylines__page__last_published_at"))
            .order_by("slug")
        )

    def lastmod(self, author):
        return author.last_story


class CategorySitemap(OnPublicAddress, Sitemap):
    def items(self):
        return (
            Category.objects.filter(articles__in=visible_articles().values("pk"))
            .annotate(last_story=Max("articles__last_published_at"))
            .order_by("slug")
        )

    def lastmod(self, category):
        return category.last_story


@require_safe
def sitemap_index(request):
    sitemaps = [
        SitemapIndexItem(absolute_url(reverse(name)), None)
        for name in ("sitemap_pages", "sitemap_news")
    ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": sitemaps}, content_type="application/xml"
    )


@require_safe
def pages_sitemap(request):
    sitemaps = {"pages": PageSitemap, "authors": AuthorSitemap(), "categories": CategorySitemap()}
    return wagtail_sitemap_view(request, sitemaps)


@require_safe
def news_sitemap(request):
    articles = (
        visible_articles()
        .filter(display_date__gte=timezone.now() - NEWS_WINDOW)
        .newest_first()
        .defer_streamfields()[:NEWS_LIMIT]
    )
    return TemplateResponse(
        request, "news/sitemap_news.xml", {"articles": articles}, content_type="application/xml"
    )
