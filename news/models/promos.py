"""Sidebar promos: snippets with drafts, revisions and preview."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index


class SidebarSnippetQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def sitewide(self):
        return self.live().filter(sitewide=True)


class SidebarSnippet(
    DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    title = models.CharField(max_length=80)
    text = models.TextField(max_length=280, help_text="One or two short sentences.")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Link to a page on this site…",
    )
    link_url = models.URLField(blank=True, help_text="…or to another site.")
    cta_label = models.CharField(
        "call-to-action label",
        max_length=40,
        default="Find out more",
        help_text="The words on the button, e.g. 'Contact your elected officials'.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sitewide = models.BooleanField(
        "show site-wide",
        default=False,
        help_text="Show on every article that does not choose its own promos.",
    )

    objects = SidebarSnippetQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("cta_label")],
            heading="Link",
        ),
        FieldPanel("image"),
        FieldPanel("sitewide"),
        PublishingPanel(),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = "sidebar promo"
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": "Choose a page or a URL, not both."})

    @property
    def link(self):
        if self.link_page_id and self.link_page.live:
            return self.link_page.url
        return self.link_url

    def get_preview_template(self, request, mode_name):
        return "news/previews/sidebar_snippet.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "promos": [self]}
