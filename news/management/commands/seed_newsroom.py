"""``manage.py seed_newsroom``: build the demo newsroom (safe to run again)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from news.demo.builder import DEFAULT_ARTICLES, NewsroomBuilder, SeedError


class Command(BaseCommand):
    help = (
        "Build a demo newsroom for The Riverside Ledger: site settings, sections, authors, "
        "publishers, categories, promos, illustrations and articles. Only adds what is missing, "
        "so it is safe to run again. With --articles above the written corpus, generates more "
        "articles for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=DEFAULT_ARTICLES,
            help=f"How many articles the newsroom should have (default {DEFAULT_ARTICLES}).",
        )

    def handle(self, *args, articles, verbosity, **options):
        def log(message):
            if verbosity > 0:
                self.stdout.write(message)

        try:
            NewsroomBuilder(articles=articles, log=log).run()
        except SeedError as error:
            raise CommandError(str(error)) from error
        if connection.vendor == "postgresql":
            # Fresh planner statistics after a bulk load: until autovacuum gets round to it,
            # stale ones can turn an 80 ms search into seconds (a nested loop over every page).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
