"""The README's production setup, started for real on free ports: gunicorn on loopback behind a
private nginx running deploy/nginx/, PostgreSQL and Redis when they answer (SQLite and the file
cache otherwise), in production mode.

nginx runs as a private instance (``nginx -p PREFIX -c CONF``) with the shipped site file
included as it is, apart from the values the README tells an administrator to replace.
"""

import os
import secrets
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import time
from http.client import HTTPConnection, HTTPSConnection
from pathlib import Path

from newsroom.stack import nginx_main_config

BASE_DIR = Path(__file__).resolve().parent.parent
DEPLOY = BASE_DIR / "deploy"
HOSTNAME = "news.example.com"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
POSTGRES = ("127.0.0.1", 5432)
REDIS = ("127.0.0.1", 6379)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(address):
    try:
        with socket.create_connection(address, timeout=1):
            return True
    except OSError:
        return False


def wait_for_port(port, process, what, log=None, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            detail = Path(log).read_text() if log and Path(log).exists() else ""
            raise RuntimeError(f"{what} exited with {process.returncode}\n{detail}")
        if answers(("127.0.0.1", port)):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on {port} within {timeout} s")


def unit_command(unit, replacements=()):
    """A systemd unit's ExecStart, for this checkout instead of /srv/newsroom."""
    # systemd joins lines that end in a backslash.
    lines = (DEPLOY / "systemd" / unit).read_text().replace("\\\n", " ").splitlines()
    (command,) = [
        line.removeprefix("ExecStart=") for line in lines if line.startswith("ExecStart=")
    ]
    command = command.replace("/srv/newsroom/.venv/bin/", f"{Path(sys.executable).parent}/")
    command = command.replace("/srv/newsroom", str(BASE_DIR))
    for old, new in dict(replacements).items():
        assert old in command, f"{unit} no longer contains {old!r}"
        command = command.replace(old, new)
    return shlex.split(command)


def self_signed_certificate(folder):
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
            *("-nodes", "-days", "2", "-subj", f"/CN={HOSTNAME}"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def render_site_config(ports, app_port, static_root, media_root, cert, key):
    """deploy/nginx/newsroom.conf with the README's "replace these" values filled in."""
    text = (DEPLOY / "nginx" / "newsroom.conf").read_text()
    replacements = {
        "    listen [::]:80;\n": "",
        "    listen [::]:443 ssl http2;\n": "",
        "listen 80;": f"listen 127.0.0.1:{ports['http']};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{ports['https']} ssl http2;",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "/srv/newsroom/var/static/": f"{static_root}/",
        "/srv/newsroom/var/media/": f"{media_root}/",
        f"/etc/letsencrypt/live/{HOSTNAME}/fullchain.pem": str(cert),
        f"/etc/letsencrypt/live/{HOSTNAME}/privkey.pem": str(key),
        "/etc/nginx/snippets/newsroom-proxy.conf": str(DEPLOY / "nginx" / "newsroom-proxy.conf"),
    }
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx/newsroom.conf no longer contains {old!r}"
        text = text.replace(old, new)
    return text


class ProductionStack:
    def __init__(self, folder):
        self.folder = folder
        self.processes = []
        self.database_name = None
        self.ports = {"http": free_port(), "https": free_port()}
        self.app_port = free_port()
        self.static_root = folder / "static"
        self.media_root = folder / "media"
        self.gunicorn_log = folder / "gunicorn-access.log"
        self.env = self._environment()

    def _environment(self):
        env = {
            k: v
            for k, v in os.environ.items()
            if k
            not in {
                "DJANGO_SETTINGS_MODULE",
                "DATABASE_URL",
                "REDIS_URL",
                "DEBUG",
                "DJANGO_ALLOW_ASYNC_UNSAFE",
            }
        }
        env.update(
            NEWSROOM_ENV="production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS=HOSTNAME,
            NEWSROOM_VAR_DIR=str(self.folder / "var"),
            STATIC_ROOT=str(self.static_root),
            MEDIA_ROOT=str(self.media_root),
        )
        if answers(POSTGRES):
            self.database_name = f"newsroom_stack_{secrets.token_hex(4)}"
            self.postgres(f"CREATE DATABASE {self.database_name}", "postgres")
            env["DATABASE_URL"] = self.database_url(self.database_name)
        elif os.environ.get("REQUIRE_POSTGRES") == "1":
            raise RuntimeError("REQUIRE_POSTGRES=1 but nothing answers on 127.0.0.1:5432")
        else:
            env["DATABASE_URL"] = f"sqlite:///{self.folder / 'db.sqlite3'}"
        if answers(REDIS):
            # Keys are prefixed per database (settings.CACHE_KEY_PREFIX): this run's are its own.
            env["REDIS_URL"] = "redis://127.0.0.1:6379/0"
        return env

    @staticmethod
    def database_url(name):
        return f"postgres://postgres@127.0.0.1:5432/{name}"

    def postgres(self, statement, database=None):
        """Run one statement (autocommit) in ``database`` (this stack's by default); its rows."""
        import psycopg

        url = self.database_url(database or self.database_name).replace(
            "postgres://", "postgresql://", 1
        )
        with psycopg.connect(url, autocommit=True) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchall() if cursor.description else None

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )

    def start(self):
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        self._start_gunicorn()
        self._start_nginx()
        return self

    def _start_gunicorn(self):
        # The command line of deploy/systemd/newsroom-web.service, with one worker process (its
        # threads as in production) and a long timeout, so that stuck requests would show.
        log = self.folder / "gunicorn-error.log"
        command = unit_command(
            "newsroom-web.service", {"127.0.0.1:8000": f"127.0.0.1:{self.app_port}"}
        )
        command += ["--workers", "1", "--timeout", "120"]
        command += ["--access-logfile", str(self.gunicorn_log), "--error-logfile", str(log)]
        process = subprocess.Popen(command, cwd=BASE_DIR, env=self.env)
        self.processes.append(process)
        wait_for_port(self.app_port, process, "gunicorn", log)

    def _start_nginx(self):
        prefix = self.folder / "nginx"
        prefix.mkdir()
        cert, key = self_signed_certificate(prefix)
        (prefix / "newsroom.conf").write_text(
            render_site_config(
                self.ports, self.app_port, self.static_root, self.media_root, cert, key
            )
        )
        conf = prefix / "nginx.conf"
        conf.write_text(nginx_main_config(prefix, prefix / "nginx.pid"))
        command = [NGINX, "-p", str(prefix), "-c", str(conf)]
        global_directives = "daemon off;"
        test = subprocess.run(
            [*command, "-t", "-g", global_directives], capture_output=True, text=True, check=False
        )
        assert test.returncode == 0, test.stderr
        process = subprocess.Popen([*command, "-g", global_directives])
        self.processes.append(process)
        wait_for_port(self.ports["https"], process, "nginx", prefix / "error.log")

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.database_name:
            self.postgres(f"DROP DATABASE IF EXISTS {self.database_name} WITH (FORCE)", "postgres")

    # Clients

    @staticmethod
    def tls_context():
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context

    def https(self, method, path, headers=None, timeout=30):
        connection = HTTPSConnection(
            "127.0.0.1", self.ports["https"], timeout=timeout, context=self.tls_context()
        )
        return self._request(connection, method, path, headers)

    def http(self, method, path, headers=None, timeout=30, port=None):
        connection = HTTPConnection("127.0.0.1", port or self.ports["http"], timeout=timeout)
        return self._request(connection, method, path, headers)

    @staticmethod
    def _request(connection, method, path, headers):
        try:
            connection.request(method, path, headers={"Host": HOSTNAME, **(headers or {})})
            response = connection.getresponse()
            response.body = response.read()
            return response
        finally:
            connection.close()

    def open_tls_socket(self):
        raw = socket.create_connection(("127.0.0.1", self.ports["https"]), timeout=30)
        return self.tls_context().wrap_socket(raw, server_hostname=HOSTNAME)
