"""Property-based test over every reader URL pattern: whatever the path slugs and query string,
the answer is never a server error."""

from urllib.parse import quote

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = pytest.mark.django_db

PATTERNS = [
    "/",
    "/news/",
    "/news/feed/",
    "/news/category/{slug}/",
    "/news/tag/{slug}/",
    "/news/{slug}/",
    "/news/{slug}/{slug}/",
    "/authors/{slug}/",
    "/authors/{slug}/feed/",
    "/categories/{slug}/",
    "/categories/{slug}/feed/",
    "/feed/",
    "/search/",
    "/search/suggest/",
    "/sitemap.xml",
    "/robots.txt",
    "/{slug}/",
    "/{slug}",
]
SLUGS = ["ferry-fares-frozen", "transport", "ferry", "ada-marsh", "news", "feed", "", "-", "1"]
PARAMETERS = [
    "page",
    "query",
    "sort",
    "section",
    "category",
    "author",
    "date_from",
    "date_to",
    "utm_source",
    "format",
]
TEXT = st.text(max_size=60)
VALUE = st.one_of(
    TEXT,
    st.sampled_from(["1", "2", "0", "-1", "999999999999", "1e3", "newest", "2026-01-01", "%"]),
    st.sampled_from(SLUGS),
)
SLUG = st.one_of(st.sampled_from(SLUGS), TEXT.filter(lambda text: "/" not in text))
REQUESTS = st.tuples(
    st.sampled_from(PATTERNS),
    SLUG,
    st.dictionaries(st.sampled_from(PARAMETERS) | TEXT, VALUE, max_size=4),
    st.sampled_from(["GET", "HEAD"]),
)

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        news = factories.make_section("News")
        author = factories.make_author("Ada Marsh")
        transport = factories.make_category("Transport")
        for n in range(13):  # a second page of the section
            factories.make_article(
                news,
                "Ferry fares frozen" if n == 0 else f"River story {n}",
                authors=[author],
                categories=[transport],
                tags=["ferry"],
                days_ago=n,
            )
        yield
        transaction.set_rollback(True)


@FUZZ
@given(sample=REQUESTS)
def test_reader_urls_never_answer_a_server_error(newsroom, client, sample):
    pattern, slug, params, method = sample
    path = pattern.replace("{slug}", quote(slug, safe=""))
    response = client.head(path, params) if method == "HEAD" else client.get(path, params)
    assert response.status_code < 500, (method, path, params)
