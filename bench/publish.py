"""What publishing one article costs, at the archive's current size.

Usage (from the repo root, against a database built by ``seed_newsroom --articles N``):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_load_100000 \\
        .venv/bin/python bench/publish.py

Publishes, in the biggest section, a new story (with a byline and two categories) and then a
correction to it, a few times over, and prints for each step the CPU milliseconds of this process
(the revision, the signals, the search index update, the purges and the category counts), the
CPU of the PostgreSQL server process serving it, the wall time, the number of queries and the
slowest ones. Everything runs on the real code path, commits included (the purges run after the
commit); the stories are deleted again at the end. Nothing here asserts a time.
"""

import os
import sys
import time
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
sys.path.insert(0, str(BASE_DIR))


def server_cpu(connection):
    """CPU seconds of the PostgreSQL backend serving this connection (0 elsewhere)."""
    if connection.vendor != "postgresql":
        return 0.0
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:  # a server on another machine
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(repeat=3):
    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from news.models import ArticlePage, Author, Category, NewsIndexPage
    from news.models.pages import ArticlePageAuthor

    section = NewsIndexPage.objects.order_by("-numchild").first()
    categories = list(Category.objects.popular()[:2])
    author = Author.objects.order_by("pk").first()
    print(
        f"{ArticlePage.objects.count():,} articles ({connection.vendor}); publishing in "
        f"{section.title!r} ({section.numchild:,} children), categories "
        f"{', '.join(c.name for c in categories)}\n"
    )
    print(f"{'step':<22} {'CPU ms':>8} {'server CPU ms':>13} {'wall ms':>8} {'queries':>7}")

    def measure(label, action):
        with CaptureQueriesContext(connection) as captured:
            cpu, server, wall = time.process_time(), server_cpu(connection), time.monotonic()
            with transaction.atomic():  # the purges run on commit, inside the measurement
                action()
            cpu = time.process_time() - cpu
            server = server_cpu(connection) - server
            wall = time.monotonic() - wall
        print(
            f"{label:<22} {cpu * 1000:>8.0f} {server * 1000:>13.0f} {wall * 1000:>8.0f} "
            f"{len(captured):>7}"
        )
        for query in sorted(captured, key=lambda q: float(q["time"]), reverse=True)[:3]:
            print(f"{'':<24}{float(query['time']) * 1000:7.1f} ms  {query['sql'][:120]}")

    made = []
    try:
        for n in range(repeat):
            stamp = time.time_ns()
            article = ArticlePage(
                title=f"Bench story {stamp}",
                slug=f"bench-story-{stamp}",
                standfirst="A story published by bench/publish.py.",
                body=[("paragraph", "<p>The council met on Tuesday.</p>")],
                display_date=timezone.now(),
                live=False,
            )
            section.add_child(instance=article)
            made.append(article.pk)
            article.article_authors = [ArticlePageAuthor(author=author, sort_order=0)]
            article.categories = categories
            article.save()

            def publish(article=article):
                article.save_revision().publish()

            def correct(article=article, n=n):
                article.title = f"{article.title} (corrected {n})"
                article.save_revision().publish()

            measure(f"publish new story {n + 1}", publish)
            measure(f"publish correction {n + 1}", correct)
    finally:
        for pk in made:
            ArticlePage.objects.get(pk=pk).delete()


if __name__ == "__main__":
    main()
