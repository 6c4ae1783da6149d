"""A private PostgreSQL cluster for outage tests: started, stopped and restarted at will.

The shared server on :5432 must never be restarted, so tests that take the database away run
their own cluster (initdb + pg_ctl as the postgres user) on a free port, with the site migrated
into it once per test session.
"""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_bin():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def _unavailable_reason():
    if _postgres_bin() is None:
        return "PostgreSQL server binaries not installed (/usr/lib/postgresql/*/bin)"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "no postgres user to run a private cluster as"
    if os.geteuid() != 0 and pwd.getpwuid(os.geteuid()).pw_name != "postgres":
        return "a private cluster needs root (runuser) or the postgres user"
    return None


class Cluster:
    def __init__(self, root):
        self.dir = root / "data"
        self.port = free_port()
        self.bin = _postgres_bin()

    def _as_postgres(self, *args):
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)

    def _pg_ctl(self, action, *extra):
        self._as_postgres(
            "pg_ctl",
            "-D",
            str(self.dir),
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
            "-l",
            str(self.dir / "server.log"),
            "-w",
            action,
            *extra,
        )

    def create(self):
        self.dir.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.dir.parent, "postgres")
            shutil.chown(self.dir, "postgres")
        self._as_postgres("initdb", "-D", str(self.dir), "-A", "trust", "-U", "postgres")
        self.start()

    def start(self):
        self._pg_ctl("start")

    def stop(self):
        self._pg_ctl("stop", "-m", "fast")

    def url(self, database="newsroom"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connections(self, database="newsroom"):
        """Process ids of the other sessions connected to ``database``."""
        rows = self.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )
        return [pid for (pid,) in rows]

    def terminate_connections(self, database="newsroom"):
        self.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )

    def execute(self, sql, params=(), database="newsroom"):
        with psycopg.connect(self.url(database), autocommit=True) as connection:
            cursor = connection.execute(sql, params or None)
            return cursor.fetchall() if cursor.description else None


def site_env(cluster, var_dir, **extra):
    """Environment for running the site (manage.py, gunicorn) on ``cluster``."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": cluster.url(),
        "NEWSROOM_VAR_DIR": str(var_dir),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "INFO",
        **extra,
    }
    env.pop("REDIS_URL", None)
    return env


EDITOR = "night-editor"
EDITOR_PASSWORD = "correct horse battery staple"


def manage(env, *args):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )


@pytest.fixture(scope="session")
def throwaway_postgres():
    """A running private cluster with the site migrated and a few demo articles, plus an
    environment to run the site on it: ``(cluster, env)``."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # These tests bring their own server; the suite's second (PostgreSQL) pass adds nothing.
        pytest.skip("outage tests run once, in the SQLite pass")
    reason = _unavailable_reason()
    if reason:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
    cluster = Cluster(root)
    cluster.create()
    try:
        cluster.execute("CREATE DATABASE newsroom", database="postgres")
        env = site_env(cluster, root / "var", DJANGO_SUPERUSER_PASSWORD=EDITOR_PASSWORD)
        manage(env, "migrate", "--verbosity", "0")
        manage(env, "seed_newsroom", "--articles", "12", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        manage(env, "createsuperuser", "--noinput", "--username", EDITOR, "--email", "e@x.test")
        yield cluster, env
    finally:
        try:
            cluster.stop()
        finally:
            shutil.rmtree(root, ignore_errors=True)
