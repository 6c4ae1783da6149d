"""Section and article pages."""

import copy
import html
import re
from urllib.parse import urlsplit

from django import forms
from django.core.cache import cache
from django.db import connections, models
from django.db.models import Count, Exists, F, OuterRef, Q, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from news import cards, site_data, surrogate_keys
from news.blocks import ArticleBodyBlock
from news.caching import ReaderCacheMixin, content_version
from news.forms import ArticlePageForm
from news.models.promos import SidebarSnippet
from news.pagination import paginate
from news.panels import BylinePanel
from news.permissions import EditorialPermissionsMixin

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘'])")


def not_expired():
    """Pages before their expiry time. Wagtail unpublishes expired pages only when
    ``publish_scheduled`` runs; until then they are still live, so listings leave them out."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def privacy_paths():
    """Tree paths of the pages with a view restriction, and of the alias pages, read once per
    content version (saving or deleting a restriction, and publishing an article or a section,
    replace the version)
    instead of queried for every listing and page view."""
    key = f"newsroom:privacy-paths:{content_version()}"
    paths = cache.get(key)
    if paths is None:
        paths = (
            list(PageViewRestriction.objects.values_list("page__path", flat=True)),
            list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
        )
        cache.set(key, paths, 60 * 60)
    return paths


def restricted_paths():
    """Tree paths of the pages with a view restriction."""
    return privacy_paths()[0]


class KnownRestrictionsMixin:
    """Wagtail checks a page's view restrictions before serving it, with two queries (the
    ancestors, then their restrictions). A page with no restricted page and no alias page above
    it (or at it) has none: that is known from ``privacy_paths`` without asking the database.
    Aliases take their source's restrictions, so Wagtail's own check runs under them."""

    def get_view_restrictions(self):
        restricted, aliases = privacy_paths()
        if self.alias_of_id is None and not any(
            self.path.startswith(path) for path in (*restricted, *aliases)
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class ArticlePageQuerySet(PageQuerySet):
    def public(self):
        """Wagtail's ``public()``, from the cached restricted paths: search backends accept it."""
        private = Q()
        for restricted in restricted_paths():
            private |= Q(path__startswith=restricted)
        return self.exclude(private) if private else self

    def visible(self):
        """What readers may see: live, not behind a privacy restriction, not past expiry.

        Filters on FilterFields only (expire_at is one), so search backends accept it too.
        """
        return self.live().public().filter(not_expired())

    def newest_first(self):
        return self.order_by(F("display_date").desc(nulls_last=True), "-pk")

    def for_readers(self):
        """A reader's listing: ``visible()``, newest first. Listings page through its ids and
        draw each card from them (``news.cards``, which fetches ``for_listing()`` rows)."""
        return self.visible().newest_first()

    def from_newest(self, display_date, pk):
        """In ``newest_first`` order, the articles from (``display_date``, ``pk``) on.

        A seek along the "newest first" indexes, for a deep page of a listing whose first row is
        known: the database starts there instead of stepping over every earlier row. Live
        articles always have a date (``save`` sets it from the first publication), so dateless
        rows, last in that order, are left out.
        """
        return self.filter(display_date__lte=display_date).exclude(
            display_date=display_date, pk__gt=pk
        )

    def filed_under(self, links, column, common=None):
        """Articles with a row in ``links`` (author or category links of one author or category;
        ``column`` names their article).

        Which query is cheap depends on how many articles the topic has. A common one (a staff
        writer, a big category): walk the "newest first" index and check each article for a
        link, a few rows per listed article. A rare one: read its few links and sort them. Either
        way the cost does not grow with the archive. ``common`` is ``is_common(links)``, when the
        caller knows it already.
        """
        if common is None:
            common = self.is_common(links)
        if common:
            return self.filter(Exists(links.filter(**{column: OuterRef("pk")})))
        return self.filter(pk__in=links.values(column))

    def is_common(self, links):
        """Whether there are at least ``common_topic`` links, reading no more than that many."""
        return links.order_by().values("pk")[: self.common_topic].count() >= self.common_topic

    common_topic = 500

    def for_listing(self):
        """Everything a card shows, fetched in a constant number of queries."""
        return self.select_related("lead_image", "publisher").prefetch_related(
            models.Prefetch(
                "article_authors",
                queryset=ArticlePageAuthor.objects.select_related("author").order_by("sort_order"),
            ),
        )

    def latest_per_section(self, sections, per_section):
        """The newest ``per_section`` articles of each section, in one query.

        Each section's newest come from the (section, date) index, ``per_section`` rows each, so
        the cost does not grow with the archive.
        """
        sections = list(sections)
        if not sections:
            return self.none()
        newest = self.newest_first().values("pk")
        tops = [newest.filter(section=section)[:per_section] for section in sections]
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            # One list of the sections' few rows (PostgreSQL): ORed subqueries are planned as
            # filters on a walk of the whole "newest first" index (350 ms at 100,000 articles).
            return self.filter(pk__in=tops[0].union(*tops[1:], all=True))
        in_any = Q()  # SQLite cannot slice the parts of a UNION
        for top in tops:
            in_any |= Q(pk__in=top)
        return self.filter(in_any)


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class NoindexMixin(models.Model):
    """A per-page switch that keeps a page out of search engines and the sitemap."""

    hide_from_search_engines = models.BooleanField(
        default=False,
        help_text="Ask search engines not to index this page (noindex) and leave it out of the sitemap.",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("hide_from_search_engines")]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        if self.hide_from_search_engines:
            return []
        return super().get_sitemap_urls(request)


