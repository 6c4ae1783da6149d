"""The site root (HomePage) and the site-wide settings editors control."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from news import site_data, surrogate_keys
from news.caching import ReaderCacheMixin
from news.models import ArticlePage
from news.models.pages import KnownRestrictionsMixin, restricted_paths
from news.pagination import COUNT_TIMEOUT as LISTING_SECONDS
from news.permissions import EditorialPermissionsMixin


class HomePage(EditorialPermissionsMixin, ReaderCacheMixin, KnownRestrictionsMixin, Page):
    lead_story = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story at the top of the home page. Leave empty to show the newest article.",
    )

    content_panels = [*Page.content_panels, FieldPanel("lead_story")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage"]
    max_count = 1
    # Asked by templates/base.html of every page (a missing attribute costs the template
    # engine a dir() of the page): the front page is in no section and always indexed.
    section = None
    hide_from_search_engines = False
    page_description = "The front page of the site."

    # The front: a lead story with a few secondary stories beside it, then "Latest", then each
    # section. No story appears twice on the page.
    secondary_count = 3
    latest_count = 6
    stories_per_section = 4

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        # A section from this process's copy of the home page's sections (kept until the site
        # key is purged), rather than as a base Page and then again as a section.
        if path_components:
            section = site_data.sections(request, self).get(path_components[0])
            if section is not None:
                section._cached_parent_obj = self
                return section.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_lead_story_id(self):
        """The chosen lead story while readers may see it, else the newest story."""
        visible = ArticlePage.objects.visible().newest_first().values_list("pk", flat=True)
        if self.lead_story_id:
            chosen = visible.filter(pk=self.lead_story_id).first()
            if chosen:
                return chosen
        return visible.first()

    def add_surrogate_keys(self, request, context):
        # The stories' own keys are added as their cards are drawn (news.cards).
        super().add_surrogate_keys(request, context)
        surrogate_keys.add(request, surrogate_keys.LATEST, surrogate_keys.SITEWIDE_PROMOS)
        for section, _stories in context.get("section_stories", []):
            surrogate_keys.add(request, surrogate_keys.section_listing(section.pk))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.front(request), **site_data.sidebar(request))
        return context

    def front(self, request):
        """Which stories go where, as ids (their cards are drawn and kept by news.cards).

        Kept in each process until a story joins or leaves a listing (the ``latest`` key), the
        home page or the sections change, or ``LISTING_SECONDS`` pass (scheduled expiry
        changes listings without a purge). A preview shows the unsaved lead story at once.
        """
        if getattr(request, "is_preview", False):
            return self.choose_stories(request)
        return site_data.remembered(
            request,
            f"front:{self.pk}",
            [surrogate_keys.SITE, surrogate_keys.LATEST, surrogate_keys.page(self.pk)],
            lambda: self.choose_stories(request),
            max_age=LISTING_SECONDS,
        )

    def choose_stories(self, request):
        lead = self.get_lead_story_id()
        shown = [lead] if lead else []
        visible = ArticlePage.objects.visible().newest_first()
        newest = list(
            visible.exclude(pk__in=shown).values_list("pk", flat=True)[
                : self.secondary_count + self.latest_count
            ]
        )
        secondary, latest = newest[: self.secondary_count], newest[self.secondary_count :]
        shown += newest
        restricted = restricted_paths()
        sections = sorted(
            (
                section
                for section in site_data.sections(request, self).values()
                if section.live and not any(section.path.startswith(p) for p in restricted)
            ),
            key=lambda section: section.path,
        )
        by_section = {section.pk: [] for section in sections}
        if sections:
            stories = (
                # Listed first: each section's newest are counted among listed articles only.
                visible.exclude(pk__in=shown)
                .latest_per_section(sections, self.stories_per_section)
                .values_list("pk", "section_id")
            )
            for pk, section_id in stories:
                by_section[section_id].append(pk)
        return {
            "lead_stories": shown[:1] if lead else [],
            "secondary_stories": secondary,
            "section_stories": [(s, by_section[s.pk]) for s in sections if by_section[s.pk]],
            "latest_articles": latest,
        }


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.CharBlock(max_length=40, help_text="e.g. Mastodon, Bluesky, Instagram.")
    url = blocks.URLBlock()

    class Meta:
        icon = "link"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField(max_length=80, default="The Riverside Ledger")
    tagline = models.CharField(max_length=140, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    footer_text = models.TextField(blank=True, max_length=500)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")], "Identity"
        ),
        FieldPanel("footer_text"),
        FieldPanel("social_links"),
    ]

    # The logo is drawn on every page: fetch it with the settings.
    select_related = ["logo"]

    @classmethod
    def for_request(cls, request):
        """The settings every page draws, kept in each process until the ``site`` key is purged."""
        if request is None:
            return super().for_request(request)
        return site_data.site_settings(request)

    class Meta:
        verbose_name = "site settings"
