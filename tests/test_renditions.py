"""Image renditions are made once: later renders reuse them, whatever size a template draws."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.images.models import Rendition

from tests import factories


def rendition_files():
    return {path.name for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


@pytest.mark.parametrize("view", ["home", "section", "article", "search"])
def test_a_second_render_makes_no_new_image_files(client, section, view):
    story = factories.make_article(
        section,
        "Ferry timetable doubles evening services",
        lead_image=factories.make_image("Ferry", size=(1600, 900)),
        lead_image_alt_text="The evening ferry.",
    )
    factories.make_article(
        section, "Ferry fares frozen", lead_image=factories.make_image("Quay", size=(1600, 900))
    )
    url = {"home": "/", "section": section.url, "article": story.url}.get(
        view, "/search/?query=ferry"
    )
    assert client.get(url).status_code == 200
    files, renditions = rendition_files(), Rendition.objects.count()
    assert renditions > 0

    cache.clear()  # render afresh, not from the page cache
    assert client.get(url).status_code == 200
    assert rendition_files() == files
    assert Rendition.objects.count() == renditions


def test_kept_renditions_follow_a_recropped_image(db):
    from news.rendition_cache import rendition

    image = factories.make_image("Quay", size=(1600, 900))
    first = rendition(image, "fill-400x400")
    assert rendition(image, "fill-400x400") is first  # kept: no look-up, no new object
    image.set_focal_point(None)
    image.focal_point_x, image.focal_point_y = 1400, 450
    image.focal_point_width = image.focal_point_height = 200
    image.save()
    moved = rendition(image, "fill-400x400")
    assert moved is not first
    assert moved.focal_point_key != first.focal_point_key
