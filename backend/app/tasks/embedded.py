"""Embedded mode (docs/design.md §1): a Celery worker (threads pool) and beat, as threads of the web process.

Proven recipe: `app.set_default()`, `WorkController(pool="threads", without_mingle/gossip/heartbeat=True)` started
in a thread, beat as `beat.EmbeddedService(thread=True)`. Stopping sets the worker state's `should_terminate`,
as Celery's own test worker does."""

from __future__ import annotations

import socket
import threading
from typing import Any

import structlog
from celery import Celery, beat, signals
from celery.worker import WorkController, state

from app.tasks.celery_app import celery_app
from app.tasks.registry import stop_heartbeat

log = structlog.get_logger(__name__)


class _ReadyWorker(WorkController):
    """A WorkController that says when its consumer is ready to take tasks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.ready = threading.Event()
        super().__init__(*args, **kwargs)

    def on_consumer_ready(self, consumer: Any) -> None:
        super().on_consumer_ready(consumer)
        signals.worker_ready.send(sender=consumer)  # as `celery worker` does; task_run monitoring listens
        self.ready.set()


WAKE_TASK = "copilot.wake"


@celery_app.task(name=WAKE_TASK)
def _wake() -> None:
    """Does nothing: its message only ends the consumer's wait when the embedded worker stops."""


class EmbeddedCelery:
    def __init__(self, app: Celery, concurrency: int, with_beat: bool = True) -> None:
        self.app = app
        self.concurrency = concurrency
        self.with_beat = with_beat
        self.worker: _ReadyWorker | None = None
        self._thread: threading.Thread | None = None
        self._beat: Any = None

    @property
    def hostname(self) -> str:
        return f"embedded@{socket.gethostname()}"

    def start(self, timeout: float = 15.0) -> None:
        app = self.app
        app.finalize()
        app.set_current()
        app.set_default()
        self._purge_stale_messages()
        self.worker = _ReadyWorker(
            app=app,
            hostname=self.hostname,
            pool="threads",
            concurrency=self.concurrency,
            without_mingle=True,
            without_gossip=True,
            without_heartbeat=True,
            loglevel="WARNING",
            ready_callback=None,
        )
        state.should_terminate = None
        self._thread = threading.Thread(target=self.worker.start, name="celery-worker", daemon=True)
        self._thread.start()
        if not self.worker.ready.wait(timeout):
            log.error("embedded_worker_not_ready", timeout=timeout)
        if self.with_beat:
            # in memory, as celery_app.beat_scheduler says (EmbeddedService would default to a shelve file)
            self._beat = beat.EmbeddedService(app, thread=True, scheduler_cls=app.conf.beat_scheduler)
            self._beat.start()
        log.info("embedded_worker_started", concurrency=self.concurrency, beat=self.with_beat)

    def _purge_stale_messages(self) -> None:
        """The memory:// broker lives as long as the process. Messages an earlier app in this process sent while no
        worker listened (tests run many apps in one process) must not all replay on this worker at once."""
        if not str(self.app.conf.broker_url).startswith("memory"):
            return
        try:
            with self.app.connection_for_write() as conn:
                dropped = conn.default_channel.queue_purge(self.app.conf.task_default_queue)
        except Exception as exc:  # nothing declared yet: nothing to drop
            log.debug("embedded_purge_skipped", error=str(exc))
            return
        if dropped:
            log.info("embedded_purged_stale_messages", count=dropped)

    def _wake_consumer(self) -> None:
        """The consumer notices a shutdown only between waits for messages, and with the memory:// broker each wait
        lasts 2 s when nothing arrives (celery's synloop then waits once more before it exits). Two messages end both
        waits, so stopping takes a fraction of a second, not four."""
        if not str(self.app.conf.broker_url).startswith("memory"):
            return
        try:
            for _ in range(2):
                self.app.send_task(WAKE_TASK, queue=self.app.conf.task_default_queue)
        except Exception as exc:  # the worker still stops, after its wait
            log.debug("embedded_wake_failed", error=str(exc))

    def stop(self, timeout: float = 10.0) -> None:
        if self._beat is not None:
            self._beat.stop()
            self._beat = None
        if self._thread is not None:
            state.should_terminate = 0
            self._wake_consumer()
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("embedded_worker_did_not_stop", timeout=timeout)
            state.should_terminate = None
            self._thread = None
        stop_heartbeat()
        log.info("embedded_worker_stopped")
