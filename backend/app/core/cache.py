"""One cache for computed results: in-process (TTL + LRU) by default, Redis when REDIS_URL is set, so every web
and worker process shares one. Callers use `get_or_compute`; the cache answers from a stored value or runs the
computation, once per key however many requests ask at the same moment (single flight).

Invalidation never deletes entries across processes. A key is *versioned*: the caller's key names what the
value depends on (prompt version, model, taxonomy version, content hash), and `tags` add the current
*generation* of each tag to it (`user:42`, `catalogue`). A write bumps the generations of the tags it touches
(see `cache_invalidation.py`, which does it after every commit), so old entries become unreachable at once and
simply expire. Every family has a TTL as the last line of defence.

Key families (docs/decisions/012-caching.md has the full table):

| family | versioned by (in the key) | tags (generation counters) | TTL |
|---|---|---|---|
| `llm` | provider, model, prompt version, schema, messages | - | LLM_CACHE_TTL_SECONDS |
| `resume_parse` | sha256 of the file bytes, parser version | - | 7 days |
| `jd_skills` | taxonomy version, provider and model, title, text | - | 7 days |
| `interview_feedback` | rubric version, question, answer | - | 1 day |
| `analytics` | user, endpoint, query, local date | `user:{id}`, `users` (+ `catalogue`) | 5 min |
| `analytics_market` | window, local date | `catalogue` | 1 hour |
| `job_count` | normalised filters (catalogue part, shared) | `catalogue` | 2 min |
| `job_page` | user, filters, page (searches) | `catalogue`, `user:{id}`, `users` | 2 min |
| `match` | user, job, versions, resume, posting text, profile skills | `catalogue`, `user:{id}`, `users` | 10 min |

Degradation: every Redis call has a short socket timeout, and a failure opens a circuit breaker for a few
seconds, during which the cache computes every value without asking Redis. A request never fails because the
cache did. Generation bumps that failed are retried when Redis answers again."""

from __future__ import annotations

import abc
import asyncio
import json
import secrets
import threading
import time
import weakref
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

import structlog
from cachetools import TLRUCache

from app.core.metrics import CACHE_REQUESTS

log = structlog.get_logger(__name__)

Compute = Callable[[], Awaitable[Any]]
PREFIX = "cache:"
LOCK_SECONDS = 15.0  # how long a single-flight lock lives if its holder dies
WAIT_SECONDS = 5.0  # how long a request waits for another process's computation before doing it itself
POLL_SECONDS = 0.02


class CacheUnavailable(Exception):
    """The back end did not answer; the caller computes instead."""


def family_of(key: str) -> str:
    return key.split(":", 1)[0]


