"""Plain text from whatever markup a feed or page sends, for storing and showing as text."""

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

WHITESPACE = re.compile(r"\s+")


def plain_text(value, limit=None):
    """``value`` with tags removed, entities decoded and whitespace collapsed.

    Django escapes the result wherever it is shown, so markup a publisher put in a title shows
    up as harmless text at worst, never as HTML.
    """
    if not value:
        return ""
    if "<" in value or "&" in value:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            value = BeautifulSoup(value, "html.parser").get_text(" ")
    text = WHITESPACE.sub(" ", value).strip()
    return shorten(text, limit) if limit else text


def shorten(text, limit):
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return f"{cut}…"
