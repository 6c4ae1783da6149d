"""Readers never see drafts, private pages or unpublished promos."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import ArticlePage
from tests import factories


def test_draft_article_is_not_listed_or_served(client, section):
    draft = factories.make_article(section, "Embargoed budget leak", publish=False)
    factories.make_article(section, "Published story")
    assert client.get(draft.url or f"{section.url}{draft.slug}/").status_code == 404
    listing = client.get(section.url).content.decode()
    assert "Published story" in listing
    assert "Embargoed budget leak" not in listing
    assert "Embargoed budget leak" not in client.get("/").content.decode()


def test_private_article_is_hidden_from_listings_and_search(client, section):
    private = factories.make_article(section, "Staff-only memo about parking")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert "Staff-only memo" not in client.get(section.url).content.decode()
    assert "Staff-only memo" not in client.get("/").content.decode()
    assert "Staff-only memo" not in client.get("/search/", {"query": "parking"}).content.decode()
    response = client.get(private.url)
    assert response.status_code == 302, "private pages ask for a login"


def test_unpublished_promo_is_not_shown(client, section):
    draft_promo = factories.make_promo("Secret draft promo", publish=False, sitewide=True)
    live_promo = factories.make_promo("Subscribe to the morning briefing", sitewide=True)
    article = factories.make_article(section, "Any story")
    html = client.get(article.url).content.decode()
    assert live_promo.title in html
    assert draft_promo.title not in html


def test_chosen_draft_promo_is_dropped(client, section):
    draft_promo = factories.make_promo("Chosen but unpublished", publish=False)
    article = factories.make_article(section, "Story with a draft promo", promos=[draft_promo])
    assert "Chosen but unpublished" not in client.get(article.url).content.decode()


def test_sitewide_promos_fill_in_when_an_article_picks_none(client, section):
    sitewide = factories.make_promo("Join the reader panel", sitewide=True)
    chosen = factories.make_promo("Contact your elected officials")
    picky = factories.make_article(section, "Picky story", promos=[chosen])
    plain = factories.make_article(section, "Plain story")

    picky_html = client.get(picky.url).content.decode()
    assert chosen.title in picky_html and sitewide.title not in picky_html
    assert sitewide.title in client.get(plain.url).content.decode()


def test_articles_past_their_expiry_leave_every_listing_at_once(client, section):
    """Wagtail unpublishes an expired page only when ``publish_scheduled`` next runs; listings,
    feeds, related articles and search must not wait for it."""
    author = factories.make_author("Noor Vale")
    category = factories.make_category("Harbour")
    expired = factories.make_article(
        section, "Ferry strike called off", authors=[author], categories=[category]
    )
    ArticlePage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - timedelta(minutes=5)
    )
    current = factories.make_article(
        section, "Ferry strike talks resume", authors=[author], categories=[category]
    )
    reader = factories.make_article(section, "Harbour news roundup", categories=[category])
    assert ArticlePage.objects.get(pk=expired.pk).live, "still live: the scheduler has not run"

    pages = {
        "home": "/",
        "section": section.url,
        "author": author.get_absolute_url(),
        "category": category.get_absolute_url(),
        "site feed": "/feed/",
        "section feed": f"{section.url}feed/",
        "related articles": reader.url,
        "search": "/search/?query=ferry+strike",
    }
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert current.title in html, f"{name} lists the current article"
        assert expired.title not in html, f"{name} leaves out the expired one"
    suggestions = client.get("/search/suggest/", {"query": "Ferry str"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == [current.title]