class Cache(abc.ABC):
    """The interface every caller uses. Values are JSON (what `json.dumps` accepts); `None` is never stored."""

    def __init__(self) -> None:
        self._counts: defaultdict[str, dict[str, int]] = defaultdict(lambda: {"hits": 0, "misses": 0, "errors": 0})
        self._counts_lock = threading.Lock()
        # Single flight inside the process: one future per key and event loop (futures belong to one loop).
        self._inflight: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Future[Any]]] = (
            weakref.WeakKeyDictionary()
        )

    # -- back end primitives (raise on failure) -----------------------------------------------------------------

    @abc.abstractmethod
    async def _read(self, key: str) -> str | None: ...

    @abc.abstractmethod
    async def _write(self, key: str, raw: str, ttl_seconds: float) -> None: ...

    @abc.abstractmethod
    async def _generations(self, tags: Sequence[str]) -> list[int]: ...

    @abc.abstractmethod
    async def _incr(self, tags: Sequence[str]) -> None: ...

    @abc.abstractmethod
    async def _lock(self, key: str, seconds: float) -> str | None:
        """A token if this caller may compute `key`, None if another caller holds the lock."""

    @abc.abstractmethod
    async def _unlock(self, key: str, token: str) -> None: ...

    @abc.abstractmethod
    async def _peek(self, key: str) -> tuple[str | None, bool]:
        """The stored value of `key` and whether its lock is still held."""

    def _available(self) -> bool:
        return True

    def _failed(self, exc: BaseException) -> None:
        return None

    # -- public interface --------------------------------------------------------------------------------------

    async def get(self, key: str) -> Any | None:
        """The stored value, or None (a miss, or the back end is down)."""
        family = family_of(key)
        if not self._available():
            self._count(family, "error")
            return None
        try:
            raw = await self._read(key)
        except Exception as exc:
            self._fail(family, exc)
            return None
        self._count(family, "hit" if raw is not None else "miss")
        return json.loads(raw) if raw is not None else None

    async def set(self, key: str, value: Any, ttl_seconds: float) -> None:
        if value is None or not self._available():
            return
        try:
            await self._write(key, json.dumps(value, default=str), ttl_seconds)
        except Exception as exc:
            self._fail(family_of(key), exc, count=False)

    async def get_or_compute(
        self,
        family: str,
        key: str,
        compute: Compute,
        ttl_seconds: float,
        *,
        tags: Sequence[str] = (),
        lock_seconds: float = LOCK_SECONDS,
        wait_seconds: float = WAIT_SECONDS,
    ) -> Any:
        """The value under `family:key` (plus the current generation of each tag), computed at most once per
        key at a time: concurrent callers in this process share one computation, and callers in other processes
        wait (up to `wait_seconds`) for the lock holder's result. The result is JSON-decoded on a hit, so
        callers validate it into their model either way."""
        full = f"{family}:{key}"
        degraded = False  # the back end is away: compute uncached (still once per key in this process)
        if tags:
            try:
                if not self._available():
                    raise CacheUnavailable("circuit open")
                gens = await self._generations(tags)
            except Exception as exc:
                self._fail(family, exc)
                degraded = True
                gens = []
            full += ":g" + (".".join(str(g) for g in gens) if not degraded else "?")
        loop = asyncio.get_running_loop()
        inflight = self._inflight.setdefault(loop, {})
        running = inflight.get(full)
        if running is not None:
            try:
                value = await asyncio.shield(running)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise
                return await compute()  # the leader was cancelled, not us
            if not degraded:
                self._count(family, "hit")
            return value
        future: asyncio.Future[Any] = loop.create_future()
        inflight[full] = future
        try:
            if degraded:
                value = await compute()
            else:
                value = await self._fetch_or_compute(family, full, compute, ttl_seconds, lock_seconds, wait_seconds)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # waiters re-raise it; nobody needs a "never retrieved" warning
            raise
        else:
            future.set_result(value)
            return value
        finally:
            if inflight.get(full) is future:
                del inflight[full]

    async def generation(self, tag: str) -> int:
        """The tag's current generation (0 when never bumped); raises CacheUnavailable when it cannot be read."""
        try:
            return (await self._generations([tag]))[0]
        except Exception as exc:
            raise CacheUnavailable(str(exc)) from exc

    async def bump(self, *tags: str) -> None:
        """Start a new generation of each tag: every key made with it misses from now on."""
        if tags:
            try:
                await self._incr(tags)
            except Exception as exc:
                self._fail("generation", exc, count=False)
                self._lost(tags)

    def stats(self) -> dict[str, dict[str, int]]:
        """Lookups per family since the process started: hits, misses, errors (the back end failed)."""
        with self._counts_lock:
            return {family: dict(c) for family, c in self._counts.items()}

    # -- internals ---------------------------------------------------------------------------------------------

    async def _fetch_or_compute(
        self, family: str, full: str, compute: Compute, ttl: float, lock_seconds: float, wait_seconds: float
    ) -> Any:
        if not self._available():
            self._count(family, "error")
            return await compute()
        try:
            raw = await self._read(full)
            if raw is not None:
                self._count(family, "hit")
                return json.loads(raw)
            token = await self._lock(full, lock_seconds)
            if token is None:
                raw = await self._wait(full, min(wait_seconds, lock_seconds))
                if raw is not None:
                    self._count(family, "hit")
                    return json.loads(raw)
        except Exception as exc:
            self._fail(family, exc)
            return await compute()
        self._count(family, "miss")
        try:
            value = await compute()
            if value is not None:
                await self.set(full, value, ttl)
            return value
        finally:
            if token is not None:
                try:
                    await self._unlock(full, token)
                except Exception as exc:
                    self._fail(family, exc, count=False)

    async def _wait(self, key: str, budget: float) -> str | None:
        """Poll for another caller's result until it lands, its lock goes away, or the budget is spent."""
        deadline = time.monotonic() + budget
        while time.monotonic() < deadline:
            await asyncio.sleep(POLL_SECONDS)
            raw, locked = await self._peek(key)
            if raw is not None or not locked:
                return raw
        return None

    def _count(self, family: str, result: str) -> None:
        CACHE_REQUESTS.labels(family=family, result=result).inc()
        with self._counts_lock:
            self._counts[family][{"hit": "hits", "miss": "misses", "error": "errors"}[result]] += 1

    def _fail(self, family: str, exc: BaseException, *, count: bool = True) -> None:
        if count:
            self._count(family, "error")
        self._failed(exc)

    def _lost(self, tags: Iterable[str]) -> None:
        return None


