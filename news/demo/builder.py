"""Build the demo newsroom: settings, sections, people, promos, images and articles.

Every step looks for what already exists (by slug, name or title) and only adds what is missing,
so the build can be run again, or resumed after an interruption, without duplicating anything.

The written articles go through Wagtail's normal publishing path (a revision, then publish), and
their dates are then moved back along the timeline. Generated articles (``--articles`` above the
written corpus) skip revisions for speed: they are inserted as live pages in chunks, with their
authors, categories and tags, and indexed for search and references in bulk (``news.bulk_pages``,
the one module that relies on how Wagtail stores pages and indexes).
"""

import hashlib
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, ReferenceIndex, Revision, Site
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from home.models import HomePage, SiteSettings
from news import bulk_pages
from news.demo import content, images
from news.demo.content import ARTICLES
from news.demo.recombine import Recombiner
from news.models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePagePromo,
    ArticlePageRelated,
    ArticlePageTag,
    Author,
    Category,
    NewsIndexPage,
    Publisher,
    SidebarSnippet,
)

COLLECTION_NAME = "Newsroom demo"
LEAD_STORY = "tanners-bridge-to-reopen-to-pedestrians"
DEFAULT_ARTICLES = 48
CHUNK_SIZE = 2000
GENERATED_PER_DAY = 30  # generated articles fill the archive before the written timeline

# Lead images that suit each section, for generated articles.
SECTION_SCENES = {
    "news": ["bridge", "river", "transit", "clouds", "skyline"],
    "politics": ["civic", "chart", "mosaic"],
    "business": ["market", "chart", "skyline"],
    "culture": ["bauhaus", "books", "mosaic"],
    "science": ["contours", "river", "clouds", "stars"],
    "opinion": ["mosaic", "bauhaus", "civic", "books"],
}


class SeedError(Exception):
    pass


