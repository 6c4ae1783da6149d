"""The Wagtail userbar works on reader pages under the same Content-Security-Policy as readers get:
no script is blocked, and its menu opens."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.chromium import ORIGIN, route_to_django
from tests.editorial import make_user

pytestmark = pytest.mark.browser


def test_userbar_runs_under_the_policy(page, client, section):
    article = factories.make_article(section, "Ferry timetable doubles evening services")
    client.force_login(make_user("Editors"))
    route_to_django(page, client)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto(ORIGIN + article.url)
    assert "script-src 'self'" in response.headers["content-security-policy"]

    trigger = page.get_by_role("button", name="View Wagtail quick actions")
    expect(trigger).to_be_visible()
    trigger.click()
    expect(page.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    assert violations == []
