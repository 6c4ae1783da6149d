from django.core.management.base import BaseCommand
from django.db.models import Q

from news.curation.feeds import fetch_feed
from news.models import PublisherFeed


class Command(BaseCommand):
    help = (
        "Fetch every active publisher feed and put its new items on the curation desk "
        "(Incoming). One feed's failure is recorded on that feed and never stops the others."
    )

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, action="append", help="Only this feed id.")

    def handle(self, *args, feed=None, **options):
        feeds = PublisherFeed.objects.filter(active=True, publisher__active=True)
        if feed:
            feeds = PublisherFeed.objects.filter(Q(pk__in=feed))
        totals = {"new": 0, "failed": 0}
        for publisher_feed in feeds.select_related("publisher").order_by("pk"):
            report = fetch_feed(publisher_feed)
            totals["new"] += report.new
            if report.error:
                totals["failed"] += 1
                self.stderr.write(f"{publisher_feed.url}: {report.error}")
            elif options["verbosity"] > 1:
                self.stdout.write(f"{publisher_feed.url}: {publisher_feed.last_status}")
        if options["verbosity"]:
            self.stdout.write(
                f"Feeds: {totals['new']} new stories; {totals['failed']} feeds failed."
            )
