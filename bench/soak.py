"""Soak: minutes of mixed reader traffic while an editor publishes, the way a news day runs.

Usage (from the repo root):

    .venv/bin/python bench/soak.py [--duration 300] [--connections 64] [--articles 1000]
                                   [--workers 4] [--publish-every 20] [--database-url URL]
                                   [--sample-every 60]

Builds (or reuses) a benchmark database like bench/load.py, starts gunicorn, and runs wrk with a
Lua script that spreads requests over a realistic mix: the home page, sections, articles,
category and author pages, searches with varied words and filters, headline suggestions and
feeds. Meanwhile an editor publishes a new article every --publish-every seconds, and the
script measures how long until readers see it in its section listing.

Prints: requests, errors (socket errors, 5xx and other non-2xx/3xx answers), page-cache hits
against uncached renders, latency, server CPU ms per request, each gunicorn worker's resident
memory at the start, the end and every --sample-every seconds in between, and the
publish-to-visible delays. Asserts nothing.
Needs `wrk` (Debian: apt-get install wrk).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote_plus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import BASE_DIR, cpu_seconds, manage, serve

LUA = """
local paths = %(paths)s
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  hits, misses, server_errors, other = 0, 0, 0, 0
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1
  elseif status >= 400 then other = other + 1
  elseif headers["X-Cache"] == "hit" then hits = hits + 1
  else misses = misses + 1 end
