"""The curation desk: publishers' feeds and the stories that arrive from them.

An incoming story is not a page. It waits on the desk until a Writer drafts an article from it,
dismisses it, or links it to an article the newsroom already ran.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

PURGE_AFTER = timedelta(days=30)


class PublisherFeed(ClusterableModel):
    """An RSS 2.0, Atom or JSON Feed that ``manage.py fetch_feeds`` reads."""

    publisher = models.ForeignKey("news.Publisher", on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField("feed URL", max_length=500, unique=True)
    active = models.BooleanField(
        default=True, help_text="Untick to stop fetching this feed without deleting it."
    )
    section = models.ForeignKey(
        "news.NewsIndexPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="default section",
        help_text="Drafts from this feed's stories go here unless the Writer picks another.",
    )
    categories = ParentalManyToManyField(
        "news.Category",
        blank=True,
        related_name="+",
        verbose_name="default categories",
        help_text="Given to drafts made from this feed's stories.",
    )
    # Conditional GET: what the server sent last time, sent back so that it can answer 304.
    etag = models.CharField(max_length=250, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_fetched_at = models.DateTimeField("last fetched", null=True, blank=True, editable=False)
    last_status = models.CharField(max_length=200, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    items_seen = models.PositiveIntegerField(
        default=0, editable=False, help_text="Items in the feed at the last successful fetch."
    )

    panels = [
        FieldPanel("publisher"),
        FieldPanel("url"),
        FieldPanel("active"),
        MultiFieldPanel(
            [FieldPanel("section"), FieldPanel("categories")],
            heading="Drafts from this feed",
        ),
    ]

    class Meta:
        ordering = ["publisher__name", "url"]
        verbose_name = "publisher feed"

    def __str__(self):
        return f"{self.publisher} — {self.url}"

    def clean(self):
        from news.curation.fetching import FetchError, check_url

        try:
            check_url(self.url or "")
        except FetchError as error:
            raise ValidationError({"url": str(error)}) from error


class IncomingStoryQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=IncomingStory.Status.NEW)

    def purgeable(self, now=None):
        """Old items nobody drafted from or linked to an article: safe to forget."""
        cutoff = (now or timezone.now()) - PURGE_AFTER
        return self.filter(
            arrived_at__lt=cutoff,
            status__in=[IncomingStory.Status.NEW, IncomingStory.Status.DISMISSED],
        )


class IncomingStory(models.Model):
    """One story from a publisher's feed (or a pasted link), waiting on the desk.

    Everything here came from outside: it is stored and shown as plain text.
    """

    class Status(models.TextChoices):
        NEW = "new", "New"
        DRAFTED = "drafted", "Drafted"
        DISMISSED = "dismissed", "Dismissed"
        COVERED = "covered", "Already covered"

    feed = models.ForeignKey(
        PublisherFeed, null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )
    publisher = models.ForeignKey(
        "news.Publisher",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incoming_stories",
    )
    section = models.ForeignKey(
        "news.NewsIndexPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    guid = models.CharField(max_length=500, blank=True)
    title = models.CharField(max_length=300)
    # The title reduced to lowercase words, to spot the same story under a retouched headline.
    title_key = models.CharField(max_length=300, db_index=True, editable=False)
    summary = models.TextField(blank=True)
    link = models.URLField(max_length=1000)
    canonical_url = models.URLField(max_length=1000, unique=True)
    published_at = models.DateTimeField(null=True, blank=True)
    arrived_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Newest first: the publisher's date, or the arrival time when the feed gave none.
    sort_date = models.DateTimeField(default=timezone.now, db_index=True)
    authors = models.CharField("authors' names", max_length=300, blank=True)
    image_url = models.URLField(max_length=1000, blank=True)
    categories = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    article = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="origins",
        help_text="The draft made from this story, or the article that already covered it.",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    page_fetched_at = models.DateTimeField("original read at", null=True, blank=True)
    suggested_quotes = models.JSONField(default=list, blank=True)

    objects = IncomingStoryQuerySet.as_manager()

    class Meta:
        ordering = ["-sort_date", "-pk"]
        verbose_name = "incoming story"
        verbose_name_plural = "incoming stories"

    def __str__(self):
        return self.title

    @property
    def author_list(self):
        return [name.strip() for name in self.authors.split(",") if name.strip()]
