"""Helpers for the Chromium tests: pages served from Django's test client, axe-core checks.

No live server, and nothing leaves the machine.

Every request Chromium makes to ``ORIGIN`` is answered here, on the test's thread and database
connection: static files and images from disk, everything else (pages, the suggestions endpoint)
from the test client at the moment Chromium asks for it.
"""

from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DEFAULT_DB_ALIAS, connections

ORIGIN = "http://testserver"


def route_to_django(browser_page, client):
    """Answer ``browser_page``'s requests (a page, or a browser context for all its pages)."""
    test_connection = connections[DEFAULT_DB_ALIAS]

    def answer(route):
        # Playwright calls this inside its event loop, where Django keeps database connections
        # per context rather than per thread: hand the test's connection (its transaction, its
        # data) to the request, or it would open another one and find the tables locked.
        connections[DEFAULT_DB_ALIAS] = test_connection
        url = urlsplit(route.request.url)
        if f"{url.scheme}://{url.netloc}" != ORIGIN:
            route.abort()
            return
        if url.path.startswith(settings.STATIC_URL):
            file = finders.find(url.path.removeprefix(settings.STATIC_URL))
        elif url.path.startswith(settings.MEDIA_URL):
            file = Path(settings.MEDIA_ROOT) / url.path.removeprefix(settings.MEDIA_URL)
        else:
            path = f"{url.path}?{url.query}" if url.query else url.path
            response = client.generic(route.request.method, path)
            route.fulfill(
                status=response.status_code, headers=dict(response.items()), body=response.content
            )
            return
        if file and Path(file).is_file():
            route.fulfill(status=200, path=str(file))
        else:
            route.fulfill(status=404, body=b"")

    browser_page.route("**/*", answer)


def axe_violations(browser_page):
    """axe-core's violations on the page as it is now, one readable line each."""
    results = Axe().run(browser_page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
