"""`manage.py start` restarts a child that dies, and SIGTERM or SIGINT stops everything: no
orphan keeps the port."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.throwaway_postgres import BASE_DIR, free_port


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def command_line(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


def child_running(pid, word):
    found = [child for child in children(pid) if word in command_line(child)]
    return found[0] if found else None


def answers(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def port_is_free(port):
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def wait_for(condition, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.3)
    return None


def process_alive(pid):
    state = Path(f"/proc/{pid}/stat")
    return state.exists() and state.read_text().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_start_supervises_and_stops_its_children(throwaway_postgres, stop_signal):
    _, env = throwaway_postgres
    port = free_port()
    env = {**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1"}
    start = subprocess.Popen(
        [sys.executable, "manage.py", "start"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    descendants = set()
    try:
        assert wait_for(lambda: answers(port)), "the site never answered"
        server = child_running(start.pid, "gunicorn")
        scheduler = child_running(start.pid, "run_scheduler")
        assert server and scheduler
        # A child that dies within the supervisor's start-up grace (5 s) stops everything, as a
        # broken start should; this test is about children that die later.
        time.sleep(6)

        # Each child dies the hard way; the supervisor starts another.
        for word, pid in (("run_scheduler", scheduler), ("gunicorn", server)):
            workers = children(pid)
            os.kill(pid, signal.SIGKILL)
            replacement = wait_for(lambda w=word, p=pid: (child_running(start.pid, w) or p) != p)
            assert replacement, f"{word} was not restarted"
            descendants.update(workers)
        assert wait_for(lambda: answers(port)), "the site did not come back"

        server = child_running(start.pid, "gunicorn")
        descendants.update([server, child_running(start.pid, "run_scheduler")])
        descendants.update(children(server))
        start.send_signal(stop_signal)
        assert start.wait(timeout=60) == 0
    finally:
        if start.poll() is None:
            start.kill()
        output = start.communicate()[0]
    assert "restarting" in output
    assert wait_for(lambda: not any(process_alive(pid) for pid in descendants), timeout=10), [
        command_line(pid) for pid in descendants if process_alive(pid)
    ]
    assert port_is_free(port)
