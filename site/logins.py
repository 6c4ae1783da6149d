"""Brute-force protection for every door that takes a password.

django-axes counts failures per account and per client on the Wagtail admin login and
``/_util/login/`` (both Django auth logins; Django's own admin is not served). Page passwords are
not Django logins, so their form is wrapped here and its failures are reported to axes too, under
a pseudo account named after the restriction (a colon keeps it apart from real usernames): the
same limits, the same lockout page, the same unlock list.
"""

import ipaddress

from axes.backends import AxesBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from wagtail.views import authenticate_with_password

PAGE_PASSWORD_PREFIX = "page-password:"  # noqa: S105 - a label, not a secret


def client_ip(request):
    """The reader's address: nginx's X-Real-IP when the request came through it, else the peer.

    gunicorn listens on loopback only, so a loopback peer is the local proxy (or someone on the
    server itself); a header sent by anyone else is ignored.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
    try:
        if forwarded and ipaddress.ip_address(peer).is_loopback:
            return str(ipaddress.ip_address(forwarded))
    except ValueError:
        pass
    return peer


class LoginAttemptsBackend(AxesBackend):
    """Django's ModelBackend, behind axes' lockout check for every login made through a request.

    Logins without a request (the test client, scripts) cannot come from the web, and axes would
    refuse them outright: they go straight to the password check.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is not None:
            # Raises PermissionDenied while the account or the client is locked out.
            super().authenticate(request, username=username, password=password, **kwargs)
        return ModelBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )


def lockout_response(request, original_response=None, credentials=None):
    username = (credentials or {}).get("username") or ""
    return render(
        request,
        "account_locked.html",
        {
            "page_password": username.startswith(PAGE_PASSWORD_PREFIX),
            "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )


def throttled_authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, refused after too many wrong passwords."""
    credentials = {"username": f"{PAGE_PASSWORD_PREFIX}{page_view_restriction_id}"}
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, None, credentials)
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects on the right password and shows the form again on a wrong one.
    if request.method == "POST" and response.status_code == 200:
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return response
