"""Front cache benchmark: the scale-out stack under a reader mix while an editor publishes.

Usage (from the repo root, after `python3 manage.py start` has created .venv/; needs PostgreSQL on
127.0.0.1:5432, Redis on 127.0.0.1:6379, varnishd with the xkey vmod and wrk):

    .venv/bin/python bench/front_cache.py [--articles 1000] [--duration 60] [--publish-every 20]
        [--database-url postgres://postgres@127.0.0.1:5432/newsroom_bench_front_1000]

It builds a PostgreSQL database (`seed_newsroom --articles N`; kept between runs unless --drop),
starts the stack of `manage.py stack up` on free ports (nginx, then Varnish, then 2 app servers x
2 gunicorn workers), then for --duration seconds runs wrk through the front over a reader mix (home 20 %,
sections 15 %, articles 50 % with a few popular ones, authors and categories 5 % each, feeds
5 %) while this process publishes as an editor every --publish-every seconds (a correction, then
a new story, in turn). It prints the front's hit ratio, requests per second, and the CPU
milliseconds per reader request of the app servers (user + system time of every gunicorn process,
from /proc) and of the front (nginx and Varnish).
Then, on a warm front, it makes each kind of change once and prints how many cached objects
Varnish purged for it. Nothing here asserts a time.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from newsroom import stack as scale_out

BASE_DIR = scale_out.BASE_DIR

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
MIX = {"home": 20, "section": 15, "article": 50, "author": 5, "category": 5, "feed": 5}


def cpu_seconds(pid_files):
    total = 0
    for pid_file in pid_files:
        try:
            root = int(Path(pid_file).read_text())
        except (OSError, ValueError):
            continue
        children = Path(f"/proc/{root}/task/{root}/children")
        pids = [root, *(int(p) for p in children.read_text().split())] if children.exists() else []
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def varnish_counters(workdir):
    output = subprocess.run(
        ["varnishstat", "-n", str(workdir), "-1"], capture_output=True, text=True, check=True
    ).stdout
    counters = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            counters[parts[0]] = int(parts[1])
    return counters


def reader_paths(count, seed=7):
    """A reproducible list of reader URLs in the proportions of MIX; a few articles are popular."""
    from news.models import ArticlePage, Author, Category, NewsIndexPage

    rng = random.Random(seed)
    articles = list(ArticlePage.objects.live().order_by("-display_date"))
    sections = list(NewsIndexPage.objects.live())
    choices = {
        "home": lambda: "/",
        "section": lambda: rng.choice(sections).url,
        # Readers crowd onto recent stories: a Pareto pick over the newest first.
        "article": lambda: articles[min(int(rng.paretovariate(1.2)) - 1, len(articles) - 1)].url,
        "author": lambda: rng.choice(list(Author.objects.all())).get_absolute_url(),
        "category": lambda: rng.choice(list(Category.objects.all())).get_absolute_url(),
        "feed": lambda: rng.choice(["/feed/", *[f"{s.url}feed/" for s in sections]]),
    }
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    return [choices[kind]() for kind in kinds]


def wrk_script(paths, directory):
    script = Path(directory) / "mix.lua"
    listed = ",\n".join(f'  "{path}"' for path in paths)
    script.write_text(
        f"paths = {{\n{listed}\n}}\n"
        "counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        '  return wrk.format("GET", paths[(counter % #paths) + 1])\n'
        "end\n"
    )
    return script


class Editor:
    """Publishes in this process, as an editor in the admin would; records Varnish's answers."""

    def __init__(self):
        from newsroom import frontcache

        self.answers = []
        original = frontcache._send

        def recording(request):
            answer = original(request)
            self.answers.append(answer or "")
            return answer

        frontcache._send = recording
        self.counter = 0

    def purged(self, change):
        self.answers.clear()
        change()
        counts = (re.search(r"Purged (\d+)", answer) for answer in self.answers)
        return sum(int(count.group(1)) for count in counts if count)

    def correction(self):
        from news.models import ArticlePage

        article = ArticlePage.objects.live().order_by("-display_date")[3]
        article.standfirst = f"{article.standfirst.split(' [')[0]} [updated {time.time():.0f}]"
        article.save_revision().publish()

    def new_story(self):
        from news.models import ArticlePage, ArticlePageAuthor, Author, Category, NewsIndexPage

        self.counter += 1
        section = NewsIndexPage.objects.live().first()
        story = ArticlePage(
            title=f"Benchmark story {self.counter} at {time.time():.0f}",
            standfirst="A new story for the front cache benchmark. It joins every listing.",
            body=[("paragraph", "<p>The council met on Tuesday.</p>")],
            live=False,
        )
        section.add_child(instance=story)
        story.article_authors.add(ArticlePageAuthor(author=Author.objects.first()))
        story.categories.set([Category.objects.first()])
        story.save_revision().publish()
        self.last_story = story

    def unpublish(self):
        self.last_story.refresh_from_db()
        self.last_story.unpublish()

    def promo_edit(self):
        from news.models import SidebarSnippet

        promo = SidebarSnippet.objects.sitewide().first()
        promo.text = f"{promo.text.split(' [')[0]} [{time.time():.0f}]"
        promo.save_revision().publish()

    def author_rename(self):
        from news.models import Author

        author = Author.objects.order_by("pk").last()
        author.role = f"Correspondent {time.time():.0f}"
        author.save()

    def image_edit(self):
        from news.models import ArticlePage

        article = (
            ArticlePage.objects.live()
            .filter(lead_image__isnull=False)
            .select_related("lead_image")
            .order_by("-display_date")
            .first()
        )
        image = article.lead_image
        image.focal_point_x, image.focal_point_y = image.width // 3, image.height // 3
        image.focal_point_width = image.focal_point_height = max(1, image.height // 4)
        image.save()

    def settings_change(self):
        from wagtail.models import Site

        from home.models import SiteSettings

        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.tagline = f"News from the river city ({time.time():.0f})"
        site_settings.save()


def crawl(front_url, paths):
    import urllib.request

    for path in sorted(set(paths)):
        try:
            with urllib.request.urlopen(front_url + path, timeout=30) as response:  # noqa: S310
                response.read()
        except OSError:
            pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--publish-every", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--apps", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument(
        "--database-url",
        help="PostgreSQL database to build and use "
        "(default: newsroom_bench_front_<articles> on 127.0.0.1:5432).",
    )
    parser.add_argument("--drop", action="store_true", help="Drop the database afterwards.")
    args = parser.parse_args()

    directory = Path(tempfile.mkdtemp(prefix="newsroom-bench-front-"))
    stack = scale_out.Stack(
        directory=directory,
        database_url=args.database_url
        or f"postgres://postgres@127.0.0.1:5432/newsroom_bench_front_{args.articles}",
        redis_url=args.redis_url,
        front_port=scale_out.free_port(),
        # Known before the stack starts: this process publishes, and purges, with these settings.
        varnish_port=scale_out.free_port(),
        purge_port=scale_out.free_port(),
        workers=args.workers,
        media_root=str(BASE_DIR / "var" / "bench-front-media"),
        static_root=str(directory / "static"),
        scheduler=False,
    )
    scale_out.ensure_database(stack.database_url)
    scale_out.manage(stack, "migrate", "--verbosity", "0")
    scale_out.manage(stack, "collectstatic", "--noinput", "--verbosity", "0")
    os.environ.update(stack.environment())
    # Count each change's purge once (a repurge would land in the next change's figures).
    os.environ["FRONT_CACHE_REPURGE_SECONDS"] = "0"
    sys.path.insert(0, str(BASE_DIR))  # the project's apps, for publishing from here
    import django

    django.setup()
    from news.models import ArticlePage

    if not ArticlePage.objects.exists():
        print(f"Seeding {args.articles} articles (first run only)…", flush=True)
        subprocess.run(
            [sys.executable, "manage.py", "seed_newsroom", "--articles", str(args.articles)],
            cwd=BASE_DIR,
            env={**stack.environment(), "FRONT_CACHE": ""},  # no front to purge yet
            check=True,
        )
    paths = reader_paths(2000)
    scale_out.up(stack, apps=args.apps)
    app_pids = [directory / f"app{n}.pid" for n in range(1, args.apps + 1)]
    front_pids = [directory / "nginx.pid", directory / "varnish.pid"]
    editor = Editor()
    try:
        print(
            f"Stack: nginx on {stack.front_url}, Varnish, {args.apps} app servers x {args.workers} "
            f"workers, PostgreSQL, Redis; {ArticlePage.objects.live().count()} live articles; "
            f"{len(set(paths))} distinct URLs in the mix.",
            flush=True,
        )
        crawl(stack.front_url, paths[:200])  # a front that has seen some traffic already

        stop = threading.Event()
        publishes = []

        def publish_regularly():
            kinds = [editor.correction, editor.new_story]
            while not stop.wait(args.publish_every):
                change = kinds[len(publishes) % 2]
                publishes.append((change.__name__, editor.purged(change)))

        before_counters = varnish_counters(directory / "varnish")
        before_cpu = cpu_seconds(app_pids)
        before_front_cpu = cpu_seconds(front_pids)
        publisher = threading.Thread(target=publish_regularly, daemon=True)
        publisher.start()
        script = wrk_script(paths, directory)
        output = subprocess.run(
            [
                "wrk",
                "-t",
                "2",
                "-c",
                str(args.connections),
                "-d",
                f"{args.duration}s",
                "--latency",
                "-s",
                str(script),
                stack.front_url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        stop.set()
        publisher.join()
        cpu = cpu_seconds(app_pids) - before_cpu
        front_cpu = cpu_seconds(front_pids) - before_front_cpu
        after = varnish_counters(directory / "varnish")
        delta = {key: after.get(key, 0) - before_counters.get(key, 0) for key in after}

        requests = int(re.search(r"(\d+) requests in", output).group(1))
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        p50 = re.search(r"50%\s+(\S+)", output).group(1)
        p99 = re.search(r"99%\s+([\d.]+\w+)", output).group(1)
        hits, misses = delta.get("MAIN.cache_hit", 0), delta.get("MAIN.cache_miss", 0)
        passes = delta.get("MAIN.s_pass", 0)
        backend = misses + passes
        print(
            f"\nReader mix through the front for {args.duration} s, {args.connections} connections, "
            f"publishing every {args.publish_every} s ({len(publishes)} publishes: "
            + ", ".join(f"{kind} purged {n}" for kind, n in publishes)
            + ")"
        )
        print(f"  requests/s            {rate:,.0f}   (p50 {p50}, p99 {p99})")
        print(
            f"  front hit ratio       {hits / max(1, hits + misses + passes):.1%}"
            f"   ({hits} hits, {misses} misses, {passes} passes)"
        )
        print(
            f"  app CPU per request   {1000 * cpu / max(1, requests):.2f} ms over all reader "
            f"requests; {1000 * cpu / max(1, backend):.1f} ms per request that reached an app "
            f"server ({backend}: misses, uncached pages; includes their page-cache hits)"
        )
        print(
            f"  front CPU per request {1000 * front_cpu / max(1, requests):.2f} ms (nginx and "
            "Varnish together, every process of each)"
        )

        app_url = f"http://127.0.0.1:{stack.app_ports[0]}"
        crawl(app_url, paths)
        before_cpu = cpu_seconds(app_pids)
        output = subprocess.run(
            ["wrk", "-t", "2", "-c", "4", "-d", "10s", "-s", str(script), app_url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        requests = int(re.search(r"(\d+) requests in", output).group(1))
        cpu = cpu_seconds(app_pids) - before_cpu
        print(
            f"  app page cache hits   {1000 * cpu / max(1, requests):.2f} ms CPU per request (the "
            "same mix straight at one app server: Redis page cache, warm, no publishing)"
        )

        print(
            "\nCached objects purged from a warm front by each kind of change (Varnish's object "
            "count before and after; xkey's own count adds one per key an object matched):"
        )
        for change in (
            editor.correction,
            editor.new_story,
            editor.unpublish,
            editor.promo_edit,
            editor.author_rename,
            editor.image_edit,
            editor.settings_change,
        ):
            crawl(stack.front_url, paths)
            cached = varnish_counters(directory / "varnish").get("MAIN.n_object", 0)
            matched = editor.purged(change)
            left = varnish_counters(directory / "varnish").get("MAIN.n_object", 0)
            print(
                f"  {change.__name__:<16} {cached - left:>4} of {cached} objects "
                f"(xkey matches: {matched})"
            )
    finally:
        scale_out.down(stack)
        if args.drop:
            scale_out.drop_database(stack.database_url)


if __name__ == "__main__":
    main()
