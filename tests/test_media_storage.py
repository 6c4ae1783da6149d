"""Where uploads are stored: S3 (or an S3-compatible store) when MEDIA_S3_BUCKET is set, shared by
every app server; the local media folder otherwise. Each case starts Django in its own process with
the production settings module, as an app server would, and never contacts a store: the endpoint
is a closed port on this machine, so an attempt to reach it would fail the test."""

import json
import os
import subprocess
import sys

from tests.production_stack import BASE_DIR, free_port

DESCRIBE_STORAGE = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages

storage = storages["default"]
described = {
    "class": f"{type(storage).__module__}.{type(storage).__qualname__}",
    "serve_media": settings.SERVE_MEDIA,
    "url": storage.url("images/ferry.jpg"),
}
for name in (
    "bucket_name", "region_name", "endpoint_url", "custom_domain", "location",
    "querystring_auth", "file_overwrite", "access_key", "default_acl",
):
    if hasattr(storage, name):
        described[name] = getattr(storage, name)
if hasattr(storage, "base_location"):
    described["base_location"] = str(storage.base_location)
print(json.dumps(described))
"""


def describe_storage(tmp_path, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MEDIA_", "AWS_")) and key != "DJANGO_SETTINGS_MODULE"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        NEWSROOM_VAR_DIR=str(tmp_path / "var"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **environment,
    )
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", DESCRIBE_STORAGE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_s3_storage_is_chosen_and_configured_from_the_environment(tmp_path):
    closed = f"http://127.0.0.1:{free_port()}"
    storage = describe_storage(
        tmp_path,
        MEDIA_S3_BUCKET="ledger-media",
        MEDIA_S3_REGION="eu-west-2",
        MEDIA_S3_ENDPOINT_URL=closed,
        MEDIA_S3_PREFIX="uploads",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLEEXAMPLE",
        AWS_SECRET_ACCESS_KEY="not-a-real-secret",
        MEDIA_ROOT=str(tmp_path / "shared-media"),
    )
    assert storage["class"] == "storages.backends.s3.S3Storage"
    assert storage["bucket_name"] == "ledger-media"
    assert storage["region_name"] == "eu-west-2"
    assert storage["endpoint_url"] == closed
    assert storage["location"] == "uploads"
    assert storage["access_key"] == "AKIAEXAMPLEEXAMPLE"
    # Public, stable addresses (cached pages keep them) and no upload ever overwritten.
    assert storage["querystring_auth"] is False
    assert storage["file_overwrite"] is False
    assert storage["url"] == f"{closed}/ledger-media/uploads/images/ferry.jpg"
    assert "Signature" not in storage["url"] and "X-Amz" not in storage["url"]
    assert storage["serve_media"] is False, "Django does not serve uploads it does not hold"


def test_a_custom_domain_serves_the_uploads(tmp_path):
    storage = describe_storage(
        tmp_path,
        MEDIA_S3_BUCKET="ledger-media",
        MEDIA_S3_ENDPOINT_URL=f"http://127.0.0.1:{free_port()}",
        MEDIA_S3_CUSTOM_DOMAIN="media.example.net",
    )
    assert storage["location"] == "media"
    assert storage["url"] == "https://media.example.net/media/images/ferry.jpg"


def test_without_a_bucket_uploads_go_to_the_shared_media_folder(tmp_path):
    shared = tmp_path / "shared-media"
    storage = describe_storage(tmp_path, MEDIA_ROOT=str(shared))
    assert storage["class"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert storage["base_location"] == str(shared)
    assert storage["url"] == "/media/images/ferry.jpg"
    assert storage["serve_media"] is True
