"""What keeps reader pages cheap as the archive grows: stored sections and category counts,
and image renditions that are not written back to the cache on every render."""

from unittest import mock

import pytest
from django.core.cache import cache, caches
from wagtail.images.models import Rendition
from wagtail.models import PageViewRestriction

from news.models import ArticlePage, Category
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
