"""Publish/subscribe for real-time events: in-process (embedded) or Redis pub/sub (several web processes).

Producers publish to a channel such as `user:42`; each web process subscribes once to every `user:*` channel
and hands messages to its local WebSocket hub. Publishing is safe from any thread (Celery worker threads)."""

from __future__ import annotations

import abc
import asyncio
import contextlib
import json
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

log = structlog.get_logger(__name__)

Listener = Callable[[str, dict[str, Any]], Awaitable[None]]
USER_PATTERN = "user:*"


def user_channel(user_id: int) -> str:
    return f"user:{user_id}"


class EventBus(abc.ABC):
    """The interface: start/stop with the web process, publish from anywhere, listeners receive everything."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._loop: asyncio.AbstractEventLoop | None = None

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()

    async def stop(self) -> None:
        self._loop = None

    @abc.abstractmethod
    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        """Send `message` to every listener of `channel`, in every web process."""

    async def _dispatch(self, channel: str, message: dict[str, Any]) -> None:
        for listener in list(self._listeners):
            try:
                await listener(channel, message)
            except Exception:  # one bad listener must not stop the others
                log.exception("event_listener_failed", channel=channel)


class InProcessBus(EventBus):
    """Embedded mode: listeners live in this process; publishers in other threads hop onto its loop."""

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        loop = self._loop
        if loop is None:
            return
        if loop is asyncio.get_running_loop():
            await self._dispatch(channel, message)
        else:
            asyncio.run_coroutine_threadsafe(self._dispatch(channel, message), loop)


class RedisBus(EventBus):
    """Scaled mode: PUBLISH to Redis; every web process PSUBSCRIBEs to `user:*` and dispatches locally."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self._client: Any = None
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        # Publishers on other loops (each Celery worker thread keeps one loop for its life) get a client of their
        # own, kept for that loop: one connection per worker thread instead of one per event.
        self._loop_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()

    async def start(self) -> None:
        import redis.asyncio as redis

        await super().start()
        self._client = redis.from_url(self.url)
        self._task = asyncio.create_task(self._listen(), name="redis-event-listener")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._client is not None:
            await self._client.aclose()
        await super().stop()

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        import redis.asyncio as redis

        if self._client is not None and self._loop is asyncio.get_running_loop():
            await self._client.publish(channel, json.dumps(message, default=str))
            return
        loop = asyncio.get_running_loop()
        client = self._loop_clients.get(loop)
        if client is None:
            client = self._loop_clients[loop] = redis.from_url(self.url)
        try:
            await client.publish(channel, json.dumps(message, default=str))
        except Exception:
            self._loop_clients.pop(loop, None)  # reconnect next time
            raise

    async def _listen(self) -> None:
        backoff = 0.5
        while True:
            try:
                pubsub = self._client.pubsub()
                await pubsub.psubscribe(USER_PATTERN)
                self._ready.set()
                backoff = 0.5
                async for item in pubsub.listen():
                    if item.get("type") != "pmessage":
                        continue
                    channel = item["channel"].decode() if isinstance(item["channel"], bytes) else item["channel"]
                    await self._dispatch(channel, json.loads(item["data"]))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis went away: keep retrying, the app stays up
                log.warning("redis_event_listener_error", error=str(exc), retry_in=backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10)


def make_bus(redis_url: str | None) -> EventBus:
    return RedisBus(redis_url) if redis_url else InProcessBus()


# Events produced inside a transaction are sent only after it commits, so nobody hears of rows that were
# rolled back (docs/design.md §9).
_PENDING = "pending_events"


def queue_event(session: AsyncSession, channel: str, message: dict[str, Any]) -> None:
    session.info.setdefault(_PENDING, []).append((channel, message))


async def flush_events(session: AsyncSession, bus: EventBus) -> None:
    pending = session.info.pop(_PENDING, [])
    for channel, message in pending:
        try:
            await bus.publish(channel, message)
        except Exception as exc:  # a broken bus degrades real time, never the request
            log.warning("event_publish_failed", channel=channel, error=str(exc))


def discard_events(session: AsyncSession) -> None:
    session.info.pop(_PENDING, None)
