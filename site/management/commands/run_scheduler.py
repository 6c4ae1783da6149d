import signal

from django.core.management.base import BaseCommand

from newsroom.scheduler import Scheduler, jobs, run_job


class Command(BaseCommand):
    help = (
        "Run the site's periodic jobs (newsroom/scheduler.py): scheduled publishing every "
        "--interval seconds, garbage collection of the search log hourly. Database errors are "
        "logged and retried; SIGTERM or Ctrl-C stops it between jobs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=30, help="Seconds between scheduled-publishing runs."
        )
        parser.add_argument("--once", action="store_true", help="Run every job once, then exit.")

    def handle(self, *args, interval, once=False, **options):
        if once:
            for job in jobs():
                run_job(job, self.stdout)
            return
        scheduler = Scheduler(jobs(publish_every=interval), self.stdout)
        signal.signal(signal.SIGTERM, scheduler.stop)
        signal.signal(signal.SIGINT, scheduler.stop)
        names = ", ".join(f"{job.name} every {job.every:g} s" for job in scheduler.jobs)
        self.stdout.write(f"Scheduler: {names}")
        scheduler.run_forever()
        self.stdout.write("Scheduler: stopped")
