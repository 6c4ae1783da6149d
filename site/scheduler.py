"""Periodic jobs, run by ``manage.py run_scheduler`` (one long-lived process).

Each job is a name, an interval and a function taking the command's output stream; add a job by
adding a line to ``JOBS``. A job that fails is logged and tried again at its next turn; a
database error (a restarted server, a dropped connection) closes the connections and retries
sooner, backing off up to ``MAX_BACKOFF`` seconds, so the scheduler outlives any outage.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.core.management import call_command
from django.core.management.base import OutputWrapper
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)
MAX_BACKOFF = 60


def publish_scheduled(stdout):
    """Pages and snippets whose go-live or expiry time has passed go live or expire."""
    call_command("publish_scheduled", stdout=stdout)


def collect_search_log(stdout):
    """Logged searches older than WAGTAILSEARCH_HITS_MAX_AGE days are deleted."""
    from search.log import garbage_collect

    deleted = garbage_collect()
    if deleted:
        stdout.write(f"Deleted {deleted} old search log rows")


def fetch_feeds(stdout):
    """Publishers' feeds are read into the curation desk (news/curation); failures are recorded
    on each feed."""
    call_command("fetch_feeds", stdout=stdout, verbosity=0)


def purge_incoming(stdout):
    """Incoming stories older than 30 days that nobody drafted from or kept are forgotten."""
    call_command("purge_incoming", stdout=stdout, verbosity=0)


@dataclass
class Job:
    name: str
    every: float  # seconds
    run: Callable[[OutputWrapper], object]


JOBS = [
    Job("publish_scheduled", 30, publish_scheduled),
    Job("collect_search_log", 60 * 60, collect_search_log),
    Job("fetch_feeds", 15 * 60, fetch_feeds),
    Job("purge_incoming", 24 * 60 * 60, purge_incoming),
]


def jobs(publish_every=None):
    """``JOBS``, with publishing every ``publish_every`` seconds if given."""
    if publish_every is None:
        return list(JOBS)
    return [
        replace(job, every=publish_every) if job.name == "publish_scheduled" else job
        for job in JOBS
    ]


def _drop_connections():
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            # A connection the server already ended cannot be closed cleanly; it is gone anyway.
            logger.debug("Closing a broken database connection failed", exc_info=True)


def _close_stale_connections():
    """Django's ``close_old_connections``, except for a connection inside a transaction block:
    a caller's open transaction (``run_scheduler --once`` from a test or a script) stays its own."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def run_job(job, stdout):
    """Run ``job`` once; return True when it succeeded, False when the database failed it.

    Other errors are logged and count as done: retrying at once would repeat them."""
    _close_stale_connections()
    try:
        job.run(stdout)
    except DatabaseError:
        logger.exception("Scheduler: %s failed on a database error; will retry", job.name)
        _drop_connections()
        return False
    except Exception:
        logger.exception("Scheduler: %s failed", job.name)
    finally:
        _close_stale_connections()
    return True


class Scheduler:
    def __init__(self, jobs, stdout):
        self.jobs = jobs
        self.stdout = stdout
        self.stopping = threading.Event()

    def stop(self, *args):
        self.stopping.set()

    def run_forever(self):
        due = dict.fromkeys((job.name for job in self.jobs), time.monotonic())
        failures = dict.fromkeys(due, 0)
        while not self.stopping.is_set():
            for job in self.jobs:
                if self.stopping.is_set() or time.monotonic() < due[job.name]:
                    continue
                if run_job(job, self.stdout):
                    failures[job.name] = 0
                    due[job.name] = time.monotonic() + job.every
                else:
                    failures[job.name] += 1
                    backoff = min(2 ** (failures[job.name] - 1), MAX_BACKOFF, job.every)
                    due[job.name] = time.monotonic() + backoff
            self.stopping.wait(max(0.0, min(due.values()) - time.monotonic()))
