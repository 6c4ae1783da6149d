"""Reader URLs accept GET and HEAD; anything else is 405 with Allow; editors' forms still post."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories


@pytest.fixture
def reader_urls(section):
    article = factories.make_article(section, "Ferry fares frozen")
    category = factories.make_category("Transport")
    author = factories.make_author("Ada Marsh")
    return [
        "/",
        section.url,
        article.url,
        f"{section.url}feed/",
        "/feed/",
        f"/categories/{category.slug}/",
        f"/authors/{author.slug}/",
        "/search/?query=ferry",
        "/search/suggest/?query=fe",
        "/robots.txt",
        "/sitemap.xml",
        "/no-such-page/",
    ]


def test_get_and_head_are_answered_alike(client, reader_urls):
    for url in reader_urls:
        get, head = client.get(url), client.head(url)
        assert get.status_code in {200, 404}, url
        assert head.status_code == get.status_code, url
        assert head.content == b"", url


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
def test_other_methods_are_not_allowed(client, reader_urls, method):
    for url in reader_urls:
        response = client.generic(method.upper(), url)
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD", url


def test_the_admin_login_still_takes_posts(client, django_user_model, home):
    django_user_model.objects.create_user("ed", password="pw-for-ed")
    response = client.post("/admin/login/", {"username": "ed", "password": "pw-for-ed"})
    assert response.status_code == 302


def test_page_password_forms_still_take_posts(client, section):
    article = factories.make_article(section, "Members briefing")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type="password", password="river"
    )
    assert "password" in client.get(article.url).content.decode()
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/",
        {"password": "river", "return_url": article.url},
    )
    assert response.status_code == 302
    assert "Members briefing" in client.get(article.url).content.decode()
