from django.core.management.base import BaseCommand

from news.models import IncomingStory
from news.models.curation import PURGE_AFTER


class Command(BaseCommand):
    help = (
        f"Forget incoming stories older than {PURGE_AFTER.days} days that nobody drafted from "
        "or linked to an article."
    )

    def handle(self, *args, **options):
        deleted, _ = IncomingStory.objects.purgeable().delete()
        if options["verbosity"]:
            self.stdout.write(f"Incoming: {deleted} old stories purged.")
