"""A cache for image renditions: each process keeps what it read, and nothing is written back.

Wagtail looks up every picture's renditions in the cache on each render, and 8.0 writes every
rendition it found there back to the cache straight away (for the file cache, a temporary file, a
rename and a cull of the cache folder per picture). Here renditions read from the shared cache are
kept in process memory too, and marked as coming from a cache, which Wagtail (and ``set`` below)
take as "do not store again". A rendition's key carries its image's file hash and focal point, so
a replaced or re-cropped image gets new keys; an entry that outlives its rendition's deletion
elsewhere is dropped within ``LOCAL_TIMEOUT``.
"""

import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

LOCAL_TIMEOUT = 300
LOCAL_MAX_ENTRIES = 5000

_kept = {}  # (image key, filter spec) -> (kept until, rendition)


def image_key(image):
    """What an image's renditions are made from: a replaced or re-cropped image gets a new key."""
    return (
        image.pk,
        image.file.name,
        image.file_hash,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
        image.default_alt_text,
    )


def forget():
    """Drop the renditions this process keeps (``rendition``'s)."""
    _kept.clear()


def rendition(image, spec):
    """``image.get_rendition(spec)``, kept in this process for ``LOCAL_TIMEOUT`` seconds.

    Wagtail parses the filter spec and builds the cache key again on each call; social
    tags, structured data and feeds ask for the same few renditions on every render.
    """
    key = (image_key(image), spec)
    now = time.monotonic()
    kept = _kept.get(key)
    if kept is not None and kept[0] > now:
        return kept[1]
    found = image.get_rendition(spec)
    if len(_kept) >= LOCAL_MAX_ENTRIES:
        _kept.clear()
    _kept[key] = (now + LOCAL_TIMEOUT, found)
    return found


def _mark_cached(rendition):
    rendition._from_cache = True
    return rendition


class RenditionCache(BaseCache):
    """Per-process memory in front of the shared cache named by ``LOCATION`` (default: default)."""

    def __init__(self, location, params):
        super().__init__(params)
        self.shared_alias = location or "default"
        self.local = LocMemCache(
            f"renditions-in-{self.shared_alias}",
            {"TIMEOUT": LOCAL_TIMEOUT, "OPTIONS": {"MAX_ENTRIES": LOCAL_MAX_ENTRIES}},
        )

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get_many(self, keys, version=None):
        keys = list(keys)
        found = self.local.get_many(keys, version=version)
        missing = [key for key in keys if key not in found]
        if missing:
            fetched = self.shared.get_many(missing, version=version)
            self.local.set_many(fetched, version=version)
            found.update(fetched)
        return {key: _mark_cached(value) for key, value in found.items()}

    def get(self, key, default=None, version=None):
        return self.get_many([key], version=version).get(key, default)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.get(key, version=version) is not None:
            return False
        self.set(key, value, timeout, version=version)
        return True

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.set_many({key: value}, timeout, version=version)
        return True

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # What came from a cache is there already: writing it again costs, and changes nothing.
        fresh = {key: value for key, value in data.items() if not getattr(value, "_from_cache", 0)}
        if fresh:
            self.shared.set_many(fresh, timeout, version=version)
            self.local.set_many(fresh, version=version)
        return []

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout, version=version)

    def delete(self, key, version=None):
        self.local.delete(key, version=version)
        return self.shared.delete(key, version=version)

    def has_key(self, key, version=None):
        return self.get(key, version=version) is not None

    def clear(self):
        """Forget this process's copies (the shared cache is cleared through its own alias)."""
        self.local.clear()
