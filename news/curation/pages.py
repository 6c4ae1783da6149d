"""What an article page says about itself: OpenGraph, JSON-LD, canonical link, meta tags, and
the sentences it quotes.

BeautifulSoup with Python's own parser reads broken HTML and guesses the encoding when the
server's is missing or wrong. Nothing of the page's text is kept but its metadata and a few
quoted sentences for an editor to choose from.
"""

import json
import re
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from urllib.parse import urljoin

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from django.utils.dateparse import parse_date, parse_datetime

from news.curation.fetching import FetchError, check_url
from news.curation.text import plain_text
from news.curation.urls import canonical_url

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenews",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "report",
}
MAX_QUOTES = 3
CURLY_QUOTE = re.compile(r"“([^“”]+)”")
NAME = r"([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})"
SPEAKER_AFTER = re.compile(
    r"^[\s,]*(?:(?:said|says|added|adds|explained|told [^,.]{1,40}?)\s+"
    + NAME
    + r"|"
    + NAME
    + r"\s+(?:said|says|added|adds|explained))"
)
SPEAKER_BEFORE = re.compile(NAME + r"\s+(?:said|says|added|told [^,.:]{1,40}?)[,:]?\s*$")


@dataclass
class PageMetadata:
    url: str
    canonical_url: str
    title: str = ""
    description: str = ""
    site_name: str = ""
    authors: list = field(default_factory=list)
    published_at: datetime | None = None
    image_url: str = ""
    keywords: list = field(default_factory=list)
    quotes: list = field(default_factory=list)


def _web_url(value, base):
    if not isinstance(value, str) or not value.strip():
        return ""
    url = urljoin(base, value.strip())
    try:
        check_url(url)
    except FetchError:
        return ""
    return url


def parse_date_value(value):
    """A timezone-aware datetime from an ISO 8601 date or date-time, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value[:10])
            moment = datetime.combine(day, time(12), tzinfo=UTC) if day else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _meta(soup):
    """The page's <meta> values by lowercase property or name; the first of each wins."""
    values = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip()
        content = tag.get("content")
        if key and isinstance(content, str) and content.strip():
            values.setdefault(key.lower(), content.strip())
    return values


def _json_ld_objects(soup):
    for script in soup.find_all("script", type=re.compile(r"application/ld\+json", re.I)):
        try:
            data = json.loads(script.string or "")
        except (TypeError, ValueError):
            continue  # broken JSON-LD is common; the rest of the page still counts
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _article_json_ld(soup):
    for item in _json_ld_objects(soup):
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(kind, str) and kind.lower() in ARTICLE_TYPES for kind in types):
            return item
    return {}


def _names(value):
    """Names from a JSON-LD author: a string, an object with a name, or a list of them."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and plain_text(item):
            names.append(plain_text(item, limit=100))
    return names


def _first_url(value, base):
    values = value if isinstance(value, list) else [value]
    for item in values:
        if isinstance(item, dict):
            item = item.get("url") or item.get("@id")
        url = _web_url(item, base)
        if url:
            return url
    return ""


def _speaker(before, after):
    match = SPEAKER_AFTER.match(after)
    if match:
        return match.group(1) or match.group(2)
    match = SPEAKER_BEFORE.search(before)
    return match.group(1) if match else ""


def quoted_spans(text):
    """(start, end, quoted text) for each quotation in ``text``: curly quotes pair by shape,
    straight ones in order of appearance."""
    spans = [(match.start(), match.end(), match.group(1)) for match in CURLY_QUOTE.finditer(text)]
    straight = [index for index, char in enumerate(text) if char == '"']
    for opening, closing in zip(straight[::2], straight[1::2], strict=False):
        spans.append((opening, closing + 1, text[opening + 1 : closing]))
    return sorted(spans)


def quotable_sentences(soup, limit=MAX_QUOTES):
    """Up to ``limit`` sentences the page quotes, with their speakers where the text names them."""
    container = soup.find("article") or soup.find("main") or soup.body or soup
    quotes, seen = [], set()
    for paragraph in container.find_all(["p", "blockquote"]):
        text = plain_text(paragraph.get_text(" "))
        for start, end, quoted in quoted_spans(text):
            quote = quoted.strip().rstrip(",").strip()
            if not 30 <= len(quote) <= 300 or len(quote.split()) < 6:
                continue
            if not quote[:1].isupper() or quote.lower() in seen:
                continue
            seen.add(quote.lower())
            quotes.append({"quote": quote, "attribution": _speaker(text[:start], text[end:])})
            if len(quotes) == limit:
                return quotes
    return quotes


def looks_binary(body):
    return b"\x00" in body[:2048]


def read_article_page(result):
    """PageMetadata from a fetched page (a FetchResult), or FetchError if it is not a page."""
    if not result.body.strip():
        raise FetchError("The page is empty.")
    if result.content_type not in HTML_TYPES or looks_binary(result.body):
        kind = result.content_type or "binary data"
        raise FetchError(f"That address is not a web page (it sends {kind}).")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(result.body, "html.parser", from_encoding=result.charset)
    meta = _meta(soup)
    article = _article_json_ld(soup)
    base = result.url

    canonical_link = soup.find("link", rel=lambda rel: rel and "canonical" in rel)
    canonical = (
        _web_url(canonical_link.get("href") if canonical_link else "", base)
        or _web_url(meta.get("og:url"), base)
        or _first_url(article.get("url") or article.get("mainEntityOfPage"), base)
        or result.url
    )
    title_tag = soup.find("title")
    title = (
        plain_text(meta.get("og:title"))
        or plain_text(article.get("headline") if isinstance(article.get("headline"), str) else "")
        or plain_text(meta.get("twitter:title"))
        or plain_text(title_tag.get_text(" ") if title_tag else "")
    )
    description = (
        plain_text(meta.get("og:description"))
        or plain_text(
            article.get("description") if isinstance(article.get("description"), str) else ""
        )
        or plain_text(meta.get("description"))
        or plain_text(meta.get("twitter:description"))
    )
    publisher = article.get("publisher")
    site_name = plain_text(meta.get("og:site_name")) or (
        _names(publisher)[0] if _names(publisher) else ""
    )
    authors = _names(article.get("author")) or [
        plain_text(name, limit=100)
        for name in (meta.get("author"), meta.get("article:author"))
        if name and not name.startswith(("http://", "https://"))
    ]
    published = (
        parse_date_value(article.get("datePublished"))
        or parse_date_value(meta.get("article:published_time"))
        or parse_date_value(meta.get("date"))
        or parse_date_value(meta.get("pubdate"))
        or parse_date_value(meta.get("dc.date"))
    )
    image = (
        _web_url(meta.get("og:image"), base)
        or _first_url(article.get("image"), base)
        or _web_url(meta.get("twitter:image"), base)
    )
    keywords = article.get("keywords") or meta.get("keywords") or ""
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    keywords = [plain_text(word, limit=80) for word in keywords if isinstance(word, str)]
    return PageMetadata(
        url=result.url,
        canonical_url=canonical_url(canonical),
        title=title,
        description=description,
        site_name=site_name[:120],
        authors=list(dict.fromkeys(name for name in authors if name))[:8],
        published_at=published,
        image_url=image,
        keywords=[word for word in keywords if word][:10],
        quotes=quotable_sentences(soup),
    )
