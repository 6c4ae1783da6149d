"""Categories and publishers: reference data that editors manage through modeladmin."""

from django.db import models
from django.db.models import Count
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class CategoryQuerySet(models.QuerySet):
    def popular(self, limit=6):
        """The categories with the most live articles, from the counts kept on each category."""
        return self.filter(live_article_count__gt=0).order_by("-live_article_count", "name")[:limit]

    def recount_articles(self):
        """Store each category's number of listed articles (one grouped query): live, public
        and not past expiry, the rule every listing follows.

        Runs when published content changes, so that pages read a stored number instead of
        counting over the whole archive on every view.
        """
        from news.models.pages import ArticlePage

        through = ArticlePage.categories.through
        counts = dict(
            through.objects.filter(articlepage__in=ArticlePage.objects.visible().values("pk"))
            .values("category")
            .annotate(articles=Count("articlepage"))
            .values_list("category", "articles")
        )
        changed = []
        for category in self.only("pk", "live_article_count"):
            count = counts.get(category.pk, 0)
            if category.live_article_count != count:
                category.live_article_count = count
                changed.append(category)
        self.model.objects.bulk_update(changed, ["live_article_count"])


class Category(index.Indexed, models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in category page URLs.")
    description = models.TextField(blank=True, max_length=500)
    live_article_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="Live, public articles; kept up to date on publish."
    )

    objects = CategoryQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("category", args=[self.slug])


class Publisher(index.Indexed, models.Model):
    name = models.CharField(max_length=120, unique=True)
    homepage_url = models.URLField("home page URL", help_text="The publisher's own site.")
    tagline = models.CharField(
        max_length=140, blank=True, help_text="One line that tells readers who the publisher is."
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    active = models.BooleanField(
        default=True,
        help_text="Publishers made from a pasted link start inactive, for an Editor to check the "
        "name and home page. Feeds of inactive publishers are not fetched.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("homepage_url"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def domain(self):
        from urllib.parse import urlsplit

        host = urlsplit(self.homepage_url).hostname or ""
        return host.removeprefix("www.")
