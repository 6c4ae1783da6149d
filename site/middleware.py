"""A Content-Security-Policy for what readers are served.

Reader pages load scripts, styles, fonts and data from this site only, so an injected script tag
(a hostile headline, a pasted embed) cannot run. Style attributes stay allowed: Wagtail's
responsive embeds size their frames with one. Editors are left out: the Wagtail admin, its live
preview and the userbar on pages rely on inline scripts.
"""

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
EDITOR_PATHS = ("/admin/", "/django-admin/")


class ReaderContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith(EDITOR_PATHS) or (user and user.is_authenticated):
            return response
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response
