"""Load benchmark: wrk against gunicorn, the way production serves the site, at several sizes.

Usage (from the repo root, after `python3 manage.py start` has created .venv/):

    .venv/bin/python bench/load.py                          # 1,000 and 10,000 articles
    .venv/bin/python bench/load.py --articles 1000 10000 100000 --duration 5
    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:5432

For each size it builds a benchmark database once with `seed_newsroom --articles N` (SQLite at
var/bench/articles-N.sqlite3, or database newsroom_load_N on the --database-url server; a later
run reuses it), starts gunicorn (--workers sync workers, a file cache of its own) and runs wrk on
each reader page twice over:

* "render": an uncached render, with a query string the page cache ignores (``?x=1``): the page
  is rendered afresh, from the article cards, feed entries and site data the process keeps
  (``news.cards``, ``news.site_data``) while nothing they show is purged;
* "hit": the same URL as readers use it, answered from the page cache (search has none).

Per row it prints requests/s, p50/p99 latency, the server's CPU milliseconds per request
(user + system time of the gunicorn processes from /proc: the figure other load on the machine
disturbs least), the CPU milliseconds of a cold render (in a separate process, Django's test
client, with everything the process keeps dropped before each request: what a render costs a
worker that just started, or right after a purge of everything) and the SQL queries the page
runs. Then the worker RSS, and where an uncached article render spends its time (cProfile in a
separate process). Needs `wrk`
(Debian: apt-get install wrk). Nothing here asserts a time.
"""

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BENCH_DIR = BASE_DIR / "var" / "bench"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
UNCACHED = "x=1"

# Run inside the benchmark database: the URLs to measure.
DISCOVER = """
import json
from news.models import ArticlePage, Author, Category, NewsIndexPage
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db.models import TextField
from django.db.models.functions import Cast, Length
from news.pagination import paginate
section = max(NewsIndexPage.objects.live(), key=lambda s: s.get_articles().count())
pages = -(-section.get_articles().count() // section.articles_per_page)
# A full article (the demo's longest body: subheads, quotes, images), not a short seeded one.
article = ArticlePage.objects.visible().annotate(size=Length(Cast("body", TextField()))).order_by("-size").first()
author = max(Author.objects.all(), key=lambda a: a.bylines.count())
category = Category.objects.popular().first()
print(json.dumps({
    "home": "/",
    "section": section.url,
    "section_deep": f"{section.url}?page={min(1000, pages)}",
    "article": article.url,
    "author": author.get_absolute_url(),
    "category": category.get_absolute_url(),
    "feed": "/feed/",
    "search": "/search/?query=council",
    "static": staticfiles_storage.url("css/site.css"),
}))
"""

# Run inside the benchmark database: SQL queries per page, rendered afresh.
COUNT_QUERIES = """
import json, sys
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for name, path in json.loads(sys.stdin.read()).items():
    client.get(path)
    caches["renditions"].clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    counts[name] = len(captured)
print(json.dumps(counts))
"""

# Run inside the benchmark database: CPU ms of a cold render, each process's kept data dropped
# first (site data, cards and feed entries, renditions, picture markup), as a worker that just
# started, or the first render after a purge of everything, would pay.
COLD_RENDERS = """
import json, sys, time
from django.core.cache import caches
from django.test import Client
from news import cards, rendition_cache, site_data
from news.templatetags import news_images
client = Client(HTTP_HOST="127.0.0.1")
cold = {}
for name, path in json.loads(sys.stdin.read()).items():
    client.get(path)
    spent = 0
    for _ in range(10):
        for forget in (cards.forget, site_data.forget, rendition_cache.forget, news_images.forget):
            forget()
        caches["renditions"].clear()
        started = time.process_time()
        client.get(path)
        spent += time.process_time() - started
    cold[name] = spent * 100
print(json.dumps(cold))
"""

