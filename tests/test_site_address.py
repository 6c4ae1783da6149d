"""One public address (SITE_URL) for the Site record and every absolute URL the site writes."""

import os
import subprocess
import sys
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from news.models import ArticlePage
from tests import editorial, factories
from tests.machine_readers import node_of_type, read_page, sitemap

PUBLIC = "https://news.example.org"


def settings_value(expression, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"SITE_URL", "HOST", "PORT", "WAGTAILADMIN_BASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", f"import newsroom.settings as s; print({expression})"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:8000 http://127.0.0.1:8000"),
        ({"PORT": "8123"}, "http://127.0.0.1:8123 http://127.0.0.1:8123"),
        ({"HOST": "0.0.0.0"}, "http://127.0.0.1:8000 http://127.0.0.1:8000"),  # noqa: S104
        ({"SITE_URL": f"{PUBLIC}/"}, f"{PUBLIC} {PUBLIC}"),
    ],
)
def test_site_url_defaults_to_where_start_serves_and_drives_admin_links(env, expected):
    result = settings_value("s.SITE_URL, s.WAGTAILADMIN_BASE_URL", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.parametrize("value", ["news.example.org", "https://news.example.org/news", "ftp://x"])
def test_a_site_url_that_is_not_an_address_stops_start_up(value):
    result = settings_value("s.SITE_URL", SITE_URL=value)
    assert result.returncode != 0
    assert "SITE_URL must be the site's address" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("site_url", "hostname", "port"),
    [(PUBLIC, "news.example.org", 443), ("http://127.0.0.1:8000", "127.0.0.1", 8000)],
)
def test_migrate_points_the_default_site_at_site_url(site_url, hostname, port):
    with override_settings(SITE_URL=site_url):
        call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (hostname, port)
    assert site.root_url == site_url


@pytest.fixture
def public_story(section, author):
    category = factories.make_category("Transport")
    article = factories.make_article(
        section,
        "Night ferry returns",
        authors=[author],
        categories=[category],
        tags=["ferries"],
        lead_image=factories.make_image("Ferry", size=(1600, 900)),
        lead_image_alt_text="The night ferry at the quay.",
    )
    with override_settings(SITE_URL=PUBLIC, WAGTAILADMIN_BASE_URL=PUBLIC):
        call_command("migrate", verbosity=0)  # the Site record follows, as at start-up
        yield article


def test_every_absolute_url_on_an_article_uses_the_public_address(client, public_story):
    """Asked on another host (an internal name, a proxy's), the page still names its one address."""
    article = public_story
    expected = f"{PUBLIC}{article.url}"
    response = client.get(article.url, HTTP_HOST="internal.example")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    nodes, opengraph = read_page(response, expected)
    news = node_of_type(nodes, "NewsArticle")

    found = {
        "canonical": soup.find("link", rel="canonical")["href"],
        "og:url": opengraph["og:url"][0],
        "JSON-LD url": news["url"],
        "JSON-LD @id": news["@id"].removesuffix("#article"),
        "mainEntityOfPage": news["mainEntityOfPage"],
        "breadcrumb": node_of_type(nodes, "BreadcrumbList")["itemListElement"][-1]["item"],
        "Wagtail full_url": ArticlePage.objects.get(pk=article.pk).full_url,
    }
    assert found == dict.fromkeys(found, expected)

    share = soup.find("nav", attrs={"aria-label": "Share this article"})
    shared = [unquote(link["href"]) for link in share.find_all("a")]
    assert all(expected in href for href in shared), shared
    elsewhere = [
        opengraph["og:image"][0],
        *opengraph["article:author"],
        news["author"][0]["url"],
        news["publisher"]["url"],
        *[image["url"] for image in news["image"]],
    ]
    assert all(url.startswith(f"{PUBLIC}/") for url in elsewhere), elsewhere


def test_sitemaps_feeds_and_robots_use_the_public_address(client, public_story, section):
    article = public_story
    host = {"HTTP_HOST": "internal.example"}
    robots = client.get("/robots.txt", **host).content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots

    index = sitemap(client, "/sitemap.xml")
    children = [child.url for child in index.sub_sitemaps]
    assert children == [f"{PUBLIC}/sitemap-pages.xml", f"{PUBLIC}/sitemap-news.xml"]
    pages = sitemap(client, "/sitemap-pages.xml")
    locations = [page.url for page in pages.all_pages()]
    assert f"{PUBLIC}{article.url}" in locations
    assert all(urlsplit(url).netloc == "news.example.org" for url in locations), locations
    news = sitemap(client, "/sitemap-news.xml")
    assert [page.url for page in news.all_pages()] == [f"{PUBLIC}{article.url}"]

    for feed_url in ["/feed/", f"{section.url}feed/"]:
        feed = feedparser.parse(client.get(feed_url, **host).content)
        assert feed.feed.link == f"{PUBLIC}/" if feed_url == "/feed/" else f"{PUBLIC}{section.url}"
        assert [entry.link for entry in feed.entries] == [f"{PUBLIC}{article.url}"]
        assert feed.entries[0].enclosures[0].href.startswith(f"{PUBLIC}/media/")


def test_notification_emails_link_to_the_public_address(client, public_story, section, writer):
    editorial.make_user("Editors", username="ed-reviewer")
    client.force_login(writer)
    data = editorial.article_data(
        "Harbour wall repairs begin", slug="harbour-wall", authors=list(public_story.authors)
    )
    client.post(editorial.add_url(section), {**data, "action-submit": "Submit"})
    assert mail.outbox, "submitting for review emails the editors"
    article = ArticlePage.objects.get(slug="harbour-wall")
    assert f"{PUBLIC}/admin/pages/{article.pk}/" in mail.outbox[0].body
    assert "127.0.0.1" not in mail.outbox[0].body
