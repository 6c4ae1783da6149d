"""Plain text from whatever markup a feed or page sends, for storing and showing as text."""

import re
from html.parser import HTMLParser

WHITESPACE = re.compile(r"\s+")
HIDDEN_TAGS = {"script", "style", "noscript", "template"}


class _TextExtractor(HTMLParser):
    """The text a reader would see: tags dropped, entities decoded, code left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        self.parts.append(" ")  # <p>, <br> and the like separate words

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS and self.hidden:
            self.hidden -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def plain_text(value, limit=None):
    """``value`` with tags removed, entities decoded and whitespace collapsed.

    Django escapes the result wherever it is shown, so markup a publisher put in a title shows
    up as harmless text at worst, never as HTML.
    """
    if not value:
        return ""
    if "<" in value or "&" in value:
        extractor = _TextExtractor()
        extractor.feed(value)
        extractor.close()
        value = "".join(extractor.parts)
    text = WHITESPACE.sub(" ", value).strip()
    return shorten(text, limit) if limit else text


def shorten(text, limit):
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return f"{cut}…"
