"""What each process keeps of the site (news.site_data) follows every change that purges it.

Every request here is an uncached render (``?x=1``: a query string the page cache ignores), so
what a page shows comes from the process's copies of the Site, its home page, settings,
navigation, popular categories and site-wide promos, and of the markup drawn from them.
"""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from home.models import LISTING_SECONDS, SiteSettings
from news import site_data
from news.models import ArticlePage
from tests import factories

UNCACHED = "?x=1"


def render(client, url):
    response = client.get(url + UNCACHED)
    assert response.status_code == 200
    assert "X-Cache" not in response
    return response.content.decode()


def navigation(html):
    return html.split('<nav class="primary-nav"', 1)[1].split("</nav>", 1)[0]


@pytest.fixture
def article(section):
    return factories.make_article(section, "Ferry timetable changes")


def test_a_new_section_shows_in_the_navigation_of_pages_rendered_before(client, home, article):
    assert "Sport" not in render(client, article.url)
    factories.make_section("Sport", parent=home)
    assert ">Sport</a>" in render(client, article.url)
    assert ">Sport</a>" in render(client, "/")


def test_an_unpublished_section_leaves_the_navigation_and_its_address(client, home, article):
    sport = factories.make_section("Sport", parent=home)
    assert ">Sport</a>" in render(client, article.url)
    assert client.get(sport.url + UNCACHED).status_code == 200
    sport.unpublish()
    assert ">Sport</a>" not in render(client, article.url)
    assert client.get(sport.url + UNCACHED).status_code == 404


def test_site_settings_show_at_once_in_header_footer_and_title(client, home, article):
    render(client, article.url)
    settings = SiteSettings.for_site(home.get_site())
    settings.site_name = "The Harbour Gazette"
    settings.footer_text = "Printed on the quay since 1902."
    settings.save()
    html = render(client, article.url)
    assert "The Harbour Gazette</span>" in html  # the brand, in the header
    assert "Printed on the quay since 1902." in html  # the footer
    assert "| The Harbour Gazette</title>" in html


def test_the_current_section_is_marked_in_the_kept_navigation(client, home, section, article):
    weather = factories.make_section("Weather", parent=home)
    forecast = factories.make_article(weather, "Storm warning")
    in_news = navigation(render(client, article.url))
    in_weather = navigation(render(client, weather.url))
    assert f'href="{section.url}" aria-current="page"' in in_news
    assert f'href="{weather.url}" aria-current="page"' not in in_news
    assert f'href="{weather.url}" aria-current="page"' in in_weather
    assert f'href="{weather.url}" aria-current="page"' in navigation(render(client, forecast.url))
    assert "aria-current" not in navigation(render(client, "/"))


def test_home_page_changes_show_at_once(client, home, section):
    older = factories.make_article(section, "Older story", days_ago=3)
    factories.make_article(section, "Newest story")
    render(client, "/")
    home.lead_story = older
    home.save_revision().publish()
    html = render(client, "/")
    assert html.index("Older story") < html.index("Newest story")


def test_popular_categories_follow_publishing(client, section, article):
    assert "Popular categories" not in render(client, article.url)
    factories.make_article(section, "Bridge reopens", categories=[factories.make_category("Roads")])
    assert "/categories/roads/" in render(client, article.url)


def test_a_new_site_wide_promo_shows_on_articles_rendered_before(client, article):
    render(client, article.url)
    factories.make_promo("Join our newsletter", sitewide=True)
    assert "Join our newsletter" in render(client, article.url)


def test_a_view_restriction_applies_at_once_to_pages_rendered_before(client, section, article):
    render(client, article.url)
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url + UNCACHED)
    assert response.status_code == 302
    assert b"Ferry timetable changes" not in response.content
    assert client.get(section.url + UNCACHED).status_code == 302


def test_a_new_host_name_for_the_site_is_served_at_once(client, home, article):
    render(client, article.url)
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "news.example.com"
    site.save()
    assert client.get(article.url + UNCACHED).status_code == 404
    assert client.get(article.url + UNCACHED, HTTP_HOST="news.example.com").status_code == 200


def test_a_warm_article_render_reads_only_the_article(client, section):
    authors = [factories.make_author("Ada Marsh")]
    categories = [factories.make_category("Transport")]
    factories.make_promo("Join our newsletter", sitewide=True)
    for n in range(6):
        factories.make_article(section, f"Story {n}", authors=authors, categories=categories)
    article = factories.make_article(
        section, "Tram line opens", authors=authors, categories=categories, tags=["trams"]
    )
    render(client, article.url)
    with CaptureQueriesContext(connection) as captured:
        render(client, article.url)
    # The article (with its section's routing and its lead image), its bylines, own promos,
    # categories and tags, and its related articles: nothing of the site around it.
    assert len(captured) <= 6, [query["sql"][:120] for query in captured]


@pytest.mark.parametrize("view", ["home", "section"])
def test_warm_listing_renders_read_only_their_listings(client, section, view):
    authors = [factories.make_author("Ada Marsh")]
    for n in range(6):
        factories.make_article(section, f"Story {n}", authors=authors)
    url = {"home": "/", "section": section.url}[view]
    render(client, url)
    with CaptureQueriesContext(connection) as captured:
        render(client, url)
    limit = {"home": 10, "section": 3}[view]
    assert len(captured) <= limit, [query["sql"][:120] for query in captured]


def test_the_front_page_choice_is_kept_until_a_story_joins_or_a_minute_passes(
    client, home, section, monkeypatch
):
    """Which stories the front shows is kept per process: a publish purges it at once, and an
    expiry that passes without a purge shows within ``LISTING_SECONDS``."""
    story = factories.make_article(section, "Harbour wall repaired")
    assert ">Harbour wall repaired</a>" in render(client, "/")
    ArticlePage.objects.filter(pk=story.pk).update(expire_at=timezone.now())  # purges nothing
    assert ">Harbour wall repaired</a>" in render(client, "/")
    factories.make_article(section, "Ferry fares frozen")  # a publish: the front is chosen again
    html = render(client, "/")
    assert ">Ferry fares frozen</a>" in html
    assert ">Harbour wall repaired</a>" not in html

    later = factories.make_article(section, "Tram extension approved")
    assert ">Tram extension approved</a>" in render(client, "/")
    ArticlePage.objects.filter(pk=later.pk).update(expire_at=timezone.now())
    now = time.monotonic()
    monkeypatch.setattr(site_data.time, "monotonic", lambda: now + LISTING_SECONDS + 1)
    assert ">Tram extension approved</a>" not in render(client, "/")
