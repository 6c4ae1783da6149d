"""RSS 2.0 feeds for the whole site, each section (and its archives), category and author.

Feed readers show an RSS ``<description>`` as HTML, so plain-text fields (a standfirst, a
category description, an author's bio) are HTML-escaped first: what an editor typed arrives as
text, never as markup.
"""

import mimetypes
from dataclasses import dataclass
from io import StringIO

from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.xmlutils import SimplerXMLGenerator

from news import cards, site_data, surrogate_keys
from news.models import ArticlePage, Author, Category
from news.rendition_cache import rendition
from news.structured_data import SOCIAL_IMAGE_SPEC
from news.xml_text import XmlSafeRssFeed
from newsroom.site_url import absolute_url

FEED_LENGTH = 30
CHANNEL_IMAGE_SPEC = "max-144x400"  # RSS 2.0 caps channel images at 144 x 400 pixels


class NewsFeedGenerator(XmlSafeRssFeed):
    """RSS 2.0 with the channel's <image> (the site logo), which feed readers show beside it.

    Each ``<item>`` is written once per kept entry (``FeedEntry.xml``) and copied into every feed
    that lists the entry afterwards: writing items element by element was half a feed's cost.
    ``entries`` are the feed's entries in order; ``items`` only those not written yet.
    """

    entries = ()

    def latest_post_date(self):
        """The newest date among the feed's entries (``items`` holds the unwritten ones only);
        ``<lastBuildDate>`` and the Last-Modified header."""
        dates = [date for entry in self.entries for date in (entry.updateddate, entry.pubdate)]
        dates = [date for date in dates if date]
        return max(dates) if dates else super().latest_post_date()

    def write_items(self, handler):
        made = {id(item["entry"]): item for item in self.items}
        for entry in self.entries:
            if entry.xml is None:
                entry.xml = self.item_xml(made[id(entry)])
            handler.ignorableWhitespace(entry.xml)  # written as it is

    def item_xml(self, item):
        buffer = StringIO()
        writer = SimplerXMLGenerator(buffer, "utf-8", short_empty_elements=True)
        writer.startElement("item", self.item_attributes(item))
        self.add_item_elements(writer, item)
        writer.endElement("item")
        return buffer.getvalue()

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        image = self.feed.get("channel_image")
        if image:
            handler.startElement("image", {})
            handler.addQuickElement("url", image["url"])
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.addQuickElement("width", str(image["width"]))
            handler.addQuickElement("height", str(image["height"]))
            handler.endElement("image")


class ArticleFeed(Feed):
    """Base feed; subclasses say which articles and what the feed is called."""

    feed_type = NewsFeedGenerator
    request = None

    def __call__(self, request, *args, **kwargs):
        # A fresh instance serves each request (see the view functions below), so keeping the
        # request here for building absolute item links is safe.
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        surrogate_keys.mark_cacheable(request)
        return response

    def listing_keys(self, obj):
        """The surrogate keys of the listing this feed shows."""
        raise NotImplementedError

    def site_settings(self):
        return site_data.site_settings(self.request)

    def site_name(self):
        site_settings = self.site_settings()
        return site_settings.site_name if site_settings else "News"

    def feed_url(self):
        return absolute_url(self.request.path)

    def feed_extra_kwargs(self, obj):
        site_settings = self.site_settings()
        if not (site_settings and site_settings.logo):
            return {}
        logo = rendition(site_settings.logo, CHANNEL_IMAGE_SPEC)
        return {
            "channel_image": {
                "url": absolute_url(logo.url),
                "width": logo.width,
                "height": logo.height,
            }
        }

    def articles(self, obj):
        raise NotImplementedError

    def items(self, obj):
        # The ids only: each entry is kept per process, like a card (news.cards).
        ids = list(
            self.articles(obj).visible().newest_first().values_list("pk", flat=True)[:FEED_LENGTH]
        )
        surrogate_keys.add(self.request, *self.listing_keys(obj))
        self.entries = cards.kept(self.request, ("feed-entry",), ids, self.make_entries)
        # Django builds an item only for the entries whose <item> is not written yet.
        return [entry for entry in self.entries if entry.xml is None]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.entries = self.entries
        return feed

    def item_extra_kwargs(self, item):
        return {**super().item_extra_kwargs(item), "entry": item}

    def make_entries(self, ids):
        articles = cards.fetch(ids)
        if articles:
            prefetch_related_objects(list(articles.values()), "categories")
        return {pk: self.make_entry(article) for pk, article in articles.items()}

    def make_entry(self, article):
        """What the feed shows of ``article``, and the surrogate keys of that."""
        categories = list(article.categories.all())
        keys = (
            *surrogate_keys.for_card(article),
            *(surrogate_keys.category(category.pk) for category in categories),
            surrogate_keys.SITE,
        )
        enclosures = []
        if article.lead_image is not None:
            thumbnail = rendition(article.lead_image, SOCIAL_IMAGE_SPEC)
            mime_type = mimetypes.guess_type(thumbnail.file.name)[0] or "image/jpeg"
            url = absolute_url(thumbnail.url)
            enclosures.append(Enclosure(url, str(thumbnail.file.size), mime_type))
        entry = FeedEntry(
            title=article.title,
            description=escape(article.standfirst),
            link=absolute_url(article.get_url(self.request)),
            enclosures=enclosures,
            pubdate=article.date,
            updateddate=article.last_published_at,
            author_name=", ".join(author.name for author in article.authors) or None,
            categories=[category.name for category in categories],
        )
        return keys, entry

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_enclosures(self, item):
        """The lead image, as a thumbnail feed readers can show beside the item."""
        return item.enclosures

    def item_pubdate(self, item):
        return item.pubdate

    def item_updateddate(self, item):
        return item.updateddate

    def item_author_name(self, item):
        return item.author_name

    def item_categories(self, item):
        return item.categories


