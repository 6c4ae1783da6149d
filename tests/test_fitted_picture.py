"""``{% fitted_picture %}`` offers only the sizes an image can fill, as the if/elif ladders it
replaced in the reader templates did (compared output for output here)."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from tests import factories

LOAD = "{% load wagtailimages_tags news_images %}"

FILL_LADDER = (
    "{% if img.width > 960 and img.height > 540 %}"
    '{% picture img format-{webp,jpeg} fill-{640x360,960x540,1280x720} sizes="50vw" alt="" %}'
    "{% elif img.width > 640 and img.height > 360 %}"
    '{% picture img format-{webp,jpeg} fill-{640x360,960x540} sizes="50vw" alt="" %}'
    '{% else %}{% picture img format-{webp,jpeg} fill-640x360 alt="" %}{% endif %}'
)
FITTED_FILL = (
    '{% fitted_picture img format-{webp,jpeg} fill-{640x360,960x540,1280x720} sizes="50vw" '
    'alt="" %}'
)
WIDTH_LADDER = (
    "{% if img.width > 800 %}"
    '{% picture img format-{webp,jpeg} width-{480,800,1200} sizes="90vw" loading="lazy" %}'
    "{% elif img.width > 480 %}"
    '{% picture img format-{webp,jpeg} width-{480,800} sizes="90vw" loading="lazy" %}'
    '{% else %}{% picture img format-{webp,jpeg} width-480 loading="lazy" %}{% endif %}'
)
FITTED_WIDTH = (
    '{% fitted_picture img format-{webp,jpeg} width-{480,800,1200} sizes="90vw" loading="lazy" %}'
)


def render(source, image):
    return Template(LOAD + source).render(Context({"img": image}))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "size",
    [(300, 200), (640, 360), (700, 400), (961, 500), (961, 541), (1500, 900)],
)
def test_same_pictures_as_the_ladders_it_replaced(size):
    image = factories.make_image(size=size)
    for ladder, fitted in ((FILL_LADDER, FITTED_FILL), (WIDTH_LADDER, FITTED_WIDTH)):
        expected = render(ladder, image)
        assert "<picture>" in expected
        assert render(fitted, image) == expected


@pytest.mark.django_db
def test_a_small_image_gets_one_candidate_and_no_sizes():
    html = render(FITTED_FILL, factories.make_image(size=(500, 300)))
    assert " 640w" not in html and "960w" not in html
    assert "sizes=" not in html


@pytest.mark.django_db
def test_a_missing_image_renders_nothing():
    assert render(FITTED_FILL, None) == ""


@pytest.mark.parametrize(
    "source",
    [
        '{% fitted_picture img format-webp fill-640x360 alt="" %}',
        '{% fitted_picture img fill-{640x360,960x540} width-{480,800} alt="" %}',
    ],
)
def test_one_list_of_sizes_is_required(source):
    with pytest.raises(TemplateSyntaxError, match="exactly one"):
        Template(LOAD + source)
