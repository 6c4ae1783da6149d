"""Feeds, structured data, social tags, sitemap and robots: what machines read about our pages."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.machine_readers import node_of_type, read_page


@pytest.fixture
def story(section, author):
    politics = factories.make_category("Politics")
    article = factories.make_article(
        section,
        "Ferry timetable doubles evening services",
        authors=[author],
        categories=[politics],
        publisher=factories.make_publisher(),
        source_url="https://valley-courier.example.com/2026/ferry",
        lead_image=factories.make_image("Ferry", size=(1600, 900)),
        lead_image_alt_text="The evening ferry.",
    )
    return article, politics


@pytest.mark.parametrize("feed", ["site", "section", "category", "author"])
def test_feeds_parse_cleanly(client, story, author, section, feed):
    article, politics = story
    url = {
        "site": "/feed/",
        "section": f"{section.url}feed/",
        "category": f"{politics.get_absolute_url()}feed/",
        "author": f"{author.get_absolute_url()}feed/",
    }[feed]
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == [article.title]
    entry = parsed.entries[0]
    assert entry.link == f"http://testserver{article.url}"
    assert entry.summary == article.standfirst
    assert entry.author == author.name
    assert "Politics" in [tag.term for tag in entry.tags]


def test_feeds_leave_out_drafts(client, section):
    factories.make_article(section, "Published piece")
    factories.make_article(section, "Draft piece", publish=False)
    titles = [entry.title for entry in feedparser.parse(client.get("/feed/").content).entries]
    assert titles == ["Published piece"]


def test_pages_link_their_feeds(client, story, section):
    article, _ = story
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    feeds = [
        link["href"] for link in soup.select('link[rel="alternate"][type="application/rss+xml"]')
    ]
    assert any(href.endswith(f"{section.url}feed/") for href in feeds)


def test_article_structured_data(client, story, author, section):
    article, _ = story
    items, _ = read_page(client.get(article.url))
    news = node_of_type(items, "NewsArticle")
    assert news["headline"] == article.title
    assert news["datePublished"].startswith(str(article.date.year))
    assert news["author"][0]["name"] == author.name
    assert news["articleSection"] == section.title
    assert news["isBasedOn"] == "https://valley-courier.example.com/2026/ferry"
    assert news["image"][0]["url"].startswith("http://testserver/")
    assert news["publisher"]["@type"] == "NewsMediaOrganization"
    crumbs = node_of_type(items, "BreadcrumbList")
    assert [c["name"] for c in crumbs["itemListElement"]][-2:] == [section.title, article.title]


def test_social_and_search_tags(client, story):
    article, _ = story
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert soup.find("meta", property="og:title")["content"] == article.title
    assert soup.find("meta", property="og:image")["content"].startswith("http://testserver/")
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert soup.find("meta", attrs={"name": "description"})["content"] == article.standfirst
    assert soup.find("link", rel="canonical")["href"].endswith(article.url)
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "max-image-preview:large"


def section_description(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.find("meta", attrs={"name": "description"})["content"]


@pytest.mark.django_db
def test_section_descriptions_fall_back_in_order(client):
    section = factories.make_section("Rivers & Weirs")
    site = "The Riverside Ledger"
    assert (
        section_description(client, section.url)
        == f"The latest Rivers & Weirs stories from {site}."
    )
    section.intro = "<p>Floods, <b>weirs</b> &amp; the people who mind them.</p>"
    section.save_revision().publish()
    assert section_description(client, section.url) == "Floods, weirs & the people who mind them."
    section.search_description = "Everything about the river."
    section.save_revision().publish()
    assert section_description(client, section.url) == "Everything about the river."


def test_share_links_need_no_script(client, story):
    article, _ = story
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    share = soup.find("nav", attrs={"aria-label": "Share this article"})
    assert share is not None
    links = share.find_all("a")
    assert len(links) >= 3
    assert all(link["href"].startswith(("https://", "mailto:")) for link in links)
    assert not any(attribute.startswith("on") for link in links for attribute in link.attrs)
    # The page's only scripts are the header search box's optional enhancements, deferred.
    scripts = soup.find_all("script", src=True)
    assert [script["src"].rsplit("/", 1)[-1] for script in scripts] == [
        "search-suggest.js",
        "search-toggle.js",
    ]
    assert all(script.has_attr("defer") for script in scripts)


def test_hide_from_search_engines(client, story):
    article, _ = story
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert article.url in sitemap
    assert "<lastmod>" in sitemap
    article.hide_from_search_engines = True
    article.save_revision().publish()
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert article.url not in client.get("/sitemap-pages.xml").content.decode()


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.django_db
def test_listing_pages_after_the_first_say_so_in_title_and_canonical(client):
    section = factories.make_section("Business")
    author = factories.make_author("Ada Marsh")
    category = factories.make_category("Harbour")
    for n in range(13):  # a listing shows 12 per page
        factories.make_article(section, f"Story {n}", authors=[author], categories=[category])

    for url, title in (
        (section.url, "Business"),
        (author.get_absolute_url(), "Ada Marsh"),
        (category.get_absolute_url(), "Harbour"),
    ):
        first = BeautifulSoup(client.get(url).content, "html.parser")
        second = BeautifulSoup(client.get(url + "?page=2").content, "html.parser")
        assert first.title.string == f"{title} | The Riverside Ledger"
        assert second.title.string == f"{title} (page 2) | The Riverside Ledger"
        assert first.find("link", rel="canonical")["href"] == f"http://testserver{url}"
        assert second.find("link", rel="canonical")["href"] == f"http://testserver{url}?page=2"
