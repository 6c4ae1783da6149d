"""axe-core in real Chromium finds no accessibility violations on the main pages, light or dark.

Pages are rendered by Django's test client from the test's own database and handed to Chromium
through Playwright's request routing (tests/chromium.py): no live server.
"""

import pytest

from tests import factories
from tests.chromium import ORIGIN, axe_violations, route_to_django

pytestmark = pytest.mark.browser


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
        "search without results": "/search/?query=Ferr",
        "not found": "/no-such-page/",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "name",
    [
        "home",
        "section",
        "article",
        "author",
        "category",
        "search",
        "search without results",
        "not found",
    ],
)
def test_no_axe_violations(page, client, newsroom, name, scheme):
    route_to_django(page, client)
    page.emulate_media(color_scheme=scheme)
    page.goto(ORIGIN + newsroom[name])
    assert page.locator("main").count() == 1
    # The design really loaded: colour-contrast checks on unstyled pages would prove nothing.
    assert (
        page.evaluate("[...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)") > 50
    )
    violations = axe_violations(page)
    assert violations == [], f"{name} ({scheme}): " + "; ".join(violations)
