"""A new article opens with one empty "Author" row: it counts as no author.

Drafts and previews may have no author yet; publishing and submitting for review ask for one,
with one message.
"""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from news.forms import NO_AUTHOR_MESSAGE
from news.models import ArticlePage
from tests import editorial

HEADLINE = "Lock keeper retires after forty years"


@pytest.fixture
def new_article_form(client, editor, section):
    """What the create view posts when the editor fills the text and leaves the byline row empty."""
    client.force_login(editor)
    response = client.get(editorial.add_url(section))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert data["article_authors-TOTAL_FORMS"] == "1", "the form offers one empty author row"
    assert data["article_authors-0-author"] == ""
    for key, value in editorial.article_data(HEADLINE, slug="lock-keeper").items():
        if not key.startswith("article_authors"):
            data.setlist(key, value if isinstance(value, list) else [value])
    return data


def byline_errors(response):
    messages = editorial.error_messages(response)
    return [message for message in messages if "author" in message.lower()]


def test_draft_with_an_empty_author_row_saves(client, section, new_article_form):
    response = client.post(editorial.add_url(section), new_article_form)
    assert response.status_code == 302, editorial.error_messages(response)
    article = ArticlePage.objects.get(slug="lock-keeper")
    assert not article.live
    assert article.authors == []
    assert article.get_latest_revision_as_object().authors == []


def test_preview_with_an_empty_author_row_is_available(client, section, new_article_form):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["news", "articlepage", section.pk])
    assert client.post(url, new_article_form).json() == {"is_valid": True, "is_available": True}
    response = client.get(url)
    assert response.status_code == 200
    assert HEADLINE in response.content.decode()


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_publishing_or_submitting_asks_for_an_author_once(
    client, section, new_article_form, action
):
    response = client.post(editorial.add_url(section), {**new_article_form, action: "go"})
    assert response.status_code == 200
    assert byline_errors(response) == [NO_AUTHOR_MESSAGE]
    assert response.content.decode().count(NO_AUTHOR_MESSAGE) == 1
    assert not ArticlePage.objects.filter(slug="lock-keeper").exists()


def test_clearing_an_existing_author_row_removes_it(client, section, author, new_article_form):
    editorial.add_byline(new_article_form, author)
    assert client.post(editorial.add_url(section), new_article_form).status_code == 302
    article = ArticlePage.objects.get(slug="lock-keeper")
    data = editorial.edit_data(client, article, **{"article_authors-0-author": ""})
    response = client.post(editorial.edit_url(article), data)
    assert response.status_code == 302, editorial.error_messages(response)
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().authors == []
