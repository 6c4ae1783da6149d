"""Search latency benchmark: the /search/ view in-process, on SQLite and PostgreSQL, 1,000 and 10,000 articles.

Usage (from the repo root):

    .venv/bin/python bench/search_latency.py                      # both backends, 1000 and 10000
    .venv/bin/python bench/search_latency.py --articles 1000 --backends sqlite --repeat 10
    .venv/bin/python bench/search_latency.py --pg-url postgres://postgres@127.0.0.1:5432

For each backend and size it builds a database once and reuses it on later runs:

* SQLite: var/bench/articles-N.sqlite3 (the file bench/load.py uses too);
* PostgreSQL: database newsroom_bench_N on --pg-url (created if missing; --pg-prefix renames it).

Building runs ``manage.py migrate`` and ``manage.py seed_newsroom --articles N`` (which only adds
what is missing, so a second run is quick), then ANALYZE for fresh planner statistics and
collectstatic. 10,000 articles take several minutes per backend.
Then, in a fresh process per database, it sends a set of representative searches through Django's
test Client (the full middleware and template stack, no network): a few warm-up requests, then
--repeat timed requests per search. It prints the median and 95th-percentile wall time in ms of a
cold search (with --after publish, the default: the search key purged first, as publishing a story
does, so the results cache is empty while cards and site data stay kept; with --after site-change,
the site key purged, which drops everything a process keeps),
the median CPU time of a cold search in the Django process and in PostgreSQL's server process
(read from /proc; on a busy machine the wall times swell with the load, CPU times much less),
the median of the same search repeated (from the results cache), the SQL queries of a cold
search and the result count. Each search is also logged by the view (Query hits),
as in production. Nothing here asserts a time: compare rows within one run on one machine.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BENCH_DIR = BASE_DIR / "var" / "bench"


# VACUUM too on PostgreSQL: right after a bulk load the GIN indexes' pending lists are long and
# every search reads them (a common word took 90 ms in the index instead of 8), until autovacuum
# gets round to it.
ANALYZE = (
    "from django.db import connection; connection.cursor().execute("
    "'VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE')"
)


def database_url(backend, articles, pg_url, pg_prefix="newsroom_bench"):
    if backend == "sqlite":
        return f"sqlite:///{BENCH_DIR / f'articles-{articles}.sqlite3'}"
    return f"{pg_url.rstrip('/')}/{pg_prefix}_{articles}"


def environment(url):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "MEDIA_ROOT": str(BENCH_DIR / "media"),
        "STATIC_ROOT": str(BENCH_DIR / "static"),
        "CONN_MAX_AGE": "600",
    }
    env.pop("DEBUG", None)
    return env


def ensure_postgres_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            print(f"  creating database {name}", flush=True)
            connection.execute(f'CREATE DATABASE "{name}"')


def build(backend, articles, pg_url, seed=True, pg_prefix="newsroom_bench"):
    url = database_url(backend, articles, pg_url, pg_prefix)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if backend == "postgres":
        ensure_postgres_database(url)
    env = environment(url)
    print(f"\n== {backend}, {articles} articles: {url}", flush=True)
    started = time.monotonic()
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=BASE_DIR, env=env, check=True)
    if seed:
        subprocess.run(
            [PYTHON, "manage.py", "seed_newsroom", "--articles", str(articles), "-v0"],
            cwd=BASE_DIR,
            env=env,
            check=True,
        )
    # Fresh planner statistics: right after a bulk load PostgreSQL's are stale until autovacuum
    # gets round to it, and a stale estimate turned a 80 ms search into 2 s (nested loop over
    # every page). Production gets there by itself; the benchmark should not measure the gap.
    subprocess.run([PYTHON, "manage.py", "shell", "-c", ANALYZE], cwd=BASE_DIR, env=env, check=True)
    # The production settings serve static files from a manifest: the pages need it to render.
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    print(f"  database ready in {time.monotonic() - started:.0f} s", flush=True)
    return env


def measure(env, repeat, warmup, after):
    """Run the timing in a fresh process: Django's settings (the database) are per process."""
    output = subprocess.run(
        [
            *(PYTHON, __file__, "--worker", "--repeat", str(repeat), "--warmup", str(warmup)),
            *("--after", after),
        ],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.PIPE,  # the result; progress goes to stderr
        text=True,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


# ---- In the worker process ------------------------------------------------------------------------


def representative_searches():
    """Searches shaped like readers' ones, built from what the seeded database holds."""
    from django.db.models import Count

    from news.models import ArticlePage, Category, NewsIndexPage

    articles = ArticlePage.objects.live().public()
    headline = articles.newest_first().values_list("title", flat=True).first() or "river"
    section = NewsIndexPage.objects.live().public().order_by("path").first()
    category = Category.objects.annotate(n=Count("articles")).order_by("-n").first()
    common = "council"
    searches = [
        ("one common word", {"query": common}),
        ("two words", {"query": "river flood"}),
        ("exact headline", {"query": headline}),
        ("rare word", {"query": "marzipan"}),
        ("no results", {"query": "zqxjv wobblefrog"}),
        ("common, page 3", {"query": common, "page": "3"}),
        ("common, newest", {"query": common, "sort": "newest"}),
    ]
    if section is not None:
        searches.append(("common + section", {"query": common, "section": section.slug}))
    if category is not None:
        searches.append(
            (
                "common + category + dates",
                {
                    "query": common,
                    "category": category.slug,
                    "date_from": "2000-01-01",
                    "date_to": "2099-12-31",
                },
            )
        )
    searches.append(("long query (32 words)", {"query": " ".join([common, "river"] * 16)}))
    return [("/search/", label, params) for label, params in searches] + [
        ("/search/suggest/", "suggest prefix", {"query": headline[:4]})
    ]


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def database_cpu_seconds(connection):
    """CPU time the PostgreSQL server process of this connection has used (0 on SQLite, whose
    work is in the Django process's own CPU time). Read from /proc: the server must be local."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def worker(repeat, warmup, after):
    # As for manage.py: the apps (news, search, home) are imported from the repo root. Added here,
    # after start-up, so that site/ never shadows the standard library's `site`.
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
        setup_test_environment,
        teardown_test_environment,
    )

    from news import purging, surrogate_keys
    from news.caching import invalidate
    from news.models import ArticlePage

    def make_cold():
        if after == "publish":
            # What publishing a story purges for search: the search key and with it the content
            # version (no cached results); the cards, site data and privacy paths stay kept.
            purging.purge({surrogate_keys.SEARCH})
        else:
            invalidate()  # a change to every page: everything the process keeps is dropped

    client = Client(HTTP_HOST="localhost")
    rows = []
    for path, label, params in representative_searches():
        print(f"  {label} ...", file=sys.stderr, flush=True)
        url = f"{path}?{urlencode(params)}"
        for _ in range(warmup):
            client.get(url)
        timings, cached, django_cpu, database_cpu = [], [], [], []
        for _ in range(repeat):
            # Cold: nothing comes from the search results cache (search/engine.py cached_find).
            make_cold()
            database_started = database_cpu_seconds(connection)
            cpu_started = time.process_time()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            django_cpu.append((time.process_time() - cpu_started) * 1000)
            database_cpu.append((database_cpu_seconds(connection) - database_started) * 1000)
            # Warm: the same search again, as when many readers look for the same thing.
            started = time.perf_counter()
            client.get(url)
            cached.append((time.perf_counter() - started) * 1000)
        # One more, untimed, with the test environment's template instrumentation: it records
        # the response's context (the result count) and would slow the timed requests down.
        make_cold()  # the query count of a cold search
        setup_test_environment()
        try:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
        finally:
            teardown_test_environment()
        if path.endswith("suggest/"):
            results = len(response.json()["suggestions"])
        else:
            results = response.context.get("result_count") if response.context else None
            if results is not None and response.context.get("more_results"):
                results = f"{results}+"  # more matches than a search shows (search/engine.py)
        rows.append(
            {
                "label": label,
                "status": response.status_code,
                "median_ms": statistics.median(timings),
                "p95_ms": percentile(timings, 0.95),
                "cached_ms": statistics.median(cached),
                "django_cpu_ms": statistics.median(django_cpu),
                "database_cpu_ms": statistics.median(database_cpu),
                "queries": len(queries.captured_queries),
                "results": results,
            }
        )
    print(json.dumps({"articles": ArticlePage.objects.live().count(), "rows": rows}))


COLD = {
    "publish": "a story is published (search key purged: no cached results; cards and site data "
    "kept)",
    "site-change": "a change to every page (site key purged: nothing kept)",
}


# ---- Report ------------------------------------------------------------------------------------


def print_table(runs, repeat, after):
    print(f"\nSearch latency, Django test Client in-process, {repeat} timed requests per row")
    print(
        f"cold = after {COLD[after]}; cpu = median CPU ms of a cold search in the\n"
        "Django process and in its PostgreSQL server process (the figures other load disturbs least)"
    )
    header = (
        f"{'backend':<9} {'articles':>8}  {'search':<26} {'status':>6} {'median ms':>10} "
        f"{'cached ms':>10} "
        f"{'p95 ms':>8} {'django cpu':>10} {'db cpu':>7} {'queries':>8} {'results':>8}"
    )
    print(header)
    print("-" * len(header))
    for (backend, _size), data in runs:
        for row in data["rows"]:
            results = "" if row["results"] is None else row["results"]
            print(
                f"{backend:<9} {data['articles']:>8}  {row['label']:<26} {row['status']:>6} "
                f"{row['median_ms']:>10.1f} {row.get('cached_ms', 0):>10.1f} {row['p95_ms']:>8.1f} "
                f"{row.get('django_cpu_ms', 0):>10.1f} {row.get('database_cpu_ms', 0):>7.1f} "
                f"{row['queries']:>8} "
                f"{results!s:>8}"
            )
        print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--backends", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"]
    )
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument(
        "--pg-prefix",
        default="newsroom_bench",
        help="PostgreSQL database names: PREFIX_<articles> (default newsroom_bench)",
    )
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per search")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per search")
    parser.add_argument(
        "--no-seed", action="store_true", help="reuse the databases as they are (no seeding)"
    )
    parser.add_argument(
        "--after",
        choices=sorted(COLD),
        default="publish",
        help="what makes a search cold: a story published (default) or a change to every page",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        worker(args.repeat, args.warmup, args.after)
        return

    runs = []
    for backend in args.backends:
        for size in args.articles:
            env = build(backend, size, args.pg_url, seed=not args.no_seed, pg_prefix=args.pg_prefix)
            print("  timing searches ...", flush=True)
            runs.append(((backend, size), measure(env, args.repeat, args.warmup, args.after)))
            print_table(runs[-1:], args.repeat, args.after)  # as soon as it is known
    print("\n== All runs")
    print_table(runs, args.repeat, args.after)
    print(json.dumps([{"backend": b, "size": s, **data} for (b, s), data in runs]))


if __name__ == "__main__":
    main()
