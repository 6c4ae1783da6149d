import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom import stack as scale_out

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/newsroom_stack"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


class Command(BaseCommand):
    help = (
        "Start (up) or stop (down) the scale-out stack on this machine: app servers (gunicorn) on "
        "one PostgreSQL and one Redis, behind Varnish, behind nginx on 127.0.0.1:8080, sharing one "
        "media folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["up", "down", "status"])
        parser.add_argument(
            "--port",
            type=int,
            default=8080,
            help="The front's port (nginx; 8080). Varnish takes the next two (readers, purges), "
            "the app servers 10 above onwards.",
        )
        parser.add_argument("--apps", type=int, default=2, help="App servers to start (2).")
        parser.add_argument("--workers", type=int, default=2, help="Workers per app server (2).")
        parser.add_argument(
            "--dir",
            dest="directory",
            default=str(Path(settings.BASE_DIR) / "var" / "stack"),
            help="Pid files, logs, media and the generated VCL (var/stack).",
        )

    def handle(self, *args, action, port, apps, workers, directory, **options):
        directory = Path(directory).resolve()
        if action == "up":
            self.up(directory, port, apps, workers)
        elif action == "down":
            self.down(directory)
        else:
            self.status(directory)

    def up(self, directory, port, apps, workers):
        running = [name for name in ("nginx", "varnish") if (directory / f"{name}.pid").exists()]
        if (directory / "stack.json").exists() and running:
            raise CommandError(f"A stack already runs from {directory}: `manage.py stack down`.")
        if apps < 1:
            raise CommandError("--apps must be at least 1.")
        # Fixed places next to the front's port, so that logs and the VCL read the same each time.
        varnish_port, purge_port = port + 1, port + 2
        app_ports = [port + 10 + number for number in range(apps)]
        for taken in (port, varnish_port, purge_port, *app_ports):
            if not scale_out.port_is_free(taken):
                raise CommandError(
                    f"Port {taken} is in use. The stack takes --port ({port}), the next two "
                    f"(Varnish, its purge socket) and {port + 10} onwards (app servers): choose "
                    "another --port."
                )
        stack = scale_out.Stack(
            directory=directory,
            database_url=os.environ.get("STACK_DATABASE_URL", DEFAULT_DATABASE_URL),
            redis_url=os.environ.get("STACK_REDIS_URL", DEFAULT_REDIS_URL),
            front_port=port,
            varnish_port=varnish_port,
            purge_port=purge_port,
            app_ports=app_ports,
            workers=workers,
            media_root=str(directory / "media"),
            static_root=str(directory / "static"),
        )
        directory.mkdir(parents=True, exist_ok=True)
        self.stdout.write(f"Preparing {stack.database_url} (migrate, static files, demo content)…")
        scale_out.ensure_database(stack.database_url)
        # Nothing to purge yet: Varnish starts after this.
        scale_out.manage(stack, "prepare_site", environment={"FRONT_CACHE": ""})
        self.stdout.write(f"Starting {apps} app servers, Varnish and nginx…")
        try:
            scale_out.up(stack, apps=apps)
        except Exception as error:
            scale_out.down(stack)
            raise CommandError(
                f"The stack did not start ({error}); logs in {directory}."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Front (nginx) on {stack.front_url}; Varnish on {stack.varnish_url} (purges on "
                f"{stack.purge_url}); app servers on "
                + ", ".join(f"127.0.0.1:{p}" for p in stack.app_ports)
                + f"; logs in {directory}. Stop with `manage.py stack down`."
            )
        )

    def down(self, directory):
        if not (directory / "stack.json").exists():
            self.stdout.write(f"No stack in {directory}.")
            return
        stopped = scale_out.down(scale_out.Stack.load(directory))
        self.stdout.write(f"Stopped: {', '.join(stopped) or 'nothing was running'}.")

    def status(self, directory):
        if not (directory / "stack.json").exists():
            self.stdout.write(f"No stack in {directory}.")
            return
        stack = scale_out.Stack.load(directory)
        for name in scale_out.process_names(stack):
            pid_file = directory / f"{name}.pid"
            self.stdout.write(f"{name}: {'running' if pid_file.exists() else 'stopped'}")
