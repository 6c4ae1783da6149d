"""The scale-out stack on one machine: app servers on one PostgreSQL and one Redis, behind Varnish.

``manage.py stack up`` starts it and ``manage.py stack down`` stops it (site/management/commands/
stack.py); tests/test_front_cache_stack.py starts the same processes on free ports. Every app
server gets the same environment (database, Redis, media folder) and purges the front cache by
surrogate key; Varnish balances requests over them (deploy/varnish/newsroom.vcl with the
app servers written in). Processes run detached, with their pid files, logs and the generated
VCL in the stack's folder.

nginx (deploy/nginx/newsroom.conf: TLS, sign-in rate limits) goes in front of Varnish by pointing
its ``newsroom_app`` upstream at the front port; this module does not start it yet.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
VCL_TEMPLATE = BASE_DIR / "deploy" / "varnish" / "newsroom.vcl"
BACKENDS_BLOCK = re.compile(r"# BEGIN BACKENDS.*?# END BACKENDS", re.DOTALL)
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Stack:
    directory: Path
    database_url: str
    redis_url: str
    front_port: int = 8080
    app_ports: list = field(default_factory=list)
    workers: int = 2
    media_root: str = ""
    static_root: str = ""
    scheduler: bool = True
    # More settings for every process, by environment variable.
    extra_environment: dict = field(default_factory=dict)

    @property
    def front_url(self):
        return f"http://127.0.0.1:{self.front_port}"

    @property
    def state_file(self):
        return Path(self.directory) / "stack.json"

    def save(self):
        state = {**asdict(self), "directory": str(self.directory)}
        self.state_file.write_text(json.dumps(state, indent=2))

    @classmethod
    def load(cls, directory):
        state = json.loads((Path(directory) / "stack.json").read_text())
        return cls(**state)

    def environment(self):
        """What every app server (and the scheduler) runs with."""
        hosts = "127.0.0.1,localhost"
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "NEWSROOM_VAR_DIR": str(self.directory),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            # One media folder for every app server (on several machines: MEDIA_S3_BUCKET).
            "MEDIA_ROOT": self.media_root,
            "STATIC_ROOT": self.static_root,
            "FRONT_CACHE": "varnish",
            "FRONT_CACHE_URLS": self.front_url,
            "ALLOWED_HOSTS": os.environ.get("ALLOWED_HOSTS", hosts),
            "WAGTAILADMIN_BASE_URL": self.front_url,
            "PYTHONUNBUFFERED": "1",
            **self.extra_environment,
        }


def ensure_database(database_url):
    """Create the PostgreSQL database named in ``database_url`` when it does not exist."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(database_url):
    import psycopg

    parts = urlsplit(database_url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def manage(stack, *args, **kwargs):
    """Run a manage.py command with the stack's environment."""
    return subprocess.run(  # noqa: S603 (our own command line)
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        cwd=BASE_DIR,
        env=stack.environment(),
        check=True,
        **kwargs,
    )


def write_vcl(stack):
    """deploy/varnish/newsroom.vcl with the stack's app servers as its backends."""
    backends = []
    for number, port in enumerate(stack.app_ports, start=1):
        backends.append(
            f'backend app{number} {{\n    .host = "127.0.0.1";\n    .port = "{port}";\n'
            '    .probe = { .url = "/robots.txt"; .interval = 1s; .timeout = 2s; '
            ".window = 3; .threshold = 2; }\n}\n"
        )
    adds = "".join(f"    app.add_backend(app{n});\n" for n in range(1, len(stack.app_ports) + 1))
    block = (
        "# BEGIN BACKENDS (written by manage.py stack)\n"
        + "\n".join(backends)
        + f"\nsub vcl_init {{\n    new app = directors.round_robin();\n{adds}}}\n# END BACKENDS"
    )
    vcl = BACKENDS_BLOCK.sub(lambda match: block, VCL_TEMPLATE.read_text())
    path = Path(stack.directory) / "newsroom.vcl"
    path.write_text(vcl)
    return path


def _pid_file(stack, name):
    return Path(stack.directory) / f"{name}.pid"


def _log(stack, name):
    return open(Path(stack.directory) / f"{name}.log", "ab")


def start_app_server(stack, number, port):
    name = f"app{number}"
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "newsroom.wsgi",
        "--chdir",
        str(BASE_DIR),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(stack.workers),
        "--pid",
        str(_pid_file(stack, name)),
        "--access-logfile",
        "-",
    ]
    with _log(stack, name) as log:
        subprocess.Popen(  # noqa: S603 (our own command line)
            command,
            cwd=BASE_DIR,
            env=stack.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def start_scheduler(stack):
    with _log(stack, "scheduler") as log:
        process = subprocess.Popen(  # noqa: S603 (our own command line)
            [sys.executable, str(BASE_DIR / "manage.py"), "run_scheduler"],
            cwd=BASE_DIR,
            env=stack.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    _pid_file(stack, "scheduler").write_text(f"{process.pid}\n")


def start_varnish(stack):
    workdir = Path(stack.directory) / "varnish"
    workdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 (our own command line); varnishd daemonises itself
        [
            VARNISHD,
            "-a",
            f"127.0.0.1:{stack.front_port}",
            "-f",
            str(write_vcl(stack)),
            "-n",
            str(workdir),
            "-s",
            "malloc,64m",
            "-P",
            str(_pid_file(stack, "varnish")),
        ],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )


def wait_until_up(url, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (http only)
                if response.status < 500:
                    return
        except (OSError, urllib.error.URLError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer within {timeout} s")
        time.sleep(0.2)


def up(stack, apps=2):
    """Start the app servers, the scheduler and Varnish; return once the front answers."""
    Path(stack.directory).mkdir(parents=True, exist_ok=True)
    # varnishd reads the VCL after dropping root: its folder must be open to other users.
    Path(stack.directory).chmod(0o755)
    stack.app_ports = stack.app_ports or [free_port() for _ in range(apps)]
    stack.save()
    for number, port in enumerate(stack.app_ports, start=1):
        start_app_server(stack, number, port)
    if stack.scheduler:
        start_scheduler(stack)
    for port in stack.app_ports:
        wait_until_up(f"http://127.0.0.1:{port}/robots.txt")
    start_varnish(stack)
    wait_until_up(f"{stack.front_url}/robots.txt")
    return stack


def _stop(pid_file, stop_signal=signal.SIGTERM, timeout=15):
    try:
        pid = int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return False
    try:
        os.kill(pid, stop_signal)
    except ProcessLookupError:
        pid_file.unlink(missing_ok=True)
        return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
    pid_file.unlink(missing_ok=True)
    return True


def down(stack):
    """Stop Varnish, the scheduler and the app servers (by their pid files)."""
    stopped = []
    names = ["varnish", "scheduler", *(f"app{n}" for n in range(1, len(stack.app_ports) + 1))]
    for name in names:
        # gunicorn: SIGQUIT stops at once, without waiting for Varnish's idle connections.
        stop_signal = signal.SIGQUIT if name.startswith("app") else signal.SIGTERM
        if _stop(_pid_file(stack, name), stop_signal):
            stopped.append(name)
    return stopped
