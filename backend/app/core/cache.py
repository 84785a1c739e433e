"""A small cache for computed results: in-process (TTL + LRU) by default, Redis when REDIS_URL is set, so every
web process shares one. Keys carry a data version, so a change makes old entries unreachable at once and they
simply expire; nothing has to be deleted across processes."""

from __future__ import annotations

import abc
import json
import threading
from typing import Any

import structlog
from cachetools import TTLCache

log = structlog.get_logger(__name__)


class Cache(abc.ABC):
    @abc.abstractmethod
    async def get(self, key: str) -> Any | None: ...

    @abc.abstractmethod
    async def set(self, key: str, value: Any, ttl_seconds: int) -> None: ...


class MemoryCache(Cache):
    def __init__(self, maxsize: int = 4096, ttl_seconds: int = 300) -> None:
        self._data: TTLCache[str, str] = TTLCache(maxsize=maxsize, ttl=ttl_seconds)
        self._lock = threading.Lock()

    async def get(self, key: str) -> Any | None:
        with self._lock:
            raw = self._data.get(key)
        return json.loads(raw) if raw is not None else None

    async def set(self, key: str, value: Any, ttl_seconds: int) -> None:
        raw = json.dumps(value, default=str)
        with self._lock:
            self._data[key] = raw


class RedisCache(Cache):
    def __init__(self, url: str) -> None:
        import redis.asyncio as redis

        self._client = redis.from_url(url)

    async def get(self, key: str) -> Any | None:
        try:
            raw = await self._client.get(f"cache:{key}")
        except Exception as exc:  # Redis down: compute instead of failing
            log.warning("cache_get_failed", error=str(exc))
            return None
        return json.loads(raw) if raw is not None else None

    async def set(self, key: str, value: Any, ttl_seconds: int) -> None:
        try:
            await self._client.set(f"cache:{key}", json.dumps(value, default=str), ex=ttl_seconds)
        except Exception as exc:
            log.warning("cache_set_failed", error=str(exc))


def make_cache(redis_url: str | None) -> Cache:
    return RedisCache(redis_url) if redis_url else MemoryCache()
