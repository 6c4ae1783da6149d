"""Plain text typed by editors stays text in every feed: markup in a standfirst, a category
description or an author's bio reaches feed readers as the characters typed, not as HTML."""

import html

import feedparser
import pytest

from tests import factories

HOSTILE = '<img src=x onerror="alert(1)"> Tolls & <b>fares</b> rise'


@pytest.fixture
def hostile_story(section):
    author = factories.make_author("Rae Quill", bio=HOSTILE)
    category = factories.make_category("Transport", description=HOSTILE)
    article = factories.make_article(
        section,
        "Bridge tolls rise",
        authors=[author],
        categories=[category],
        standfirst=HOSTILE,
    )
    return article, author, category


def feed_urls(section, author, category):
    return {
        "site": "/feed/",
        "section": f"{section.url}feed/",
        "category": f"{category.get_absolute_url()}feed/",
        "author": f"{author.get_absolute_url()}feed/",
    }


@pytest.mark.parametrize("feed", ["site", "section", "category", "author"])
def test_standfirst_markup_arrives_as_text(client, section, hostile_story, feed):
    _, author, category = hostile_story
    parsed = feedparser.parse(client.get(feed_urls(section, author, category)[feed]).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    (entry,) = parsed.entries
    # Readers treat a description as HTML: it must hold no tags, and show exactly what was typed.
    assert "<img" not in entry.summary
    assert "<b>" not in entry.summary
    assert html.unescape(entry.summary) == HOSTILE


@pytest.mark.parametrize("feed", ["category", "author"])
def test_channel_descriptions_are_text_too(client, section, hostile_story, feed):
    _, author, category = hostile_story
    parsed = feedparser.parse(client.get(feed_urls(section, author, category)[feed]).content)
    assert "<img" not in parsed.feed.subtitle
    assert html.unescape(parsed.feed.subtitle) == HOSTILE
