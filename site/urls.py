from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from news import feeds, sitemaps
from news import views as news_views
from newsroom import logins
from newsroom.views import apple_touch_icon, favicon_ico, robots_txt
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("feed/", feeds.site_feed, name="site_feed"),
    path("authors/<slug:slug>/", news_views.author_detail, name="author"),
    path("authors/<slug:slug>/feed/", feeds.author_feed, name="author_feed"),
    path("categories/<slug:slug>/", news_views.category_detail, name="category"),
    path("categories/<slug:slug>/feed/", feeds.category_feed, name="category_feed"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", sitemaps.pages_sitemap, name="sitemap_pages"),
    path("sitemap-news.xml", sitemaps.news_sitemap, name="sitemap_news"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon_ico, name="favicon"),
    path("apple-touch-icon.png", apple_touch_icon, name="apple_touch_icon"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Wagtail's page-password form, with a limit on wrong passwords (newsroom/logins.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        logins.throttled_authenticate_with_password,
    ),
    # Wagtail's page serving catches everything else, so it comes last.
    path("", include(wagtail_urls)),
]

# A database outage answers 503 with Retry-After wherever it is noticed (newsroom/outages.py).
handler500 = "newsroom.outages.server_error"
