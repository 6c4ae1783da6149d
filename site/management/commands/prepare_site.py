import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from news.models import ArticlePage

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Prepare a local site: migrate, collect static files, build the demo newsroom when the "
        "database has no articles, and make sure a local admin login exists. Safe to run again."
    )

    def handle(self, *args, **options):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if not ArticlePage.objects.exists():
            self.stdout.write("Building the demo newsroom (first run only)…")
            call_command("seed_newsroom", stdout=self.stdout)
            self.render_pages_once()
        self.ensure_admin()

    def render_pages_once(self):
        """Render every live page once, so image renditions exist before the first reader comes."""
        from django.test import Client
        from wagtail.models import Page

        self.stdout.write("Preparing images for the demo pages (first run only)…")
        client = Client(HTTP_HOST="localhost")
        for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
            url = page.get_url()
            if url:
                client.get(url)

    def ensure_admin(self):
        """Create a superuser for local use and print its login; the password is kept in var/."""
        password_file = settings.VAR_DIR / "admin-password.txt"
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(ADMIN_USERNAME, "admin@localhost", password)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        if password_file.exists():
            password = password_file.read_text().strip()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Local admin login (local use only): {ADMIN_USERNAME} / {password}"
                    f"  (kept in {password_file})"
                )
            )
