"""The desk's HTTP client: limits, redirects, and no requests to private addresses (SSRF)."""

import socket

import pytest
from django.test import override_settings

from news.curation.fetching import FetchError, fetch
from news.curation.urls import canonical_url, near_identical, title_key

production_mode = override_settings(CURATION_ALLOW_LOOPBACK=False)


def test_fetches_a_page_and_sends_a_polite_user_agent(fixture_server):
    url = fixture_server.add("/page", "<p>hello</p>")
    result = fetch(url)
    assert result.status == 200
    assert result.body == b"<p>hello</p>"
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    _, headers = fixture_server.requests[-1]
    assert headers["User-Agent"].startswith("RiversideLedgerBot/")


def test_decompresses_gzip(fixture_server):
    url = fixture_server.add_gzip("/zipped", b"<rss/>" * 1000, "application/rss+xml")
    assert fetch(url).body == b"<rss/>" * 1000


def test_follows_a_redirect_chain_to_the_final_address(fixture_server):
    final = fixture_server.add("/final", "arrived")
    fixture_server.add_redirect("/hop2", final, status=301)
    fixture_server.add_redirect("/hop1", "/hop2", status=307)  # relative Location
    result = fetch(fixture_server.url("/hop1"))
    assert result.body == b"arrived"
    assert result.url == final


def test_redirect_loop_is_an_error(fixture_server):
    fixture_server.add_redirect("/a", "/b")
    fixture_server.add_redirect("/b", "/a")
    with pytest.raises(FetchError, match="loop"):
        fetch(fixture_server.url("/a"))


@override_settings(CURATION_MAX_REDIRECTS=2)
def test_too_many_redirects_is_an_error(fixture_server):
    for hop in range(4):
        fixture_server.add_redirect(f"/r{hop}", f"/r{hop + 1}")
    fixture_server.add("/r4", "too far")
    with pytest.raises(FetchError, match="more than 2 times"):
        fetch(fixture_server.url("/r0"))


def test_server_error_is_an_error(fixture_server):
    url = fixture_server.add("/broken", "oops", status=500)
    with pytest.raises(FetchError, match="500"):
        fetch(url)


@override_settings(CURATION_FETCH_TIMEOUT=0.5)
def test_slow_server_times_out(fixture_server):
    url = fixture_server.add("/slow", "late", delay=2)
    with pytest.raises(FetchError, match="did not answer within"):
        fetch(url)


@override_settings(CURATION_MAX_BYTES=1024 * 1024)
def test_answer_over_the_size_limit_is_refused(fixture_server):
    declared = fixture_server.add("/big", b"x" * (2 * 1024 * 1024))
    with pytest.raises(FetchError, match="larger than"):
        fetch(declared)
    # A compressed answer is measured after decompression (a "zip bomb" stays small on the wire).
    bomb = fixture_server.add_gzip("/bomb", b"\0" * (3 * 1024 * 1024), "text/html")
    with pytest.raises(FetchError, match="larger than"):
        fetch(bomb)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://wendmouth-gazette.example/feed",
        "javascript:alert(1)",
        "gopher://127.0.0.1:70/",
        "http:///no-host",
        "http://user:secret@wendmouth-gazette.example/",
        "http://wendmouth-gazette.example:99999/",
    ],
)
def test_only_plain_http_and_https_addresses(url):
    with pytest.raises(FetchError):
        fetch(url)


@production_mode
@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",  # a name whose DNS answer is loopback
        "[::1]",
        "0.0.0.0",  # noqa: S104 - a destination here, not a bind address
        "10.1.2.3",
        "192.168.0.10",
        "169.254.169.254",  # cloud metadata
        "[::ffff:127.0.0.1]",
        "[fe80::1]",
    ],
)
def test_production_never_fetches_private_addresses(host, fixture_server):
    with pytest.raises(FetchError, match="private or local"):
        fetch(f"http://{host}:{fixture_server.port}/")
    assert fixture_server.requests == []


def test_development_allows_loopback_but_not_other_private_addresses(fixture_server):
    fixture_server.add("/ok", "fine")
    assert fetch(fixture_server.url("/ok")).body == b"fine"
    with pytest.raises(FetchError, match="private or local"):
        fetch("http://169.254.169.254/latest/meta-data/")


def test_a_redirect_to_a_private_address_is_refused(fixture_server):
    fixture_server.add_redirect("/metadata", "http://169.254.169.254/latest/meta-data/")
    fixture_server.add_redirect("/internal", "http://10.0.0.7:8080/admin")
    for path in ("/metadata", "/internal"):
        with pytest.raises(FetchError, match="private or local"):
            fetch(fixture_server.url(path))


def test_connects_to_the_address_it_checked(fixture_server, monkeypatch):
    """DNS rebinding: a name that answers a public address, then a private one. The client
    resolves once, checks, and connects to what it checked; it never asks DNS again."""
    fixture_server.add("/story", "checked")
    lookups = []

    def rebinding_dns(host, port, *args, **kwargs):
        lookups.append(host)
        address = "127.0.0.1" if len(lookups) == 1 else "10.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_dns)
    result = fetch(f"http://rebind.wendmouth.example:{fixture_server.port}/story")
    assert result.body == b"checked"
    assert lookups == ["rebind.wendmouth.example"]
    _, headers = fixture_server.requests[-1]
    assert headers["Host"] == f"rebind.wendmouth.example:{fixture_server.port}"


def test_conditional_get_sends_validators_and_accepts_304(fixture_server):
    def answer(headers):
        if headers.get("If-None-Match") == '"v1"':
            return 304, {}, b""
        return 200, {"ETag": '"v1"', "Content-Type": "application/rss+xml"}, b"<rss/>"

    url = fixture_server.add("/feed")
    fixture_server.routes["/feed"].handler = answer
    first = fetch(url)
    assert first.headers["etag"] == '"v1"'
    second = fetch(url, etag='"v1"', last_modified="Tue, 03 Nov 2026 09:30:00 GMT")
    assert second.not_modified
    _, headers = fixture_server.requests[-1]
    assert headers["If-Modified-Since"] == "Tue, 03 Nov 2026 09:30:00 GMT"


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://Wendmouth-Gazette.Example:443/stories/a?utm_source=rss&id=7&fbclid=x#top",
            "https://wendmouth-gazette.example/stories/a?id=7",
        ),
        ("http://wendmouth-gazette.example", "http://wendmouth-gazette.example/"),
        (
            "http://wendmouth-gazette.example:8080/a?UTM_Medium=x",
            "http://wendmouth-gazette.example:8080/a",
        ),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_near_identical_titles():
    ferry = title_key("Night ferry returns to the estuary")
    assert near_identical(ferry, title_key("Night ferry returns to the estuary!"))
    assert near_identical(ferry, title_key("Night Ferry Returns To The Estuary — update"[:40]))
    assert not near_identical(ferry, title_key("Night ferry cancelled on the estuary"))
    assert not near_identical(ferry, title_key("Library extends Sunday opening hours"))
    # Numbers tell stories apart however alike the words.
    assert not near_identical(
        title_key("Wendmouth lottery: results of draw 112"),
        title_key("Wendmouth lottery: results of draw 113"),
    )
