"""Short excerpts of an article with the searched words marked, escaped for HTML."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_WORDS = 32
WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query):
    return [term.lower() for term in WORD.findall(query) if len(term) > 1]


# Endings removed before comparing words, so that "election" marks "elections" and "elected" (but
# not "electric"), and "deterring" marks "deterred". A highlighting heuristic, not the backend's
# stemmer: PostgreSQL stems with its english dictionary, SQLite's FTS5 backend not at all.
SUFFIXES = (
    ("ings", 4),
    ("ing", 4),
    ("ions", 4),
    ("ion", 4),
    ("ies", 3),
    ("ied", 3),
    ("ed", 4),
    ("s", 3),
)


def word_root(word):
    """``word`` without a common English ending: "elections" -> "elect", "deterred" -> "deter".

    Marks the forms of a searched word here, and gives search/ranking.py the root whose forms
    SQLite searches for. Not PostgreSQL's stemmer, which decides there on its own."""
    word = word.lower()
    for suffix, min_stem in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= min_stem and not word.endswith("eed"):
            word = stem + "y" if suffix in ("ies", "ied") else stem
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # running -> run, deterred -> deter
    return word


def _matches(token, stems):
    """True when any word in ``token`` (e.g. "fly-tipping", "Senn's") has a searched root."""
    return any(word_root(word) in stems for word in WORD.findall(token))


def article_text(article):
    """The body's text, subheads and quotes included. Not the standfirst: cards show it already
    (marked with ``mark_words``), and an excerpt that repeats it tells the reader nothing."""
    parts = article.body.stream_block.get_searchable_content(article.body)
    return " ".join(part for part in parts if part)


def _marked(tokens, stems):
    return " ".join(
        f"<mark>{escape(token)}</mark>" if _matches(token, stems) else escape(token)
        for token in tokens
    )


def mark_words(text, query):
    """All of ``text``, the searched words in <mark>, escaped for HTML."""
    stems = {word_root(term) for term in query_terms(query)}
    return mark_safe(_marked(text.split(), stems))  # noqa: S308 (every token is escaped)


def excerpt(text, query, words=EXCERPT_WORDS):
    """Return about ``words`` words of ``text`` around the first match, matches in <mark>."""
    tokens = text.split()
    stems = {word_root(term) for term in query_terms(query)}
    first = next((i for i, token in enumerate(tokens) if stems and _matches(token, stems)), 0)
    start = max(0, first - words // 3)
    window = tokens[start : start + words]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + _marked(window, stems) + suffix)  # noqa: S308 (every token is escaped)
