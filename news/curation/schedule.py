"""The curation desk's periodic jobs, run by ``manage.py run_scheduler``."""

import logging
import time

from django.core.management import call_command

logger = logging.getLogger(__name__)

# (management command, seconds between runs)
JOBS = [
    ("fetch_feeds", 15 * 60),
    ("purge_incoming", 24 * 60 * 60),
]


class CurationJobs:
    """Runs each job when it is due; a failing job is logged and tried again next time."""

    def __init__(self, jobs=JOBS):
        self.jobs = jobs
        self.next_run = dict.fromkeys([name for name, _ in jobs], 0.0)

    def run_due(self, stdout=None):
        now = time.monotonic()
        for name, every in self.jobs:
            if now < self.next_run[name]:
                continue
            self.next_run[name] = now + every
            try:
                call_command(name, stdout=stdout, verbosity=0)  # failures still reach stderr
            except Exception:
                logger.exception("Scheduled job %s failed", name)