# Run inside the benchmark database: where an uncached article render spends its time.
PROFILE = """
import cProfile, pstats, sys
from django.test import Client
path = sys.stdin.read().strip()
client = Client(HTTP_HOST="127.0.0.1")
for _ in range(5):
    client.get(path)
profiler = cProfile.Profile()
profiler.enable()
for _ in range(50):
    client.get(path)
profiler.disable()
stats = pstats.Stats(profiler).stats
total = sum(tottime for _, _, tottime, _, _ in stats.values())
groups = {
    "SQL: compiling queries (ORM)": ("sql/compiler.py", "as_sql"),
    "SQL: database driver": ("backends/utils.py", "_execute"),
    "templates: rendering": ("template/base.py", "render"),
    "URL routing (Wagtail)": ("wagtail/models/pages.py", "route_for_request"),
    "page context (get_context)": ("news/models/pages.py", "get_context"),
    "image renditions": ("wagtail/images/models.py", "get_renditions"),
    "rendition cache look-ups": ("news/rendition_cache.py", "get_many"),
}
print(f"  {'inclusive share of an uncached article render':<48} {'%':>5}")
for label, (filename, function) in groups.items():
    inclusive = max(
        [cumtime for (file, _, name), (_, _, _, cumtime, _) in stats.items()
         if filename in file and name == function] or [0]
    )
    print(f"  {label:<48} {100 * inclusive / total:>5.1f}")
print(f"\\n  {'top functions by own time':<64} {'%':>5}")
top = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:12]
for (file, line, name), (_, _, tottime, _, _) in top:
    where = file.split("site-packages/")[-1].replace(str(sys.prefix), "")
    label = f"{name} ({where}:{line})"[:64]
    print(f"  {label:<64} {100 * tottime / total:>5.1f}")
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(articles, server_url, prefix="newsroom_load"):
    if server_url:
        return f"{server_url.rstrip('/')}/{prefix}_{articles}"
    return f"sqlite:///{BENCH_DIR / f'articles-{articles}.sqlite3'}"


def environment(url, articles):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "MEDIA_ROOT": str(BENCH_DIR / "media"),
        "STATIC_ROOT": str(BENCH_DIR / "static"),
        # A page cache of its own, started empty: hits and renders of this run only.
        "NEWSROOM_VAR_DIR": str(BENCH_DIR / f"var-{articles}"),
    }
    for name in ("DEBUG", "REDIS_URL"):
        env.pop(name, None)
    return env


def manage(env, *args, capture=False, stdin=None):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        input=stdin,
        capture_output=capture,
        text=True,
    )
    return result.stdout


def shell(env, script, stdin=""):
    out = manage(env, "shell", "-c", script, capture=True, stdin=stdin)
    return out.strip().splitlines()


def create_postgres_database(url):
    server, name = url.rsplit("/", 1)
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def build(env, url, articles):
    if url.startswith("postgres"):
        create_postgres_database(url)
    manage(env, "migrate", "-v0")
    started = time.monotonic()
    manage(env, "seed_newsroom", "--articles", str(articles), "-v0")
    seconds = time.monotonic() - started
    if seconds > 5:
        print(f"  seed_newsroom --articles {articles}: {seconds:.0f} s")
    manage(env, "collectstatic", "--noinput", "-v0")


def process_tree(root_pid):
    children = Path(f"/proc/{root_pid}/task/{root_pid}/children")
    workers = [int(pid) for pid in children.read_text().split()] if children.exists() else []
    return [root_pid, *workers], workers


def cpu_seconds(root_pid):
    """User + system CPU seconds of gunicorn's master and workers."""
    total = 0
    for pid in process_tree(root_pid)[0]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def worker_rss_mb(root_pid):
    sizes = []
    for pid in process_tree(root_pid)[1]:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


