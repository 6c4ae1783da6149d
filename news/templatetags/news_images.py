"""Wagtail's ``image``, ``srcset_image`` and ``picture`` tags, with their filters parsed once.

Wagtail's tags build new ``Filter`` objects on every render, and each parses and validates its
operations again (``inspect.getcallargs`` per operation): a few hundred times on the home page.
The filter specs of a tag never change, so these parse them when the template is compiled.
Load this library after ``wagtailimages_tags``.
"""

from django import template
from wagtail.images.templatetags import wagtailimages_tags
from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode

register = template.Library()


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
    return node


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
