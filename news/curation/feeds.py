"""Reading publishers' feeds (RSS 2.0, Atom, JSON Feed) into incoming stories.

RSS and Atom go through feedparser, which reads broken XML too. It only ever parses bytes
fetched by ``fetching.fetch``: given a URL or a file name it would fetch or open it itself, so
it gets a file-like object. feedparser 6.0 (the latest release) does not read JSON Feed, a small
JSON format, so ``parse_json_feed`` reads that.
"""

import calendar
import io
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser
from django.db import transaction
from django.utils import timezone

from news.curation.fetching import FetchError, check_url, fetch
from news.curation.text import plain_text
from news.curation.urls import TitleIndex, canonical_url, title_key
from news.models import ArticlePage, IncomingStory
from news.models.curation import PURGE_AFTER

logger = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
MAX_ITEMS = 200


@dataclass
class FeedItem:
    link: str
    title: str
    guid: str = ""
    summary: str = ""
    published_at: datetime | None = None
    authors: list = field(default_factory=list)
    image_url: str = ""
    categories: list = field(default_factory=list)


@dataclass
class FetchReport:
    feed: object
    new: int = 0
    duplicates: int = 0
    items: int = 0
    error: str = ""
    not_modified: bool = False


def _web_url(value, base):
    """An absolute http(s) URL made from ``value`` (maybe relative), or ""."""
    if not value or not isinstance(value, str):
        return ""
    url = urljoin(base, value.strip())
    try:
        check_url(url)
    except FetchError:
        return ""
    return url


def _date(entry):
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _image(entry, base):
    candidates = [thumbnail.get("url") for thumbnail in entry.get("media_thumbnail", [])]
    candidates += [
        media.get("url")
        for media in entry.get("media_content", [])
        if media.get("medium") == "image" or str(media.get("type", "")).startswith("image/")
    ]
    candidates += [
        link.get("href")
        for link in entry.get("links", [])
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/")
    ]
    image = entry.get("image")
    if isinstance(image, dict):
        candidates.append(image.get("href") or image.get("url"))
    elif isinstance(image, str):
        candidates.append(image)
    for candidate in candidates:
        url = _web_url(candidate, base)
        if url:
            return url
    return ""


def _authors(entry):
    names = [plain_text(author.get("name", "")) for author in entry.get("authors", []) or []]
    if not any(names) and entry.get("author"):
        names = [plain_text(entry["author"])]
    return list(dict.fromkeys(name[:100] for name in names if name))[:8]


def _categories(entry):
    names = (
        plain_text(tag.get("term") or tag.get("label") or "", limit=80)
        for tag in entry.get("tags", []) or []
    )
    return list(dict.fromkeys(name for name in names if name))[:10]


def _json_date(value):
    from news.curation.pages import parse_date_value

    return parse_date_value(value)


