"""The answer cache: the same question to the same model with the same prompt version gets the stored answer,
with no request and no tokens charged. Redis when REDIS_URL is set (shared by every process), else in-process.

The key is a hash of (provider, model, prompt_version, schema name, canonical JSON of the messages), so changing
any of them (a new model, a reworded prompt with a bumped version, different input) misses the old entries, which
then simply expire after LLM_CACHE_TTL_SECONDS; nothing is ever deleted."""

from __future__ import annotations

import asyncio
import hashlib
import json
import weakref
from typing import Any

from app.core.cache import Cache, MemoryCache, RedisCache
from app.core.config import Settings

KEY_VERSION = "llm:v1"


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def input_hash(messages: list[dict[str, str]]) -> str:
    """SHA-256 of the messages alone: what `llm_call.input_hash` records (the same input has the same hash)."""
    return hashlib.sha256(canonical_json(messages).encode()).hexdigest()


def cache_key(provider: str, model: str, prompt_version: str, schema_name: str, messages: list[dict[str, str]]) -> str:
    parts = [provider, model, prompt_version, schema_name, messages]
    return f"{KEY_VERSION}:{hashlib.sha256(canonical_json(parts).encode()).hexdigest()}"


class NoCache(Cache):
    """LLM_CACHE_TTL_SECONDS=0: every call goes to the provider."""

    async def get(self, key: str) -> Any | None:
        return None

    async def set(self, key: str, value: Any, ttl_seconds: int) -> None:
        return None


_memory: dict[int, MemoryCache] = {}
# A redis.asyncio client belongs to the event loop it first ran on, and Celery threads each run their own loop.
_redis: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, Cache]] = weakref.WeakKeyDictionary()


def shared_cache(settings: Settings) -> Cache:
    """The process's LLM cache (call from async code). The app's general cache is not reused in memory mode: its
    entries live five minutes, and AI answers are worth keeping for days."""
    ttl = settings.llm_cache_ttl_seconds
    if ttl <= 0:
        return NoCache()
    if settings.redis_url:
        per_loop = _redis.setdefault(asyncio.get_running_loop(), {})
        if settings.redis_url not in per_loop:
            per_loop[settings.redis_url] = RedisCache(settings.redis_url)
        return per_loop[settings.redis_url]
    if ttl not in _memory:
        _memory[ttl] = MemoryCache(maxsize=2048, ttl_seconds=ttl)
    return _memory[ttl]
