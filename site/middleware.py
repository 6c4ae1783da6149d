"""Headers for what readers are served: a Content-Security-Policy and a revalidation rule.

Reader pages load scripts, styles, fonts and data from this site only, so an injected script tag
(a hostile headline, a pasted embed) cannot run. Style attributes stay allowed: Wagtail's
responsive embeds size their frames with one. Editors are left out: the Wagtail admin, its live
preview and the userbar on pages rely on inline scripts.

Browsers may keep a page but must ask again before showing it (``no-cache``): a correction shows
on the next visit, and an unchanged page costs a 304 (ConditionalGetMiddleware's ETag).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.cache import patch_cache_control

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "media-src 'self' https:",
        "frame-src https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


def _editor_paths():
    return (reverse("wagtailadmin_home"), reverse("admin:index"))


class ReaderHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith(_editor_paths()) or (user and user.is_authenticated):
            return response
        response.headers.setdefault("Content-Security-Policy", POLICY)
        # Pages only: images and other uploads keep their own caching (WhiteNoise sets it for
        # static files), or every picture would be fetched again on every page view.
        if "Cache-Control" not in response and not request.path.startswith(settings.MEDIA_URL):
            patch_cache_control(response, no_cache=True)
        return response