class MemoryCache(Cache):
    """In-process: one dict per process (with `copilot serve`, the web app and its embedded worker threads).
    `ttl_seconds`, when given, caps every entry's TTL."""

    def __init__(self, maxsize: int = 8192, ttl_seconds: float | None = None) -> None:
        super().__init__()
        self._max_ttl = ttl_seconds
        self._data: TLRUCache[str, tuple[float, str]] = TLRUCache(maxsize=maxsize, ttu=_expires_at)
        self._gens: dict[str, int] = {}
        self._locks: set[str] = set()
        self._mutex = threading.Lock()  # worker threads share this cache with the web loop
        _memory_caches.add(self)

    async def _read(self, key: str) -> str | None:
        with self._mutex:
            found = self._data.get(key)
        return found[1] if found is not None else None

    async def _write(self, key: str, raw: str, ttl_seconds: float) -> None:
        ttl = min(ttl_seconds, self._max_ttl) if self._max_ttl is not None else ttl_seconds
        if ttl > 0:
            with self._mutex:
                self._data[key] = (ttl, raw)

    async def _generations(self, tags: Sequence[str]) -> list[int]:
        with self._mutex:
            return [self._gens.get(t, 0) for t in tags]

    async def _incr(self, tags: Sequence[str]) -> None:
        self.bump_now(tags)

    def bump_now(self, tags: Iterable[str]) -> None:
        with self._mutex:
            for tag in tags:
                self._gens[tag] = self._gens.get(tag, 0) + 1

    async def _lock(self, key: str, seconds: float) -> str | None:
        # Same-loop callers never get here twice (the in-flight future); this covers other threads' loops.
        with self._mutex:
            if key in self._locks:
                return None
            self._locks.add(key)
        return "local"

    async def _unlock(self, key: str, token: str) -> None:
        with self._mutex:
            self._locks.discard(key)

    async def _peek(self, key: str) -> tuple[str | None, bool]:
        with self._mutex:
            found = self._data.get(key)
            return (found[1] if found is not None else None), key in self._locks


def _expires_at(_key: str, value: tuple[float, str], now: float) -> float:
    return now + value[0]


class NoCache(Cache):
    """Caching switched off (e.g. LLM_CACHE_TTL_SECONDS=0): every lookup misses, nothing is stored."""

    async def _read(self, key: str) -> str | None:
        return None

    async def _write(self, key: str, raw: str, ttl_seconds: float) -> None:
        return None

    async def _generations(self, tags: Sequence[str]) -> list[int]:
        return [0 for _ in tags]

    async def _incr(self, tags: Sequence[str]) -> None:
        return None

    async def _lock(self, key: str, seconds: float) -> str | None:
        return "none"

    async def _unlock(self, key: str, token: str) -> None:
        return None

    async def _peek(self, key: str) -> tuple[str | None, bool]:
        return None, False


_UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"


