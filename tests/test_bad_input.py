"""Bad input gets a proper 4xx with our own page, never a 500."""

import pytest

from tests import factories


def test_unknown_url_gets_the_styled_404(client, home):
    response = client.get("/no-such-page/at-all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<main" in html
    assert 'href="/search/' in html or 'action="/search/' in html


@pytest.mark.parametrize("value", ["abc", "99999", "-1", "0", "1.5", "%00", "9" * 40])
def test_bad_section_page_numbers_are_404(client, section, value):
    factories.make_article(section, "Only story")
    assert client.get(section.url, {"page": value}).status_code == 404


def test_first_page_of_a_section_is_fine(client, section):
    factories.make_article(section, "Only story")
    assert client.get(section.url, {"page": "1"}).status_code == 200
    assert client.get(section.url).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        '"unterminated',
        "word " * 600,
        "<script>alert(1)</script>",
        "\x00null",
        "'; DROP TABLE x; --",
        "🗞️",
    ],
)
def test_search_survives_hostile_queries(client, section, query):
    factories.make_article(section, "Quiet news day")
    response = client.get("/search/", {"query": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_unknown_author_and_category_are_404(client, home):
    assert client.get("/authors/nobody/").status_code == 404
    assert client.get("/categories/nothing/").status_code == 404
