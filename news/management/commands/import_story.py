from django.core.management.base import BaseCommand, CommandError

from news.curation.drafting import DraftError, draft_from_link
from news.curation.fetching import FetchError
from news.models import NewsIndexPage


class Command(BaseCommand):
    help = (
        "Make a draft article from a publisher's story: reads the page's headline, description, "
        "canonical address, author and date, and offers its quotes to the editor. "
        "Nothing is published."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="The story's address (http or https).")
        parser.add_argument(
            "--section", default="news", help="Slug of the section to draft in (default: news)."
        )

    def handle(self, *args, url, section, **options):
        parent = NewsIndexPage.objects.filter(slug=section).first()
        if parent is None:
            choices = ", ".join(NewsIndexPage.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No section with the slug “{section}” (sections: {choices}).")
        try:
            outcome = draft_from_link(url, parent)
        except (FetchError, DraftError) as error:
            raise CommandError(str(error)) from error
        page = outcome.page
        publisher = page.publisher
        self.stdout.write(f"Draft “{page.title}” (page {page.pk}) in {parent.title}.")
        self.stdout.write(f"Source: {page.source_url}")
        if publisher is not None and not publisher.active:
            self.stdout.write(f"New publisher “{publisher.name}” awaits an Editor's check.")
        for quote in outcome.story.suggested_quotes:
            self.stdout.write(f"Quote: “{quote['quote']}” {quote['attribution']}".rstrip())
