"""Redis is an accelerator: while it is down every reader page is rendered without it (logged
once), and the cache is used again as soon as Redis is back. A purge made while it is down
reaches it once it is back, so the pages it kept are not served stale."""

import logging
import os
import shutil
import subprocess
import time

import pytest
import redis
from django.core.cache import cache

from news import surrogate_keys as keys
from news.caching import content_version
from newsroom import pagecache
from newsroom.resilient_cache import redis_cache_settings
from tests import factories
from tests.throwaway_postgres import free_port

REDIS_SERVER = shutil.which("redis-server")


class ThrowawayRedis:
    """A redis-server of the test's own; with a folder, it keeps its data across a restart (saved
    on shutdown), as Debian's redis-server does."""

    def __init__(self, port, folder=None):
        self.port = port
        self.folder = folder
        self.process = None

    def start(self):
        if self.folder:
            storage = ["--dir", str(self.folder), "--dbfilename", "dump.rdb", "--save", "3600 1"]
        else:
            storage = ["--save", ""]
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                *storage,
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            if self.folder:
                self.process.terminate()  # redis-server saves its data on SIGTERM
            else:
                self.process.kill()
            self.process.wait()


def _need_redis_server():
    if not REDIS_SERVER:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("REQUIRE_REDIS=1 but redis-server is not installed")
        pytest.skip("redis-server not installed (apt-get install -y redis-server)")


@pytest.fixture
def throwaway_redis():
    _need_redis_server()
    server = ThrowawayRedis(free_port())
    server.start()
    yield server
    server.stop()


def _use_redis(settings, server):
    entry = redis_cache_settings(f"redis://127.0.0.1:{server.port}/0", "outage-test")
    entry["OPTIONS"]["RETRY_AFTER"] = 0  # try again at once, so the test need not wait
    settings.CACHES = {"default": entry}
    return server


@pytest.fixture
def redis_cache(settings, throwaway_redis):
    return _use_redis(settings, throwaway_redis)


@pytest.fixture
def lasting_redis_cache(settings, tmp_path):
    _need_redis_server()
    server = ThrowawayRedis(free_port(), folder=tmp_path)
    server.start()
    yield _use_redis(settings, server)
    server.stop()


def test_pages_render_while_redis_is_down_and_use_it_again_after(
    client, section, author, redis_cache, caplog
):
    category = factories.make_category("Transport")
    article = factories.make_article(
        section, "Ferry fares frozen", authors=[author], categories=[category]
    )
    urls = [
        "/",
        section.url,
        article.url,
        f"/categories/{category.slug}/",
        f"/authors/{author.slug}/",
        "/search/?query=ferry",
        "/search/suggest/?query=fer",
        "/feed/",
        f"{section.url}feed/",
    ]
    client.get(article.url)
    assert client.get(article.url)["X-Cache"] == "hit"

    redis_cache.stop()
    with caplog.at_level(logging.WARNING, logger="newsroom.resilient_cache"):
        for _ in range(2):
            for url in urls:
                assert client.get(url).status_code == 200, url
    outage_messages = [r for r in caplog.records if r.name == "newsroom.resilient_cache"]
    assert len(outage_messages) == 1, [r.getMessage() for r in outage_messages]

    redis_cache.start()
    client.get(article.url)
    assert client.get(article.url)["X-Cache"] == "hit"


def purged_at(key):
    return cache.get(pagecache.KEY_PREFIX + key) or 0


def test_a_purge_made_while_redis_is_down_reaches_it_when_it_is_back(
    client, home, section, lasting_redis_cache, django_capture_on_commit_callbacks
):
    story = factories.make_article(section, "Ferry fares frozen")
    other_section = factories.make_section("Sport", parent=home)
    factories.make_article(other_section, "Cup final tonight")
    for url in (story.url, section.url, other_section.url):
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit", url
    search_version = content_version()
    last_purge = purged_at(keys.page(story.pk))

    lasting_redis_cache.stop()
    story.title = "Ferry fares frozen until spring"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    lasting_redis_cache.start()

    # Redis is back with what it kept, the old pages too. Without a reader asking this process
    # for anything (another app server may be the one asked), the missed purge is written.
    for _ in range(300):
        if purged_at(keys.page(story.pk)) > last_purge:
            break
        time.sleep(0.1)
    assert purged_at(keys.page(story.pk)) > last_purge, "the missed purge reached Redis"
    assert content_version() != search_version, "cached search results are retired too"

    assert client.get(other_section.url)["X-Cache"] == "hit", "Redis kept its pages"
    for url in (story.url, section.url):
        response = client.get(url)
        assert "X-Cache" not in response, url
        assert b"until spring" in response.content, url
