"""Headers for what readers are served: a Content-Security-Policy and a revalidation rule.

Reader pages load scripts, styles, fonts and data from this site only, so an injected script tag
(a hostile headline, a pasted embed) cannot run. Style attributes stay allowed: Wagtail's
responsive embeds size their frames with one. Signed-in editors get the same policy on reader
pages: the Wagtail userbar loads its scripts from this site and runs no inline script. Only the
admin (its editor and live preview rely on inline scripts) is left without one.

Browsers may keep a page but must ask again before showing it (``no-cache``): a correction shows
on the next visit, and an unchanged page costs a 304 (ConditionalGetMiddleware's ETag). A page
seen by a signed-in user (userbar, private pages, previews of their session) is for that browser
only: ``private, no-cache``, so no shared cache keeps it.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
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


def _admin_path():
    return _reversed_admin_path(get_urlconf(), get_script_prefix())


@lru_cache(maxsize=8)
def _reversed_admin_path(urlconf, prefix):
    return reverse("wagtailadmin_home", urlconf=urlconf)


class ReaderHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(_admin_path()):
            return response
        response.headers.setdefault("Content-Security-Policy", POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if not request.path.startswith(settings.MEDIA_URL):
                response["Cache-Control"] = "private, no-cache"
            return response
        # Pages only: images and other uploads keep their own caching (WhiteNoise sets it for
        # static files), or every picture would be fetched again on every page view.
        if "Cache-Control" not in response and not request.path.startswith(settings.MEDIA_URL):
            patch_cache_control(response, no_cache=True)
        return response
