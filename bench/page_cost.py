"""CPU per uncached reader page in one process, at the benchmark database's size.

Usage (from the repo root; the databases are the ones bench/load.py builds):

    .venv/bin/python bench/page_cost.py var/bench/articles-1000.sqlite3 var/bench/articles-100000.sqlite3

For each database, in a child process of its own, renders each page type with Django's test client
(uncached: ``?x=1``, which the page cache ignores) in batches of 10 and prints the CPU
milliseconds per render of the best batch (the figure other load on a shared machine disturbs
least; on SQLite it includes the database's work) and the SQL queries per render. Then the ratio
of each page's cost to its cost in the first database. Nothing here asserts a time.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
PAGES = ["home", "section", "section_deep", "article", "author", "category", "feed"]

MEASURE = """
import json, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from news.models import ArticlePage, Author, Category, NewsIndexPage
section = NewsIndexPage.objects.order_by("-numchild").first()
pages = -(-section.get_articles().count() // section.articles_per_page)
author = max(Author.objects.all(), key=lambda a: a.bylines.count())
paths = {
    "home": "/",
    "section": section.url,
    "section_deep": f"{section.url}?page={min(1000, pages)}",
    "article": ArticlePage.objects.visible().newest_first().first().url,
    "author": author.get_absolute_url(),
    "category": Category.objects.popular().first().get_absolute_url(),
    "feed": "/feed/",
}
client = Client(HTTP_HOST="127.0.0.1")
result = {"articles": ArticlePage.objects.count(), "pages": {}}
for name, path in paths.items():
    url = path + ("&" if "?" in path else "?") + "x=1"
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    best = None
    for _ in range(5):
        started = time.process_time()
        for _ in range(10):
            client.get(url)
        cpu = (time.process_time() - started) * 100
        best = cpu if best is None else min(best, cpu)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    result["pages"][name] = {"path": url, "cpu_ms": best, "queries": len(queries)}
print(json.dumps(result))
"""


def measure(database):
    env = {
        **os.environ,
        "DATABASE_URL": database if "://" in database else f"sqlite:///{Path(database).resolve()}",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        # The images and static files bench/load.py made; caches of this run's own.
        "MEDIA_ROOT": str(BENCH_DIR / "media"),
        "STATIC_ROOT": str(BENCH_DIR / "static"),
        "NEWSROOM_VAR_DIR": str(BENCH_DIR / "var-page-cost"),
    }
    for name in ("DEBUG", "REDIS_URL"):
        env.pop(name, None)
    run = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", MEASURE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if run.returncode:
        raise SystemExit(f"{database}:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main():
    databases = sys.argv[1:]
    if not databases:
        raise SystemExit(__doc__)
    results = [measure(database) for database in databases]
    print("CPU ms per uncached render, best batch of 10 (SQL queries per render)")
    sizes = [f"{r['articles']:,} articles" for r in results]
    header = f"{'page':<13}" + "".join(f" {size:>18}" for size in sizes)
    print(header + (f" {'last / first':>13}" if len(results) > 1 else ""))
    for page in PAGES:
        cells = [r["pages"][page] for r in results]
        values = [f"{c['cpu_ms']:.1f} ({c['queries']})" for c in cells]
        line = f"{page:<13}" + "".join(f" {value:>18}" for value in values)
        if len(cells) > 1:
            line += f" {cells[-1]['cpu_ms'] / cells[0]['cpu_ms']:>13.2f}"
        print(line)


if __name__ == "__main__":
    main()