def run_wrk(url, duration, connections):
    output = subprocess.run(
        [
            "wrk",
            "--latency",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{duration}s",
            "-T",
            "10s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)

    def percentile(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.MULTILINE)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": percentile("50"),
        "p99": percentile("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def serve(env, workers, port=None):
    port = port or free_port()
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "newsroom.wsgi",
            "--chdir",
            str(BASE_DIR),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-control-socket",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/", timeout=5)  # noqa: S310 (local server)
            return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer")


def rows_to_measure(targets):
    """(page, kind, path): uncached renders of every page, cache hits of the page-cached ones."""
    rows = []
    for name, path in targets.items():
        if name == "static":
            rows.append((name, "file", path))
            continue
        joiner = "&" if "?" in path else "?"
        rows.append((name, "render", f"{path}{joiner}{UNCACHED}"))
        if name != "search":
            rows.append((name, "hit", path))
    return rows


def bench_size(articles, args):
    url = database_url(articles, args.database_url, args.database_prefix)
    env = environment(url, articles)
    print(f"\n=== {articles:,} articles ({url.split('@')[-1]}) ===")
    build(env, url, articles)
    targets = json.loads(shell(env, DISCOVER)[-1])
    rows = rows_to_measure(targets)
    queries = json.loads(
        shell(env, COUNT_QUERIES, json.dumps({f"{n} {k}": p for n, k, p in rows}))[-1]
    )
    renders = {f"{n} {k}": p for n, k, p in rows if k == "render"}
    cold = json.loads(shell(env, COLD_RENDERS, json.dumps(renders))[-1])
    server, base = serve(env, args.workers, args.port)
    results = []
    try:
        print(
            f"{args.workers} gunicorn sync workers, wrk -c{args.connections}, "
            f"{args.duration}s per URL; uncached = rendered afresh (?{UNCACHED}) with the "
            "process's kept cards and site data, cache hit = answered from the page cache;\n"
            "cold ms = CPU ms of an uncached render in-process with everything the process keeps "
            "dropped first\n"
        )
        print(
            f"{'page':<13} {'kind':<11} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>8} "
            f"{'CPU ms/req':>10} {'cold ms':>7} {'queries':>7} {'errors':>6}  path"
        )
        # A worker's first requests compile templates and fill per-process caches: not measured.
        for _ in range(2 * args.workers):
            for _, _, path in rows:
                urllib.request.urlopen(base + path, timeout=60).read()  # noqa: S310 (local server)
        for name, kind, path in rows:
            run_wrk(base + path, 2, args.connections)
            before, requests, runs = cpu_seconds(server.pid), 0, 0
            # On a busy machine a slow page completes few requests: run again until enough.
            while runs < 3 and (runs == 0 or requests < args.min_requests):
                result = run_wrk(base + path, args.duration, args.connections)
                requests, runs = requests + result["requests"], runs + 1
            cpu_ms = (cpu_seconds(server.pid) - before) * 1000 / max(requests, 1)
            row = {"articles": articles, "page": name, "kind": kind, "path": path}
            row.update(
                result,
                cpu_ms=cpu_ms,
                cold_ms=cold.get(f"{name} {kind}"),
                queries=queries.get(f"{name} {kind}"),
            )
            results.append(row)
            cold_ms = f"{row['cold_ms']:.1f}" if row["cold_ms"] is not None else "-"
            print(
                f"{name:<13} {KIND_LABELS.get(kind, kind):<11} {result['rps']:>7.1f} {result['p50']:>7.1f} "
                f"{result['p99']:>8.1f} {cpu_ms:>10.1f} {cold_ms:>7} {row['queries']!s:>7} "
                f"{result['errors']:>6}  {path}"
            )
        rss = worker_rss_mb(server.pid)
        for row in results:
            row["rss_mb"] = max(rss)
        print("\nworker RSS: " + ", ".join(f"{size:.0f} MB" for size in rss))
    finally:
        server.terminate()
        server.wait()
    if not args.no_profile:
        article = targets["article"] + "?" + UNCACHED
        print(f"\nwhere an uncached article render spends its time ({article}):")
        print("\n".join(shell(env, PROFILE, article)))
    return results


KIND_LABELS = {"render": "uncached", "hit": "cache hit", "file": "static file"}


def print_summary(results, sizes):
    """One table for every size: CPU ms per request (queries), and the ratio to the smallest."""
    by_row = {}
    for r in results:
        by_row.setdefault((r["page"], r["kind"]), {})[r["articles"]] = r
    smallest, largest = sizes[0], sizes[-1]
    static = {n: r["cpu_ms"] for r in results if r["kind"] == "file" for n in [r["articles"]]}
    print(
        "\nServer CPU ms per request (SQL queries per page): uncached renders and page-cache hits;"
        "\nx static = the same as a multiple of a static file served by the same server in the run"
    )
    header = f"{'page':<13} {'kind':<11}" + "".join(f" {f'{n:,} articles':>18}" for n in sizes)
    header += "".join(f" {f'x static {n:,}':>16}" for n in sizes)
    print(header + f" {f'{largest:,} / {smallest:,}':>16}")
    for (page, kind), cells in by_row.items():
        line = f"{page:<13} {KIND_LABELS.get(kind, kind):<11}"
        for n in sizes:
            r = cells.get(n)
            cell = f"{r['cpu_ms']:.1f} ({r['queries']})" if r else "-"
            line += f" {cell:>18}"
        for n in sizes:
            r = cells.get(n)
            times = r["cpu_ms"] / static[n] if r and static.get(n) else None
            line += f" {f'{times:.1f}' if times else '-':>16}"
        first, last = cells.get(smallest), cells.get(largest)
        ratio = last["cpu_ms"] / first["cpu_ms"] if first and last and first["cpu_ms"] else None
        print(line + f" {f'{ratio:.2f}' if ratio else '-':>16}")
    rss = [
        f"{n:,}: {max(r['rss_mb'] for r in results if r['articles'] == n):.0f} MB" for n in sizes
    ]
    print("largest worker RSS: " + ", ".join(rss))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--duration", type=int, default=5, help="seconds per URL")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--min-requests", type=int, default=30)
    parser.add_argument(
        "--database-url", help="a PostgreSQL server (postgres://user@host:port) instead of SQLite"
    )
    parser.add_argument(
        "--database-prefix",
        default="newsroom_load",
        help="with --database-url: databases are named PREFIX_N",
    )
    parser.add_argument("--port", type=int, help="gunicorn's port (default: any free one)")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--json", help="also write every row to this file")
    args = parser.parse_args()

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    results = []
    for articles in args.articles:
        results += bench_size(articles, args)

    if len(args.articles) > 1:
        print_summary(results, args.articles)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