end
function done(summary, latency, requests)
  local t = {hits = 0, misses = 0, server_errors = 0, other = 0}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(t) do t[key] = t[key] + thread:get(key) end
  end
  io.write(string.format(
    "COUNTS %%d %%d %%d %%d\\n", t.hits, t.misses, t.server_errors, t.other))
  io.write(string.format("LATENCY %%f %%f %%f\\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def worker_memory(master_pid):
    """Resident memory (MiB) of each gunicorn worker, by pid."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    memory = {}
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        kilobytes = next(line for line in status.splitlines() if line.startswith("VmRSS"))
        memory[int(pid)] = int(kilobytes.split()[1]) / 1024
    return memory


def reader_paths():
    """A realistic spread of reader URLs, from the benchmark database."""
    from news.models import ArticlePage, Author, Category, NewsIndexPage
    from search.engine import find
    from search.views import RESULTS_PER_PAGE

    rng = random.Random(7)
    sections = [section.url for section in NewsIndexPage.objects.live()]
    articles = list(ArticlePage.objects.visible().newest_first()[:400])
    categories = list(Category.objects.values_list("slug", flat=True))
    authors = list(Author.objects.values_list("slug", flat=True))
    words = sorted({w.lower() for a in articles for w in a.title.split() if len(w) > 4})
    paths = ["/"] * 20 + sections * 4 + [f"{url}?page=2" for url in sections]
    paths += [article.url for article in rng.sample(articles, min(120, len(articles)))]
    paths += [f"/categories/{slug}/" for slug in categories]
    paths += [f"/authors/{slug}/" for slug in rng.sample(authors, min(20, len(authors)))]
    for _ in range(80):  # searches: one or two words, sometimes a filter, sort or page
        query = " ".join(rng.sample(words, rng.choice([1, 1, 2])))
        extra = rng.choice(
            ["", "", "&sort=newest", "&page=2", f"&category={rng.choice(categories)}"]
        )
        if extra == "&page=2" and len(find(query, {}, "relevance")["ordered"]) <= RESULTS_PER_PAGE:
            extra = ""  # one page of results: its page 2 is a 404, not what readers ask for
        paths.append(f"/search/?query={quote_plus(query)}{extra}")
    paths += [f"/search/suggest/?query={quote_plus(rng.choice(words)[:3])}" for _ in range(40)]
    paths += ["/feed/"] * 4 + [f"{url}feed/" for url in sections]
    paths += [f"/categories/{slug}/feed/" for slug in categories[:6]]
    paths += [f"/authors/{slug}/feed/" for slug in authors[:6]]
    return paths


def publish_article(section, title):
    from news.models import ArticlePage

    article = ArticlePage(
        title=title,
        standfirst="A story published during the soak. It should show up at once.",
        body=[("paragraph", "<p>The editor pressed publish while readers kept reading.</p>")],
        live=False,
    )
    section.add_child(instance=article)
    article.save_revision().publish()


class MemoryWatch(threading.Thread):
    """Samples every worker's resident memory each ``every`` seconds, to show whether it levels off."""

    def __init__(self, master_pid, every, stop):
        super().__init__(daemon=True)
        self.master_pid, self.every, self.stop = master_pid, every, stop
        self.samples = []  # (seconds since start, {pid: MiB})

    def run(self):
        started = time.monotonic()
        while not self.stop.wait(self.every):
            self.samples.append((time.monotonic() - started, worker_memory(self.master_pid)))


class Editor(threading.Thread):
    """Publishes an article every ``every`` seconds and times how soon readers see it."""

    def __init__(self, base, every, stop):
        super().__init__(daemon=True)
        self.base, self.every, self.stop = base, every, stop
        self.delays, self.failures = [], 0

    def run(self):
        from news.models import NewsIndexPage

        sections = list(NewsIndexPage.objects.live())
        n = 0
        while not self.stop.wait(self.every):
            n += 1
            section = sections[n % len(sections)].specific
            title = f"Soak story {n} at {time.strftime('%H:%M:%S')}"
            publish_article(section, title)
            published = time.monotonic()
            if self.wait_until_visible(section.url, title):
                self.delays.append(time.monotonic() - published)
            else:
                self.failures += 1

    def wait_until_visible(self, url, title, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + url, timeout=10) as response:  # noqa: S310
                    if title in response.read().decode():
                        return True
            except OSError:
                pass
            time.sleep(0.05)
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=300)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--publish-every", type=float, default=20)
    parser.add_argument("--database-url")
    parser.add_argument(
        "--sample-every", type=int, default=60, help="seconds between worker memory samples"
    )
    args = parser.parse_args()

    bench_dir = BASE_DIR / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    database_url = (
        args.database_url or f"sqlite:///{bench_dir / f'articles-{args.articles}.sqlite3'}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(bench_dir / "static"),
        "MEDIA_ROOT": str(bench_dir / "media"),
        "NEWSROOM_VAR_DIR": str(bench_dir / "soak"),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    env.pop("DEBUG", None)
    print(f"Database: {database_url}")
    manage(env, "migrate", "-v0")
    manage(env, "seed_newsroom", "--articles", str(args.articles), "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")

    os.environ.update(env)
    # The apps (home, news, search) live at the repo root; appended, so that nothing there
    # shadows an installed module.
    sys.path.append(str(BASE_DIR))
    import django

    django.setup()
    paths = reader_paths()

    server, base = serve(env, args.workers)
    try:
        # Every URL once before measuring: image renditions are made on first view, and the
        # soak is about a site in its steady state, not its first minutes.
        for path in sorted(set(paths)):
            urllib.request.urlopen(base + path, timeout=120)  # noqa: S310
        memory_start = worker_memory(server.pid)

        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(LUA % {"paths": "{" + ",".join(json.dumps(p) for p in paths) + "}"})
        stop = threading.Event()
        editor = Editor(base, args.publish_every, stop)
        editor.start()
        memory_watch = MemoryWatch(server.pid, args.sample_every, stop)
        memory_watch.start()
        cpu_before = cpu_seconds(server.pid)
        wrk = subprocess.run(
            [
                "wrk",
                "-t",
                "2",
                "-c",
                str(args.connections),
                "-d",
                f"{args.duration}s",
                "--timeout",
                "30s",
                "-s",
                script.name,
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        cpu = cpu_seconds(server.pid) - cpu_before
        stop.set()
        editor.join(timeout=40)
        memory_end = worker_memory(server.pid)
    finally:
        server.terminate()
        server.wait()

    requests = int(next(line for line in wrk.splitlines() if "requests in" in line).split()[0])
    socket_errors = next((line.strip() for line in wrk.splitlines() if "Socket errors" in line), "")
    hits, misses, server_errors, other = map(int, wrk.split("COUNTS")[1].split()[:4])
    p50, p99, worst = map(float, wrk.split("LATENCY")[1].split()[:3])
    print(
        f"\n{args.articles} articles, {len(paths)} reader URLs, {args.workers} gunicorn workers, "
        f"wrk -c{args.connections} for {args.duration} s, a publish every {args.publish_every:g} s"
    )
    print(
        f"machine load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(f"requests: {requests} ({requests / args.duration:.1f}/s)")
    print(f"  page-cache hits: {hits}, uncached renders (searches, feeds, misses): {misses}")
    print(f"  5xx: {server_errors}, other 4xx: {other}; {socket_errors or 'no socket errors'}")
    print(f"latency ms: p50 {p50:.1f}, p99 {p99:.1f}, max {worst:.1f}")
    print(f"server CPU ms per request (all requests): {cpu * 1000 / max(requests, 1):.2f}")
    print("worker resident memory, MiB (start -> end):")
    for pid in sorted(set(memory_start) | set(memory_end)):
        start, end = memory_start.get(pid), memory_end.get(pid)
        print(f"  pid {pid}: {start or float('nan'):.1f} -> {end or float('nan'):.1f}")
    print("worker resident memory over the run, MiB (one column per worker):")
    for seconds, sample in memory_watch.samples:
        print(
            f"  {seconds / 60:5.1f} min: "
            + " ".join(f"{mib:6.1f}" for _, mib in sorted(sample.items()))
        )
    delays = editor.delays
    if delays:
        print(
            f"published stories visible in their section after (s): "
            f"median {statistics.median(delays):.2f}, max {max(delays):.2f} "
            f"over {len(delays)} publishes; {editor.failures} not seen within 30 s"
        )
    else:
        print(f"no publish became visible ({editor.failures} tried)")


if __name__ == "__main__":
    main()
