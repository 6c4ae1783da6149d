"""The two Quick start commands, runnable with nothing but Python 3.11+ (standard library only).

``start``: create .venv/, install the locked dependencies, prepare the database and demo newsroom,
then serve with gunicorn on 127.0.0.1:8000 alongside the publishing scheduler.
``runtests``: install the test dependencies, then lint, check migrations and run pytest on SQLite
and, when a server answers, on PostgreSQL.
"""

import hashlib
import os
import signal
import socket
import subprocess
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


def runtests(args):
    install_environment("requirements-dev.txt")
    env = {**os.environ}
    env.pop("DATABASE_URL", None)

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
