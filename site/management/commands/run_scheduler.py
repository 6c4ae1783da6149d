import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from news.curation.schedule import CurationJobs


class Command(BaseCommand):
    help = (
        "Run Wagtail's publish_scheduled every --interval seconds, so scheduled pages and snippets "
        "go live (and expire) on time. Production runs this as a worker or runs "
        "`manage.py publish_scheduled` from cron every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=30, help="Seconds between runs.")
        parser.add_argument(
            "--once", action="store_true", help="Run publish_scheduled once, then exit."
        )

    def handle(self, *args, interval, once=False, **options):
        if not once:
            self.stdout.write(f"Scheduler: publishing scheduled content every {interval} s")
        curation = CurationJobs()  # feeds every 15 minutes, purge daily
        try:
            while True:
                call_command("publish_scheduled", stdout=self.stdout)
                curation.run_due(self.stdout)
                if once:
                    return
                time.sleep(interval)
        except KeyboardInterrupt:
            return
