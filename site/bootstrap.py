"""The two Quick start commands, runnable with nothing but Python 3.11+ (standard library only).

``start``: create .venv/, install the locked dependencies, prepare the database and demo newsroom,
then serve with gunicorn on 127.0.0.1:8000 alongside the publishing scheduler.
``runtests``: install the test dependencies, then lint, check migrations and run pytest on SQLite
and, when a server answers, on PostgreSQL. With ``AUDIT_DEPENDENCIES=1`` (CI) it first checks the
locked requirements for known vulnerabilities (pip-audit; the only step that needs the network).
"""

import hashlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import venv
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_DIR = BASE_DIR / ".venv"
VENV_BIN = VENV_DIR / "bin"
PYTHON = VENV_BIN / "python"
UV_VERSION = "0.13.9"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/newsroom"


def say(message):
    print(f"==> {message}", flush=True)


def run(*args, env=None):
    subprocess.run([str(a) for a in args], check=True, cwd=BASE_DIR, env=env)


def install_environment(lock_name):
    """Create .venv/ and install ``lock_name``; skipped when nothing changed since last time."""
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv/")
        venv.EnvBuilder(with_pip=True).create(VENV_DIR)

    lock = BASE_DIR / lock_name
    digest = hashlib.sha256(lock.read_bytes() + (BASE_DIR / "pyproject.toml").read_bytes())
    stamp = VENV_DIR / f".installed-{lock_name}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return

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
    stamp.write_text(digest.hexdigest())


def start(args):
    install_environment("requirements.txt")
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    run(PYTHON, "manage.py", "prepare_site", *args)

    scheduler = subprocess.Popen([PYTHON, "manage.py", "run_scheduler"], cwd=BASE_DIR)
    say(f"Serving the newsroom on http://{host}:{port}/ (admin: http://{host}:{port}/admin/)")
    server = subprocess.Popen(
        [
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
            "--access-logfile",
            "-",
        ],
        cwd=BASE_DIR,
    )
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.send_signal(signal.SIGINT)
        return server.wait()
    finally:
        scheduler.terminate()
        scheduler.wait()


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
        say("Test suite on PostgreSQL (browser tests ran on SQLite)")
        env["DATABASE_URL"] = postgres_url
        result = subprocess.run(
            [PYTHON, "-m", "pytest", "-m", "not browser", *args], cwd=BASE_DIR, env=env
        )
        failed = failed or result.returncode
    return failed


def main(command, args):
    try:
        return {"start": start, "runtests": runtests}[command](args)
    except subprocess.CalledProcessError as error:
        return error.returncode or 1
