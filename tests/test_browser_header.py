"""The header on a phone: one line of brand and search button, one row of sections, then content.

Pages come from Django's test client through Playwright's request routing (tests/chromium.py).
"""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.chromium import ORIGIN, route_to_django

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, client, home):
    for title in ["News", "Politics", "Business", "Culture", "Science", "Opinion"]:
        factories.make_section(title, parent=home)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    route_to_django(page, client)
    yield page
    context.close()


def test_phone_header_is_short_and_opens_search_from_a_button(phone):
    phone.goto(f"{ORIGIN}/")
    header = phone.locator(".site-header").bounding_box()
    assert header["y"] + header["height"] <= 110, "content starts within ~100 px"
    nav = phone.get_by_role("navigation", name="Sections", exact=True)
    assert nav.bounding_box()["height"] < 50, "sections on one scrollable row"

    search_box = phone.get_by_label("Search articles")
    expect(search_box).to_be_hidden()
    button = phone.get_by_role("button", name="Search the site")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(search_box).to_be_visible()
    expect(search_box).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "true")
    phone.keyboard.press("Escape")
    expect(search_box).to_be_hidden()
    expect(button).to_be_focused()


def test_without_javascript_the_search_button_is_a_link(browser, client, home):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    route_to_django(page, client)
    page.goto(f"{ORIGIN}/")
    page.get_by_role("link", name="Search the site").click()
    expect(page).to_have_url(f"{ORIGIN}/search/")
    expect(page.get_by_role("searchbox", name="Search the site")).to_be_visible()
    context.close()
