"""What keeps reader pages cheap as the archive grows: stored sections and category counts,
and image renditions that are not written back to the cache on every render."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.utils import timezone
from wagtail.images.models import Rendition
from wagtail.models import PageViewRestriction

from news import bulk_pages
from news.models import ArticlePage, ArticlePageAuthor, Category, NewsIndexPage
from news.models.pages import ArticlePageQuerySet
from news.pagination import DeferredJoinPaginator
from tests import factories


def test_an_article_knows_its_section_and_follows_a_move(home, section):
    article = factories.make_article(section, "Ferry timetable doubles")
    assert article.section_id == section.pk
    sport = factories.make_section("Sport", parent=home)

    article.move(sport, pos="last-child")

    assert ArticlePage.objects.get(pk=article.pk).section_id == sport.pk
    assert list(sport.get_articles()) == [ArticlePage.objects.get(pk=article.pk)]
    assert not section.get_articles().exists()


def test_category_counts_follow_publishing(section):
    transport = factories.make_category("Transport")
    weather = factories.make_category("Weather")
    first = factories.make_article(section, "Bridge closes", categories=[transport])
    factories.make_article(section, "Bus lanes", categories=[transport, weather])
    factories.make_article(section, "Draft", categories=[weather], publish=False)

    assert [(c.name, c.live_article_count) for c in Category.objects.popular()] == [
        ("Transport", 2),
        ("Weather", 1),
    ]
    first.unpublish()
    assert Category.objects.get(pk=transport.pk).live_article_count == 1


def test_category_counts_leave_out_private_sections(home, section):
    transport = factories.make_category("Transport")
    staff = factories.make_section("Staff", parent=home)
    factories.make_article(staff, "Rota", categories=[transport])
    factories.make_article(section, "Bridge closes", categories=[transport])
    assert Category.objects.get(pk=transport.pk).live_article_count == 2

    PageViewRestriction.objects.create(page=staff, restriction_type="login")
    assert Category.objects.get(pk=transport.pk).live_article_count == 1


def test_category_counts_leave_out_expired_articles_like_listings(section):
    """An article past its expiry is still live until the scheduler unpublishes it, but no
    listing shows it: the popular-categories count does not count it either."""
    transport = factories.make_category("Transport")
    factories.make_article(section, "Bridge closes", categories=[transport])
    factories.make_article(
        section,
        "Road works tonight",
        categories=[transport],
        expire_at=timezone.now() - timedelta(minutes=1),
    )
    Category.objects.recount_articles()
    assert Category.objects.get(pk=transport.pk).live_article_count == 1
    assert [a.title for a in section.get_articles()] == ["Bridge closes"]


@pytest.mark.parametrize("view", ["home", "article"])
def test_a_render_writes_no_rendition_it_read_back_to_the_cache(client, section, view):
    story = factories.make_article(
        section,
        "Ferry timetable doubles evening services",
        lead_image=factories.make_image("Ferry", size=(1600, 900)),
        lead_image_alt_text="The evening ferry.",
    )
    url = ("/" if view == "home" else story.url) + "?fresh=1"  # not from the page cache
    assert client.get(url).status_code == 200
    assert Rendition.objects.exists()

    # Another worker: nothing in its own memory, everything in the shared cache.
    caches["renditions"].clear()
    with (
        mock.patch.object(cache, "set", wraps=cache.set) as set_one,
        mock.patch.object(cache, "set_many", wraps=cache.set_many) as set_many,
    ):
        assert client.get(url).status_code == 200
    written = [call.args[0] for call in set_one.call_args_list]
    written += [key for call in set_many.call_args_list for key in call.args[0]]
    assert not [key for key in written if "rendition" in key]


def test_a_deleted_rendition_leaves_both_caches(section):
    image = factories.make_image("Quay", size=(800, 600))
    rendition = image.get_rendition("fill-400x300")
    key = rendition.get_cache_key()
    assert caches["renditions"].get(key) is not None

    rendition.delete()
    assert caches["renditions"].get(key) is None
    assert cache.get(key) is None


def archive(section, count, author, category, tied=4):
    """``count`` live articles made in bulk, the newest ``tied`` of them at the same minute."""
    now = timezone.now()
    pages = []
    for n in range(count):
        date = now - timedelta(hours=max(n, tied))  # equal dates: the id decides the order
        page = ArticlePage(
            title=f"Story {n}",
            slug=f"story-{n}",
            standfirst="A story.",
            display_date=date,
            first_published_at=date,
            last_published_at=date,
            body=[("paragraph", "<p>Text.</p>")],
            section=section,
        )
        page.article_authors = [ArticlePageAuthor(author=author)] if n % 3 == 0 else []
        page.categories = [category] if n % 2 == 0 else []
        pages.append(page)
    with bulk_pages.deferred_indexing():
        bulk_pages.add_live_children(section, pages)
    return pages


def listing(client, url, pages):
    seen = []
    for number in range(1, pages + 1):
        response = client.get(f"{url}?page={number}")
        assert response.status_code == 200
        seen.append(list(response.context["articles"]))
    return seen


def test_deep_pages_seek_to_the_same_articles_offset_would_show(client, section, monkeypatch):
    author = factories.make_author("Ada Marsh")
    category = factories.make_category("Transport")
    archive(section, 41, author, category)
    factories.make_article(section, "Draft in the middle", publish=False, days_ago=1)
    monkeypatch.setattr(NewsIndexPage, "articles_per_page", 3)
    monkeypatch.setattr(DeferredJoinPaginator, "seek_after", 2)
    expected = list(section.get_articles().values_list("pk", flat=True))
    assert len(expected) == 41

    starts = DeferredJoinPaginator.page_starts
    with mock.patch.object(
        DeferredJoinPaginator, "page_starts", autospec=True, side_effect=starts
    ) as page_starts:
        seen = listing(client, section.url, 14)
    assert seen == [expected[i : i + 3] for i in range(0, 41, 3)]
    # Pages 3 to 14 seek from the first rows of each page, listed once and then cached.
    assert page_starts.call_count == 1
    assert client.get(f"{section.url}?page=15").status_code == 404


@pytest.mark.parametrize("common_topic", [0, 10_000])
def test_author_and_category_listings_either_way_round(client, section, common_topic, monkeypatch):
    author = factories.make_author("Ada Marsh")
    category = factories.make_category("Transport")
    pages = archive(section, 30, author, category)
    newest_first = sorted(pages, key=lambda p: (p.display_date, p.pk), reverse=True)
    monkeypatch.setattr(ArticlePageQuerySet, "common_topic", common_topic)

    by_author = [p.pk for p in newest_first if p.article_authors.all()]
    by_category = [p.pk for p in newest_first if p.categories.all()]
    [first] = listing(client, author.get_absolute_url(), 1)
    assert first == by_author[:12]
    first, second = listing(client, category.get_absolute_url(), 2)
    assert first + second == by_category[:24]