def parse_json_feed(body, url):
    """The items of a JSON Feed (https://www.jsonfeed.org/version/1.1/), or FetchError."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FetchError(f"This JSON feed cannot be read ({error}).") from error
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise FetchError("This JSON document is not a JSON Feed (it has no list of items).")
    base = _web_url(data.get("home_page_url"), url) or url
    feed_authors = data.get("authors") or ([data["author"]] if data.get("author") else [])
    items = []
    for entry in data["items"][:MAX_ITEMS]:
        if not isinstance(entry, dict):
            continue
        link = _web_url(entry.get("url"), base) or _web_url(entry.get("external_url"), base)
        if not link:
            continue
        text = entry.get("summary") or entry.get("content_text") or entry.get("content_html")
        summary = plain_text(text if isinstance(text, str) else "", limit=2000)
        title = entry.get("title")
        title = plain_text(title if isinstance(title, str) else "", limit=300)
        authors = entry.get("authors") or ([entry["author"]] if entry.get("author") else [])
        authors = authors if isinstance(authors, list) else []
        names = [
            plain_text(author.get("name", ""), limit=100)
            for author in authors or feed_authors
            if isinstance(author, dict) and isinstance(author.get("name"), str)
        ]
        tags = entry.get("tags") if isinstance(entry.get("tags"), list) else []
        items.append(
            FeedItem(
                link=link,
                title=title or plain_text(summary, limit=120) or link[:300],
                guid=str(entry.get("id") or link)[:500],
                summary=summary,
                published_at=_json_date(entry.get("date_published"))
                or _json_date(entry.get("date_modified")),
                authors=list(dict.fromkeys(name for name in names if name))[:8],
                image_url=_web_url(entry.get("image"), base)
                or _web_url(entry.get("banner_image"), base),
                categories=list(
                    dict.fromkeys(
                        plain_text(tag, limit=80) for tag in tags if isinstance(tag, str) and tag
                    )
                )[:10],
            )
        )
    return items


def looks_like_json(body, content_type):
    return "json" in content_type or body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_feed(body, url, content_type=""):
    """The items of the feed in ``body`` (bytes fetched from ``url``), or FetchError."""
    if not body.strip():
        raise FetchError("The feed is empty.")
    if looks_like_json(body, content_type.lower()):
        return parse_json_feed(body, url)
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={
            "content-location": url,
            "content-type": content_type or "application/xml",
        },
        # Everything is reduced to plain text (text.plain_text), so feedparser's own HTML
        # sanitising and link rewriting inside content would be wasted work.
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            reason = parsed.get("bozo_exception")
            raise FetchError(f"This is not a feed that can be read ({reason}).")
        return []
    base = parsed.feed.get("link") or url
    items = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = _web_url(entry.get("link") or entry.get("id"), url) or _web_url(
            entry.get("link"), base
        )
        title = plain_text(entry.get("title", ""), limit=300)
        if not link:
            continue
        summary = plain_text(entry.get("summary", ""), limit=2000)
        items.append(
            FeedItem(
                link=link,
                title=title or plain_text(summary, limit=120) or link[:300],
                guid=str(entry.get("id") or link)[:500],
                summary=summary,
                published_at=_date(entry),
                authors=_authors(entry),
                image_url=_image(entry, url),
                categories=_categories(entry),
            )
        )
    return items


def _store(feed, items, now):
    """Create an incoming story for each item not seen before; returns (new, duplicates)."""
    canonicals = {canonical_url(item.link) for item in items}
    known = set(
        IncomingStory.objects.filter(canonical_url__in=canonicals).values_list(
            "canonical_url", flat=True
        )
    )
    recent_titles = TitleIndex(
        IncomingStory.objects.filter(
            publisher_id=feed.publisher_id, arrived_at__gte=now - PURGE_AFTER
        ).values_list("title_key", flat=True)
    )
    # Stories the newsroom already ran, by their source link: they arrive as "Already covered".
    covered = {
        canonical_url(source_url): pk
        for pk, source_url in ArticlePage.objects.filter(
            source_url__in=canonicals | {item.link for item in items}
        ).values_list("pk", "source_url")
    }
    new, duplicates = [], 0
    for item in items:
        canonical = canonical_url(item.link)
        key = title_key(item.title)
        if canonical in known or recent_titles.has_near(key):
            duplicates += 1
            continue
        known.add(canonical)
        recent_titles.add(key)
        story = IncomingStory(
            feed=feed,
            publisher_id=feed.publisher_id,
            section_id=feed.section_id,
            guid=item.guid,
            title=item.title,
            title_key=key,
            summary=item.summary,
            link=item.link[:1000],
            canonical_url=canonical[:1000],
            published_at=item.published_at,
            arrived_at=now,
            sort_date=min(item.published_at or now, now),
            authors=", ".join(item.authors)[:300],
            image_url=item.image_url[:1000],
            categories=item.categories,
        )
        if canonical in covered:
            story.status = IncomingStory.Status.COVERED
            story.article_id = covered[canonical]
            story.handled_at = now
        new.append(story)
    # ignore_conflicts: another fetch may have stored the same story a moment ago.
    IncomingStory.objects.bulk_create(new, ignore_conflicts=True)
    return len(new), duplicates


def fetch_feed(feed):
    """Fetch one feed, store its new items and record the outcome on the feed.

    Never raises for a bad feed: the error is recorded on it, for the admin to show.
    """
    report = FetchReport(feed)
    now = timezone.now()
    feed.last_fetched_at = now
    try:
        result = fetch(
            feed.url, accept=FEED_ACCEPT, etag=feed.etag, last_modified=feed.last_modified
        )
        if result.not_modified:
            report.not_modified = True
            feed.last_status = "Not modified since the last fetch"
            feed.last_error = ""
            feed.save(update_fields=["last_fetched_at", "last_status", "last_error"])
            return report
        items = parse_feed(result.body, result.url, result.headers.get("content-type", ""))
        with transaction.atomic():
            report.new, report.duplicates = _store(feed, items, now)
            report.items = len(items)
            feed.etag = result.headers.get("etag", "")[:250]
            feed.last_modified = result.headers.get("last-modified", "")[:100]
            feed.items_seen = len(items)
            feed.last_status = f"OK: {report.new} new of {len(items)} items"
            feed.last_error = ""
            feed.save()
    except FetchError as error:
        report.error = str(error)
    except Exception as error:  # one broken feed must never stop the others
        logger.exception("Reading feed %s failed", feed.url)
        report.error = f"Unexpected error while reading the feed ({type(error).__name__})."
    if report.error:
        feed.last_status = "Failed"
        feed.last_error = report.error
        feed.save(update_fields=["last_fetched_at", "last_status", "last_error"])
    return report
