"""The demo newsroom: `manage.py seed_newsroom` builds a believable site, once."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, Site

from home.models import SiteSettings
from news.demo import content
from news.demo.content import ARTICLES
from news.demo.images import POOL
from news.forms import HEADLINE_MAX
from news.models import (
    ArticlePage,
    ArticlePagePromo,
    ArticlePageRelated,
    Author,
    Category,
    NewsIndexPage,
    Publisher,
    SidebarSnippet,
)

pytestmark = pytest.mark.django_db

FICTIONAL_DOMAINS = (".example.com", ".example.org", ".example.net")


def seed(*args):
    out = StringIO()
    call_command("seed_newsroom", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": Author.objects.count(),
        "categories": Category.objects.count(),
        "publishers": Publisher.objects.count(),
        "promos": SidebarSnippet.objects.count(),
        "tags": Tag.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "references": ReferenceIndex.objects.count(),
        "latest revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
    }


def articles():
    return (
        ArticlePage.objects.live()
        .select_related("lead_image", "publisher")
        .prefetch_related("article_authors__author", "categories", "tags")
    )


def block_types(article):
    return [block.block_type for block in article.body]


def test_builds_a_newsroom_once_and_grows_it_on_demand():
    # Seeding is the slow part (images, publishing), so one test takes the newsroom through
    # its three stages: built, left alone on a second run, extended with generated articles.
    output = seed()
    assert "48 written articles" in output

    stories = list(articles())
    assert len(stories) >= 40
    now = timezone.now()
    for story in stories:
        kinds = block_types(story)
        assert kinds.count("paragraph") >= 3, story.slug
        assert "subhead" in kinds, story.slug
        assert 1 <= len(story.authors) <= 2, story.slug
        assert 1 <= len(story.categories.all()) <= 3, story.slug
        assert 2 <= len(story.tags.all()) <= 4, story.slug
        assert story.lead_image and story.lead_image.description, story.slug
        assert story.lead_image_alt_text and story.lead_image_caption and story.lead_image_credit
        assert len(story.title) <= HEADLINE_MAX
        assert len(story.standfirst) <= 320
        # Published through revisions, then moved back along the timeline.
        assert story.live_revision_id and not story.has_unpublished_changes
        assert story.first_published_at <= story.last_published_at <= now
        assert story.display_date == story.first_published_at
    assert sum("pull_quote" in block_types(s) for s in stories) >= 0.75 * len(stories)
    assert any("quoted_passage" in block_types(s) for s in stories)
    assert any("image" in block_types(s) for s in stories)
    dates = [s.display_date for s in stories]
    assert timezone.timedelta(days=45) < max(dates) - min(dates) < timezone.timedelta(days=70)

    # About half summarise a publisher's story and link to it on the publisher's own domain.
    sourced = [s for s in stories if s.publisher_id]
    assert 0.35 * len(stories) <= len(sourced) <= 0.65 * len(stories)
    for story in sourced:
        assert story.source_url.startswith("https://")
        assert urlsplit(story.source_url).hostname.removeprefix("www.") == story.publisher.domain

    assert ArticlePageRelated.objects.exists()
    assert ArticlePagePromo.objects.exists()

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert home.lead_story.live and home.live_revision_id
    settings = SiteSettings.for_site(site)
    assert settings.site_name == "The Riverside Ledger"
    assert settings.tagline and settings.footer_text and settings.logo
    links = [link.value["url"] for link in settings.social_links]
    assert links and all(urlsplit(url).hostname.endswith(FICTIONAL_DOMAINS) for url in links)

    sections = NewsIndexPage.objects.child_of(home).live()
    assert {s.title for s in sections} >= {"News", "Politics", "Business", "Culture", "Opinion"}
    assert all(s.show_in_menus and s.intro for s in sections)

    assert Author.objects.filter(photo__isnull=False).exclude(bio="").count() >= 8
    assert Category.objects.exclude(description="").count() >= 10
    publishers = Publisher.objects.filter(logo__isnull=False)
    assert publishers.count() >= 4
    assert all(p.domain.endswith(FICTIONAL_DOMAINS) for p in publishers)

    promos = SidebarSnippet.objects.all()
    assert promos.filter(live=True).count() >= 3
    assert promos.filter(live=False).exists()  # a draft, which readers never see
    assert SidebarSnippet.objects.sitewide().count() == 2
    contact = promos.get(title="Contact your elected officials")
    assert contact.live and contact.cta_label and contact.link_url

    # The search index knows the words in the bodies and the bylines.
    otters = ArticlePage.objects.get(slug="otters-return-to-the-wend-in-the-city-centre")
    assert otters.pk in [page.pk for page in Page.objects.live().search("spraint")]
    assert ArticlePage.objects.live().search("Natarajan").count() >= 5

    before = snapshot()
    assert "already exists" in seed()
    assert snapshot() == before

    check_generated_articles()


def check_generated_articles():
    """``--articles 60`` adds twelve generated articles to the 48 written ones, and only those."""
    seed("--articles", "60")

    # Generated articles reuse the pool of illustrations: no image per article.
    pictures = len(POOL) + len(content.AUTHORS) + len(content.PUBLISHERS) + 1  # + site logo
    assert get_image_model().objects.count() == pictures
    assert articles().count() == 60
    assert "already exists" in seed("--articles", "60")
    generated = articles().filter(latest_revision__isnull=True)
    assert generated.count() == 60 - len(ARTICLES)
    assert Page.find_problems() == ([], [], [], [], [])
    for section in NewsIndexPage.objects.all():
        assert section.numchild == section.get_children().count()

    for page in generated:
        page.full_clean()  # what saving through the admin would check
        assert "subhead" in block_types(page) and "pull_quote" in block_types(page)
        assert page.authors and page.categories.all() and page.tags.all()
        assert page.first_published_at and page.display_date
        # Inserted in bulk, but indexed as if saved: the reference index is already complete...
        references = ReferenceIndex.objects.filter(object_id=str(page.pk)).count()
        assert references
        ReferenceIndex.create_or_update_for_object(page)
        assert ReferenceIndex.objects.filter(object_id=str(page.pk)).count() == references

    # ...and so is the search index.
    sample = generated.first()
    assert sample in ArticlePage.objects.live().search(sample.title)


def test_generated_articles_can_all_go_to_one_section_for_a_benchmark():
    seed("--articles", str(len(ARTICLES) + 5), "--one-section", "politics", "-v0")
    generated = ArticlePage.objects.filter(latest_revision__isnull=True)
    assert generated.count() == 5
    politics = NewsIndexPage.objects.get(slug="politics")
    assert {page.get_parent().pk for page in generated} == {politics.pk}
    assert set(generated.values_list("section", flat=True)) == {politics.pk}


def test_an_unknown_section_for_generated_articles_is_refused():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--one-section must be one of: news, politics"):
        seed("--articles", "60", "--one-section", "sport")
    assert not ArticlePage.objects.exists()
