"""Curation desk benchmark: how long ``fetch_feeds`` takes for many feeds, and its memory.

Usage (from the repo root):

    .venv/bin/python bench/curation_fetch.py                  # 50 feeds of 100 items
    .venv/bin/python bench/curation_fetch.py --feeds 20 --items 50

A child process serves the feeds (RSS 2.0, invented Wendmouth headlines) from 127.0.0.1 on a
free port, so the numbers below are the fetcher's alone. The fetcher uses a fresh SQLite database
in var/bench/curation.sqlite3 (migrated on each run) and runs ``fetch_feeds`` three times:

1. first fetch: every item is new (feeds x items incoming stories stored);
2. again, with ETag/Last-Modified: the server answers 304 Not Modified to every feed;
3. again, with the server ignoring validators: every feed is downloaded and parsed again and
   every item recognised as a duplicate.

For each run it prints wall time, the fetcher's CPU time and SQL queries; then it repeats the
full download once under tracemalloc (which slows everything down, so it is not timed) for the
peak of Python allocations, and prints the process's peak resident memory. Asserts nothing:
compare rows within one run on one machine (wall time includes waiting for a busy CPU).
"""

import argparse
import multiprocessing
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
DATABASE = BENCH_DIR / "curation.sqlite3"

PLACES = ["harbour", "quay", "estuary", "market square", "lighthouse", "east bank", "old mill"]
EVENTS = ["reopens", "gets new lights", "closes for repairs", "hosts winter fair", "floods again"]


def feed_body(feed, items):
    entries = []
    for item in range(items):
        place = PLACES[(feed + item) % len(PLACES)]
        event = EVENTS[(feed * 7 + item) % len(EVENTS)]
        entries.append(
            f"<item><title>Wendmouth {place} {event} (report {feed * 1000 + item})</title>"
            f"<link>https://publisher-{feed % 10}.example/stories/{feed}/{item}?utm_source=rss</link>"
            f"<guid>{feed}-{item}</guid>"
            f"<description>&lt;p&gt;What happened at the {place}, in brief.&lt;/p&gt;</description>"
            f"<pubDate>{formatdate(1_790_000_000 - item * 600, usegmt=True)}</pubDate>"
            f"<category>Local</category></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {feed}</title><link>https://publisher-{feed % 10}.example/</link>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


def serve(feeds, items, honour_validators, port_queue):
    bodies = {f"/feed/{feed}.xml": feed_body(feed, items) for feed in range(feeds)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = bodies.get(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            if honour_validators.value and self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_queue.put(server.server_address[1])
    server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=100)
    args = parser.parse_args()

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{DATABASE}",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "CURATION_ALLOW_LOOPBACK": "1",
        }
    )
    print(f"Migrating a fresh database ({DATABASE.relative_to(BASE_DIR)})…", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=BASE_DIR, check=True
    )

    honour_validators = multiprocessing.Value("b", 1)
    port_queue = multiprocessing.Queue()
    server = multiprocessing.Process(
        target=serve, args=(args.feeds, args.items, honour_validators, port_queue), daemon=True
    )
    server.start()
    port = port_queue.get(timeout=30)

    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from news.models import IncomingStory, Publisher, PublisherFeed

    publishers = [
        Publisher.objects.create(
            name=f"Wendmouth Publisher {number}",
            homepage_url=f"https://publisher-{number}.example/",
        )
        for number in range(10)
    ]
    PublisherFeed.objects.bulk_create(
        PublisherFeed(
            publisher=publishers[feed % 10], url=f"http://127.0.0.1:{port}/feed/{feed}.xml"
        )
        for feed in range(args.feeds)
    )

    def run(label):
        reset_queries()
        cpu, wall = time.process_time(), time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            call_command("fetch_feeds", verbosity=0)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"{label:<48} {wall * 1000:7.0f} ms wall {cpu * 1000:7.0f} ms CPU "
            f"{len(queries):5d} queries {IncomingStory.objects.count():6d} stories stored",
            flush=True,
        )

    print(f"\n{args.feeds} feeds of {args.items} items, served from 127.0.0.1 by a child process")
    run("1. first fetch (every item new)")
    run("2. again, server answers 304 Not Modified")
    honour_validators.value = 0
    run("3. again, full download, every item a duplicate")
    tracemalloc.start()
    call_command("fetch_feeds", verbosity=0)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nPeak Python allocations during a full fetch: {peak / 1024 / 1024:.1f} MB")
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak resident memory of the fetching process: {peak_rss:.0f} MB")
    failed = PublisherFeed.objects.exclude(last_error="").count()
    print(f"Feeds with errors: {failed}")
    server.terminate()


if __name__ == "__main__":
    main()
