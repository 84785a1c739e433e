"""The answer cache (family `llm` of `app.core.cache`): the same question to the same model with the same prompt
version gets the stored answer, with no request and no tokens charged. Redis when REDIS_URL is set (shared by
every process), else in-process.

The key is a hash of (provider, model, prompt_version, schema name, canonical JSON of the messages), so changing
any of them (a new model, a reworded prompt with a bumped version, different input) misses the old entries, which
then simply expire after LLM_CACHE_TTL_SECONDS; nothing is ever deleted."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.core.cache import Cache, NoCache, process_cache
from app.core.config import Settings

KEY_VERSION = "llm:v1"

__all__ = ["KEY_VERSION", "NoCache", "cache_key", "canonical_json", "input_hash", "shared_cache"]


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def input_hash(messages: list[dict[str, str]]) -> str:
    """SHA-256 of the messages alone: what `llm_call.input_hash` records (the same input has the same hash)."""
    return hashlib.sha256(canonical_json(messages).encode()).hexdigest()


def cache_key(provider: str, model: str, prompt_version: str, schema_name: str, messages: list[dict[str, str]]) -> str:
    parts = [provider, model, prompt_version, schema_name, messages]
    return f"{KEY_VERSION}:{hashlib.sha256(canonical_json(parts).encode()).hexdigest()}"


def shared_cache(settings: Settings) -> Cache:
    """The process's cache for AI answers (one mechanism with every other family: `app.core.cache`); each entry
    lives LLM_CACHE_TTL_SECONDS, and 0 switches the cache off."""
    if settings.llm_cache_ttl_seconds <= 0:
        return NoCache()
    return process_cache(settings.redis_url)
