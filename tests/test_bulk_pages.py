"""Pages added in bulk (``news.bulk_pages``) are the pages Wagtail itself would have made.

The module relies on Wagtail's, treebeard's, modelcluster's and modelsearch's internals; each
test here compares its result with the public code path, so an upgrade that changes what it
relies on fails here.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.signal_handlers import post_save_signal_handler
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.search.backends import get_search_backend, get_search_backends
from wagtail.search.models import IndexEntry

from news import bulk_pages
from news.models import ArticlePage, ArticlePageAuthor, ArticlePageTag, Author
from tests import editorial, factories

pytestmark = pytest.mark.django_db


def bulk_articles(section, count, word="zanzibarite"):
    """``count`` live articles made in bulk, each with a byline, a category, tags and images."""
    authors = [factories.make_author("Ada Marsh"), factories.make_author("Ben Oduya")]
    category = factories.make_category("Transport")
    publisher = factories.make_publisher()
    tags = [Tag.objects.create(name="ferries"), Tag.objects.create(name="river")]
    image = factories.make_image("Quay")
    now = timezone.now()
    pages = []
    for n in range(count):
        page = ArticlePage(
            title=f"Ferry timetable {n}",
            slug=f"ferry-timetable-{n}",
            standfirst="The evening ferry runs later from May.",
            display_date=now - timedelta(hours=n),
            first_published_at=now - timedelta(hours=n),
            last_published_at=now - timedelta(hours=n),
            lead_image=image,
            lead_image_alt_text="The quay at dusk.",
            body=[
                ("paragraph", f"<p>Crossings of the {word} channel double in summer.</p>"),
                ("subhead", "What changes"),
            ],
            publisher=publisher,
            source_url=f"https://valley-courier.example.com/ferry-{n}/",
            section=section,
        )
        page.article_authors = [
            ArticlePageAuthor(author=author, sort_order=i) for i, author in enumerate(authors)
        ]
        page.categories = [category]
        page.tagged_items = [ArticlePageTag(tag=tag) for tag in tags]
        pages.append(page)
    with bulk_pages.deferred_indexing():
        bulk_pages.add_live_children(section, pages)
        bulk_pages.index_new_objects(ArticlePage, pages)
    return pages


def test_bulk_pages_are_a_valid_tree_after_the_existing_children(section):
    first = factories.make_article(section, "Written the usual way")
    pages = bulk_articles(section, 5)

    assert Page.find_problems() == ([], [], [], [], [])
    section.refresh_from_db()
    assert section.numchild == 6 == section.get_children().count()
    assert [p.pk for p in section.get_children()] == [first.pk, *(p.pk for p in pages)]
    # add_child puts the next page exactly where next_child_paths says it goes.
    expected = bulk_pages.next_child_paths(section, 1)
    later = factories.make_article(section, "Written afterwards")
    assert later.path == expected[0]
    assert Page.find_problems() == ([], [], [], [], [])

    article = ArticlePage.objects.get(pk=pages[2].pk)
    assert article.url_path == f"{section.url_path}ferry-timetable-2/"
    assert article.live and not article.has_unpublished_changes
    assert article.get_parent().pk == section.pk
    assert [a.name for a in article.authors] == ["Ada Marsh", "Ben Oduya"]
    assert [c.name for c in article.categories.all()] == ["Transport"]
    assert sorted(t.name for t in article.tags.all()) == ["ferries", "river"]
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish").count() == 1
    article.full_clean()


def test_reference_rows_are_the_ones_wagtail_writes(section):
    pages = bulk_articles(section, 3)

    def rows(page):
        return set(
            ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
                "content_type",
                "base_content_type",
                "to_content_type",
                "to_object_id",
                "model_path",
                "content_path",
                "content_path_hash",
            )
        )

    for page in pages:
        bulk = rows(page)
        assert len(bulk) >= 6  # lead image, publisher, two authors, two tags, ...
        # The stored section is derived from the tree: not a reference to the section.
        assert not [row for row in bulk if row[4] == "section"]
        ReferenceIndex.objects.filter(object_id=str(page.pk)).delete()
        ReferenceIndex.create_or_update_for_object(ArticlePage.objects.get(pk=page.pk))
        assert rows(page) == bulk


def test_search_entries_are_the_ones_the_backend_writes(section):
    pages = bulk_articles(section, 3)
    fields = ["title", "autocomplete", "body", "title_norm"]
    if connection.vendor == "postgresql":
        fields += ["title_text", "body_text"]  # the plain texts for fuzzy search

    def entry(page):
        return IndexEntry.objects.filter(object_id=str(page.pk)).values(*fields).get()

    for page in pages:
        bulk = entry(page)
        assert "zanzibar" in str(bulk["body"]).lower()  # a tsvector on PostgreSQL: stemmed
        IndexEntry.objects.filter(object_id=str(page.pk)).delete()
        cache.clear()  # the PostgreSQL backend keeps the average title length for an hour
        for backend in get_search_backends(with_auto_update=True):
            backend.add(ArticlePage.objects.get(pk=page.pk))
        assert entry(page) == bulk

    found = ArticlePage.objects.live().search("zanzibarite")
    assert {p.pk for p in found} == {p.pk for p in pages}


def test_the_prepared_fields_patch_is_undone(section):
    # The database backends on SQLite and PostgreSQL each have an ObjectIndexer.
    backend = get_search_backend()
    indexer = bulk_pages.object_indexer(backend)
    assert indexer is not None
    original = indexer.prepare_field
    with bulk_pages.fields_prepared_once(backend):
        assert indexer.prepare_field is not original
    assert indexer.prepare_field is original


def test_deferred_indexing_switches_the_search_signal_off_and_on_again(db):
    assert post_save.has_listeners(Author)
    with bulk_pages.deferred_indexing():
        quiet = Author.objects.create(name="Quiet Author", slug="quiet")
        # Disconnecting again finds nothing to disconnect: the handler is off for every model.
        assert not post_save.disconnect(post_save_signal_handler, sender=Author)
    assert not IndexEntry.objects.filter(object_id=str(quiet.pk)).exists()
    loud = Author.objects.create(name="Loud Author", slug="loud")
    assert IndexEntry.objects.filter(object_id=str(loud.pk)).exists()


def test_editors_can_explore_edit_and_publish_a_bulk_page(client, section):
    pages = bulk_articles(section, 50)
    client.force_login(editorial.make_user())

    explorer = client.get(f"/admin/pages/{section.pk}/")
    assert explorer.status_code == 200
    assert "Ferry timetable 49" in explorer.content.decode()

    page = pages[7]
    data = editorial.edit_data(client, page, title="Ferry timetable doubles")
    response = client.post(editorial.edit_url(page), {**data, "action-publish": "Publish"})
    assert response.status_code == 302, editorial.error_messages(response)
    article = ArticlePage.objects.get(pk=page.pk)
    assert article.title == "Ferry timetable doubles"
    assert article.live and article.live_revision_id
    assert client.get(article.url).status_code == 200
    assert Page.find_problems() == ([], [], [], [], [])
    # Publishing indexed it again the usual way: the new headline is found.
    assert article in ArticlePage.objects.live().search("doubles")

    out = StringIO()
    call_command("fixtree", "--noinput", stdout=out)
    assert out.getvalue().count("No problems found.") == 2, out.getvalue()  # pages, collections
