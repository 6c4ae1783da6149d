"""Editorial guardrails, as an editor meets them in the admin's create and edit views.

Each rejected submission must come back as the re-rendered editor (never a 500), say what to fix,
and keep what the editor typed.
"""

import html

import pytest

from news.forms import HEADLINE_MAX, NO_AUTHOR_MESSAGE
from news.models import ArticlePage
from tests import editorial, factories


@pytest.fixture
def logged_in(client, editor):
    client.force_login(editor)
    return client


def assert_rejected(response, message, kept=()):
    assert response.status_code == 200, "the editor is shown again, with errors"
    messages = editorial.error_messages(response)
    assert any(message in m for m in messages), messages
    page = html.unescape(response.content.decode())
    assert message in page, "the message is on the page the editor sees"
    for typed in kept:
        assert typed in page, f"the editor's input {typed!r} is kept"


def create(client, section, publish=False, **data):
    action = {"action-publish": "Publish"} if publish else {}
    return client.post(editorial.add_url(section), {**data, **action})


# Headline ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("publish", [False, True])
def test_overlong_headline_is_rejected(logged_in, section, author, publish):
    headline = "Council " + "debates the harbour budget again " * 4
    assert len(headline) > HEADLINE_MAX
    data = editorial.article_data(headline, slug="long-one", authors=[author])
    response = create(logged_in, section, publish=publish, **data)
    assert_rejected(
        response, f"Keep headlines to {HEADLINE_MAX} characters", kept=[headline.strip()]
    )
    assert not ArticlePage.objects.filter(slug="long-one").exists()


def test_headline_at_the_limit_is_fine(logged_in, section, author):
    headline = ("Harbour " * 20)[:HEADLINE_MAX]
    data = editorial.article_data(headline, slug="at-the-limit", authors=[author])
    response = create(logged_in, section, publish=True, **data)
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="at-the-limit").live


# Source link -------------------------------------------------------------------------------------


def test_http_source_url_is_rejected(logged_in, section, author):
    publisher = factories.make_publisher()
    article = factories.make_article(section, "Courier story", authors=[author])
    url = "http://valley-courier.example.com/2026/ferry"
    data = editorial.edit_data(logged_in, article, source_url=url, publisher=str(publisher.pk))
    response = logged_in.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert_rejected(response, "Link to the original with an https:// address.", kept=[url])
    article.refresh_from_db()
    assert article.source_url == ""


def test_source_url_without_publisher_is_rejected(logged_in, section, author):
    url = "https://valley-courier.example.com/2026/ferry"
    data = editorial.article_data(slug="no-publisher", authors=[author], source_url=url)
    response = create(logged_in, section, **data)
    assert_rejected(response, "Choose the publisher of the original article.", kept=[url])


def test_https_source_with_publisher_is_accepted(logged_in, section, author):
    publisher = factories.make_publisher()
    url = "https://valley-courier.example.com/2026/ferry"
    data = editorial.article_data(
        slug="sourced", authors=[author], source_url=url, publisher=str(publisher.pk)
    )
    assert create(logged_in, section, publish=True, **data).status_code == 302
    article = ArticlePage.objects.get(slug="sourced")
    assert article.live
    assert article.publisher == publisher


# Lead image alt text -----------------------------------------------------------------------------


def test_lead_image_without_alt_text_is_a_draft_but_cannot_be_published(logged_in, section, author):
    image = factories.make_image("Ferry at dusk")
    data = editorial.article_data(
        slug="needs-alt", authors=[author], lead_image=str(image.pk), lead_image_caption="At dusk"
    )
    assert create(logged_in, section, **data).status_code == 302, "saving the draft works"
    article = ArticlePage.objects.get(slug="needs-alt")
    assert not article.live

    data = editorial.edit_data(logged_in, article)
    response = logged_in.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert_rejected(
        response,
        "Describe the image for readers who cannot see it, or mark it as decorative.",
        kept=["At dusk"],
    )
    article.refresh_from_db()
    assert not article.live

    data["lead_image_decorative"] = "on"
    response = logged_in.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live


def test_lead_image_with_alt_text_publishes(logged_in, section, author):
    image = factories.make_image("Ferry at dusk")
    data = editorial.article_data(
        slug="with-alt",
        authors=[author],
        lead_image=str(image.pk),
        lead_image_alt_text="The ferry leaving Old Quay at dusk",
    )
    assert create(logged_in, section, publish=True, **data).status_code == 302
    assert ArticlePage.objects.get(slug="with-alt").live


# Byline ------------------------------------------------------------------------------------------


def test_no_author_saves_as_draft_but_cannot_be_published(logged_in, section, author):
    data = editorial.article_data("Fire station to close", slug="no-byline", authors=[])
    response = create(logged_in, section, **data)
    assert response.status_code == 302, "Wagtail defers the byline's min_num=1 for drafts"
    article = ArticlePage.objects.get(slug="no-byline")
    assert not article.live

    response = create(
        logged_in,
        section,
        publish=True,
        **editorial.article_data("Fire station to close", slug="no-byline-2", authors=[]),
    )
    assert_rejected(response, NO_AUTHOR_MESSAGE, kept=["Fire station to close"])
    assert not ArticlePage.objects.filter(slug="no-byline-2").exists()

    data = editorial.edit_data(logged_in, article)
    response = logged_in.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert_rejected(response, NO_AUTHOR_MESSAGE)
    article.refresh_from_db()
    assert not article.live

    editorial.add_byline(data, author)
    response = logged_in.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert article.authors == [author]


# Pull quote --------------------------------------------------------------------------------------


@pytest.mark.parametrize("publish", [False, True])
def test_overlong_pull_quote_is_rejected(logged_in, section, author, publish):
    quote = ("We will rebuild the harbour wall stone by stone, whatever it takes. " * 5).strip()
    assert len(quote) > 300
    data = editorial.article_data(
        slug="long-quote",
        authors=[author],
        blocks=[
            ("paragraph", "<p>The harbour master spoke at length.</p>"),
            ("pull_quote", {"quote": quote, "attribution": "Harbour master"}),
        ],
    )
    response = create(logged_in, section, publish=publish, **data)
    assert_rejected(
        response, "Ensure this value has at most 300 characters", kept=[quote, "Harbour master"]
    )
    assert not ArticlePage.objects.filter(slug="long-quote").exists()
