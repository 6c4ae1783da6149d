"""The scale-out stack for real, as production runs it: nginx (deploy/nginx/) in front of Varnish
(xkey) in front of two gunicorn app servers sharing one PostgreSQL database, one Redis and one
media folder. An editor publishes through one app server; the very next request through the
front shows the story on every page that lists it, and pages that do not show it are still
answered from the front cache. Nobody outside can purge, or poison the cache with headers.

Needs nginx, varnishd with the xkey vmod, redis-server and PostgreSQL on 127.0.0.1:5432; in CI
(REQUIRE_NGINX=1, REQUIRE_VARNISH=1, REQUIRE_POSTGRES=1) a missing part fails instead of skipping.
"""

import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from newsroom import frontcache
from newsroom import stack as scale_out
from tests import editorial

pytestmark = [pytest.mark.stack, pytest.mark.django_db(databases=[])]

SETUP = """
import json
from django.contrib.auth import get_user_model
from tests import factories

city = factories.make_section("City")
sport = factories.make_section("Sport")
ada = factories.make_author("Ada Marsh")
ben = factories.make_author("Ben Okoro")
transport = factories.make_category("Transport")
football = factories.make_category("Football")
for n in range(3):
    factories.make_article(city, f"City story {n}", authors=[ada], categories=[transport], days_ago=n + 1)
    factories.make_article(sport, f"Sport story {n}", authors=[ben], categories=[football], days_ago=n + 1)
draft = factories.make_article(
    city, "Night ferry runs until dawn", authors=[ada], categories=[transport], publish=False
)
weather = factories.make_section("Weather")
fog = factories.make_image("Fog over the estuary", size=(1280, 720))
forecast = factories.make_article(
    weather, "Fog until noon", lead_image=fog, lead_image_alt_text="Fog over the estuary"
)
get_user_model().objects.create_superuser("stack-editor", "ed@example.com", "%(password)s")
print(json.dumps({
    "draft": draft.pk,
    "image": fog.pk,
    "image_file": fog.file.url,
    "forecast": forecast.url,
}))
"""


def _need(condition, reason, required_by):
    if condition:
        return
    if os.environ.get(required_by) == "1":
        pytest.fail(f"{reason} ({required_by}=1)")
    pytest.skip(reason)


