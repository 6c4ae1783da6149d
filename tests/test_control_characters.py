"""Control characters pasted from word processors never reach the feeds, nor break them."""

import feedparser
import pytest

from news.models import ArticlePage, Author, Category, SidebarSnippet
from tests import factories

VT = "\x0b"  # a word processor's soft line break: invisible on a page, illegal in XML


@pytest.fixture
def pasted(section):
    category = factories.make_category(f"Flood{VT}defences")
    author = factories.make_author(f"Ada{VT} Marsh", role=f"River{VT} desk")
    promo = factories.make_promo(f"Sign{VT}up", text=f"Our{VT} newsletter.")
    article = factories.make_article(
        section,
        f"Barrier{VT} raised",
        standfirst=f"The barrier{VT} went up at dawn.",
        authors=[author],
        categories=[category],
    )
    return article, category, author, promo


def feed_urls(section, category, author):
    return [
        "/feed/",
        f"{section.url}feed/",
        f"/categories/{category.slug}/feed/",
        f"/authors/{author.slug}/feed/",
    ]


def test_saving_strips_xml_illegal_characters(pasted):
    article, category, author, promo = pasted
    assert ArticlePage.objects.get(pk=article.pk).title == "Barrier raised"
    assert ArticlePage.objects.get(pk=article.pk).standfirst == "The barrier went up at dawn."
    assert Category.objects.get(pk=category.pk).name == "Flooddefences"
    author = Author.objects.get(pk=author.pk)
    assert (author.name, author.role) == ("Ada Marsh", "River desk")
    promo = SidebarSnippet.objects.get(pk=promo.pk)
    assert (promo.title, promo.text) == ("Signup", "Our newsletter.")


def test_feeds_of_pasted_text_parse(client, section, pasted):
    _, category, author, _ = pasted
    for url in feed_urls(section, category, author):
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert [entry.title for entry in parsed.entries] == ["Barrier raised"]


@pytest.mark.django_db
def test_feeds_survive_text_saved_before_the_cleaning(client, section):
    """Rows written without save() (older data, bulk updates) still give a valid feed."""
    category = factories.make_category("Floods")
    author = factories.make_author("Ada Marsh")
    factories.make_article(section, "Barrier raised", authors=[author], categories=[category])
    ArticlePage.objects.update(title=f"Barrier{VT} raised", standfirst=f"Up{VT}\x0c at dawn.")
    Category.objects.update(name=f"Flo{VT}ods", description=f"Water{VT}.")
    Author.objects.update(name=f"Ada{VT} Marsh", bio=f"Rivers{VT}.")
    for url in feed_urls(section, category, author):
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.entries[0].title == "Barrier raised"
        assert parsed.entries[0].summary == "Up at dawn."
