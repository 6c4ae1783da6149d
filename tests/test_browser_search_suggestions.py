"""The header search box in real Chromium: headline suggestions as the reader types, by keyboard
and pointer, accessible, safe with hostile headlines, and a plain search form without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.chromium import ORIGIN, axe_violations, route_to_django

pytestmark = pytest.mark.browser


@pytest.fixture
def articles(section):
    return {
        "ferry": factories.make_article(section, "Ferry timetable doubles evening services"),
        "fares": factories.make_article(section, "Ferry fares frozen for another year"),
        "bridge": factories.make_article(section, "Bridge repairs finish early"),
        "hostile": factories.make_article(section, "Ferrymen <img src=x onerror=alert(1)> strike"),
    }


def type_in_search_box(browser_page, client, text):
    route_to_django(browser_page, client)
    browser_page.goto(ORIGIN + "/")
    box = browser_page.get_by_role("combobox", name="Search articles")
    box.press_sequentially(text, delay=20)
    return box


def test_suggestions_appear_as_the_reader_types_and_enter_opens_one(page, client, articles):
    box = type_in_search_box(page, client, "ferr")
    listbox = page.get_by_role("listbox", name="Suggested articles")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options).to_have_count(3)
    titles = set(options.all_inner_texts())
    assert "Ferry timetable doubles evening services" in titles
    assert "Bridge repairs finish early" not in titles
    expect(page.get_by_role("status")).to_contain_text("3 suggestions")

    box.press("ArrowDown")
    first = options.nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    box.press("ArrowUp")  # wraps round to the last
    expect(options.nth(2)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    chosen = first.inner_text()
    box.press("Enter")
    article = next(a for a in articles.values() if a.title == chosen)
    expect(page).to_have_url(ORIGIN + article.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(chosen)


def test_a_click_opens_a_suggestion_and_escape_closes_the_list(page, client, articles):
    box = type_in_search_box(page, client, "Ferry fa")
    listbox = page.get_by_role("listbox", name="Suggested articles")
    expect(listbox.get_by_role("option")).to_have_count(1)
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press_sequentially("r", delay=20)  # "Ferry far": the list comes back
    option = listbox.get_by_role("option", name="Ferry fares frozen for another year")
    option.click()
    expect(page).to_have_url(ORIGIN + articles["fares"].url)


def test_arrow_down_brings_the_list_back_after_escape(page, client, articles):
    box = type_in_search_box(page, client, "ferr")
    listbox = page.get_by_role("listbox", name="Suggested articles")
    expect(listbox.get_by_role("option")).to_have_count(3)
    box.press("Escape")
    expect(listbox).to_be_hidden()
    box.press("ArrowDown")
    expect(listbox.get_by_role("option")).to_have_count(3)
    expect(box).to_have_attribute("aria-expanded", "true")


def test_ctrl_click_opens_a_suggestion_in_a_new_tab(page, context, client, articles):
    route_to_django(context, client)  # for the new tab too
    type_in_search_box(page, client, "Ferry fa")
    option = page.get_by_role("option", name="Ferry fares frozen for another year")
    with context.expect_page() as new_tab:
        option.click(modifiers=["ControlOrMeta"])
    expect(new_tab.value).to_have_url(ORIGIN + articles["fares"].url)
    assert page.url == ORIGIN + "/", "the reader stays where they were"


def test_losing_every_suggestion_is_announced(page, client, articles):
    box = type_in_search_box(page, client, "ferr")
    expect(page.get_by_role("option")).to_have_count(3)
    box.press_sequentially("zz", delay=20)
    expect(page.get_by_role("listbox", name="Suggested articles")).to_be_hidden()
    expect(page.get_by_role("status")).to_have_text("No suggestions.")


def test_enter_without_a_chosen_suggestion_still_searches(page, client, articles):
    box = type_in_search_box(page, client, "ferry")
    expect(page.get_by_role("listbox", name="Suggested articles")).to_be_visible()
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?query=ferry$"))
    expect(page.locator("main")).to_contain_text("Ferry timetable doubles evening services")


def test_no_list_for_one_letter_or_no_match(page, client, articles):
    box = type_in_search_box(page, client, "f")
    page.wait_for_timeout(400)  # longer than the typing delay: a request would have been answered
    expect(page.get_by_role("listbox", name="Suggested articles")).to_be_hidden()
    box.press_sequentially("zzqx", delay=20)
    page.wait_for_timeout(400)
    expect(page.get_by_role("listbox", name="Suggested articles")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def test_hostile_headlines_are_shown_as_text(page, client, articles):
    type_in_search_box(page, client, "Ferrym")
    option = page.get_by_role("option").first
    expect(option).to_have_text("Ferrymen <img src=x onerror=alert(1)> strike")
    assert page.locator(".site-search__suggestions img").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_suggestions_have_no_axe_violations(page, client, articles, scheme):
    page.emulate_media(color_scheme=scheme)
    type_in_search_box(page, client, "ferr")
    box = page.get_by_role("combobox", name="Search articles")
    expect(page.get_by_role("option")).to_have_count(3)
    box.press("ArrowDown")
    violations = axe_violations(page)
    assert violations == [], "; ".join(violations)


def test_without_javascript_the_box_is_a_plain_search_form(browser, client, articles):
    context = browser.new_context(java_script_enabled=False)
    try:
        no_js = context.new_page()
        route_to_django(no_js, client)
        no_js.goto(ORIGIN + "/")
        box = no_js.get_by_role("searchbox", name="Search articles")
        box.fill("ferry")
        box.press("Enter")
        expect(no_js).to_have_url(re.compile(r"/search/\?query=ferry$"))
        expect(no_js.locator("main")).to_contain_text("Ferry fares frozen for another year")
        assert no_js.get_by_role("listbox").count() == 0
    finally:
        context.close()
