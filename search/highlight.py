"""Short excerpts of an article with the searched words marked, escaped for HTML."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_WORDS = 32
WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query):
    return [term.lower() for term in WORD.findall(query) if len(term) > 1]


def _stem(term):
    # A crude stem so that "election" marks "elections" and "deterring" marks "deterred".
    return term[:5] if len(term) > 6 else term


def _matches(word, stems):
    lowered = word.lower()
    return any(lowered.startswith(stem) for stem in stems)


def article_text(article):
    parts = [article.standfirst]
    parts += article.body.stream_block.get_searchable_content(article.body)
    return " ".join(part for part in parts if part)


def excerpt(text, query, words=EXCERPT_WORDS):
    """Return about ``words`` words of ``text`` around the first match, matches in <mark>."""
    tokens = text.split()
    stems = [_stem(term) for term in query_terms(query)]
    first = next(
        (
            i
            for i, token in enumerate(tokens)
            if stems and _matches(WORD.sub(" ", token).strip() or token, stems)
        ),
        0,
    )
    start = max(0, first - words // 3)
    window = tokens[start : start + words]
    marked = []
    for token in window:
        bare = "".join(WORD.findall(token))
        marked.append(
            f"<mark>{escape(token)}</mark>" if bare and _matches(bare, stems) else escape(token)
        )
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + " ".join(marked) + suffix)  # noqa: S308 (every token is escaped)