class ChildArticleRouteMixin:
    """Find a section's article in one query, with what its page shows of related rows, and keep
    it in this process.

    Wagtail's routing loads a child as a base ``Page`` and then again as its specific type. Comes
    after ``RoutablePageMixin`` in a section's bases, so the section's own sub-pages (feed,
    archives) still win over an article with the same slug.

    The article found is kept like a card (``news.cards``) until it, its picture, its publisher or
    the site (section slugs, privacy) is purged; each request gets its own shallow copy, sharing
    the parsed body. Most of an uncached article render was this query and the body's parse.
    """

    def route(self, request, path_components):
        if len(path_components) == 1:
            article = self.child_article(request, path_components[0])
            if article is not None:
                article.section = self
                article._cached_parent_obj = self
                return article.route(request, [])
        return super().route(request, path_components)

    def child_article(self, request, slug):
        """A copy of the child article with this slug, or None.

        Kept per section and slug: renaming, moving or unpublishing the article purges its key,
        so the slug is then looked up again."""

        def find(slugs):
            article = (
                # By tree path and slug: SQLite then reads the slug index, where a filter on the
                # stored section walked every article of the section.
                ArticlePage.objects.child_of(self)
                .filter(slug=slug)
                .select_related("lead_image", "publisher__logo")
                .first()
            )
            return {} if article is None else {slug: self._keys(article)}

        found = cards.kept(request, ("article-page", self.pk), [slug], find)
        return copy.copy(found[0]) if found else None

    @staticmethod
    def _keys(article):
        """(surrogate keys, article) for ``news.cards.kept``: the body's images too, which its
        parsed body holds (their crops and files)."""
        shown = {surrogate_keys.page(article.pk), surrogate_keys.SITE}
        images = [article.lead_image_id, getattr(article.publisher, "logo_id", None)]
        for image_id in [*images, *surrogate_keys.body_images(article)]:
            if image_id:
                shown.add(surrogate_keys.image(image_id))
        if article.publisher_id:
            shown.add(surrogate_keys.publisher(article.publisher_id))
        return tuple(sorted(shown)), article


