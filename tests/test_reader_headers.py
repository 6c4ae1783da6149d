"""Reader pages carry a Content-Security-Policy that lets only the site's own scripts run (for
signed-in editors too; only the admin, with its live preview, is left without one), and ask
browsers to revalidate, which an unchanged page answers with a 304. Pages seen by a signed-in
user are private to their browser."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage

from tests import factories
from tests.editorial import make_user


def policy(response):
    header = response.get("Content-Security-Policy")
    if header is None:
        return None
    pairs = (directive.strip().partition(" ") for directive in header.split(";"))
    return {name: value for name, _, value in pairs}


@pytest.mark.parametrize("path", ["/", "section", "article", "/search/?query=ferry", "/no-such/"])
def test_reader_pages_allow_only_the_sites_own_scripts(client, section, path):
    article = factories.make_article(section, "Ferry timetable doubles evening services")
    path = {"section": section.url, "article": article.url}.get(path, path)
    directives = policy(client.get(path))
    assert directives is not None
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"


def test_cached_pages_carry_the_policy_too(client, section):
    client.get(section.url)
    response = client.get(section.url)
    assert response["X-Cache"] == "hit"
    assert policy(response)["script-src"] == "'self'"


def test_only_the_admin_goes_without_a_policy(client, section):
    client.force_login(make_user("Editors"))
    assert policy(client.get("/admin/")) is None


@pytest.mark.parametrize("group", ["Writers", "Editors"])
@pytest.mark.parametrize("path", ["/", "article", "/search/?query=ferry", "/no-such/"])
def test_signed_in_users_get_the_policy_and_private_pages(client, section, group, path):
    article = factories.make_article(section, "Ferry timetable doubles evening services")
    client.force_login(make_user(group))
    response = client.get({"article": article.url}.get(path, path))
    assert "wagtail-userbar" in response.content.decode() or response.status_code == 404
    directives = policy(response)
    assert directives is not None
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= cache_control
    assert "public" not in cache_control
    assert not any(part.startswith(("max-age", "s-maxage")) for part in cache_control)


def test_reader_pages_are_revalidated_and_unchanged_ones_answered_with_304(client, section):
    first = client.get(section.url)
    assert first["Cache-Control"] == "no-cache"
    assert first.has_header("ETag")
    again = client.get(section.url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""

    factories.make_article(section, "A new story changes the section page")
    changed = client.get(section.url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert "A new story changes the section page" in changed.content.decode()


def test_static_files_and_uploads_keep_their_own_caching(client, section):
    static = client.get(staticfiles_storage.url("css/site.css"))
    assert static.status_code == 200
    assert "no-cache" not in static["Cache-Control"]
    image = factories.make_image("Ferry")
    upload = client.get(image.file.url)
    assert upload.status_code == 200
    assert "no-cache" not in upload.get("Cache-Control", "")
