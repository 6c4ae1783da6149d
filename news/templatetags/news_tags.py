import json
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from wagtail.models import Site

from news import cards, site_data, structured_data, surrogate_keys
from news.rendition_cache import rendition
from newsroom.site_url import absolute_url

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


def site_settings_for(context):
    return site_data.site_settings(context["request"])


class SitewideNode(template.Node):
    def __init__(self, nodelist, name, variations):
        self.nodelist = nodelist
        self.name = name
        self.variations = variations

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        parts = [self.name, site.pk if site else "", *(v.resolve(context) for v in self.variations)]
        return site_data.remembered(
            request,
            "fragment:" + ":".join(str(part) for part in parts),
            [surrogate_keys.SITE],
            lambda: self.nodelist.render(context),
        )


class ArticleFragmentNode(template.Node):
    def __init__(self, nodelist, name, page):
        self.nodelist = nodelist
        self.name = name
        self.page = page

    def render(self, context):
        request = context.get("request")
        page = self.page.resolve(context)
        if (
            request is None
            or getattr(request, "is_preview", False)
            or not getattr(page, "pk", None)
        ):
            return self.nodelist.render(context)

        rendered = []

        def render(ids):
            rendered.append(mark_safe(self.nodelist.render(context)))  # noqa: S308
            # Every key of the response so far, those the fragment's own cards added included;
            # a response with none (not a reader page) keeps nothing.
            keys = tuple(sorted(surrogate_keys.collected(request)))
            return {page.pk: (keys, rendered[0])} if keys else {}

        found = cards.kept(request, ("fragment", self.name), [page.pk], render)
        return found[0] if found else rendered[0]


@register.tag
def article_fragment(parser, token):
    """``{% article_fragment "name" page %}…{% endarticle_fragment %}``: markup that shows only
    the article page and what its response's surrogate keys cover, rendered once per process and
    kept (``news.cards``) until one of those keys is purged. Previews always render afresh."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("article_fragment needs a name and a page")
    nodelist = parser.parse(("endarticle_fragment",))
    parser.delete_first_token()
    return ArticleFragmentNode(nodelist, bits[1].strip("\"'"), parser.compile_filter(bits[2]))


@register.tag
def sitewide(parser, token):
    """``{% sitewide "name" [variation ...] %}…{% endsitewide %}``: markup that shows only what
    the ``site`` surrogate key covers (settings, logo, sections), rendered once per process and
    variation and kept until that key is purged (``news.site_data``)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("sitewide needs a fragment name")
    nodelist = parser.parse(("endsitewide",))
    parser.delete_first_token()
    variations = [parser.compile_filter(bit) for bit in bits[2:]]
    return SitewideNode(nodelist, bits[1].strip("\"'"), variations)


@register.simple_tag(takes_context=True)
def article_cards(context, articles, template="includes/article_card.html", **options):
    """``{% article_cards articles short=True as cards %}``: the card of each article (pages or
    their ids), drawn with ``template`` and ``options``, each kept in this process (``news.cards``)."""
    return cards.draw(context.get("request"), articles or (), template, options)


@register.simple_tag(takes_context=True)
def article_structured_data(context, page):
    request = context["request"]
    return json_ld(
        structured_data.graph(
            [
                structured_data.news_article(request, page, site_settings_for(context)),
                structured_data.breadcrumb_list(request, page),
            ]
        )
    )


@register.simple_tag(takes_context=True)
def home_structured_data(context):
    return json_ld(structured_data.home_graph(site_settings_for(context)))


@register.simple_tag(takes_context=True)
def collection_structured_data(context, url, name, description="", page=None):
    breadcrumbs = structured_data.breadcrumb_list(context["request"], page) if page else None
    return json_ld(structured_data.collection_page(url, name, description, breadcrumbs))


@register.simple_tag
def profile_structured_data(author):
    return json_ld(structured_data.profile_page(author))


@register.simple_tag(takes_context=True)
def page_absolute_url(context, page):
    """The page's URL on the site's public address (SITE_URL)."""
    return absolute_url(page.get_url(context.get("request")))


@register.simple_tag
def absolute(url):
    return absolute_url(url)


@register.filter
def iso8601(value):
    return structured_data.iso_datetime(value)


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context, title, description, url, kind="website", image=None, image_alt=""):
    """OpenGraph and Twitter card tags; the site logo stands in for pages without an image."""
    site_settings = site_settings_for(context)
    shown = None
    if image is not None:
        shown = rendition(image, structured_data.SOCIAL_IMAGE_SPEC)
    elif site_settings.logo:
        shown = rendition(site_settings.logo, "max-1200x630")
        image_alt = site_settings.site_name
    return {
        "kind": kind,
        "title": title,
        "description": description,
        "url": absolute_url(url),
        "site_name": site_settings.site_name,
        "image": shown,
        "image_url": absolute_url(shown.url) if shown else None,
        "image_alt": image_alt,
        "card": "summary_large_image" if image is not None else "summary",
    }


@register.simple_tag
def site_host():
    """The public address's host (and port), as link previews print it."""
    return urlsplit(settings.SITE_URL).netloc