class NewsIndexPage(
    EditorialPermissionsMixin,
    ReaderCacheMixin,
    KnownRestrictionsMixin,
    RoutablePageMixin,
    ChildArticleRouteMixin,
    NoindexMixin,
    Page,
):
    """A section of the site, such as News, Politics or Business."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    page_description = "A section of the site that lists its articles, newest first."

    articles_per_page = 12
    # Templates ask every page for its section (the navigation marks the current one): a
    # section is not inside one. A missing attribute costs the template engine a dir() of
    # the page on each render.
    section = None

    class Meta:
        verbose_name = "section"

    def get_articles(self):
        return ArticlePage.objects.filter(section=self).for_readers()

    def add_surrogate_keys(self, request, context):
        super().add_surrogate_keys(request, context)
        # The articles' own keys are added as their cards are drawn (news.cards).
        surrogate_keys.add(request, surrogate_keys.section_listing(self.pk))

    def get_context(self, request, *args, archive=None, articles=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        count_key = f"section:{self.pk}"
        if archive:
            count_key += f":{archive['kind']}:{archive['slug']}"
        if articles is None:
            articles = self.get_articles()
        context["archive"] = archive
        context["articles"] = context["listing"] = paginate(
            request, articles, self.articles_per_page, count_key=count_key
        )
        context["meta_description"] = self.listing_description(
            archive, site_data.site_settings(request).site_name
        )
        return context

    def listing_description(self, archive, site_name):
        """The meta description of the section, or of one of its category or tag archives."""
        if archive:
            if archive["description"]:
                return Truncator(archive["description"]).chars(160)
            return f"{self.title} stories filed under {archive['name']} on {site_name}."
        if self.search_description:
            return self.search_description
        if self.intro:
            return html.unescape(strip_tags(expand_db_html(self.intro)))
        return f"The latest {self.title} stories from {site_name}."

    @path("")
    def index(self, request):
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        from news.feeds import SectionFeed

        return SectionFeed(self)(request)

    def get_archive(self, kind, slug):
        """A category or tag archive of this section: what it is, and the filter for its articles."""
        from news.models.taxonomy import Category

        if kind == "category":
            category = get_object_or_404(Category, slug=slug)
            archive = {
                "kind": "Category",
                "slug": category.slug,
                "name": category.name,
                "description": category.description,
                "surrogate_key": surrogate_keys.category(category.pk),
            }
            return archive, Q(categories=category)
        tag = get_object_or_404(Tag, slug=slug)
        archive = {"kind": "Tag", "slug": tag.slug, "name": tag.name, "description": ""}
        return {**archive, "surrogate_key": surrogate_keys.tag(tag.pk)}, Q(tags=tag)

    def serve_archive(self, request, kind, slug):
        archive, matches = self.get_archive(kind, slug)
        surrogate_keys.add(request, archive["surrogate_key"])
        return self.render(request, archive=archive, articles=self.get_articles().filter(matches))

    def serve_archive_feed(self, request, kind, slug):
        from news.feeds import SectionArchiveFeed

        archive, matches = self.get_archive(kind, slug)
        surrogate_keys.add(request, archive["surrogate_key"])
        articles = ArticlePage.objects.child_of(self).filter(matches)
        link = self.reverse_subpage(f"{kind}_archive", args=[slug])
        return SectionArchiveFeed(self, archive, articles, self.get_url(request) + link)(request)

    @path("category/<slug:slug>/")
    def category_archive(self, request, slug):
        return self.serve_archive(request, "category", slug)

    @path("category/<slug:slug>/feed/")
    def category_archive_feed(self, request, slug):
        return self.serve_archive_feed(request, "category", slug)

    @path("tag/<slug:slug>/")
    def tag_archive(self, request, slug):
        return self.serve_archive(request, "tag", slug)

    @path("tag/<slug:slug>/feed/")
    def tag_archive_feed(self, request, slug):
        return self.serve_archive_feed(request, "tag", slug)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(
    EditorialPermissionsMixin, ReaderCacheMixin, KnownRestrictionsMixin, NoindexMixin, Page
):
    """A story: written here, or summarised and quoted from a publisher's original."""

    standfirst = models.TextField(
        max_length=320,
        help_text="One or two sentences under the headline that say what happened.",
    )
    display_date = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Shown as the article's date. Leave empty to use the first publication time.",
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_alt_text = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it.",
    )
    lead_image_decorative = models.BooleanField(
        "image is decorative",
        default=False,
        help_text="Tick only if the image adds nothing the text does not say.",
    )
    lead_image_caption = models.CharField("caption", max_length=250, blank=True)
    lead_image_credit = models.CharField("credit", max_length=120, blank=True)
    categories = ParentalManyToManyField("news.Category", blank=True, related_name="articles")
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    body = StreamField(ArticleBodyBlock())
    publisher = models.ForeignKey(
        "news.Publisher",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="The publication that ran the original story, if this summarises one.",
    )
    source_url = models.URLField(
        "original article URL",
        blank=True,
        max_length=500,
        help_text="Link to the full article on the publisher's site.",
    )
    # The parent section, kept in step with the page tree (``save`` and moves): listings filter and
    # sort on this table alone, along an index, instead of matching tree paths over every page.
    section = models.ForeignKey(
        "news.NewsIndexPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    # Derived from the tree, not chosen by an editor: not a "usage" of the section (the reference
    # index would otherwise hold a row per article, and the section's usage count in the admin
    # would count its whole archive).
    section.wagtail_reference_index_ignore = True

    objects = ArticlePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        BylinePanel(
            "article_authors",
            chooser_field_name="author",
            label="Author",
            heading="Byline",
            min_num=1,
            help_text="At least one author before publishing; drafts may have none yet.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt_text"),
                FieldPanel("lead_image_decorative"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("source_url")],
            heading="Source",
            help_text="For stories summarised from another publication.",
        ),
    ]
    promote_panels = [
        *NoindexMixin.promote_panels,
        MultiFieldPanel(
            [
                FieldPanel("display_date", widget=AdminDateTimeInput),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading="Date and filing",
        ),
        InlinePanel(
            "related_links", label="Related article", heading="Related articles", max_num=6
        ),
        InlinePanel("sidebar_promos", label="Promo", heading="Sidebar promos", max_num=3),
    ]

    search_fields = [
        # The headline keeps Page's boost=2: on PostgreSQL that already weighs a headline word
        # about 20 times a body word, and raising it to 10 changed no ranking in
        # tests/search_corpus.py; SQLite's FTS5 backend ignores boosts. search.views ranks
        # headline matches first on both backends (tests/test_search_relevance.py).
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.RelatedFields(
            "article_authors",
            [index.RelatedFields("author", [index.SearchField("name")])],
        ),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("publisher", [index.SearchField("name")]),
        index.FilterField("display_date"),
        # visible() leaves out pages past their expiry time, in search too (see not_expired).
        index.FilterField("expire_at"),
    ]

    base_form_class = ArticlePageForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_description = "A news story with a standfirst, byline, body and optional source."

    related_count = 4
    related_candidates_per_topic = 50

    class Meta:
        verbose_name = "article"

    def save(self, *args, **kwargs):
        if self.display_date is None and self.first_published_at is not None:
            self.display_date = self.first_published_at
        if self.path:
            self.section_id = (
                NewsIndexPage.objects.filter(path=self.path[: -self.steplen])
                .values_list("pk", flat=True)
                .first()
            )
        super().save(*args, **kwargs)

    @property
    def preview_modes(self):
        return [
            ("", "Article page"),
            ("card", "Card in a section listing"),
            ("social", "Shared on social media"),
            ("feed", "Item in the RSS feed"),
        ]

    def get_preview_template(self, request, mode_name):
        if mode_name in {"card", "social", "feed"}:
            return f"news/previews/article_{mode_name}.html"
        return super().get_preview_template(request, mode_name)

    @property
    def lead_image_alt(self):
        if self.lead_image_decorative:
            return ""
        return self.lead_image_alt_text or (
            self.lead_image.default_alt_text if self.lead_image else ""
        )

    @property
    def date(self):
        return self.display_date or self.first_published_at or self.latest_revision_created_at

    @property
    def modified_at(self):
        """When the version readers see was published (never before the article's date)."""
        dates = [date for date in (self.last_published_at, self.date) if date]
        return max(dates) if dates else None

    @property
    def source_domain(self):
        """The original article's host, for "Read full article on …" when no publisher is set."""
        return (urlsplit(self.source_url).hostname or "").removeprefix("www.")

    @cached_property
    def reading_time(self):
        """Whole minutes at about 230 words a minute, never less than one."""
        text = " ".join(self.body.stream_block.get_searchable_content(self.body))
        return max(1, round(len(text.split()) / 230))

    @property
    def summary(self):
        """The standfirst's first sentence, for related-article lists."""
        return SENTENCE_END.split(self.standfirst.strip(), maxsplit=1)[0]

    def _children(self, relation, *related):
        """A child relation's rows, from a listing's prefetch when there is one (no N+1)."""
        manager = getattr(self, relation)
        if relation in getattr(self, "_prefetched_objects_cache", {}):
            return manager.all()
        return manager.select_related(*related)

    @cached_property
    def authors(self):
        return [
            link.author for link in self._children("article_authors", "author") if link.author_id
        ]

    @cached_property
    def category_list(self):
        return list(self.categories.all())

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    @cached_property
    def chosen_promos(self):
        """The promos an editor picked for this article (live or not)."""
        return [
            link.promo
            for link in self._children("sidebar_promos", "promo__image", "promo__link_page")
            if link.promo_id
        ]

    def keep_topics(self, request):
        """Read the authors, categories, tags and chosen promos from this process's copy, kept
        like a card (``news.cards``) until the article or one of them is purged: four queries
        on each render of the same article otherwise."""

        def read(ids):
            topics = (self.authors, self.category_list, self.tag_list, self.chosen_promos)
            keys = {
                surrogate_keys.page(self.pk),
                surrogate_keys.SITE,
                *(surrogate_keys.author(item.pk) for item in self.authors),
                *(surrogate_keys.category(item.pk) for item in self.category_list),
                *(surrogate_keys.tag(item.pk) for item in self.tag_list),
                *(surrogate_keys.promo(item.pk) for item in self.chosen_promos),
                *(
                    surrogate_keys.image(item.image_id)
                    for item in self.chosen_promos
                    if item.image_id
                ),
                *(
                    surrogate_keys.page(item.link_page_id)
                    for item in self.chosen_promos
                    if item.link_page_id
                ),
            }
            return {self.pk: (tuple(sorted(keys)), topics)}

        (topics,) = cards.kept(request, ("article-topics",), [self.pk], read)
        names = ("authors", "category_list", "tag_list", "chosen_promos")
        self.__dict__.update(zip(names, topics, strict=True))

    def get_promos(self, request=None):
        """The article's own live promos, or the site-wide ones when it picks none."""
        chosen = self.chosen_promos
        if chosen:
            return [promo for promo in chosen if promo.live]
        if request is not None:
            return site_data.sitewide_promos(request)
        return list(SidebarSnippet.objects.sitewide().select_related("image")[:3])

    def get_related_ids(self, limit=None, request=None):
        """Ids of the related articles readers may see now: editors' picks first, then articles
        sharing the most categories and tags.

        With a reader's ``request`` the choice is kept in the cache for the content version (any
        publish, unpublish, move or privacy change replaces it), and checked against what readers
        may see on each render. A preview shows its own unsaved picks and topics.
        """
        limit = limit or self.related_count
        if request is None or getattr(request, "is_preview", False):
            picked_ids, shared_ids = self.related_ids(limit)
        else:
            key = f"newsroom:related:{content_version()}:{self.pk}:{limit}"
            found = cache.get(key)
            if found is None:
                found = self.related_ids(limit)
                cache.set(key, found, 60 * 60)
            picked_ids, shared_ids = found
        chosen = [*picked_ids, *shared_ids]
        visible = set(
            ArticlePage.objects.visible().filter(pk__in=chosen).values_list("pk", flat=True)
        )
        return [pk for pk in chosen if pk in visible][:limit]

    def related_ids(self, limit):
        """Ids of the editors' picks, and of the articles sharing the most topics."""
        picked_ids = [
            link.related_page_id
            for link in self.related_links.all()
            if link.related_page_id and link.related_page_id != self.pk
        ]
        visible = ArticlePage.objects.visible()
        shared_ids = self.shared_topic_ids(visible, exclude=[self.pk, *picked_ids], limit=limit)
        return picked_ids, shared_ids

    def shared_topic_ids(self, visible, exclude, limit):
        """Visible articles sharing the most categories and tags with this one, newest first.

        Candidates are the articles most recently filed under each of this article's categories
        and tags (a fixed number per topic, along the topic's index), not every article sharing
        one; only ids are grouped and sorted, and the pages are fetched afterwards.
        """
        category_ids = [category.pk for category in self.category_list]
        tag_ids = [tag.pk for tag in self.tag_list]
        if not (category_ids or tag_ids):
            return []
        per_topic = self.related_candidates_per_topic
        filed_in_category = ArticlePage.categories.through.objects.order_by("-pk")
        tagged = ArticlePageTag.objects.order_by("-pk")
        candidates, score = Q(), Value(0)
        # An empty `__in` would empty the whole query, so only match on what the article has.
        for category_id in category_ids:
            newest = filed_in_category.filter(category_id=category_id).values("articlepage_id")
            candidates |= Q(pk__in=newest[:per_topic])
        for tag_id in tag_ids:
            newest = tagged.filter(tag_id=tag_id).values("content_object_id")
            candidates |= Q(pk__in=newest[:per_topic])
        if category_ids:
            score += Count("categories", filter=Q(categories__in=category_ids), distinct=True)
        if tag_ids:
            has_tag = Q(tagged_items__tag_id__in=tag_ids)
            score += Count("tagged_items", filter=has_tag, distinct=True)
        return list(
            visible.filter(candidates)
            .exclude(pk__in=exclude)
            .values("pk")
            .annotate(shared_topics=score)
            .order_by("-shared_topics", F("display_date").desc(nulls_last=True), "-pk")
            .values_list("pk", flat=True)[:limit]
        )

    def add_surrogate_keys(self, request, context):
        super().add_surrogate_keys(request, context)
        surrogate_keys.for_article_page(request, self, context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            self.keep_topics(request)
        context["authors"] = self.authors
        context["related_articles"] = self.get_related_ids(request=request)
        context.update(site_data.sidebar(request, promos=self.get_promos(request)))
        return context

    def is_updated(self):
        """True when the article changed noticeably after it was first shown."""
        if not (self.last_published_at and self.date):
            return False
        return self.last_published_at - self.date > timezone.timedelta(minutes=30)


class ArticlePageAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey("news.Author", on_delete=models.CASCADE, related_name="bylines")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "author"
        constraints = [
            models.UniqueConstraint(fields=["page", "author"], name="unique_author_per_article")
        ]


class ArticlePageRelated(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="+", verbose_name="article"
    )

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = "related article"


class ArticlePagePromo(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="sidebar_promos")
    promo = models.ForeignKey(SidebarSnippet, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("promo")]

    class Meta(Orderable.Meta):
        verbose_name = "sidebar promo"
