"""Wagtail's ``image``, ``srcset_image`` and ``picture`` tags, with their filters parsed once and
their markup kept in each process.

Wagtail's tags build new ``Filter`` objects on every render, and each parses and validates its
operations again (``inspect.getcallargs`` per operation): a few hundred times on the home page.
The filter specs of a tag never change, so these parse them when the template is compiled.

Then each picture's markup (``<picture>`` with its sources, sizes and attributes) is kept for
``MARKUP_SECONDS``, keyed on everything it is made from: the tag's filters and attributes, and the
image's file, file hash, focal point and default alt text. A replaced or re-cropped image gets new
keys, as its renditions do (``news.rendition_cache`` keeps renditions as long).
``fitted_picture`` is ``picture`` for a list of sizes, offering only those the image can fill.
Load this library after ``wagtailimages_tags``.
"""

import re
import time

from django import template
from django.template.base import Token, TokenType
from wagtail.images.templatetags import wagtailimages_tags
from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode

from news.rendition_cache import LOCAL_TIMEOUT, image_key

register = template.Library()

MARKUP_SECONDS = LOCAL_TIMEOUT
MARKUP_LIMIT = 5000
_markup = {}  # key -> (kept until, markup)


def forget():
    """Drop the picture markup this process keeps."""
    _markup.clear()


def _keep_markup(node):
    render = node.render
    specs = (type(node).__name__, *node.filter_specs)

    def render_kept(context):
        if node.output_var_name:
            return render(context)
        try:
            image = node.image_expr.resolve(context)
        except template.VariableDoesNotExist:
            image = None
        if not image or getattr(image, "pk", None) is None:
            return render(context)
        attrs = tuple((name, str(value.resolve(context))) for name, value in node.attrs.items())
        key = (specs, attrs, *image_key(image))
        now = time.monotonic()
        kept = _markup.get(key)
        if kept is not None and kept[0] > now:
            return kept[1]
        markup = render(context)
        if len(_markup) >= MARKUP_LIMIT:
            _markup.clear()
        _markup[key] = (now + MARKUP_SECONDS, markup)
        return markup

    node.render = render_kept


def image(parser, token):
    node = wagtailimages_tags.image(parser, token)
    if isinstance(node, SrcsetImageNode):
        filters = node.get_filters()
        for image_filter in filters:
            image_filter.operations  # noqa: B018 (parse now: a bad spec fails at compile time)
        node.get_filters = lambda: filters
    else:
        single = node.get_filter()
        single.operations  # noqa: B018
        node.get_filter = lambda: single
    _keep_markup(node)
    return node


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)

SIZE_LADDER = re.compile(r"^(?P<operation>fill|width)-\{(?P<sizes>[^{}]+)\}(?P<rest>.*)$")


class FittedPictureNode(template.Node):
    """Picks the ``picture`` whose sizes the image can fill; see ``fitted_picture``."""

    def __init__(self, image_expr, thresholds, pictures):
        self.image_expr = image_expr
        self.thresholds = thresholds  # (width, height or None) each size needs the image to exceed
        self.pictures = pictures  # one picture node per number of sizes offered, 1 to all

    def render(self, context):
        try:
            image = self.image_expr.resolve(context)
        except template.VariableDoesNotExist:
            image = None
        if not image:
            return ""
        offered = 1
        for width, height in self.thresholds:
            if image.width <= width or (height is not None and image.height <= height):
                break
            offered += 1
        return self.pictures[offered - 1].render(context)


@register.tag
def fitted_picture(parser, token):
    """``{% picture %}`` that never offers a size bigger than the image itself.

    Takes the same arguments as ``picture``, with one ``fill-{…}`` or ``width-{…}`` list of sizes,
    smallest first. A size is offered only when the image is larger than the size before it (so
    a small upload does not get a "1280w" candidate that is really 700 pixels wide); with only
    the smallest left, ``sizes`` is dropped, as a single candidate needs none.
    """
    tag_name, image_bit, *bits = token.split_contents()
    ladders = [(index, SIZE_LADDER.match(bit)) for index, bit in enumerate(bits)]
    ladders = [(index, match) for index, match in ladders if match]
    if len(ladders) != 1:
        raise template.TemplateSyntaxError(
            f"{tag_name} needs exactly one fill-{{…}} or width-{{…}} list of sizes"
        )
    index, ladder = ladders[0]
    sizes = ladder["sizes"].split(",")
    thresholds = []
    for size in sizes[:-1]:
        width, _, height = size.partition("x")
        thresholds.append((int(width), int(height) if height else None))

    pictures = []
    for count in range(1, len(sizes) + 1):
        offered = sizes[0] if count == 1 else "{" + ",".join(sizes[:count]) + "}"
        spec = f"{ladder['operation']}-{offered}{ladder['rest']}"
        picture_bits = [*bits[:index], spec, *bits[index + 1 :]]
        if count == 1:
            picture_bits = [bit for bit in picture_bits if not bit.startswith("sizes=")]
        contents = " ".join(["picture", image_bit, *picture_bits])
        pictures.append(image(parser, Token(TokenType.BLOCK, contents)))
    return FittedPictureNode(parser.compile_filter(image_bit), thresholds, pictures)