class RedisCache(Cache):
    """Shared by every process. A redis.asyncio client belongs to the event loop it first ran on, and Celery
    worker threads each run their own loop, so there is one client per loop."""

    def __init__(
        self, url: str, *, socket_timeout: float = 1.0, breaker_seconds: float = 2.0, namespace: str = PREFIX
    ) -> None:
        super().__init__()
        self.url = url
        self._socket_timeout = socket_timeout
        self._breaker_seconds = breaker_seconds
        self._ns = namespace
        self._open_until = 0.0
        self._pending_bumps: set[str] = set()
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()
        _redis_caches.add(self)

    def _client(self) -> Any:
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            import redis.asyncio as redis
            from redis.backoff import NoBackoff
            from redis.retry import Retry

            client = redis.from_url(
                self.url,
                socket_timeout=self._socket_timeout,
                socket_connect_timeout=self._socket_timeout,
                retry=Retry(NoBackoff(), 0),
                health_check_interval=0,
            )
            self._clients[loop] = client
        return client

    def _available(self) -> bool:
        return time.monotonic() >= self._open_until

    def _failed(self, exc: BaseException) -> None:
        if self._available():
            log.warning("cache_unavailable", url=_safe(self.url), error=str(exc) or type(exc).__name__)
        self._open_until = time.monotonic() + self._breaker_seconds

    def _lost(self, tags: Iterable[str]) -> None:
        self._pending_bumps.update(tags)

    async def _read(self, key: str) -> str | None:
        await self._replay_bumps()
        raw = await self._client().get(self._ns + key)
        return raw.decode() if isinstance(raw, bytes) else raw

    async def _write(self, key: str, raw: str, ttl_seconds: float) -> None:
        if ttl_seconds > 0:
            await self._client().set(self._ns + key, raw, px=int(ttl_seconds * 1000))

    async def _generations(self, tags: Sequence[str]) -> list[int]:
        await self._replay_bumps()
        values = await self._client().mget([f"{self._ns}gen:{t}" for t in tags])
        return [int(v) if v is not None else 0 for v in values]

    async def _incr(self, tags: Sequence[str]) -> None:
        async with self._client().pipeline(transaction=False) as pipe:
            for tag in tags:
                pipe.incr(f"{self._ns}gen:{tag}")
            await pipe.execute()

    async def _replay_bumps(self) -> None:
        """Bumps lost while Redis was away: replayed first, so entries written before the outage stay stale-free."""
        if self._pending_bumps:
            tags = list(self._pending_bumps)
            await self._incr(tags)
            self._pending_bumps.difference_update(tags)

    async def _lock(self, key: str, seconds: float) -> str | None:
        token = secrets.token_hex(8)
        ok = await self._client().set(f"{self._ns}lock:{key}", token, nx=True, px=int(seconds * 1000))
        return token if ok else None

    async def _unlock(self, key: str, token: str) -> None:
        await self._client().eval(_UNLOCK, 1, f"{self._ns}lock:{key}", token)

    async def _peek(self, key: str) -> tuple[str | None, bool]:
        async with self._client().pipeline(transaction=False) as pipe:
            pipe.get(self._ns + key)
            pipe.exists(f"{self._ns}lock:{key}")
            raw, locked = await pipe.execute()
        return (raw.decode() if isinstance(raw, bytes) else raw), bool(locked)

    async def aclose(self) -> None:
        """Close this loop's connection (tests; processes just exit)."""
        client = self._clients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await client.aclose()


def _safe(url: str) -> str:
    return url.split("@")[-1]


_memory_caches: weakref.WeakSet[MemoryCache] = weakref.WeakSet()
_redis_caches: weakref.WeakSet[RedisCache] = weakref.WeakSet()
_process: dict[str | None, Cache] = {}
_process_lock = threading.Lock()


def make_cache(redis_url: str | None) -> Cache:
    """A new cache (the web app's `app.state.cache`)."""
    return RedisCache(redis_url) if redis_url else MemoryCache()


def process_cache(redis_url: str | None) -> Cache:
    """The cache this process's tasks and AI client share (one per back end; safe from any thread's loop)."""
    with _process_lock:
        if redis_url not in _process:
            _process[redis_url] = make_cache(redis_url)
        return _process[redis_url]


def bump_in_memory(tags: Iterable[str]) -> None:
    """Bump tags in every in-process cache at once (synchronous: dictionary updates)."""
    tags = list(tags)
    for cache in list(_memory_caches):
        cache.bump_now(tags)


def redis_caches() -> list[RedisCache]:
    """One live Redis cache per URL: generations live in Redis, so one bump reaches every process."""
    by_url: dict[str, RedisCache] = {}
    for cache in list(_redis_caches):
        by_url.setdefault(cache.url + cache._ns, cache)
    return list(by_url.values())
