"""The two Quick start commands, runnable with nothing but Python 3.11+ (standard library only).

``start``: create .venv/, install the locked dependencies, prepare the database and demo newsroom,
then serve with gunicorn on 127.0.0.1:8000 alongside the publishing scheduler.
``runtests``: install the test dependencies, then lint, check migrations and run pytest on SQLite
and, when a server answers, on PostgreSQL. With ``AUDIT_DEPENDENCIES=1`` (CI) it first checks the
locked requirements for known vulnerabilities (pip-audit; the only step that needs the network).
"""

import contextlib
import hashlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import venv
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_DIR = BASE_DIR / ".venv"
VENV_BIN = VENV_DIR / "bin"
PYTHON = VENV_BIN / "python"
UV_VERSION = "0.13.9"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/newsroom"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def say(message):
    print(f"==> {message}", flush=True)


def run(*args, env=None):
    subprocess.run([str(a) for a in args], check=True, cwd=BASE_DIR, env=env)


def install_environment(lock_name):
    """Create .venv/ and install ``lock_name``; skipped when nothing changed since last time."""
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv/")
        venv.EnvBuilder(with_pip=True).create(VENV_DIR)

    if _installed(lock_name) or (
        # The development lock holds every runtime dependency too.
        lock_name == "requirements.txt" and _installed("requirements-dev.txt")
    ):
        return
    lock = BASE_DIR / lock_name

    say(f"Installing dependencies from {lock_name}")
    env = {**os.environ, "UV_COMPILE_BYTECODE": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    uv = VENV_BIN / "uv"
    if not uv.exists():
        # uv installs the stack in seconds; plain pip is the fallback if it cannot be had.
        subprocess.run(
            [PYTHON, "-m", "pip", "install", "--quiet", f"uv=={UV_VERSION}"], check=False, env=env
        )
    if uv.exists():
        run(uv, "pip", "install", "--quiet", "--python", PYTHON, "-r", lock, env=env)
        run(uv, "pip", "install", "--quiet", "--python", PYTHON, "--no-deps", "-e", ".", env=env)
    else:
        run(PYTHON, "-m", "pip", "install", "--quiet", "-r", lock, env=env)
        run(PYTHON, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ".", env=env)
    (VENV_DIR / f".installed-{lock_name}").write_text(_lock_digest(lock_name))


def _lock_digest(lock_name):
    lock = (BASE_DIR / lock_name).read_bytes() + (BASE_DIR / "pyproject.toml").read_bytes()
    return hashlib.sha256(lock).hexdigest()


def _installed(lock_name):
    """Whether .venv/ holds ``lock_name`` as it is now."""
    stamp = VENV_DIR / f".installed-{lock_name}"
    return stamp.exists() and stamp.read_text() == _lock_digest(lock_name)


def start(args):
    install_environment("requirements.txt")
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    run(PYTHON, "manage.py", "prepare_site", *args)

    say(f"Serving the newsroom on http://{host}:{port}/ (admin: http://{host}:{port}/admin/)")
    server = [
        VENV_BIN / "gunicorn",
        "newsroom.wsgi",
        "--chdir",
        BASE_DIR,
        "--bind",
        f"{host}:{port}",
        "--workers",
        os.environ.get("WEB_CONCURRENCY", "2"),
        "--threads",
        "4",
        "--graceful-timeout",
        "10",
        # gunicorn 27 otherwise opens a control socket in the home folder, one path shared by
        # every gunicorn of that user; nothing here uses it.
        "--no-control-socket",
        "--access-logfile",
        "-",
    ]
    scheduler = [PYTHON, "manage.py", "run_scheduler"]
    return Supervisor({"web server": server, "scheduler": scheduler}).run()


class Supervisor:
    """Run the children until SIGTERM or SIGINT; restart any that exits, then stop them all.

    A child that exits within STARTUP_GRACE seconds of its first start (a port already taken,
    broken settings) stops everything instead: restarting it would only repeat the error. Each
    child runs in its own session, so a terminal's Ctrl-C reaches them only through here and
    each is stopped once, in order.
    """

    STARTUP_GRACE = 5
    STOP_TIMEOUT = 20
    MAX_BACKOFF = 30

    def __init__(self, commands):
        self.commands = commands
        self.processes = {}
        self.stopping = False

    def _launch(self, name):
        command = [str(part) for part in self.commands[name]]
        self.processes[name] = subprocess.Popen(command, cwd=BASE_DIR, start_new_session=True)

    def _stop_requested(self, signum, frame):
        self.stopping = True

    def run(self):
        previous = {sig: signal.signal(sig, self._stop_requested) for sig in STOP_SIGNALS}
        try:
            return self._supervise()
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _supervise(self):
        started = time.monotonic()
        for name in self.commands:
            self._launch(name)
        failures = dict.fromkeys(self.commands, 0)
        launched = dict.fromkeys(self.commands, started)
        while not self.stopping:
            time.sleep(0.2)
            for name, process in list(self.processes.items()):
                code = process.poll()
                if code is None or self.stopping:
                    continue
                if launched[name] == started and time.monotonic() - started < self.STARTUP_GRACE:
                    say(f"The {name} failed to start (exit code {code}); stopping")
                    return code or 1
                # Quick repeated crashes back off; a child that ran a while restarts at once.
                ran_for = time.monotonic() - launched[name]
                failures[name] = 0 if ran_for > 60 else failures[name] + 1
                delay = min(2 ** failures[name] - 1, self.MAX_BACKOFF)
                say(f"The {name} exited (exit code {code}); restarting in {delay} s")
                _kill_session(process)  # workers it left behind would keep the port
                self._sleep_unless_stopping(delay)
                if not self.stopping:
                    self._launch(name)
                    launched[name] = time.monotonic()
        return 0

    def _sleep_unless_stopping(self, seconds):
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(0.2)

    def _stop_all(self):
        running = {name: p for name, p in self.processes.items() if p.poll() is None}
        if running:
            say("Stopping: " + ", ".join(running))
        for process in running.values():
            process.terminate()
        deadline = time.monotonic() + self.STOP_TIMEOUT
        for process in running.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                say("A child did not stop in time; killing it")
            _kill_session(process)
            process.wait()


def _kill_session(process):
    """Kill whatever is left of a child's session (each child runs in its own)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def postgres_reachable(url):
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5432), 2):
            return True
    except OSError:
        return False


AUDIT_TIMEOUT = 300  # seconds for the whole audit; per-request timeouts are shorter


def audit_verdict(report):
    """(failed, message) from a pip-audit JSON report.

    Known vulnerabilities fail. Packages the advisory service could not look up are reported but
    do not fail: the audit is only as good as the service it reaches (README › Dependencies).
    """
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    unaudited = [d for d in dependencies if d.get("skip_reason")]
    if vulnerable:
        lines = [
            f"  {d['name']} {d['version']}: "
            + ", ".join(
                f"{v['id']} (fixed in {', '.join(v.get('fix_versions') or ['?'])})"
                for v in d["vulns"]
            )
            for d in vulnerable
        ]
        return True, "Known vulnerabilities in the locked requirements:\n" + "\n".join(lines)
    if unaudited:
        return False, (
            f"Dependency audit INCOMPLETE: {len(unaudited)} of {len(dependencies)} packages could "
            f"not be looked up ({unaudited[0]['skip_reason']})."
        )
    return False, f"Dependency audit: no known vulnerabilities in {len(dependencies)} packages."


def audit_dependencies():
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "audit.json"
        command = [
            VENV_BIN / "pip-audit",
            *("-r", BASE_DIR / "requirements.txt", "-r", BASE_DIR / "requirements-dev.txt"),
            *("--require-hashes", "--disable-pip", "--progress-spinner", "off"),
            *("--vulnerability-service", "pypi", "--timeout", "20"),
            *("--format", "json", "--output", output),
        ]
        try:
            result = subprocess.run(
                [str(c) for c in command], cwd=BASE_DIR, timeout=AUDIT_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            say(f"Dependency audit NOT DONE: no answer within {AUDIT_TIMEOUT} s")
            return 0
        if not output.exists():
            say(f"Dependency audit NOT DONE: pip-audit exited {result.returncode} without a report")
            return 0
        failed, message = audit_verdict(json.loads(output.read_text()))
    say(message)
    return 1 if failed else 0


def runtests(args):
    install_environment("requirements-dev.txt")
    env = {**os.environ}
    env.pop("DATABASE_URL", None)

    if os.environ.get("AUDIT_DEPENDENCIES") == "1":
        say("Dependencies: pip-audit of the locked requirements")
        if audit_dependencies():
            return 1

    say("Lint: ruff check")
    run(PYTHON, "-m", "ruff", "check", ".")
    say("Migrations: makemigrations --check")
    run(PYTHON, "manage.py", "makemigrations", "--check", "--dry-run", "--no-color", env=env)

    say("Test suite on SQLite")
    failed = subprocess.run([PYTHON, "-m", "pytest", *args], cwd=BASE_DIR, env=env).returncode

    postgres_url = os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    if os.environ.get("SKIP_POSTGRES") == "1":
        say("PostgreSQL suite skipped: SKIP_POSTGRES=1")
    elif not postgres_reachable(postgres_url):
        where = urlsplit(postgres_url).netloc
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            say(f"PostgreSQL suite FAILED: nothing answers at {where} and REQUIRE_POSTGRES=1")
            return 1
        say(f"PostgreSQL suite skipped: nothing answers at {where}")
    else:
        say("Test suite on PostgreSQL (browser and scale-out stack tests ran in the first pass)")
        env["DATABASE_URL"] = postgres_url
        result = subprocess.run(
            [PYTHON, "-m", "pytest", "-m", "not browser and not stack", *args],
            cwd=BASE_DIR,
            env=env,
        )
        failed = failed or result.returncode
    return failed


def main(command, args):
    try:
        return {"start": start, "runtests": runtests}[command](args)
    except subprocess.CalledProcessError as error:
        return error.returncode or 1