def _postgres_reachable():
    import psycopg

    try:
        psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", connect_timeout=3).close()
    except psycopg.OperationalError:
        return False
    return True


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    redis_server = shutil.which("redis-server")
    _need(redis_server, "redis-server is not installed", "REQUIRE_VARNISH")
    port = scale_out.free_port()
    server = subprocess.Popen(
        [redis_server, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        cwd=tmp_path_factory.mktemp("redis"),
    )
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def stack(tmp_path_factory, redis_url):
    _need(os.path.exists(scale_out.VARNISHD), "varnishd is not installed", "REQUIRE_VARNISH")
    _need(os.path.exists(scale_out.NGINX), "nginx is not installed", "REQUIRE_NGINX")
    _need(_postgres_reachable(), "no PostgreSQL on 127.0.0.1:5432", "REQUIRE_POSTGRES")
    # Not under pytest's private temporary folder: varnishd reads its VCL as another user.
    directory = Path(tempfile.mkdtemp(prefix="newsroom-stack-"))
    database_url = f"postgres://postgres@127.0.0.1:5432/newsroom_stack_{uuid.uuid4().hex[:10]}"
    running = scale_out.Stack(
        directory=directory,
        database_url=database_url,
        redis_url=redis_url,
        front_port=scale_out.free_port(),
        varnish_port=scale_out.free_port(),
        purge_port=scale_out.free_port(),
        workers=1,
        media_root=str(directory / "media"),
        static_root=str(directory / "static"),
        scheduler=False,
        # One purge per change, so that what the test sees follows from its own requests.
        extra_environment={"FRONT_CACHE_REPURGE_SECONDS": "0"},
    )
    scale_out.ensure_database(database_url)
    try:
        scale_out.manage(running, "migrate", "--verbosity", "0")
        scale_out.manage(running, "collectstatic", "--noinput", "--verbosity", "0")
        output = scale_out.manage(
            running,
            "shell",
            "-c",
            SETUP % {"password": editorial.PASSWORD},
            capture_output=True,
            text=True,
        ).stdout
        running.ids = json.loads(output.strip().splitlines()[-1])
        scale_out.up(running, apps=2)
        yield running
    finally:
        scale_out.down(running)
        scale_out.drop_database(database_url)
        shutil.rmtree(directory, ignore_errors=True)


def http_request(url, data=None, method=None, **headers):
    return urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310


def fetch(url, opener=None, method=None, **headers):
    request = http_request(url, method=method, **{"Accept-Encoding": "identity", **headers})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def front(stack, path):
    return fetch(stack.front_url + path)


LISTINGS = ["/", "/city/", "/authors/ada-marsh/", "/categories/transport/", "/feed/"]
UNTOUCHED = ["/sport/", "/authors/ben-okoro/", "/categories/football/", "/sport/feed/"]


def publish_through_app_server(stack, page_id):
    """Log in to the first app server's admin and press Publish, as an editor's browser does."""
    app = f"http://127.0.0.1:{stack.app_ports[0]}"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    fetch(f"{app}/admin/login/", opener)
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    credentials = {
        "username": "stack-editor",
        "password": editorial.PASSWORD,
        "csrfmiddlewaretoken": token,
    }
    signed_in = opener.open(
        http_request(
            f"{app}/admin/login/",
            urllib.parse.urlencode(credentials).encode(),
            Referer=f"{app}/admin/login/",
        ),
        timeout=20,
    )
    assert "/login/" not in signed_in.url, "the editor is signed in"
    _status, _headers, html = fetch(f"{app}/admin/pages/{page_id}/edit/", opener)
    data = querydict_from_html(html, form_id="page-edit-form")
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    data.update(nested_form_data({"body": editorial.body_data(editorial.DEFAULT_BLOCKS)}))
    data["action-publish"] = "action-publish"
    # The token is rendered outside the form element; the browser sends it from the cookie's.
    data["csrfmiddlewaretoken"] = next(c.value for c in jar if c.name == "csrftoken")
    try:
        response = opener.open(
            http_request(
                f"{app}/admin/pages/{page_id}/edit/",
                data.urlencode().encode(),
                Referer=f"{app}/admin/pages/{page_id}/edit/",
            ),
            timeout=60,
        )
    except urllib.error.HTTPError as error:
        log = (Path(stack.directory) / "app1.log").read_text(errors="replace")
        pytest.fail(f"Publishing answered {error.code}; the app server logged:\n{log[-4000:]}")
    assert "/edit/" not in response.url, "publishing redirected away from the editor"


def test_a_publish_through_one_app_server_shows_at_once_through_the_front(stack):
    for path in LISTINGS + UNTOUCHED:
        status, _headers, body = front(stack, path)
        assert status == 200, path
        assert "Night ferry runs until dawn" not in body
        assert front(stack, path)[1]["X-Front-Cache"] == "hit", f"{path} is kept by the front"

    publish_through_app_server(stack, stack.ids["draft"])

    # No waiting: the purge went out before the editor's request returned.
    for path in LISTINGS:
        status, headers, body = front(stack, path)
        assert status == 200, path
        assert "Night ferry runs until dawn" in body, f"{path} shows the new story"
        assert headers["X-Front-Cache"] == "miss", path
        assert front(stack, path)[1]["X-Front-Cache"] == "hit", f"{path} is kept again"
    for path in UNTOUCHED:
        status, headers, body = front(stack, path)
        assert headers["X-Front-Cache"] == "hit", f"{path} does not show the story: not purged"
        assert "Night ferry runs until dawn" not in body


def test_the_fastly_purge_request_purges_by_surrogate_key(stack, settings):
    """The CDN backend's request (Fastly's purge-by-key API shape), sent to our Varnish."""
    front(stack, "/sport/")
    assert front(stack, "/sport/")[1]["X-Front-Cache"] == "hit"
    _status, headers, _body = fetch(f"http://127.0.0.1:{stack.app_ports[1]}/sport/")
    sport_keys = headers["xkey"].split()
    section_key = next(key for key in sport_keys if key.startswith("s"))

    settings.FASTLY_API_URL = stack.purge_url
    settings.FASTLY_SERVICE_ID = "newsroom-test"
    settings.FASTLY_API_TOKEN = "not-a-real-token"
    requests = list(frontcache.fastly_requests([section_key]))
    assert [request.get_method() for request in requests] == ["POST"]
    assert requests[0].full_url == f"{stack.purge_url}/service/newsroom-test/purge"
    assert requests[0].get_header("Fastly-key") == "not-a-real-token"
    answers = [frontcache._send(request) for request in requests]
    assert re.search(r"Purged [1-9]", answers[0]), answers[0]
    assert front(stack, "/sport/")[1]["X-Front-Cache"] == "miss"


def test_logged_in_editors_and_the_admin_pass_the_front(stack):
    front(stack, "/city/")
    assert front(stack, "/city/")[1]["X-Front-Cache"] == "hit"
    _status, headers, _body = fetch(stack.front_url + "/city/", Cookie="sessionid=abc123")
    assert headers["X-Front-Cache"] == "miss", "a session goes to the app servers"
    _status, headers, _body = front(stack, "/admin/login/")
    assert headers["X-Front-Cache"] == "miss"
    assert "Surrogate-Control" not in headers and "xkey" not in headers


def app_keys(stack, path):
    """The surrogate keys an app server gives ``path`` (the front strips them from responses)."""
    _status, headers, _body = fetch(f"http://127.0.0.1:{stack.app_ports[-1]}{path}")
    return headers["xkey"].split()


def warm(stack, *paths):
    for path in paths:
        front(stack, path)
        assert front(stack, path)[1]["X-Front-Cache"] == "hit", f"{path} is kept by the front"


def test_nobody_outside_can_purge(stack):
    warm(stack, "/sport/")
    keys = " ".join(app_keys(stack, "/sport/"))

    status, _headers, body = fetch(stack.front_url + "/", method="PURGE", **{"xkey-purge": keys})
    assert status == 405, "nginx refuses PURGE"
    assert "Purged" not in body
    # Fastly's shape, through nginx to Varnish: not on Varnish's purge socket, so refused.
    status, _headers, body = fetch(
        stack.front_url + "/service/newsroom/purge",
        data=b"",
        method="POST",
        **{"Surrogate-Key": keys},
    )
    assert status == 403 and "Purged" not in body
    # What nginx talks to is Varnish's reader socket, where a purge is refused even from loopback.
    status, _headers, body = fetch(stack.varnish_url + "/", method="PURGE", **{"xkey-purge": keys})
    assert status == 403 and "Purged" not in body
    assert front(stack, "/sport/")[1]["X-Front-Cache"] == "hit", "nothing was purged"

    # The app servers' way in still works.
    status, _headers, body = fetch(stack.purge_url + "/", method="PURGE", **{"xkey-purge": keys})
    assert status == 200 and re.search(r"Purged [1-9]", body), body
    assert front(stack, "/sport/")[1]["X-Front-Cache"] == "miss"


HOSTILE_HEADERS = {
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Port": "8443",
    "X-Forwarded-For": "203.0.113.9",
    "X-Real-IP": "203.0.113.9",
    "Forwarded": "for=203.0.113.9;host=evil.example;proto=https",
    "X-Original-URL": "/admin/",
    "X-Rewrite-URL": "/admin/",
}


def test_client_headers_cannot_poison_the_front_cache(stack):
    path = "/categories/football/"
    listing = next(key for key in app_keys(stack, path) if key.startswith("lc"))
    fetch(stack.purge_url + "/", method="PURGE", **{"xkey-purge": listing})

    status, headers, _body = fetch(stack.front_url + path, **HOSTILE_HEADERS)
    assert status == 200 and headers["X-Front-Cache"] == "miss", "rendered and kept"
    status, headers, body = front(stack, path)
    assert headers["X-Front-Cache"] == "hit"
    assert "evil.example" not in body and "203.0.113.9" not in body
    assert f'<link rel="canonical" href="{stack.front_url}{path}">' in body
    assert "Sport story 0" in body, "the category page, not the admin"

    # Another host name is another cache entry (and Django refuses it): the page is untouched.
    status, _headers, _body = fetch(stack.front_url + path, Host="evil.example")
    assert status == 400
    status, headers, body = front(stack, path)
    assert headers["X-Front-Cache"] == "hit" and "evil.example" not in body


def test_uploads_are_shared_and_served_by_nginx(stack):
    status, headers, _body = front(stack, stack.ids["image_file"])
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert "X-Front-Cache" not in headers, "nginx serves uploads itself"
    # A rendition one app server made is in the shared folder, for every app server and nginx.
    _status, _headers, page = fetch(f"http://127.0.0.1:{stack.app_ports[0]}{stack.ids['forecast']}")
    rendition = re.search(r'src="(/media/images/[^"]+)"', page).group(1)
    assert front(stack, rendition)[0] == 200
    _status, _headers, page = fetch(f"http://127.0.0.1:{stack.app_ports[1]}{stack.ids['forecast']}")
    assert rendition in page


def test_an_image_edit_purges_the_pages_that_show_it(stack):
    showing = ["/weather/", stack.ids["forecast"], "/"]
    warm(stack, *showing, "/sport/")
    scale_out.manage(
        stack,
        "shell",
        "-c",
        "from wagtail.images import get_image_model\n"
        f"image = get_image_model().objects.get(pk={stack.ids['image']})\n"
        "image.focal_point_x, image.focal_point_y = 200, 150\n"
        "image.focal_point_width, image.focal_point_height = 100, 100\n"
        "image.save()",
    )
    for path in showing:
        assert front(stack, path)[1]["X-Front-Cache"] == "miss", f"{path} shows the image"
    assert front(stack, "/sport/")[1]["X-Front-Cache"] == "hit"