class NewsroomBuilder:
    def __init__(self, articles=DEFAULT_ARTICLES, log=print, now=None, one_section=None):
        if articles < 0:
            raise SeedError("--articles must be zero or more.")
        if one_section is not None and one_section not in SECTION_SCENES:
            raise SeedError(f"--one-section must be one of: {', '.join(SECTION_SCENES)}.")
        self.target = articles
        self.one_section = one_section
        self.log = log
        self.now = now or timezone.now()
        self.counts = {}
        self.image_cache = {}
        self.touched = defaultdict(set)  # model -> pks saved while indexing was deferred

    # Orchestration ---------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        site = Site.objects.select_related("root_page").get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise SeedError(
                f"The default site's root page is a {type(home).__name__}, not a HomePage."
            )
        self.site, self.home = site, home

        # A small newsroom gets the newest written stories; they are created oldest first.
        newest = sorted(ARTICLES, key=lambda article: (article["days_ago"], article["slug"]))
        written = sorted(newest[: self.target], key=self.written_sort_key)
        generated = max(0, self.target - len(ARTICLES))
        if self.is_complete(written, generated):
            self.log(
                f"The newsroom already exists ({self.demo_article_count()} articles); "
                "nothing to do."
            )
            return False

        with bulk_pages.deferred_indexing():
            with transaction.atomic():
                self.collection = self.ensure_collection()
                self.prepare_images(written)
                self.ensure_site_settings()
                self.sections = self.ensure_sections()
                self.categories = self.ensure_categories()
                self.publishers = self.ensure_publishers()
                self.authors = self.ensure_authors()
                self.promos = self.ensure_promos()
                self.create_written_articles(written)
                self.set_lead_story()
                self.update_indexes()
            if generated:
                self.create_generated_articles(generated)
        # Pages were inserted without publish signals: count each category's articles once.
        Category.objects.recount_articles()

        self.report(time.monotonic() - started)
        return True

    def written_sort_key(self, article):
        """Oldest first, so that related articles always point at stories that exist already."""
        return (-article["days_ago"], article["time"])

    def is_complete(self, written, generated):
        sections = NewsIndexPage.objects.child_of(self.home).filter(
            slug__in=[section["slug"] for section in content.SECTIONS]
        )
        if sections.count() < len(content.SECTIONS):
            return False
        existing = set(ArticlePage.objects.descendant_of(self.home).values_list("slug", flat=True))
        if any(article["slug"] not in existing for article in written):
            return False
        return self.demo_article_count() >= len(written) + generated

    def demo_article_count(self):
        return ArticlePage.objects.descendant_of(self.home).count()

    def count(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    def touch(self, obj):
        self.touched[type(obj)].add(obj.pk)
        return obj

    def report(self, seconds):
        labels = [
            ("images", "images"),
            ("sections", "sections"),
            ("categories", "categories"),
            ("publishers", "publishers"),
            ("authors", "authors"),
            ("promos", "sidebar promos"),
            ("written", "written articles (published with revisions)"),
            ("generated", "generated articles"),
            ("related", "related-article links"),
            ("article_promos", "article promo choices"),
        ]
        self.log("Created:")
        for key, label in labels:
            if self.counts.get(key):
                self.log(f"  {self.counts[key]:>6} {label}")
        self.log(f"The newsroom has {self.demo_article_count()} articles. Done in {seconds:.1f}s.")

    # Images ----------------------------------------------------------------------------------

    def ensure_collection(self):
        existing = Collection.objects.filter(name=COLLECTION_NAME).first()
        if existing:
            return existing
        return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)

    def prepare_images(self, written):
        """Render every picture this run needs in parallel threads, then save them in order."""
        Image = get_image_model()
        existing = {
            image.title: image for image in Image.objects.filter(collection=self.collection)
        }
        wanted = {}  # title -> (alt text, file name, render function)

        def want(title, alt, filename, render):
            if title in existing:
                self.image_cache[title] = existing[title]
            else:
                wanted[title] = (alt, filename, render)

        pool_keys = {article["image"] for article in written}
        for article in written:
            for block in article["body"]:
                if block["type"] == "image":
                    pool_keys.add(block["value"]["image"])
        pool_keys |= {promo["image"] for promo in content.PROMOS if promo.get("image")}
        if self.target > len(ARTICLES):
            pool_keys |= set(images.POOL)
        for key in sorted(pool_keys):
            title, alt = images.describe(key)
            want(
                title,
                alt,
                f"{key}.jpg",
                lambda key=key: images.to_jpeg(images.render_pool_image(key)),
            )

        for slug, author in content.AUTHORS.items():
            want(
                self.portrait_title(author["name"]),
                f"Illustrated portrait of {author['name']}.",
                f"author-{slug}.jpg",
                lambda slug=slug, p=author["portrait"]: images.to_jpeg(
                    images.render_portrait(
                        slug,
                        p["palette"],
                        images.SKIN_TONES[p["skin"]],
                        images.HAIR_COLOURS[p["hair"]],
                        p["hair_style"],
                        p["shirt"],
                    )
                ),
            )
        for slug, publisher in content.PUBLISHERS.items():
            logo = publisher["logo"]
            want(
                self.logo_title(publisher["name"]),
                f"{publisher['name']} logo: the letters {logo['letters']}.",
                f"publisher-{slug}.png",
                lambda slug=slug, logo=logo: images.to_png(
                    images.render_mark(
                        logo["letters"], logo["palette"], slug, logo["style"], size=400
                    )
                ),
            )
        want(
            self.logo_title(content.SITE["site_name"]),
            f"{content.SITE['site_name']} logo: the letters RL above three waves.",
            "riverside-ledger-logo.png",
            lambda: images.to_png(images.render_mark("RL", "meadow", "site", "ledger", size=512)),
        )

        if not wanted:
            return
        titles = sorted(wanted)
        with ThreadPoolExecutor(max_workers=4) as pool:
            rendered = list(pool.map(lambda title: wanted[title][2](), titles))
        for title, data in zip(titles, rendered, strict=True):
            alt, filename, _ = wanted[title]
            image = Image(
                title=title,
                description=alt,
                collection=self.collection,
                file=ImageFile(BytesIO(data), name=filename),
                file_size=len(data),
                file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
            )
            image.save()
            self.touch(image)
            self.image_cache[title] = image
            self.count("images")

    def image(self, title):
        return self.image_cache.get(title)

    def pool_image(self, key):
        return self.image(images.describe(key)[0])

    @staticmethod
    def portrait_title(name):
        return f"Portrait: {name}"

    @staticmethod
    def logo_title(name):
        return f"Logo: {name}"

    # Site-wide content -----------------------------------------------------------------------

    def ensure_site_settings(self):
        settings = SiteSettings.for_site(self.site)
        if settings.tagline and settings.logo_id:
            return
        settings.site_name = content.SITE["site_name"]
        settings.tagline = content.SITE["tagline"]
        settings.footer_text = content.SITE["footer_text"]
        settings.logo = self.image(self.logo_title(content.SITE["site_name"]))
        settings.social_links = [
            {"type": "link", "value": link} for link in content.SITE["social_links"]
        ]
        settings.save()
        self.touch(settings)
        if self.site.site_name != content.SITE["site_name"]:
            self.site.site_name = content.SITE["site_name"]
            self.site.save()

    def ensure_sections(self):
        existing = {page.slug: page for page in self.home.get_children().specific()}
        sections = {}
        for data in content.SECTIONS:
            slug = data["slug"]
            page = existing.get(slug)
            if page is not None:
                if not isinstance(page, NewsIndexPage):
                    raise SeedError(
                        f"/{slug}/ already exists as a {type(page).__name__}, not a section."
                    )
                sections[slug] = page
                continue
            page = NewsIndexPage(
                title=data["title"], slug=slug, intro=data["intro"], show_in_menus=True, live=False
            )
            self.home.add_child(instance=page)
            page.save_revision().publish()
            self.touch(page)
            sections[slug] = page
            self.count("sections")
        self.home.refresh_from_db()
        return sections

    def ensure_categories(self):
        categories = {category.slug: category for category in Category.objects.all()}
        for slug, data in content.CATEGORIES.items():
            if slug not in categories:
                categories[slug] = self.touch(
                    Category.objects.create(
                        name=data["name"], slug=slug, description=data["description"]
                    )
                )
                self.count("categories")
        return categories

    def ensure_publishers(self):
        by_name = {publisher.name: publisher for publisher in Publisher.objects.all()}
        publishers = {}
        for key, data in content.PUBLISHERS.items():
            publisher = by_name.get(data["name"])
            if publisher is None:
                publisher = Publisher.objects.create(
                    name=data["name"],
                    homepage_url=data["homepage_url"],
                    tagline=data["tagline"],
                    logo=self.image(self.logo_title(data["name"])),
                )
                self.touch(publisher)
                self.count("publishers")
            publishers[key] = publisher
        return publishers

    def ensure_authors(self):
        by_slug = {author.slug: author for author in Author.objects.all()}
        authors = {}
        for slug, data in content.AUTHORS.items():
            author = by_slug.get(slug)
            if author is None:
                author = Author.objects.create(
                    name=data["name"],
                    slug=slug,
                    role=data["role"],
                    bio=data["bio"],
                    photo=self.image(self.portrait_title(data["name"])),
                )
                self.touch(author)
                self.count("authors")
            authors[slug] = author
        return authors

    def ensure_promos(self):
        by_title = {promo.title: promo for promo in SidebarSnippet.objects.all()}
        promos = {}
        for data in content.PROMOS:
            promo = by_title.get(data["title"])
            if promo is None:
                promo = SidebarSnippet(
                    title=data["title"],
                    text=data["text"],
                    cta_label=data["cta_label"],
                    link_url=data.get("link_url", ""),
                    link_page=self.sections.get(data.get("link_section")),
                    image=self.pool_image(data["image"]) if data.get("image") else None,
                    sitewide=data["sitewide"],
                    live=False,
                )
                promo.full_clean()
                promo.save()
                revision = promo.save_revision()
                if not data.get("draft"):
                    revision.publish()
                self.touch(promo)
                self.count("promos")
            promos[data["key"]] = promo
        return promos

    # Written articles ------------------------------------------------------------------------

    def article_date(self, days_ago, clock):
        hour, minute = (int(part) for part in clock.split(":"))
        day = timezone.localtime(self.now).date() - timedelta(days=days_ago)
        moment = timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))
        return min(moment, self.now - timedelta(minutes=20))

    def source_url(self, publisher_key, date, slug):
        data = content.PUBLISHERS[publisher_key]
        base = data["homepage_url"].rstrip("/")
        return f"{base}/{data['path']}/{date:%Y/%m/%d}/{slug}/"

    def stream_data(self, blocks):
        """Raw StreamField data, with each image block's pool key replaced by the picture."""
        data = []
        for block in blocks:
            if block["type"] == "image":
                image = self.pool_image(block["value"]["image"])
                if image is None:
                    continue
                # The body's image is Wagtail's ImageBlock: the image with its own alt text.
                picture = {"image": image.pk, "alt_text": image.description, "decorative": False}
                block = {"type": "image", "value": {**block["value"], "image": picture}}
            data.append(block)
        return data

    def create_written_articles(self, written):
        existing = dict(ArticlePage.objects.descendant_of(self.home).values_list("slug", "pk"))
        self.article_ids = dict(existing)
        for data in written:
            if data["slug"] in existing:
                continue
            section = self.sections[data["section"]]
            date = self.article_date(data["days_ago"], data["time"])
            published = date + timedelta(hours=data["updated_hours"])
            published = min(published, self.now)
            source = data["source"]
            lead_image = self.pool_image(data["image"])
            article = ArticlePage(
                title=data["title"],
                slug=data["slug"],
                standfirst=data["standfirst"],
                display_date=date,
                lead_image=lead_image,
                lead_image_alt_text=lead_image.description if lead_image else "",
                lead_image_caption=data["caption"],
                lead_image_credit=data.get("credit", content.IMAGE_CREDIT),
                body=self.stream_data(data["body"]),
                publisher=self.publishers[source] if source else None,
                source_url=self.source_url(source, date, data["slug"]) if source else "",
                live=False,
            )
            article.article_authors = [
                ArticlePageAuthor(author=self.authors[slug]) for slug in data["authors"]
            ]
            article.categories = [self.categories[slug] for slug in data["categories"]]
            article.tags.add(*data["tags"])
            related = [
                self.article_ids[slug] for slug in data["related"] if slug in self.article_ids
            ]
            article.related_links = [ArticlePageRelated(related_page_id=pk) for pk in related]
            article.sidebar_promos = [
                ArticlePagePromo(promo=self.promos[key]) for key in data["promos"]
            ]
            try:
                section.add_child(instance=article)
            except ValidationError as error:
                raise SeedError(f"{data['path']}: {error}") from error
            article.save_revision().publish()
            self.backdate(article, date, published)
            self.touch(article)
            self.article_ids[data["slug"]] = article.pk
            self.count("written")
            self.count("related", len(related))
            self.count("article_promos", len(data["promos"]))

    def backdate(self, page, first_published, last_published):
        """Move a freshly published page's history back to when the story 'happened'."""
        Page.objects.filter(pk=page.pk).update(
            first_published_at=first_published,
            last_published_at=last_published,
            latest_revision_created_at=last_published,
        )
        ArticlePage.objects.filter(pk=page.pk).update(display_date=first_published)
        Revision.page_revisions.filter(object_id=str(page.pk)).update(created_at=last_published)
        PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=last_published)

    def set_lead_story(self):
        if self.home.lead_story_id:
            return
        lead = self.article_ids.get(LEAD_STORY) or next(iter(self.article_ids.values()), None)
        if lead is None:
            return
        self.home.lead_story_id = lead
        self.home.save_revision().publish()
        self.touch(self.home)

    # Generated articles ----------------------------------------------------------------------

    def create_generated_articles(self, count):
        recombiner = Recombiner(self.section_authors())
        existing = set(ArticlePage.objects.descendant_of(self.home).values_list("slug", flat=True))
        todo = []
        for number in range(count):
            spec = recombiner.make(number)
            if self.one_section:
                spec["section"] = self.one_section
            if spec["slug"] not in existing:
                todo.append((number, spec))
        if not todo:
            return
        self.log(f"Generating {len(todo)} more articles in chunks of {CHUNK_SIZE}…")
        started = time.monotonic()
        tags = {tag.name: tag for tag in Tag.objects.all()}
        for offset in range(0, len(todo), CHUNK_SIZE):
            chunk = todo[offset : offset + CHUNK_SIZE]
            with transaction.atomic():
                for name in sorted({n for _, spec in chunk for n in spec["tags"]} - set(tags)):
                    tags[name] = Tag.objects.create(name=name)
                by_section = defaultdict(list)
                for number, spec in chunk:
                    by_section[spec["section"]].append(self.generated_page(number, spec, tags))
                for slug, pages in by_section.items():
                    bulk_pages.add_live_children(self.sections[slug], pages)
                    bulk_pages.index_new_objects(ArticlePage, pages, title_norms=False)
            self.count("generated", len(chunk))
            done = offset + len(chunk)
            rate = done / max(time.monotonic() - started, 0.001)
            self.log(f"  {done}/{len(todo)} generated articles ({rate:.0f}/s)")
        bulk_pages.refresh_title_norms()

    def generated_page(self, number, spec, tags):
        """An unsaved live article, its authors, categories and tags held in memory."""
        oldest_written = max(article["days_ago"] for article in ARTICLES)
        days_ago = oldest_written + 1 + number // GENERATED_PER_DAY
        minutes = int(spec["seed"] * 14 * 60)  # between 06:00 and 20:00
        date = self.article_date(days_ago, f"{6 + minutes // 60:02d}:{minutes % 60:02d}")
        scenes = SECTION_SCENES[spec["section"]]
        pool = [key for key in images.POOL if key.split("-", 1)[0] in scenes]
        lead_image = self.pool_image(pool[number % len(pool)])
        publisher_key = None
        if number % 2 == 0:  # half of them summarise a publisher's story
            publisher_key = list(content.PUBLISHERS)[number % len(content.PUBLISHERS)]
        page = ArticlePage(
            title=spec["title"],
            draft_title=spec["title"],
            slug=spec["slug"],
            standfirst=spec["standfirst"],
            display_date=date,
            first_published_at=date,
            last_published_at=date,
            lead_image=lead_image,
            lead_image_alt_text=lead_image.description if lead_image else "",
            lead_image_caption=spec["caption"],
            lead_image_credit=content.IMAGE_CREDIT,
            body=self.stream_data(spec["body"]),
            publisher=self.publishers[publisher_key] if publisher_key else None,
            source_url=self.source_url(publisher_key, date, spec["slug"]) if publisher_key else "",
            section=self.sections[spec["section"]],
            live=True,
            has_unpublished_changes=False,
        )
        page.article_authors = [
            ArticlePageAuthor(author=author, sort_order=i)
            for i, author in enumerate(spec["authors"])
        ]
        page.categories = [self.categories[slug] for slug in spec["categories"]]
        page.tagged_items = [ArticlePageTag(tag=tags[name]) for name in dict.fromkeys(spec["tags"])]
        return page

    def section_authors(self):
        return {
            section["slug"]: [self.authors[slug] for slug in section["writers"]]
            for section in content.SECTIONS
        }

    def update_indexes(self):
        """Index everything saved since the last call, as the ``post_save`` signals would have."""
        for model, pks in self.touched.items():
            objects = model.objects.filter(pk__in=pks)
            if model is ArticlePage:
                # Everything the search fields and the reference index read, in a few queries.
                objects = objects.select_related("publisher", "lead_image").prefetch_related(
                    "article_authors__author",
                    "categories",
                    "tags",
                    "tagged_items",
                    "related_links",
                    "sidebar_promos",
                    "wagtail_admin_comments",
                )
            objects = list(objects)
            if issubclass(model, index.Indexed) and model in index.get_indexed_models():
                indexed = set(
                    model.get_indexed_objects().filter(pk__in=pks).values_list("pk", flat=True)
                )
                for backend in get_search_backends(with_auto_update=True):
                    backend.add_bulk(model, [obj for obj in objects if obj.pk in indexed])
            if ReferenceIndex.is_indexed(model):
                for obj in objects:
                    ReferenceIndex.create_or_update_for_object(obj)
        self.touched.clear()
