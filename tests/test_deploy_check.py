"""`manage.py check --deploy` in production: no warnings but the two the README explains."""

import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def deploy_warnings(**env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "REDIS_URL",
            "DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests, refused in deployment
        }
    }
    environment.update(
        NEWSROOM_ENV="production",
        SECRET_KEY="k7Qe0vXl2p9sWbN4tYf8zR1cH6mJ3dLa5uGo0iKx7EwTqBz2Vn",
        ALLOWED_HOSTS="news.example.com",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(re.findall(r"\(([\w.]+\.[WE]\d+)\)", result.stdout + result.stderr))


def test_production_passes_the_deploy_check_but_for_hsts_scope():
    # Both depend on the newsroom's own domain: README › Production explains when to turn them on.
    assert deploy_warnings() == {"security.W005", "security.W021"}


def test_hsts_for_subdomains_and_preload_clear_the_last_warnings():
    assert deploy_warnings(SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1") == set()