@dataclass(eq=False)
class FeedEntry:
    """One article as a feed shows it, kept per process (``news.cards``), with its ``<item>``
    once a feed has written it."""

    title: str
    description: str
    link: str
    enclosures: list
    pubdate: object
    updateddate: object
    author_name: str | None
    categories: list
    xml: str | None = None


class SiteFeed(ArticleFeed):
    def title(self):
        return f"{self.site_name()}: latest news"

    def link(self):
        return absolute_url("/")

    def description(self):
        return f"The latest articles from {self.site_name()}."

    def articles(self, obj):
        return ArticlePage.objects.all()

    def listing_keys(self, obj):
        return [surrogate_keys.LATEST]


class SectionFeed(ArticleFeed):
    def __init__(self, section):
        self.section = section

    def get_object(self, request, *args, **kwargs):
        return self.section

    def title(self, obj):
        return f"{self.site_name()}: {obj.title}"

    def link(self, obj):
        return absolute_url(obj.get_url(self.request))

    def description(self, obj):
        return f"The latest {obj.title} articles from {self.site_name()}."

    def articles(self, obj):
        return ArticlePage.objects.child_of(obj)

    def listing_keys(self, obj):
        return [surrogate_keys.page(obj.pk), surrogate_keys.section_listing(obj.pk)]


class SectionArchiveFeed(SectionFeed):
    """A section's category or tag archive (``/<section>/category/<slug>/feed/``)."""

    def __init__(self, section, archive, articles, link):
        super().__init__(section)
        self.archive, self.archive_articles, self.archive_link = archive, articles, link

    def title(self, obj):
        return f"{self.site_name()}: {self.archive['name']} in {obj.title}"

    def link(self, obj):
        return absolute_url(self.archive_link)

    def description(self, obj):
        return escape(
            self.archive["description"]
            or f"{obj.title} articles filed under {self.archive['name']}."
        )

    def articles(self, obj):
        return self.archive_articles


class CategoryFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj):
        return f"{self.site_name()}: {obj.name}"

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def description(self, obj):
        return escape(obj.description or f"Articles filed under {obj.name}.")

    def articles(self, obj):
        return ArticlePage.objects.filter(categories=obj)

    def listing_keys(self, obj):
        return [surrogate_keys.category(obj.pk), surrogate_keys.category_listing(obj.pk)]


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, obj):
        return f"{self.site_name()}: articles by {obj.name}"

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def description(self, obj):
        return escape(obj.bio or f"Articles by {obj.name}.")

    def articles(self, obj):
        return ArticlePage.objects.filter(article_authors__author=obj)

    def listing_keys(self, obj):
        return [surrogate_keys.author(obj.pk), surrogate_keys.author_listing(obj.pk)]


def site_feed(request):
    return SiteFeed()(request)


def category_feed(request, slug):
    return CategoryFeed()(request, slug=slug)


def author_feed(request, slug):
    return AuthorFeed()(request, slug=slug)
