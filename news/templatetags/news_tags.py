import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from news import structured_data

register = template.Library()

# Characters that could close the script element or start markup inside it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Render ``data`` as a JSON-LD script element, safe against markup in the values."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def article_structured_data(context, page):
    from home.models import SiteSettings

    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    return json_ld(
        [
            structured_data.news_article(request, page, site_settings),
            structured_data.breadcrumb_list(request, page),
        ]
    )


@register.simple_tag(takes_context=True)
def social_image_url(context, image):
    return structured_data.social_image_url(context["request"], image)
