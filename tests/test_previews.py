"""Previews show the editor's unsaved draft in every mode, and never leak it to readers."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from news.structured_data import SOCIAL_IMAGE_SPEC
from tests import editorial, factories

PREVIEW_MODES = ["", "card", "social", "feed"]


class ArticlePreviewModeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = factories.make_section("News")
        cls.author = factories.make_author("Ada Marsh")
        cls.article = factories.make_article(
            cls.section,
            "Ferry timetable doubles evening services",
            authors=[cls.author],
            lead_image=factories.make_image(size=(1600, 900)),
            lead_image_alt_text="The ferry at dusk",
            search_description="Evening ferries every twenty minutes from Monday.",
        )
        cls.superuser = editorial.make_user(username="sam-super")

    def setUp(self):
        self.client.force_login(self.superuser)
        self.post_data = editorial.edit_data(self.client, self.article)

    def preview(self, mode):
        self.assertPageIsPreviewable(
            self.article, mode=mode, post_data=self.post_data, user=self.superuser
        )
        # assertPageIsPreviewable logs out when it is done; look at the result ourselves too.
        self.client.force_login(self.superuser)
        url = editorial.preview_url(self.article)
        assert self.client.post(url, self.post_data).json() == {
            "is_valid": True,
            "is_available": True,
        }
        response = self.client.get(url, {"mode": mode})
        assert response.status_code == 200, mode
        return BeautifulSoup(response.content, "html.parser")

    def test_every_mode_is_previewable(self):
        assert [mode for mode, _ in self.article.preview_modes] == PREVIEW_MODES
        for mode in PREVIEW_MODES:
            with self.subTest(mode=mode):
                soup = self.preview(mode)
                assert "Ferry timetable doubles evening services" in soup.get_text()

    def test_card_mode_shows_the_listing_card(self):
        soup = self.preview("card")
        card = soup.select_one(".card")
        assert card is not None
        assert "Ferry timetable doubles evening services" in card.get_text()
        assert "Ada Marsh" in card.get_text()

    def test_social_mode_shows_image_title_description_and_domain(self):
        text = self.preview("social")
        card = text.select_one(".social-card")
        assert card is not None
        image = card.find("img")
        assert image is not None
        assert SOCIAL_IMAGE_SPEC in image["src"], "the same crop as the page's og:image"
        assert "Evening ferries every twenty minutes from Monday." in card.get_text()
        # Wagtail renders previews with a request for the page's own site, so this is its domain.
        assert Site.objects.get(is_default_site=True).hostname in card.get_text()

    def test_social_mode_falls_back_to_the_standfirst(self):
        self.post_data["search_description"] = ""
        card = self.preview("social").select_one(".social-card")
        assert "in one sentence" in card.get_text()

    def test_feed_mode_shows_title_date_authors_and_description(self):
        item = self.preview("feed").select_one(".feed-item")
        assert item is not None
        text = item.get_text(" ", strip=True)
        assert "Ferry timetable doubles evening services" in text
        assert "Ada Marsh" in text
        assert "in one sentence" in text
        assert item.find("time") is not None


@pytest.fixture
def published_story(section):
    original_author = factories.make_author("Ada Marsh")
    return factories.make_article(
        section,
        "Council approves the harbour budget",
        standfirst="The vote was close. Councillors argued for three hours.",
        authors=[original_author],
        body=[
            ("paragraph", "<p>The vote passed eleven to four.</p>"),
            ("pull_quote", {"quote": "Every ward gets a new park.", "attribution": "Mayor"}),
        ],
    )


@pytest.mark.parametrize("mode", PREVIEW_MODES)
def test_preview_shows_the_draft_not_the_published_version(client, published_story, mode):
    article = published_story
    new_author = factories.make_author("Cal Reyes")
    editor = editorial.make_user("Editors", username="ed-editor")
    client.force_login(editor)

    data = editorial.edit_data(
        client,
        article,
        title="Council rejects the harbour budget",
        blocks=[
            ("paragraph", "<p>The vote failed seven to eight.</p>"),
            ("pull_quote", {"quote": "We will bring it back in spring.", "attribution": "Mayor"}),
        ],
    )
    data["article_authors-0-author"] = str(new_author.pk)  # swap the byline's author

    url = editorial.preview_url(article)
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    html = client.get(url, {"mode": mode}).content.decode()

    assert "Council rejects the harbour budget" in html
    assert "Council approves the harbour budget" not in html
    assert "Cal Reyes" in html or mode == "social", "the social card shows no byline"
    assert "Ada Marsh" not in html
    if mode == "":
        assert "We will bring it back in spring." in html
        assert "Every ward gets a new park." not in html

    # Nothing was saved: readers still get the published version.
    client.logout()
    public = client.get(article.url).content.decode()
    assert "Council approves the harbour budget" in public
    assert "Council rejects the harbour budget" not in public


def promo_form_data(promo, **changes):
    data = {
        "title": promo.title,
        "text": promo.text,
        "link_page": "",
        "link_url": promo.link_url,
        "cta_label": promo.cta_label,
        "image": "",
        "go_live_at": "",
        "expire_at": "",
    }
    if promo.sitewide:
        data["sitewide"] = "on"
    data.update(changes)
    return data


def test_promo_preview_shows_a_draft_inside_a_sample_article(client, db):
    promo = factories.make_promo("Join the readers' panel", publish=False)
    editor = editorial.make_user("Editors", username="ed-editor")
    client.force_login(editor)

    url = reverse("wagtailsnippets_news_sidebarsnippet:preview_on_edit", args=[promo.pk])
    data = promo_form_data(promo, text="Tell us what to cover next year.")
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    soup = BeautifulSoup(client.get(url).content, "html.parser")

    assert soup.select_one("main article") is not None, "a sample article column"
    sidebar = soup.select_one("aside.sidebar")
    assert sidebar is not None
    assert "Join the readers' panel" in sidebar.get_text()
    assert "Tell us what to cover next year." in sidebar.get_text()
    assert "Find your representatives" in sidebar.get_text()

    promo.refresh_from_db()
    assert not promo.live
    assert promo.text != "Tell us what to cover next year.", "previewing saves nothing"


def test_promo_preview_shows_unsaved_changes_to_a_live_promo(client, db):
    promo = factories.make_promo("Subscribe to the briefing")
    editor = editorial.make_user("Editors", username="ed-editor")
    client.force_login(editor)
    url = reverse("wagtailsnippets_news_sidebarsnippet:preview_on_edit", args=[promo.pk])
    client.post(url, promo_form_data(promo, title="Subscribe to the evening briefing"))
    html = client.get(url).content.decode()
    assert "Subscribe to the evening briefing" in html
    assert "Subscribe to the briefing<" not in html


def test_writers_cannot_preview_promos(client, db):
    promo = factories.make_promo("Join the readers' panel", publish=False)
    writer = editorial.make_user("Writers", username="wren-writer")
    client.force_login(writer)
    url = reverse("wagtailsnippets_news_sidebarsnippet:preview_on_edit", args=[promo.pk])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Join the readers" not in response.content.decode()
