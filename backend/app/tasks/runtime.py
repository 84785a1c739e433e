"""How a Celery task (a plain function in a worker thread) calls the async services of the web tier.

docs/design.md §1: one event loop and one AsyncEngine per worker thread. An engine (and its pooled connections) is bound
to the loop that created it, so sharing one between threads fails with "attached to a different loop"; a fresh
loop per task would leak connections. Each thread therefore keeps its own loop, engine and session factory for
as long as it lives, rebuilt only when the settings change (tests switch databases)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.core.config import Settings, get_settings
from app.core.db import make_engine, make_session_factory
from app.core.events import EventBus, make_bus
from app.core.mail import Mailer

T = TypeVar("T")

_lock = threading.Lock()
_settings: Settings | None = None
_process_bus: EventBus | None = None
_local = threading.local()


def configure(settings: Settings, bus: EventBus | None = None) -> None:
    """Called by `copilot serve` (with its bus: embedded workers publish straight into the web process's hub),
    `copilot worker`/`beat`, and tests."""
    global _settings, _process_bus
    with _lock:
        _settings = settings
        _process_bus = bus


def process_bus() -> EventBus | None:
    return _process_bus


def current_settings() -> Settings:
    global _settings
    with _lock:
        if _settings is None:
            _settings = get_settings()
        return _settings


@dataclass
class ThreadRuntime:
    settings: Settings
    loop: asyncio.AbstractEventLoop
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    bus: EventBus
    mailer: Mailer

    def close(self) -> None:
        self.loop.run_until_complete(self.engine.dispose())
        self.loop.close()


def thread_runtime() -> ThreadRuntime:
    settings = current_settings()
    rt: ThreadRuntime | None = getattr(_local, "runtime", None)
    if rt is not None and rt.settings is settings and not rt.loop.is_closed():
        return rt
    if rt is not None:
        rt.close()
    loop = asyncio.new_event_loop()
    engine = make_engine(settings, pool_size=2)
    # In the web process the worker publishes into the web process's own bus (its sockets live there);
    # a worker process gets its own (Redis) bus, used without subscribing.
    bus = _process_bus if _process_bus is not None else make_bus(settings.redis_url)
    rt = ThreadRuntime(settings, loop, engine, make_session_factory(engine), bus, Mailer(settings))
    _local.runtime = rt
    return rt


def run_async(work: Callable[[ThreadRuntime], Awaitable[T]]) -> T:
    """Run `work(runtime)` to completion on this thread's loop."""
    rt = thread_runtime()
    return rt.loop.run_until_complete(work(rt))
