"""The site's public address, ``settings.SITE_URL``: the one source of every absolute URL.

Canonical links, OpenGraph, JSON-LD, sitemaps, feeds, share links, robots.txt and notification
emails all build on it, and ``sync_default_site`` points Wagtail's default Site record at it, so
that Wagtail's own full URLs (the admin's "View live", page.full_url) agree.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(url):
    """``url`` (a path, or an already absolute URL) as an absolute URL on the public address."""
    if not url:
        return None
    if urlsplit(url).scheme:
        return url
    return settings.SITE_URL + (url if url.startswith("/") else f"/{url}")


def site_host_and_port():
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(**kwargs):
    """Give the default Site the hostname and port of SITE_URL (run after every migrate)."""
    from wagtail.models import Site

    hostname, port = site_host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])  # post_save clears Wagtail's site cache


def on_public_address(url):
    """``url`` with the scheme and host of SITE_URL (for URLs Wagtail built from a Site record)."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return absolute_url(path or "/")
