"""A Redis cache that the site outlives: when Redis is unreachable, pages are rendered without it.

The cache only speeds things up, so a failed read is a miss and a failed write is skipped. The
first failure is logged (once per outage and process, not per request); for ``RETRY_AFTER``
seconds the cache is then left alone, so a Redis that hangs cannot slow every request by its
timeout; after that the next request tries again and recovery needs nobody.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def redis_cache_settings(url, key_prefix):
    """The CACHES entry for a Redis server at ``url``."""
    return {
        "BACKEND": "newsroom.resilient_cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            # A Redis that stops answering costs each request at most this long, once.
            "socket_connect_timeout": 0.5,
            "socket_timeout": 0.5,
            "RETRY_AFTER": 5,
        },
    }


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**params.get("OPTIONS", {})}}
        self.retry_after = params["OPTIONS"].pop("RETRY_AFTER", 5)
        super().__init__(server, params)
        self._down_until = None
        self._lock = threading.Lock()

    def _attempt(self, operation, fallback, *args, **kwargs):
        down_until = self._down_until
        if down_until is not None and time.monotonic() < down_until:
            return fallback
        try:
            result = operation(*args, **kwargs)
        except RedisError as error:
            with self._lock:
                if self._down_until is None:
                    logger.warning(
                        "Cache unavailable (%s); serving pages without it until it answers",
                        error,
                    )
                self._down_until = time.monotonic() + self.retry_after
            return fallback
        if down_until is not None:
            with self._lock:
                if self._down_until is not None:
                    logger.warning("Cache available again")
                    self._down_until = None
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        # Counting has no sensible fallback: callers of incr() handle a ValueError already.
        result = self._attempt(super().incr, None, key, delta, version)
        if result is None:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        return self._attempt(super().clear, False)
