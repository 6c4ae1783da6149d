"""Load benchmark: wrk against gunicorn, the way production serves the site.

Usage (from the repo root, after `python3 manage.py start` has created .venv/):

    .venv/bin/python bench/load.py [--articles 1000] [--duration 10] [--database-url URL]

It builds a benchmark database with `seed_newsroom --articles N` (SQLite under var/bench/ unless
--database-url is given), collects static files, starts gunicorn with one sync worker, and runs wrk
against the home, section, article and search pages and a static file. For each it prints
requests per second, p50/p99 latency and the server's CPU milliseconds per request (user + system
time of the gunicorn processes, read from /proc): the figure that stays stable on a noisy machine.
Needs `wrk` (Debian: apt-get install wrk). Nothing here asserts a time.
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
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def process_tree_cpu_seconds(root_pid):
    """User + system CPU seconds of a process and its children (gunicorn master and workers)."""
    pids = [root_pid]
    children = Path(f"/proc/{root_pid}/task/{root_pid}/children")
    if children.exists():
        pids += [int(pid) for pid in children.read_text().split()]
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def run_wrk(url, duration, connections):
    output = subprocess.run(
        ["wrk", "--latency", "-t", "2", "-c", str(connections), "-d", f"{duration}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)

    def percentile(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.MULTILINE)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "requests": requests,
        "rps": rps,
        "p50": percentile("50"),
        "p99": percentile("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--database-url")
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
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    env.pop("DEBUG", None)
    print(f"Database: {database_url}")
    manage(env, "migrate", "-v0")
    manage(env, "seed_newsroom", "--articles", str(args.articles))
    manage(env, "collectstatic", "--noinput", "-v0")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "newsroom.wsgi",
            "--chdir",
            str(BASE_DIR),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=5)  # noqa: S310 (local server)
                break
            except OSError:
                time.sleep(0.2)
        targets = discover_targets(env, base)
        print(
            f"\n{args.articles} articles, 1 gunicorn worker, wrk -c{args.connections} "
            f"for {args.duration}s per URL\n"
        )
        print(
            f"{'page':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms/req':>11}  errors  url"
        )
        rows = {}
        for name, path in targets.items():
            url = base + path
            run_wrk(url, 2, args.connections)  # warm caches and workers
            before = process_tree_cpu_seconds(server.pid)
            result = run_wrk(url, args.duration, args.connections)
            cpu_ms = (
                (process_tree_cpu_seconds(server.pid) - before) * 1000 / max(result["requests"], 1)
            )
            rows[name] = {**result, "cpu_ms": cpu_ms}
            print(
                f"{name:<10} {result['rps']:>8.1f} {result['p50']:>8.2f} {result['p99']:>8.2f} "
                f"{cpu_ms:>11.2f}  {result['errors']:>6}  {path}"
            )
        static_cost = rows["static"]["cpu_ms"] or 1
        print("\nCPU per request relative to serving a static file:")
        for name, row in rows.items():
            print(f"  {name:<10} x{row['cpu_ms'] / static_cost:.1f}")
        print("\n" + json.dumps({"articles": args.articles, "results": rows}))
    finally:
        server.terminate()
        server.wait()


def discover_targets(env, base):
    script = (
        "import json; from news.models import ArticlePage, NewsIndexPage; "
        "from django.contrib.staticfiles.storage import staticfiles_storage as s; "
        "a = ArticlePage.objects.visible().newest_first().first(); "
        "n = NewsIndexPage.objects.live().first(); "
        "print(json.dumps({'article': a.url, 'section': n.url, 'static': s.url('css/site.css')}))"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = json.loads(out.strip().splitlines()[-1])
    return {
        "home": "/",
        "section": found["section"],
        "article": found["article"],
        "search": "/search/?query=council+budget",
        "static": found["static"],
    }


if __name__ == "__main__":
    main()
