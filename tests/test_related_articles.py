"""Related articles: editors' picks first, then shared categories and tags, live ones only."""

import pytest

from news.models import ArticlePage
from tests import factories


@pytest.fixture
def topics(db):
    return factories.make_category("Transport"), factories.make_category("Weather")


def test_editors_picks_come_first(section, topics):
    transport, _ = topics
    auto = factories.make_article(section, "Shares a category", categories=[transport])
    pick = factories.make_article(section, "Chosen by hand")
    article = factories.make_article(section, "Main", categories=[transport], related=[pick])
    assert ArticlePage.objects.get(pk=article.pk).get_related_ids() == [pick.pk, auto.pk]


def test_fill_up_prefers_more_shared_topics(section, topics):
    transport, weather = topics
    article = factories.make_article(
        section, "Main", categories=[transport, weather], tags=["ferry"]
    )
    one = factories.make_article(section, "One shared", categories=[weather], days_ago=0)
    three = factories.make_article(
        section, "Three shared", categories=[transport, weather], tags=["ferry"], days_ago=9
    )
    factories.make_article(section, "Unrelated", categories=[])
    assert article.get_related_ids() == [three.pk, one.pk]


def test_drafts_and_unpublished_picks_are_skipped(section, topics):
    transport, _ = topics
    draft = factories.make_article(section, "Draft pick", categories=[transport], publish=False)
    article = factories.make_article(section, "Main", categories=[transport], related=[draft])
    assert article.related_links.count() == 1
    assert draft.pk not in ArticlePage.objects.get(pk=article.pk).get_related_ids()


def test_limit_is_respected(section, topics):
    transport, _ = topics
    article = factories.make_article(section, "Main", categories=[transport])
    for n in range(6):
        factories.make_article(section, f"Other {n}", categories=[transport])
    assert len(article.get_related_ids()) == article.related_count


def test_summary_is_the_first_sentence(section):
    article = factories.make_article(
        section, "Main", standfirst="Rents rose 4% in May. Landlords blame rates."
    )
    assert article.summary == "Rents rose 4% in May."
