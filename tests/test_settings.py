"""Settings come from the environment; production refuses unsafe configuration."""

import os
import subprocess
import sys

import pytest

GOOD_KEY = "k7Qe0vXl2p9sWbN4tYf8zR1cH6mJ3dLa5uGo0iKx7EwTqBz2Vn"


def import_settings(**env):
    environment = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    environment.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import newsroom.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings(NEWSROOM_ENV="production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_short_or_repetitive_secret_key():
    for key in ("s3cr3t-" * 4, "x" * 60):
        result = import_settings(NEWSROOM_ENV="production", SECRET_KEY=key)
        assert result.returncode != 0
        assert "50+ random characters" in result.stderr


def test_production_never_runs_with_debug():
    result = import_settings(NEWSROOM_ENV="production", SECRET_KEY=GOOD_KEY, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "False"


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://u@db.example:5432/news", "django.db.backends.postgresql"),
    ],
)
def test_database_from_database_url(url, engine):
    env = {"DATABASE_URL": url} if url else {}
    result = import_settings(**env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == engine


def test_search_cluster_selected_by_environment():
    environment = {
        **os.environ,
        "SEARCH_URL": "https://search.example:9200",
        "SEARCH_BACKEND": "opensearch3",
    }
    code = "import newsroom.settings as s; b = s.WAGTAILSEARCH_BACKENDS['default']; print(b['BACKEND'], b['URLS'])"
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "wagtail.search.backends.opensearch3"
    assert "https://search.example:9200" in result.stdout


def test_database_search_backend_by_default():
    environment = {k: v for k, v in os.environ.items() if k != "SEARCH_URL"}
    code = "import newsroom.settings as s; print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )
    # On PostgreSQL, the database backend with title norms set per save (search/postgres_backend).
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    expected = "search.postgres_backend" if postgres else "wagtail.search.backends.database"
    assert result.stdout.strip() == expected


def cache_prefix(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environment.update(env)
    code = "import newsroom.settings as s; print(s.CACHES['default']['KEY_PREFIX'])"
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_each_database_has_its_own_cache_keys():
    """A benchmark database sharing var/cache with the site must never be served its pages."""
    site = cache_prefix()
    bench = cache_prefix(DATABASE_URL="sqlite:////tmp/bench/articles-10000.sqlite3")
    production = cache_prefix(
        DATABASE_URL="postgres://u@db.example:5432/news", REDIS_URL="redis://cache.example:6379/0"
    )
    assert len({site, bench, production}) == 3
    assert site == cache_prefix(), "the same database keeps its keys from one start to the next"


@pytest.mark.parametrize("value", ["Production", "prod", "production ", "staging", ""])
def test_unknown_environment_names_refuse_to_start(value):
    """A near miss must not quietly run the development setup with its public SECRET_KEY."""
    result = import_settings(NEWSROOM_ENV=value, SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "NEWSROOM_ENV" in result.stderr
    assert "development, production" in result.stderr


def test_known_environment_names_start():
    for value in ("development", "production"):
        result = import_settings(NEWSROOM_ENV=value, SECRET_KEY=GOOD_KEY)
        assert result.returncode == 0, result.stderr
