"""The scheduler outlives database errors and stops cleanly on SIGTERM."""

import signal
import subprocess
import time

import pytest

from newsroom.scheduler import Job, Scheduler
from tests.throwaway_postgres import BASE_DIR, PYTHON, manage

SCHEDULE_A_PROMO = """
from datetime import timedelta
from django.utils import timezone
from news.models import SidebarSnippet
promo = SidebarSnippet.objects.create(title="After the outage", text="Back.", live=False)
promo.go_live_at = timezone.now() + timedelta(seconds=1)
promo.save_revision().publish()
"""


def wait_for(condition, timeout=60, every=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


# serialized_rollback: the flush after a transactional test would otherwise take the groups and
# page tree the migrations made away from every later test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_jobs_that_fail_are_retried_and_others_keep_running():
    from django.db import OperationalError

    runs = []

    def flaky(stdout):
        runs.append("flaky")
        if len(runs) < 3:
            raise OperationalError("server closed the connection unexpectedly")
        scheduler.stop()

    def broken(stdout):
        raise ValueError("a bug in one job")

    scheduler = Scheduler([Job("broken", 0.01, broken), Job("flaky", 60, flaky)], stdout=None)
    scheduler.run_forever()  # returns once flaky has succeeded (the test would hang otherwise)
    assert runs == ["flaky", "flaky", "flaky"]


def test_scheduler_survives_a_terminated_connection_and_a_restart(throwaway_postgres):
    cluster, env = throwaway_postgres
    scheduler = subprocess.Popen(
        [PYTHON, "manage.py", "run_scheduler", "--interval", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(cluster.connections)
        cluster.terminate_connections()
        time.sleep(2)  # the scheduler's next runs meet the dead connection
        assert scheduler.poll() is None, "the scheduler exited"

        cluster.stop()  # a database restart: nothing answers for a few seconds
        time.sleep(3)
        cluster.start()
        assert scheduler.poll() is None, "the scheduler exited"

        manage(env, "shell", "-c", SCHEDULE_A_PROMO)
        live = "SELECT live FROM news_sidebarsnippet WHERE title = 'After the outage'"
        assert wait_for(lambda: cluster.execute(live) == [(True,)]), "nothing went live"

        scheduler.send_signal(signal.SIGTERM)
        assert scheduler.wait(timeout=30) == 0
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
        output = scheduler.communicate()[0]
    assert "OperationalError" in output  # the failure was logged, then retried
    assert "Scheduler: stopped" in output
