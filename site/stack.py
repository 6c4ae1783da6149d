"""The scale-out stack on one machine, as production runs it: nginx in front, then Varnish, then
app servers on one PostgreSQL and one Redis.

``manage.py stack up`` starts it and ``manage.py stack down`` stops it (site/management/commands/
stack.py); tests/test_front_cache_stack.py starts the same processes on free ports. Readers reach
nginx (deploy/nginx/newsroom.conf: rate limits, static files and uploads served from disk, the
headers Django trusts set by nginx alone; plain HTTP on loopback here, TLS in production), which
proxies to Varnish (deploy/varnish/newsroom.vcl with the app servers written in), which balances
over the app servers. Every app server gets the same environment (database, Redis, media folder)
and purges Varnish by surrogate key on Varnish's separate ``purge`` socket, which nginx never
forwards to. Processes run detached, with their pid files, logs and generated configuration in the
stack's folder.
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
NGINX_TEMPLATE = BASE_DIR / "deploy" / "nginx" / "newsroom.conf"
NGINX_PROXY_SNIPPET = BASE_DIR / "deploy" / "nginx" / "newsroom-proxy.conf"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def port_is_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Stack:
    directory: Path
    database_url: str
    redis_url: str
    # nginx, where readers come in; Varnish behind it; Varnish's socket for purges.
    front_port: int = 8080
    varnish_port: int = 0
    purge_port: int = 0
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
    def varnish_url(self):
        return f"http://127.0.0.1:{self.varnish_port}"

    @property
    def purge_url(self):
        return f"http://127.0.0.1:{self.purge_port}"

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
            "FRONT_CACHE_URLS": self.purge_url,
            "ALLOWED_HOSTS": os.environ.get("ALLOWED_HOSTS", hosts),
            "SITE_URL": self.front_url,
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


def manage(stack, *args, environment=None, **kwargs):
    """Run a manage.py command with the stack's environment (and ``environment`` over it)."""
    return subprocess.run(  # noqa: S603 (our own command line)
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        cwd=BASE_DIR,
        env={**stack.environment(), **(environment or {})},
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
        # gunicorn's control socket is one path per user: each app server would take it over.
        "--no-control-socket",
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
            f"127.0.0.1:{stack.varnish_port}",
            "-a",
            f"purge=127.0.0.1:{stack.purge_port}",
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


def nginx_site_config(stack):
    """deploy/nginx/newsroom.conf for the stack: plain HTTP on loopback, proxying to Varnish.

    Everything else is the shipped file as it is: the rate limits, static files and uploads
    straight from the stack's folders, documents only through Django, PURGE refused, and the
    proxy headers of deploy/nginx/newsroom-proxy.conf.
    """
    text = NGINX_TEMPLATE.read_text()
    # The port-80 server only redirects to HTTPS; the stack serves plain HTTP on loopback.
    text, redirects = re.subn(r"# Plain HTTP:.*?\n}\n", "", text, count=1, flags=re.DOTALL)
    text, tls_settings = re.subn(r"^ *ssl_\w+ [^\n]*;\n", "", text, flags=re.MULTILINE)
    if not (redirects and tls_settings):
        raise RuntimeError(f"{NGINX_TEMPLATE} no longer has the shape manage.py stack expects")
    replacements = {
        "    listen [::]:443 ssl http2;\n": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{stack.front_port};",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{stack.varnish_port};",
        "/srv/newsroom/var/static/": f"{stack.static_root}/",
        "/srv/newsroom/var/media/": f"{stack.media_root}/",
        "/etc/nginx/snippets/newsroom-proxy.conf": str(NGINX_PROXY_SNIPPET),
    }
    for old, new in replacements.items():
        if old not in text:
            raise RuntimeError(f"{NGINX_TEMPLATE} no longer contains {old!r}")
        text = text.replace(old, new)
    return text


def nginx_main_config(prefix, pid_file):
    """What Debian's /etc/nginx/nginx.conf puts around a site file, with the stack's own paths."""
    temp = {name: prefix / "temp" / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for folder in temp.values():
        folder.mkdir(parents=True, exist_ok=True)
    # As root, workers would run as nobody, who may not read the stack's static and media folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
error_log {prefix}/error.log warn;
pid {pid_file};
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {prefix}/access.log;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {prefix}/newsroom.conf;
}}
"""


def start_nginx(stack):
    prefix = Path(stack.directory) / "nginx"
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "newsroom.conf").write_text(nginx_site_config(stack))
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_main_config(prefix, _pid_file(stack, "nginx")))
    command = [NGINX, "-p", str(prefix), "-c", str(conf)]
    checked = subprocess.run(  # noqa: S603 (our own command line)
        [*command, "-t"], capture_output=True, text=True, check=False
    )
    if checked.returncode != 0:
        raise RuntimeError(f"nginx refused its configuration: {checked.stderr}")
    # nginx daemonises itself and writes its pid file where `down` looks for it.
    subprocess.run(command, check=True, stdin=subprocess.DEVNULL, capture_output=True)  # noqa: S603


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
    """Start the app servers, the scheduler, Varnish and nginx; return once the front answers."""
    Path(stack.directory).mkdir(parents=True, exist_ok=True)
    # varnishd reads the VCL after dropping root: its folder must be open to other users.
    Path(stack.directory).chmod(0o755)
    stack.app_ports = stack.app_ports or [free_port() for _ in range(apps)]
    stack.varnish_port = stack.varnish_port or free_port()
    stack.purge_port = stack.purge_port or free_port()
    stack.save()
    for number, port in enumerate(stack.app_ports, start=1):
        start_app_server(stack, number, port)
    if stack.scheduler:
        start_scheduler(stack)
    for port in stack.app_ports:
        wait_until_up(f"http://127.0.0.1:{port}/robots.txt")
    start_varnish(stack)
    wait_until_up(f"{stack.varnish_url}/robots.txt")
    start_nginx(stack)
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


def process_names(stack):
    """Every process of the stack, front first (the order `down` stops them in)."""
    apps = (f"app{n}" for n in range(1, len(stack.app_ports) + 1))
    return ["nginx", "varnish", "scheduler", *apps]


def down(stack):
    """Stop nginx, Varnish, the scheduler and the app servers (by their pid files)."""
    stopped = []
    names = process_names(stack)
    for name in names:
        # gunicorn: SIGQUIT stops at once, without waiting for Varnish's idle connections.
        stop_signal = signal.SIGQUIT if name.startswith("app") else signal.SIGTERM
        if _stop(_pid_file(stack, name), stop_signal):
            stopped.append(name)
    return stopped
