"""What the admin's page explorer costs for the biggest section, at the archive's current size.

Usage (from the repo root, against a database built by ``seed_newsroom --articles N``, such as
bench/load.py's var/bench/articles-N.sqlite3):

    DATABASE_URL=sqlite:///var/bench/articles-100000.sqlite3 .venv/bin/python bench/explorer.py

Logs in as a superuser (created inside a transaction that is rolled back at the end) with Django's
test client and prints, per admin view, the CPU milliseconds per request of this process (on
SQLite that includes the database's work; on PostgreSQL the server's share is not in it, so the
wall time of its queries is printed too), the number of queries and the slowest ones.
"""

import os
import sys
import time
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
sys.path.insert(0, str(BASE_DIR))


def main(repeat=5):
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from news.models import ArticlePage, NewsIndexPage

    section = NewsIndexPage.objects.order_by("-numchild").first()
    article = ArticlePage.objects.filter(section=section).order_by("-pk").first()
    print(
        f"{ArticlePage.objects.count():,} articles; section {section.title!r} has "
        f"{section.numchild:,} children ({connection.vendor})\n"
    )
    views = {
        "explorer, section": f"/admin/pages/{section.pk}/",
        "explorer, section p.100": f"/admin/pages/{section.pk}/?p=100",
        "explorer, by title": f"/admin/pages/{section.pk}/?ordering=title",
        "edit article": f"/admin/pages/{article.pk}/edit/",
        "dashboard": "/admin/",
    }
    with transaction.atomic():
        user = get_user_model().objects.create_superuser("bench-explorer", password=None)
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        print(
            f"{'view':<26} {'CPU ms/req':>10} {'SQL ms/req':>10} {'queries':>7} "
            f"{'slowest query ms':>16}  path"
        )
        for label, path in views.items():
            response = client.get(path)  # warm: templates, caches
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
            cpu = sql = 0.0
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as captured:
                    started = time.process_time()
                    client.get(path)
                    cpu += time.process_time() - started
                # Wall time waiting for the database, which the process's CPU leaves out.
                sql += sum(float(query["time"]) for query in captured)
            slowest = sorted(captured, key=lambda q: float(q["time"]), reverse=True)[:3]
            worst = float(slowest[0]["time"]) * 1000 if slowest else 0
            print(
                f"{label:<26} {1000 * cpu / repeat:>10.1f} {1000 * sql / repeat:>10.1f} "
                f"{len(captured):>7} {worst:>16.1f}  {path}"
            )
            for query in slowest[:2]:
                print(f"{'':<28}{float(query['time']) * 1000:7.1f} ms  {query['sql'][:150]}")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
