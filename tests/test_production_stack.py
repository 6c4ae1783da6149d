"""Production behind nginx (deploy/nginx/), as the README sets it up: slow clients cannot take the
site down, the scheme comes only from nginx, logins and search are rate-limited, and nginx serves
static files and images itself."""

import contextlib
import json
import os
import shutil
import socket
import ssl
import subprocess
import tarfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.production_stack import BASE_DIR, NGINX, ProductionStack, unit_command

SLOW_CLIENTS = 50

pytestmark = pytest.mark.skipif(
    not Path(NGINX).exists() and os.environ.get("REQUIRE_NGINX") != "1",
    reason="nginx not installed (apt-get install -y nginx)",
)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = ProductionStack(tmp_path_factory.mktemp("production"))
    try:
        yield stack.start()
    finally:
        stack.stop()


class Dribbler:
    """Clients that send a request a byte at a time, or a body that never ends, or nothing."""

    def __init__(self, stack, count):
        self.sockets = []
        for number in range(count):
            sock = stack.open_tls_socket()
            kind = number % 3
            if kind == 0:  # headers, a byte at a time
                sock.sendall(b"G")
            elif kind == 1:  # a body far shorter than announced
                sock.sendall(
                    b"POST / HTTP/1.1\r\nHost: news.example.com\r\n"
                    b"Content-Type: application/x-www-form-urlencoded\r\n"
                    b"Content-Length: 100000\r\n\r\nq"
                )
            # kind 2: connected, says nothing
            self.sockets.append((kind, sock))
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._dribble, daemon=True)
        self.thread.start()

    def _dribble(self):
        while not self.stopped.wait(0.5):
            for kind, sock in self.sockets:
                if kind != 2:
                    with contextlib.suppress(OSError):
                        sock.sendall(b"E" if kind == 0 else b"x")

    def still_connected(self):
        """How many of the slow clients the server has not hung up on."""
        connected = 0
        for _kind, sock in self.sockets:
            sock.setblocking(False)
            try:
                connected += sock.recv(1) != b""
            except (BlockingIOError, ssl.SSLWantReadError):
                connected += 1
            except OSError:
                pass
        return connected

    def close(self):
        self.stopped.set()
        self.thread.join()
        for _kind, sock in self.sockets:
            sock.close()


def test_home_page_served_over_https_with_production_headers(stack):
    response = stack.https("GET", "/")
    assert response.status == 200
    assert "max-age=" in response.getheader("Strict-Transport-Security")
    assert "script-src 'self'" in response.getheader("Content-Security-Policy")


def test_slow_clients_do_not_hold_up_a_normal_request(stack):
    slow = Dribbler(stack, SLOW_CLIENTS)
    try:
        # gunicorn has one worker process: had the slow clients reached it, they would hold its
        # threads for its 120 s timeout, and this client's 20 s timeout would fail the test.
        response = stack.https("GET", "/", timeout=20)
        assert response.status == 200
        assert slow.still_connected() >= SLOW_CLIENTS - 5, "the slow clients were still there"
    finally:
        slow.close()


def test_without_nginx_a_few_slow_clients_block_gunicorn(stack):
    """Why the proxy matters: a handful of slow clients sent straight to gunicorn hold every
    thread of its worker, and a normal request gets no answer."""
    socks = [socket.create_connection(("127.0.0.1", stack.app_port)) for _ in range(8)]
    try:
        for sock in socks:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: news.example.com\r\n")
        with pytest.raises(TimeoutError):
            stack.http("GET", "/", port=stack.app_port, timeout=3)
    finally:
        for sock in socks:
            sock.close()


def test_scheme_comes_from_nginx_not_from_the_client(stack):
    # Over HTTPS a client saying "http" changes nothing: Django still sees HTTPS (had the header
    # been passed on, SECURE_SSL_REDIRECT would answer with a redirect to HTTPS).
    response = stack.https("GET", "/", headers={"X-Forwarded-Proto": "http"})
    assert response.status == 200
    # Over plain HTTP a client claiming "https" is redirected, never served.
    response = stack.http("GET", "/", headers={"X-Forwarded-Proto": "https"})
    assert response.status == 301
    assert response.getheader("Location") == "https://news.example.com/"


def test_purge_requests_from_outside_are_refused(stack):
    # Purging a front cache is for the app servers, never for whoever reaches nginx.
    for method in ("PURGE", "BAN"):
        response = stack.https(method, "/", headers={"xkey-purge": "site"})
        assert response.status == 405, method
    assert "PURGE" not in stack.gunicorn_log.read_text(), "nothing reached gunicorn"


def test_login_pages_are_rate_limited(stack):
    statuses = [stack.https("GET", "/admin/login/").status for _ in range(40)]
    assert statuses[0] == 200
    assert 429 in statuses


def test_search_is_rate_limited(stack):
    # All at once, faster than the one worker answers: a flood, not a queue of patient readers.
    with ThreadPoolExecutor(max_workers=60) as pool:
        responses = list(pool.map(lambda _: stack.https("GET", "/search/?query=ferry"), range(60)))
    statuses = [response.status for response in responses]
    assert 200 in statuses
    assert 429 in statuses
    refused = next(response for response in responses if response.status == 429)
    assert b"nginx" in refused.body  # nginx refused it, before Django


def test_static_files_come_from_nginx(stack):
    manifest = json.loads((stack.static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    response = stack.https("GET", f"/static/{hashed}")
    assert response.status == 200
    assert "immutable" in response.getheader("Cache-Control")
    assert f"/static/{hashed}" not in stack.gunicorn_log.read_text()


def test_images_come_from_nginx_but_documents_do_not(stack):
    images = stack.media_root / "original_images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "ferry.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    documents = stack.media_root / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "private-minutes.pdf").write_bytes(b"%PDF-1.4 private")

    image = stack.https("GET", "/media/original_images/ferry.png")
    assert image.status == 200
    assert image.getheader("X-Content-Type-Options") == "nosniff"
    # Wagtail's /documents/ view checks privacy; the file itself is never handed out directly.
    assert stack.https("GET", "/media/documents/private-minutes.pdf").status == 404


def test_scheduler_unit_runs_against_the_production_setup(stack):
    command = [*unit_command("newsroom-scheduler.service"), "--once"]
    result = subprocess.run(
        command, cwd=BASE_DIR, env=stack.env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_backup_restores_into_an_empty_database(stack, tmp_path):
    if not stack.database_name:
        pytest.skip("backups of the database need PostgreSQL (pg_dump)")
    images = stack.media_root / "original_images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "weir.png").write_bytes(b"\x89PNG\r\n\x1a\nweir")
    backups = tmp_path / "backups"
    result = subprocess.run(
        [str(BASE_DIR / "deploy" / "backup.sh")],
        env={**stack.env, "BACKUP_DIR": str(backups)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (dump,) = backups.glob("database-*.dump")
    (media,) = backups.glob("media-*.tar.gz")

    restored = f"{stack.database_name}_restored"
    stack.postgres(f"CREATE DATABASE {restored}")
    try:
        subprocess.run(
            [
                shutil.which("pg_restore"),
                "--no-owner",
                "--dbname",
                stack.database_url(restored),
                str(dump),
            ],
            check=True,
            capture_output=True,
        )
        query = "SELECT (SELECT count(*) FROM wagtailcore_page), (SELECT count(*) FROM auth_group)"
        assert stack.postgres(query, restored) == stack.postgres(query)
    finally:
        stack.postgres(f"DROP DATABASE IF EXISTS {restored} WITH (FORCE)")
    with tarfile.open(media) as archive:
        assert "media/original_images/weir.png" in archive.getnames()
