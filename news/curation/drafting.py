"""Draft articles from incoming stories and pasted links.

A draft gets the original's headline, its description as the standfirst, the canonical address
as the source link, the publisher, the original's date and, on the story, a few quotes for the
editor to choose from. Nothing is published, and none of the original's text goes into the body.
Each draft is made in one transaction: it exists whole, or not at all.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from news.curation.fetching import FetchError, fetch
from news.curation.pages import PAGE_ACCEPT, read_article_page
from news.curation.text import plain_text, shorten
from news.curation.urls import canonical_url, domain_of, title_key
from news.forms import HEADLINE_MAX
from news.models import ArticlePage, IncomingStory, Publisher, PublisherFeed

logger = logging.getLogger(__name__)

STANDFIRST_MAX = 320
STANDFIRST_TO_WRITE = "To write: one or two sentences in our own words that say what happened."


class DraftError(Exception):
    """A draft that could not be made; the message is meant for an editor."""


@dataclass
class DraftOutcome:
    story: IncomingStory
    page: ArticlePage
    warning: str = ""


def find_publisher(url):
    """The Publisher whose home page (or one of whose feeds) lives on ``url``'s domain."""
    domain = domain_of(url)
    if not domain:
        return None

    def matches(other):
        return bool(other) and (domain == other or domain.endswith(f".{other}"))

    for publisher in Publisher.objects.all():
        if matches(publisher.domain):
            return publisher
    for feed in PublisherFeed.objects.select_related("publisher"):
        if matches(domain_of(feed.url)):
            return feed.publisher
    return None


def publisher_for(url, site_name=""):
    """The matching publisher, or a new inactive one for an Editor to check."""
    publisher = find_publisher(url)
    if publisher is not None:
        return publisher
    domain = domain_of(url)
    name = (site_name or domain)[:120]
    if Publisher.objects.filter(name=name).exists():
        name = f"{name} ({domain})"[:120]
    return Publisher.objects.create(name=name, homepage_url=f"https://{domain}/", active=False)


def apply_metadata(story, metadata):
    """Fill ``story`` from the original page's metadata, keeping what the feed already said."""
    story.title = story.title or plain_text(metadata.title, limit=300) or metadata.url[:300]
    story.title_key = title_key(story.title)
    story.summary = metadata.description or story.summary
    story.authors = story.authors or ", ".join(metadata.authors)[:300]
    story.published_at = story.published_at or metadata.published_at
    story.image_url = story.image_url or metadata.image_url[:1000]
    story.categories = story.categories or metadata.keywords
    story.suggested_quotes = metadata.quotes
    story.page_fetched_at = timezone.now()
    # The page's own canonical address is the best source link, unless another story has it.
    canonical = metadata.canonical_url[:1000]
    taken = IncomingStory.objects.filter(canonical_url=canonical).exclude(pk=story.pk).exists()
    if not taken:
        story.canonical_url = canonical


def read_original(url):
    """The original page's metadata, or FetchError."""
    result = fetch(url, accept=PAGE_ACCEPT)
    try:
        return read_article_page(result)
    except FetchError:
        raise
    except Exception as error:  # a page no parser copes with: say so rather than fail
        logger.exception("Reading %s failed", url)
        raise FetchError("The page could not be read.") from error


def _headline(title):
    return shorten(title, HEADLINE_MAX) or "Untitled story"


def _create_draft(story, section, user):
    publisher = story.publisher or publisher_for(story.canonical_url)
    title = _headline(story.title)
    page = ArticlePage(
        title=title,
        slug=find_available_slug(section, slugify(title)[:60] or "story"),
        standfirst=shorten(story.summary, STANDFIRST_MAX) or STANDFIRST_TO_WRITE,
        source_url=story.canonical_url[:500],
        publisher=publisher,
        display_date=story.published_at,
        live=False,
        owner=user,
    )
    if story.feed_id:
        page.categories = list(story.feed.categories.all())
    section.add_child(instance=page)
    page.save_revision(user=user, log_action=False)
    log(instance=page, action="wagtail.create", user=user)

    story.publisher = publisher
    story.section = section
    story.article = page
    story.status = IncomingStory.Status.DRAFTED
    story.handled_by = user
    story.handled_at = timezone.now()
    story.save()
    return page


def draft_from_story(story, section, user=None):
    """Read the story's original page, then make the draft. If the page cannot be read, the
    draft is made from what the feed said, and the outcome says why."""
    if story.article_id:
        raise DraftError(f"This story already has an article: “{story.article.title}”.")
    warning = ""
    try:
        metadata = read_original(story.link)
    except FetchError as error:
        metadata = None
        warning = (
            f"The original page could not be read ({error}) so the draft uses the feed's text."
        )
    with transaction.atomic():
        story = IncomingStory.objects.select_for_update().get(pk=story.pk)
        if story.article_id:
            raise DraftError(f"This story already has an article: “{story.article.title}”.")
        if metadata is not None:
            apply_metadata(story, metadata)
        page = _create_draft(story, section, user)
    return DraftOutcome(story, page, warning)


def draft_from_link(url, section, user=None):
    """Fetch ``url`` and make a draft of it under ``section``. Raises FetchError or DraftError."""
    metadata = read_original(url)
    with transaction.atomic():
        story = (
            IncomingStory.objects.select_for_update()
            .filter(canonical_url__in={metadata.canonical_url, canonical_url(url)})
            .first()
        )
        if story is not None and story.article_id:
            raise DraftError(
                f"This story already has an article: “{story.article.title}”.",
            )
        if story is None:
            story = IncomingStory(
                link=url[:1000], canonical_url=canonical_url(url)[:1000], arrived_at=timezone.now()
            )
            story.sort_date = story.arrived_at
        apply_metadata(story, metadata)
        story.publisher = story.publisher or publisher_for(
            metadata.canonical_url, metadata.site_name
        )
        story.save()
        page = _create_draft(story, section, user)
    return DraftOutcome(story, page)


def dismiss(story, user):
    story.status = IncomingStory.Status.DISMISSED
    story.handled_by = user
    story.handled_at = timezone.now()
    story.save(update_fields=["status", "handled_by", "handled_at"])


def mark_covered(story, article, user):
    story.status = IncomingStory.Status.COVERED
    story.article = article
    story.handled_by = user
    story.handled_at = timezone.now()
    story.save(update_fields=["status", "article", "handled_by", "handled_at"])
