from io import BytesIO

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from PIL import Image, ImageOps

from news import surrogate_keys
from newsroom.site_url import absolute_url

ICON_MAX_AGE = 60 * 60 * 24
FALLBACK_ICON = "favicon-180.png"


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
        f"Sitemap: {absolute_url(reverse('sitemap_news'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _icon_source(request):
    """The site logo chosen in the site settings, else the icon shipped with the site."""
    from home.models import SiteSettings

    logo = SiteSettings.for_request(request).logo
    if logo is not None:
        return f"logo-{logo.pk}-{logo.file_hash or logo.file.name}", logo.open_file
    path = finders.find(FALLBACK_ICON)
    return f"static-{FALLBACK_ICON}", lambda: open(path, "rb")


def _square(opened, size):
    """The image centred on a white square of ``size`` pixels (logos are rarely square)."""
    with opened() as file, Image.open(file) as image:
        image = ImageOps.exif_transpose(image).convert("RGBA")
        image.thumbnail((size, size), Image.Resampling.LANCZOS)
        canvas = Image.new("RGBA", (size, size), (255, 255, 255, 255))
        canvas.alpha_composite(image, ((size - image.width) // 2, (size - image.height) // 2))
        return canvas


def _icon_response(request, kind):
    """/favicon.ico and /apple-touch-icon.png, made from the logo once and cached."""
    key, opened = _icon_source(request)
    cache_key = f"site-icon:{kind}:{key}"
    body = cache.get(cache_key)
    if body is None:
        buffer = BytesIO()
        if kind == "ico":
            _square(opened, 64).save(buffer, "ICO", sizes=[(16, 16), (32, 32), (48, 48)])
        else:
            _square(opened, 180).convert("RGB").save(buffer, "PNG", optimize=True)
        body = buffer.getvalue()
        cache.set(cache_key, body, None)
    response = HttpResponse(body, content_type="image/x-icon" if kind == "ico" else "image/png")
    response["Cache-Control"] = f"public, max-age={ICON_MAX_AGE}"
    # A front cache keeps it by Cache-Control; a new or edited logo purges the site's key.
    surrogate_keys.add(request, surrogate_keys.SITE)
    return response


@require_safe
def favicon_ico(request):
    return _icon_response(request, "ico")


@require_safe
def apple_touch_icon(request):
    return _icon_response(request, "png")
