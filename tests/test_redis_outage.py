"""Redis is an accelerator: while it is down every reader page is rendered without it (logged
once), and the cache is used again as soon as Redis is back."""

import logging
import os
import shutil
import subprocess
import time

import pytest
import redis

from newsroom.resilient_cache import redis_cache_settings
from tests import factories
from tests.throwaway_postgres import free_port

REDIS_SERVER = shutil.which("redis-server")


class ThrowawayRedis:
    def __init__(self, port):
        self.port = port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
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
            self.process.kill()
            self.process.wait()


@pytest.fixture
def throwaway_redis():
    if not REDIS_SERVER:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("REQUIRE_REDIS=1 but redis-server is not installed")
        pytest.skip("redis-server not installed (apt-get install -y redis-server)")
    server = ThrowawayRedis(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, throwaway_redis):
    entry = redis_cache_settings(f"redis://127.0.0.1:{throwaway_redis.port}/0", "outage-test")
    entry["OPTIONS"]["RETRY_AFTER"] = 0  # try again at once, so the test need not wait
    settings.CACHES = {"default": entry}
    return throwaway_redis


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
