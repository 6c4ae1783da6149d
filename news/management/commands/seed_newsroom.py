"""``manage.py seed_newsroom``: build the demo newsroom (safe to run again)."""

from django.core.management.base import BaseCommand, CommandError

from news.bulk_pages import analyze
from news.demo.loader import DemoDataError


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
            help="How many articles the newsroom should have (default: the 48 written ones).",
        )
        parser.add_argument(
            "--one-section",
            metavar="SLUG",
            help="Put every generated article in this section (for benchmarks of a big section).",
        )

    def handle(self, *args, articles, one_section, verbosity, **options):
        def log(message):
            if verbosity > 0:
                self.stdout.write(message)

        try:
            # Importing the builder reads the demo's data files (news/demo/data/).
            from news.demo.builder import DEFAULT_ARTICLES, NewsroomBuilder, SeedError
        except DemoDataError as error:
            raise CommandError(f"The demo's data files are wrong: {error}") from error
        if articles is None:
            articles = DEFAULT_ARTICLES
        try:
            NewsroomBuilder(articles=articles, log=log, one_section=one_section).run()
        except SeedError as error:
            raise CommandError(str(error)) from error
        analyze()
