"""Short excerpts of an article with the searched words marked, escaped for HTML."""

import functools
import re
import threading

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_WORDS = 32
WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query):
    return [term.lower() for term in WORD.findall(query) if len(term) > 1]


# Words are compared by their Snowball (Porter 2) stems, so that "election" marks "elections" and
# "elected" (but not "electric"), and "deterring" marks "deterred": the forms the index found.
# PostgreSQL stems with its english dictionary (Snowball too), SQLite's index with FTS5's Porter.
# A stemmer keeps state while it works, so each thread has its own.
_local = threading.local()


@functools.lru_cache(maxsize=10_000)
def word_stem(word):
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word.lower())


@functools.lru_cache(maxsize=50_000)
def _token_stems(token):
    return frozenset(word_stem(word) for word in WORD.findall(token))


def _matches(token, stems):
    """True when any word in ``token`` (e.g. "fly-tipping", "Senn's") has a searched stem."""
    return not stems.isdisjoint(_token_stems(token))


def body_text(body):
    """The text of an article's body (its StreamField value), subheads and quotes included. Not
    the standfirst: cards show it already (marked with ``mark_words``), and an excerpt that
    repeats it tells the reader nothing."""
    parts = body.stream_block.get_searchable_content(body)
    return " ".join(part for part in parts if part)


def _marked(tokens, stems):
    return " ".join(
        f"<mark>{escape(token)}</mark>" if _matches(token, stems) else escape(token)
        for token in tokens
    )


def mark_words(text, query):
    """All of ``text``, the searched words in <mark>, escaped for HTML."""
    stems = {word_stem(term) for term in query_terms(query)}
    return mark_safe(_marked(text.split(), stems))  # noqa: S308 (every token is escaped)


def excerpt(text, query, words=EXCERPT_WORDS):
    """Return about ``words`` words of ``text`` around the first match, matches in <mark>."""
    tokens = text.split()
    stems = {word_stem(term) for term in query_terms(query)}
    first = next((i for i, token in enumerate(tokens) if stems and _matches(token, stems)), 0)
    start = max(0, first - words // 3)
    window = tokens[start : start + words]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + _marked(window, stems) + suffix)  # noqa: S308 (every token is escaped)
