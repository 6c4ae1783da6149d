import os

import pytest

from tests import editorial, factories
from tests.throwaway_postgres import throwaway_postgres  # noqa: F401  (a fixture)

# Playwright's sync API runs an event loop; Django's ORM must be allowed to run alongside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def section(home):
    return factories.make_section("News", parent=home)


@pytest.fixture
def fixture_server():
    """Publishers' feeds and pages on 127.0.0.1 (tests/curation_server.py)."""
    from tests.curation_server import FixtureServer

    with FixtureServer() as server:
        yield server


@pytest.fixture
def writer(db):
    """A member of the "Writers" group the migrations create."""
    return editorial.make_user("Writers", username="wren-writer")


@pytest.fixture
def editor(db):
    """A member of the "Editors" group the migrations create."""
    return editorial.make_user("Editors", username="ed-editor")


@pytest.fixture
def author(db):
    return factories.make_author(
        "Ada Marsh", role="Transport correspondent", bio="Ada covers the river."
    )


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's Chromium; CI (REQUIRE_BROWSER=1) fails instead of skipping."""
    if os.path.exists(CHROMIUM) or os.environ.get("REQUIRE_BROWSER") == "1":
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install -y chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
