"""Queries per page stay flat as the newsroom grows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories


def grow(section, count, authors, categories):
    for n in range(count):
        factories.make_article(
            section,
            f"Story {n}",
            authors=authors,
            categories=categories,
            tags=[f"tag{n}", "common"],
            lead_image=factories.make_image(),
        )


def queries_for(client, url):
    client.get(url)  # warm per-process caches (content types, URL routes)
    # Render afresh: not from the page cache, and with no image renditions cached either, so
    # that a card looking up its own picture would show as one more query per card.
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("view", ["home", "section", "article", "author", "category", "search"])
def test_queries_do_not_grow_with_content(client, section, view):
    authors = [factories.make_author("Ada Marsh"), factories.make_author("Cal Reyes")]
    categories = [factories.make_category("Transport"), factories.make_category("Weather")]

    def url():
        article = section.get_children().live().last().specific
        return {
            "home": "/",
            "section": section.url,
            "article": article.url,
            "author": authors[0].get_absolute_url(),
            "category": categories[0].get_absolute_url(),
            "search": "/search/?query=story",
        }[view]

    # Enough stories to fill every block of the home page (lead, top stories, latest, sections),
    # since a block with no stories skips its prefetch queries.
    grow(section, 12, authors[:1], categories[:1])
    small = queries_for(client, url())
    grow(section, 12, authors, categories)
    large = queries_for(client, url())
    assert large <= small, f"{view}: {small} queries with 12 articles, {large} with 24"
    assert large <= 30, f"{view}: {large} queries"
