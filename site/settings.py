"""Settings for the newsroom site, read from the environment (12-factor).

Development is the default. With ``NEWSROOM_ENV=production`` the site refuses to start without
a real ``SECRET_KEY`` and never runs with ``DEBUG`` on.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# Exact words only: a typo such as "Production" must not quietly run the development setup.
ENVIRONMENTS = ("development", "production")
NEWSROOM_ENV = os.environ.get("NEWSROOM_ENV", "development")
if NEWSROOM_ENV not in ENVIRONMENTS:
    raise ImproperlyConfigured(
        f"NEWSROOM_ENV={NEWSROOM_ENV!r} is not one of: {', '.join(ENVIRONMENTS)} "
        "(lower case, exactly)."
    )
PRODUCTION = NEWSROOM_ENV == "production"
DEVELOPMENT_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"

SECRET_KEY = os.environ.get("SECRET_KEY", "" if PRODUCTION else DEVELOPMENT_SECRET_KEY)
DEBUG = False if PRODUCTION else env_bool("DEBUG")

# Django's deploy check asks for 50+ characters, at least 5 of them different.
if PRODUCTION and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY == DEVELOPMENT_SECRET_KEY
):
    raise ImproperlyConfigured(
        "NEWSROOM_ENV=production needs a SECRET_KEY environment variable of 50+ random "
        "characters, e.g. from: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

# The public address readers use (scheme, host and port, no path): every absolute URL the site
# writes (canonical links, sitemaps, feeds, JSON-LD, share links, emails) starts with it, and the
# default Wagtail Site follows it after each migrate. Defaults to where `manage.py start` serves.
_start_host = os.environ.get("HOST", "127.0.0.1")
SITE_URL = os.environ.get(
    "SITE_URL",
    f"http://{'127.0.0.1' if _start_host in {'', '0.0.0.0', '::'} else _start_host}:"  # noqa: S104
    f"{os.environ.get('PORT', '8000')}",
).rstrip("/")
_site_url = urlsplit(SITE_URL)
if _site_url.scheme not in {"http", "https"} or not _site_url.hostname or _site_url.path:
    raise ImproperlyConfigured(
        f"SITE_URL must be the site's address without a path, e.g. https://news.example.com "
        f"(got {SITE_URL!r})."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "newsroom",
    "home",
    "news",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.http_methods.ReaderMethodsMiddleware",
    "newsroom.middleware.ReaderHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages, answered before sessions and routing; it keeps what the two
    # below produce (compressed, with an ETag).
    "newsroom.pagecache.PageCacheMiddleware",
    # What every render looks up (the Site, its home page, settings, navigation), kept in each
    # process until a purge of what covers it.
    "news.site_data.SiteDataMiddleware",
    # Pages compress well; CSRF tokens are masked per response, so BREACH cannot recover them.
    "django.middleware.gzip.GZipMiddleware",
    # ETags of the uncompressed page, so that an unchanged page is answered with a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last of those handling exceptions, so that it sees the views' exceptions first.
    "newsroom.outages.DatabaseOutageMiddleware",
    # Last, as django-axes asks: it turns a lockout into the "too many attempts" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "news.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url understands (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USING_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")
else:
    # SQLite: wait for a writer instead of failing at once when gunicorn workers overlap, and
    # write-ahead logging so that readers never wait for the writer (the scheduler, the query log).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cached pages and search results belong to one database: a benchmark database or a second site
# sharing the cache must never be served this one's (nor bump its content version).
_database = DATABASES["default"]
_database_identity = "|".join(
    str(_database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME")
)
CACHE_KEY_PREFIX = "newsroom-" + hashlib.sha256(_database_identity.encode()).hexdigest()[:12]
if os.environ.get("REDIS_URL"):
    # Pages are rendered without the cache while Redis is unreachable (newsroom/resilient_cache.py).
    from newsroom.resilient_cache import redis_cache_settings

    CACHES = {"default": redis_cache_settings(os.environ["REDIS_URL"], CACHE_KEY_PREFIX)}
else:
    # Files, not process memory: gunicorn workers and the scheduler must see the same cache so
    # that a publish in one process empties the page cache for all.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Image renditions: read from the cache above, kept in each process, never written back.
CACHES["renditions"] = {"BACKEND": "news.rendition_cache.RenditionCache", "LOCATION": "default"}

# Whole pages for anonymous readers (newsroom.pagecache), kept until a purge of what they show;
# 0 turns the page cache off (a front cache then does the work alone).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60)))
# A front cache purged by surrogate key (newsroom.frontcache): "varnish" or "fastly".
FRONT_CACHE = os.environ.get("FRONT_CACHE", "").strip().lower()
if FRONT_CACHE not in {"", "varnish", "fastly"}:
    raise ImproperlyConfigured("FRONT_CACHE must be empty, 'varnish' or 'fastly'.")
FRONT_CACHE_URLS = env_list("FRONT_CACHE_URLS", [])
# How long the front may keep a page that nothing purges (Surrogate-Control: max-age).
FRONT_CACHE_TTL = int(os.environ.get("FRONT_CACHE_TTL", str(60 * 60 * 24)))
FRONT_CACHE_KEY_HEADER = "Surrogate-Key" if FRONT_CACHE == "fastly" else "xkey"
# Purge once more this many seconds later, after renders that began before the change (0: never).
FRONT_CACHE_REPURGE_SECONDS = float(os.environ.get("FRONT_CACHE_REPURGE_SECONDS", "3"))
FASTLY_API_URL = os.environ.get("FASTLY_API_URL", "https://api.fastly.com")
FASTLY_SERVICE_ID = os.environ.get("FASTLY_SERVICE_ID", "")
FASTLY_API_TOKEN = os.environ.get("FASTLY_API_TOKEN", "")

# Django's ModelBackend with django-axes' lockout check in front (newsroom/logins.py).
AUTHENTICATION_BACKENDS = ["newsroom.logins.LoginAttemptsBackend"]
# A reader who signs in at /_util/login/ without a page to return to lands on the front page.
LOGIN_REDIRECT_URL = "/"

# Brute-force protection (django-axes; see newsroom/logins.py). Failures are counted per account
# and, separately, per client address; either reaching the limit locks that door for a while.
# Editors lift a lock in the admin (Settings › Sign-in lockouts), superusers with `axes_reset`.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsroom.logins.client_ip"
AXES_LOCKOUT_CALLABLE = "newsroom.logins.lockout_response"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Local runs have no web server in front of gunicorn, so Django serves uploads itself.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=not PRODUCTION)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads on S3 or an S3-compatible store, shared by every app server (django-storages with
# boto3, which reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("MEDIA_S3_PREFIX", "media"),
            # Public, stable URLs (pages are cached) and never overwrite an earlier upload.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    SERVE_MEDIA = False
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if PRODUCTION else 60 * 60

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    # Off unless every subdomain is HTTPS-only too (see the README: check --deploy).
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# Pages may be framed by the site itself (X_FRAME_OPTIONS above): Wagtail's preview panel shows
# them in a frame of the admin. So the deploy check's advice to DENY framing does not apply.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Wagtail
WAGTAIL_SITE_NAME = "The Riverside Ledger"
# Links in notification emails.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Password-protected pages ask for their password in the site's own design.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
# Search: the database backend (SQLite FTS5, or PostgreSQL full-text search) unless a search
# cluster is configured. SEARCH_URL points at it; SEARCH_BACKEND names the client to use:
# elasticsearch7, elasticsearch8, elasticsearch9, opensearch2 or opensearch3 (its Python client
# must be installed too, e.g. `pip install "elasticsearch>=8,<9"`).
if os.environ.get("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{os.environ.get('SEARCH_BACKEND', 'elasticsearch8')}",
            "URLS": env_list("SEARCH_URL", []),
            "INDEX": os.environ.get("SEARCH_INDEX", "newsroom"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if USING_POSTGRES:
        # modelsearch's PostgreSQL backend, with a title norm that does not scan the whole index
        # on every save (search/postgres_backend.py).
        WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.postgres_backend"
        # Stemming language for PostgreSQL full-text search, rather than whatever the server's
        # default_text_search_config happens to be. Run `manage.py update_index` after a change.
        WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = os.environ.get(
            "SEARCH_CONFIG", "english"
        )
# Keep logged searches long enough for the 30-day "Searches without results" report.
WAGTAILSEARCH_HITS_MAX_AGE = 30
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
# Damaged uploads are a form error, not a 500 (news/image_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "news.image_forms.ImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True

# Curation desk (news/curation): the site fetches publishers' feeds and pages. It never fetches
# private, link-local or loopback addresses in production; development allows loopback so that
# local fixtures on 127.0.0.1 work.
CURATION_ALLOW_LOOPBACK = env_bool("CURATION_ALLOW_LOOPBACK", default=not PRODUCTION)
CURATION_USER_AGENT = os.environ.get(
    "CURATION_USER_AGENT",
    f"RiversideLedgerBot/1.0 (+{WAGTAILADMIN_BASE_URL}; newsroom feed reader)",
)
