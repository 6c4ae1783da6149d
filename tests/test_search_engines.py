"""What search engines and social networks read, through the parsers they use."""

from io import BytesIO
from urllib.robotparser import RobotFileParser

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image
from wagtail.models import PageViewRestriction

from home.models import SiteSettings
from news.models import ArticlePage
from tests import factories
from tests.machine_readers import local_path, node_of_type, read_page, sitemap

ISO_UTC = "+00:00"


@pytest.fixture
def newsroom(home, section, author):
    """A site with a logo and social links, a section, a category, a tag and two articles."""
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.logo = factories.make_image("Logo", size=(300, 120), colour=(20, 140, 60))
    site_settings.social_links = [
        ("link", {"platform": "Mastodon", "url": "https://social.example/@ledger"}),
        ("link", {"platform": "Bluesky", "url": "https://bsky.example/profile/ledger"}),
    ]
    site_settings.save()
    category = factories.make_category("Transport", description="Buses, ferries and bridges.")
    older = factories.make_article(
        section, "Bridge survey begins", authors=[author], categories=[category], days_ago=5
    )
    article = factories.make_article(
        section,
        "Night ferry returns",
        authors=[author],
        categories=[category],
        tags=["ferries"],
        lead_image=factories.make_image("Ferry", size=(1600, 1200)),
        lead_image_alt_text="The night ferry at the quay.",
    )
    return {"article": article, "older": older, "category": category, "author": author}


def meta(soup, name):
    tag = soup.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


# Home, listings, authors ------------------------------------------------------------------------


def test_home_describes_the_website_and_the_organisation(client, newsroom):
    response = client.get("/")
    nodes, opengraph = read_page(response)
    website = node_of_type(nodes, "WebSite")
    organisation = node_of_type(nodes, "NewsMediaOrganization")
    assert website["url"] == "http://testserver/"
    assert website["publisher"] == {"@id": organisation["@id"]}
    search = website["potentialAction"]
    assert search["@type"] == "SearchAction"
    assert search["query-input"] == "required name=search_term_string"
    template = search["target"]["urlTemplate"]
    assert (
        client.get(local_path(template.replace("{search_term_string}", "ferry"))).status_code == 200
    )
    assert organisation["logo"]["url"].startswith("http://testserver/media/")
    assert organisation["sameAs"] == [
        "https://social.example/@ledger",
        "https://bsky.example/profile/ledger",
    ]
    assert opengraph["og:type"] == ["website"]
    assert opengraph["og:url"] == ["http://testserver/"]
    assert opengraph["og:image"][0].startswith("http://testserver/media/")
    assert meta(BeautifulSoup(response.content, "html.parser"), "twitter:card") == "summary"


@pytest.mark.parametrize("listing", ["section", "category", "section category", "section tag"])
def test_listings_are_collection_pages(client, newsroom, section, listing):
    category = newsroom["category"]
    path = {
        "section": section.url,
        "category": category.get_absolute_url(),
        "section category": f"{section.url}category/{category.slug}/",
        "section tag": f"{section.url}tag/ferries/",
    }[listing]
    response = client.get(path)
    assert response.status_code == 200
    nodes, opengraph = read_page(response)
    collection = node_of_type(nodes, "CollectionPage")
    canonical = BeautifulSoup(response.content, "html.parser").find("link", rel="canonical")
    assert collection["url"] == opengraph["og:url"][0] == canonical["href"]
    assert collection["url"] == f"http://testserver{path}"
    assert collection["isPartOf"]["@id"] == "http://testserver/#website"
    assert opengraph["og:title"] and opengraph["og:description"]


def test_author_page_is_a_profile_of_a_person(client, newsroom):
    author = newsroom["author"]
    nodes, opengraph = read_page(client.get(author.get_absolute_url()))
    profile = node_of_type(nodes, "ProfilePage")
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == author.name
    assert person["jobTitle"] == author.role
    assert (
        profile["url"] == opengraph["og:url"][0] == f"http://testserver{author.get_absolute_url()}"
    )
    assert opengraph["og:type"] == ["profile"]


# Articles ---------------------------------------------------------------------------------------


def test_article_tells_social_networks_about_its_image_dates_and_filing(client, newsroom, section):
    article, author = newsroom["article"], newsroom["author"]
    response = client.get(article.url)
    soup = BeautifulSoup(response.content, "html.parser")
    _, opengraph = read_page(response)
    assert opengraph["og:type"] == ["article"]
    assert opengraph["og:image:width"] == ["1200"]
    assert opengraph["og:image:height"] == ["675"]
    assert opengraph["og:image:alt"] == ["The night ferry at the quay."]
    assert opengraph["article:section"] == [section.title]
    assert opengraph["article:tag"] == ["ferries"]
    assert opengraph["article:author"] == [f"http://testserver{author.get_absolute_url()}"]
    for name in ("article:published_time", "article:modified_time"):
        assert opengraph[name][0].endswith(ISO_UTC), opengraph[name]
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "robots") == "max-image-preview:large"
    assert soup.select_one("time[datetime]")["datetime"].endswith(ISO_UTC)


def test_news_article_images_come_in_three_shapes(client, newsroom):
    nodes, _ = read_page(client.get(newsroom["article"].url))
    images = node_of_type(nodes, "NewsArticle")["image"]
    assert [round(image["width"] / image["height"], 2) for image in images] == [1.78, 1.33, 1.0]
    for image in images:
        response = client.get(local_path(image["url"]))
        assert response.status_code == 200
        with Image.open(BytesIO(b"".join(response.streaming_content))) as picture:
            assert picture.size == (image["width"], image["height"])


