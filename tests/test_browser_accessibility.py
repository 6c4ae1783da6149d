"""axe-core in real Chromium finds no accessibility violations on the main pages, light or dark.

Pages are rendered by Django's test client from the test's own database and handed to Chromium
through Playwright's request routing, with static files and images from disk: no live server.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.staticfiles import finders

from tests import factories

pytestmark = pytest.mark.browser
ORIGIN = "http://testserver"


@pytest.fixture
def newsroom(section, author):
    politics = factories.make_category("Politics", description="Council and elections.")
    promo = factories.make_promo(sitewide=True, image=factories.make_image("Town hall"))
    related = factories.make_article(section, "Bridge repairs finish early", categories=[politics])
    article = factories.make_article(
        section,
        "Ferry timetable doubles evening services",
        authors=[author],
        categories=[politics],
        tags=["ferries"],
        related=[related],
        promos=[promo],
        publisher=factories.make_publisher(),
        source_url="https://valley-courier.example.com/2026/ferry",
        lead_image=factories.make_image("Ferry", size=(1600, 900)),
        lead_image_alt_text="The evening ferry leaving the north quay.",
        lead_image_caption="The ferry at dusk.",
        lead_image_credit="Jo Park",
    )
    return {
        "home": "/",
        "section": section.url,
        "article": article.url,
        "author": author.get_absolute_url(),
        "category": politics.get_absolute_url(),
        "search": "/search/?query=ferry",
        "not found": "/no-such-page/",
    }


def serve(browser_page, client, path):
    """Answer Chromium's requests: the page from Django's test client (rendered here, on the test's
    thread and database connection), its static files and images from disk."""
    response = client.get(path)
    document = (response.status_code, dict(response.items()), response.content)

    def answer(route):
        url = urlsplit(route.request.url)
        if f"{url.scheme}://{url.netloc}" != ORIGIN:
            route.abort()  # nothing may leave the machine
            return
        if url.path.startswith(settings.STATIC_URL):
            file = finders.find(url.path.removeprefix(settings.STATIC_URL))
        elif url.path.startswith(settings.MEDIA_URL):
            file = Path(settings.MEDIA_ROOT) / url.path.removeprefix(settings.MEDIA_URL)
        else:
            status, headers, body = document
            route.fulfill(status=status, headers=headers, body=body)
            return
        if file and Path(file).is_file():
            route.fulfill(status=200, path=str(file))
        else:
            route.fulfill(status=404, body=b"")

    browser_page.route("**/*", answer)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "name", ["home", "section", "article", "author", "category", "search", "not found"]
)
def test_no_axe_violations(page, client, newsroom, name, scheme):
    serve(page, client, newsroom[name])
    page.emulate_media(color_scheme=scheme)
    page.goto(ORIGIN + newsroom[name])
    assert page.locator("main").count() == 1
    # The design really loaded: colour-contrast checks on unstyled pages would prove nothing.
    assert (
        page.evaluate("[...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)") > 50
    )
    results = Axe().run(page)
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
    assert violations == [], f"{name} ({scheme}): " + "; ".join(violations)
