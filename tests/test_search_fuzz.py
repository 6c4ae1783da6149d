"""Property-based tests: whatever a client puts in the search URL, the answer is 200 or 400, never a
server error, and nothing it sent comes back as live markup."""

import re

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = pytest.mark.django_db

PARAMS = ["query", "page", "sort", "section", "category", "author", "date_from", "date_to"]
# Text of any kind (st.text() never produces surrogates), plus values that pass validation, so
# that examples also reach the search, the filters and the facets together.
ANY_TEXT = st.text(max_size=400)
PLAUSIBLE = st.sampled_from(
    [
        "ferry",
        "ferry fares",
        "news",
        "transport",
        "ada-marsh",
        "relevance",
        "newest",
        "2026-01-01",
        "9999-12-31",
        "0001-01-01",
        "2020-01-01",
        "2",
        "-1",
        "",
        "\x00",
        '"',
        "'",
        "<script>",
        "*",
        "NEAR",
    ]
)
VALUE = st.one_of(
    ANY_TEXT, PLAUSIBLE, st.builds("".join, st.lists(PLAUSIBLE | ANY_TEXT, max_size=4))
)
REQUESTS = st.dictionaries(st.sampled_from(PARAMS), VALUE, max_size=len(PARAMS))

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def small_corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        news = factories.make_section("News")
        author = factories.make_author("Ada Marsh")
        transport = factories.make_category("Transport")
        factories.make_article(
            news, "Ferry fares frozen", authors=[author], categories=[transport], tags=["ferry"]
        )
        factories.make_article(news, "Lido reopens", authors=[author], days_ago=40)
        factories.make_article(
            news,
            "Council website glitch",
            body=[("paragraph", "<p>It showed &lt;script&gt;alert(1)&lt;/script&gt; as text.</p>")],
        )
        factories.make_article(news, "Draft about the ferry", publish=False)
        yield
        transaction.set_rollback(True)


def script_tags(response):
    return len(re.findall(rb"<script", response.content, flags=re.IGNORECASE))


@pytest.fixture
def baseline(small_corpus, client):
    return script_tags(client.get("/search/", {"query": "ferry"}))


@pytest.fixture
def not_found_baseline(small_corpus, client):
    response = client.get("/search/", {"query": "ferry", "page": "99"})
    assert response.status_code == 404
    return script_tags(response)


@FUZZ
@given(params=REQUESTS)
def test_search_answers_200_400_or_404_and_never_echoes_markup(
    small_corpus, client, baseline, not_found_baseline, params
):
    response = client.get("/search/", params)
    assert response.status_code in {200, 400, 404}, params
    if response.status_code == 404:
        # As on every listing, a page number that is not one of the results' pages.
        assert params.get("page") not in (None, "", "1"), params
        assert script_tags(response) == not_found_baseline, params
    else:
        assert script_tags(response) == baseline, params


@FUZZ
@given(query=VALUE)
def test_suggestions_always_answer_json(small_corpus, client, query):
    response = client.get("/search/suggest/", {"query": query})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["suggestions"]]
    assert "Draft about the ferry" not in titles