def test_date_modified_is_the_last_publication(client, newsroom):
    article = newsroom["older"]
    first = node_of_type(read_page(client.get(article.url))[0], "NewsArticle")
    assert first["datePublished"].endswith(ISO_UTC)
    assert first["dateModified"] > first["datePublished"], "published days after its date"

    # A correction, published later.
    article = ArticlePage.objects.get(pk=article.pk)
    article.standfirst = "Corrected: the survey begins on Tuesday."
    article.save_revision().publish()
    article.refresh_from_db()
    corrected = node_of_type(read_page(client.get(article.url))[0], "NewsArticle")
    assert corrected["datePublished"] == first["datePublished"]
    assert corrected["dateModified"] == article.last_published_at.isoformat(timespec="seconds")
    assert corrected["dateModified"] != corrected["datePublished"]


# Search, sitemaps, robots -----------------------------------------------------------------------


def test_search_results_are_not_indexed_but_followed(client, newsroom):
    for query in ["/search/?query=ferry", "/search/?query=ferry&section=news&sort=newest"]:
        soup = BeautifulSoup(client.get(query).content, "html.parser")
        assert meta(soup, "robots") == "noindex, follow"
    # The search page itself (a form, no results) may be indexed.
    soup = BeautifulSoup(client.get("/search/").content, "html.parser")
    assert meta(soup, "robots") == "max-image-preview:large"


def test_robots_txt_lists_the_sitemaps(client, newsroom):
    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    assert robots.site_maps() == [
        "http://testserver/sitemap.xml",
        "http://testserver/sitemap-news.xml",
    ]
    assert not robots.can_fetch("*", "http://testserver/admin/")
    assert robots.can_fetch("*", f"http://testserver{newsroom['article'].url}")


def test_every_sitemap_url_answers(client, newsroom, section):
    hidden = factories.make_article(section, "Hidden story", hide_from_search_engines=True)
    index = sitemap(client, "/sitemap.xml")
    children = [child.url for child in index.sub_sitemaps]
    assert children == ["http://testserver/sitemap-pages.xml", "http://testserver/sitemap-news.xml"]

    pages = sitemap(client, local_path(children[0]))
    urls = [page.url for page in pages.all_pages()]
    for url in urls:
        assert client.get(local_path(url)).status_code == 200, url
    expected = [
        "http://testserver/",
        f"http://testserver{section.url}",
        f"http://testserver{newsroom['article'].url}",
        f"http://testserver{newsroom['older'].url}",
        f"http://testserver{newsroom['author'].get_absolute_url()}",
        f"http://testserver{newsroom['category'].get_absolute_url()}",
    ]
    assert sorted(urls) == sorted(expected)
    assert f"http://testserver{hidden.url}" not in urls


def test_news_sitemap_lists_the_last_two_days(client, newsroom):
    news = sitemap(client, "/sitemap-news.xml")
    stories = list(news.all_pages())
    assert [story.url for story in stories] == [f"http://testserver{newsroom['article'].url}"]
    story = stories[0].news_story
    assert story.title == "Night ferry returns"
    assert story.publication_name == "The Riverside Ledger"
    assert story.publication_language == "en"
    assert story.publish_date is not None


# Feeds ------------------------------------------------------------------------------------------


def test_feed_items_carry_a_thumbnail_and_the_channel_an_image(client, newsroom):
    feed = feedparser.parse(client.get("/feed/").content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.image.href.startswith("http://testserver/media/")
    entry = next(entry for entry in feed.entries if entry.title == "Night ferry returns")
    enclosure = entry.enclosures[0]
    picture = client.get(local_path(enclosure.href))
    body = b"".join(picture.streaming_content)
    assert enclosure.type == picture["Content-Type"]
    assert int(enclosure.length) == len(body)


@pytest.mark.parametrize("archive", ["category", "tag"])
def test_section_archives_have_their_own_feed(client, newsroom, section, archive):
    slug = newsroom["category"].slug if archive == "category" else "ferries"
    page = client.get(f"{section.url}{archive}/{slug}/")
    feeds = [
        tag["href"]
        for tag in BeautifulSoup(page.content, "html.parser").select(
            'link[rel="alternate"][type="application/rss+xml"]'
        )
    ]
    assert f"{section.url}{archive}/{slug}/feed/" in feeds
    feed = feedparser.parse(client.get(f"{section.url}{archive}/{slug}/feed/").content)
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    if archive == "tag":
        assert titles == ["Night ferry returns"]
    else:
        assert titles == ["Night ferry returns", "Bridge survey begins"]
    assert client.get(f"{section.url}{archive}/no-such-thing/feed/").status_code == 404


# Icons and protected pages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "content_type", "size"),
    [("/favicon.ico", "image/x-icon", 48), ("/apple-touch-icon.png", "image/png", 180)],
)
def test_icons_are_made_from_the_site_logo(client, newsroom, path, content_type, size):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    with Image.open(BytesIO(response.content)) as icon:
        assert max(icon.size) == size
        centre = icon.convert("RGB").getpixel((icon.width // 2, icon.height // 2))
    assert centre == (20, 140, 60), "the logo's colour, not the shipped icon's"


def test_icons_fall_back_to_the_shipped_icon_without_a_logo(client, home):
    for path in ["/favicon.ico", "/apple-touch-icon.png"]:
        assert client.get(path).status_code == 200


def test_password_protected_page_asks_in_the_site_design(client, newsroom):
    article = newsroom["article"]
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="river"
    )
    response = client.get(article.url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert soup.find("header", class_="site-header") is not None, "the site's own header"
    assert soup.find("h1").get_text() == "Password required"
    password = soup.find("input", type="password")
    assert soup.find("label", attrs={"for": password["id"]}) is not None
    assert meta(soup, "robots") == "noindex"
    assert "night ferry at the quay" not in response.content.decode().lower()
    assert "Night ferry returns" not in soup.find("main").get_text()
