"""The article page reproduces the reference structure (shared/article-page.md)."""

import itertools

import pytest
from bs4 import BeautifulSoup

from tests import factories


@pytest.fixture
def story(section, author):
    co_author = factories.make_author("Cal Reyes")
    publisher = factories.make_publisher()
    politics = factories.make_category("Politics")
    promo = factories.make_promo()
    related = factories.make_article(
        section,
        "Bridge repairs finish early",
        categories=[politics],
        standfirst="The bridge reopens on Friday. Traffic returns to normal.",
    )
    article = factories.make_article(
        section,
        "Ferry timetable doubles evening services",
        promos=[promo],
        authors=[author, co_author],
        categories=[politics],
        tags=["ferries"],
        publisher=publisher,
        source_url="https://valley-courier.example.com/2026/ferry",
        lead_image=factories.make_image(),
        lead_image_caption="The ferry at dusk.",
        lead_image_credit="Jo Park",
    )
    return article, related, promo


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_article_structure(client, story):
    article, _related, promo = story
    soup = soup_of(client, article.url)

    main = soup.find("main")
    assert main is not None
    art = main.find("article")
    assert art is not None, "the story is an <article> inside <main>"

    h1s = soup.find_all("h1")
    assert [h.get_text(strip=True) for h in h1s] == ["Ferry timetable doubles evening services"]
    assert "in one sentence" in art.get_text()

    byline_links = [a.get_text(strip=True) for a in art.select('a[href^="/authors/"]')]
    assert byline_links[:2] == ["Ada Marsh", "Cal Reyes"]
    time = art.find("time")
    assert time is not None and time["datetime"].startswith(str(article.display_date.year))

    subheads = [h.get_text(strip=True) for h in art.find_all("h2")]
    assert "What changes for riders" in subheads

    quote = art.find("blockquote")
    assert quote is not None and "night-shift workers" in quote.get_text()
    assert "Transit chief" in quote.find_parent().get_text()

    source = art.find("a", href="https://valley-courier.example.com/2026/ferry")
    assert source is not None
    assert source.get_text(" ", strip=True) == "Read full article on The Valley Courier"
    assert "noopener" in source["rel"]
    assert art.find("a", href="https://valley-courier.example.com/") is not None, "publisher card"
    assert "Independent news from the upper valley" in art.get_text()

    aside = soup.find("aside")
    assert aside is not None
    assert promo.title in aside.get_text()
    assert "Politics" in aside.get_text(), "popular categories"

    related_heading = soup.find(lambda tag: tag.name == "h2" and "Related" in tag.get_text())
    assert related_heading is not None
    assert soup.find("a", string=lambda s: s and "Bridge repairs finish early" in s) is not None
    assert "The bridge reopens on Friday." in soup.get_text()
    assert "Traffic returns to normal." not in soup.get_text(), "summary is one sentence"


def test_heading_order_has_no_skipped_levels(client, story):
    article, _, _ = story
    soup = soup_of(client, article.url)
    levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1, levels


def test_article_without_source_has_no_source_link(client, section):
    article = factories.make_article(section, "A story of our own")
    soup = soup_of(client, article.url)
    assert "Read full article" not in soup.get_text()


def test_site_name_and_tagline_come_from_site_settings(client, story):
    from home.models import SiteSettings

    article, _, _ = story
    settings = SiteSettings.for_site(factories.home_page().get_site())
    settings.site_name = "The Harbour Gazette"
    settings.tagline = "News from both banks"
    settings.save()
    text = soup_of(client, article.url).get_text()
    assert "The Harbour Gazette" in text
    assert "News from both banks" in text
