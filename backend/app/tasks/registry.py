"""Defining, enqueuing and recording tasks.

- `copilot_task(name)` turns `async def fn(ctx, *ids)` into a Celery task that runs on the worker thread's loop
  (`runtime.run_async`), with a `TaskContext` for sessions, progress, cancellation and retries.
- `enqueue(session, name, *args)` writes a `task_run` row in the caller's transaction and sends the task only
  after that transaction commits (`flush_tasks`), so a worker never looks for rows that do not exist yet.
- Celery signals (`task_prerun`, `task_postrun`) keep `task_run` true for every task, also those beat sends.
- A worker that becomes ready reconciles the rows a stopped worker left (`recover_interrupted`, recovery.py) and
  then reports a heartbeat to `worker_seen` every `HEARTBEAT_SECONDS`, so a worker that vanished can be told apart.
"""

from __future__ import annotations

import asyncio
import functools
import socket
import threading
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from celery import Task
from celery.exceptions import Retry
from celery.signals import beat_init, task_postrun, task_prerun, worker_ready
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import metrics
from app.core.db import read_scope, session_scope
from app.core.events import flush_events
from app.models.base import utcnow
from app.models.task import TaskRun, WorkerSeen
from app.realtime.envelope import TaskProgress, TaskProgressData, envelope
from app.tasks import recovery, runtime
from app.tasks.celery_app import celery_app

log = structlog.get_logger(__name__)

_PENDING = "pending_tasks"
COPILOT_TASKS: set[str] = set()
TASK_TITLES: dict[str, str] = {}
ERROR_MAX = 2000


class TaskCancelled(Exception):
    """Raised by `TaskContext.check_cancelled()` when an admin asked the task to stop."""


class RetryLater(Exception):
    """Raised by a task body to be run again after `countdown` seconds (the task decides how often)."""

    def __init__(self, reason: str, countdown: float) -> None:
        super().__init__(reason)
        self.countdown = countdown


@dataclass
class TaskContext:
    rt: runtime.ThreadRuntime
    task_id: str
    user_id: int | None
    retries: int

    @property
    def settings(self) -> Any:
        return self.rt.settings

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: commit, then publish its events and send the tasks it enqueued."""
        async with session_scope(self.rt.session_factory) as session:
            yield session
        await flush_events(session, self.rt.bus)
        await flush_tasks(session)

    async def check_cancelled(self) -> None:
        """Long tasks call this between steps; `revoke(terminate=True)` cannot stop a thread."""
        async with read_scope(self.rt.session_factory) as session:
            flag = await session.scalar(select(TaskRun.cancel_requested).where(TaskRun.task_id == self.task_id))
        if flag:
            raise TaskCancelled("cancelled by an administrator")

    async def progress(self, percent: int, message: str = "") -> None:
        """Record progress and tell the task's owner (`task.progress`)."""
        async with session_scope(self.rt.session_factory) as session:
            row = await session.scalar(select(TaskRun).where(TaskRun.task_id == self.task_id))
            if row is not None:
                row.progress, row.progress_message = max(0, min(100, percent)), message[:200]
                name = row.name
            else:
                name = ""
        if self.user_id is not None:
            data = TaskProgressData(
                task_id=self.task_id, name=name, title=task_title(name), progress=percent, message=message
            )
            await self.rt.bus.publish(f"user:{self.user_id}", envelope(TaskProgress(data=data)))


TaskBody = Callable[..., Awaitable[Any]]


def task_title(name: str) -> str:
    """What to call a task on screen: the title it was registered with, else its verb ("resumes.parse_upload" →
    "Parse upload")."""
    if name in TASK_TITLES:
        return TASK_TITLES[name]
    verb = name.rsplit(".", 1)[-1].replace("_", " ").replace("-", " ").strip()
    return verb[:1].upper() + verb[1:] if verb else "Background task"


def copilot_task(
    name: str, *, title: str | None = None, acks_late: bool = False, **options: Any
) -> Callable[[TaskBody], Task]:
    """Register `async def body(ctx, *args)` as the Celery task `name` ("<domain>.<verb>"); `title` is what the
    task is called on screen (its progress toasts, the queue page)."""
    if title is not None:
        TASK_TITLES[name] = title

    def decorate(body: TaskBody) -> Task:
        def run(self: Task, *args: Any) -> Any:
            async def work(rt: runtime.ThreadRuntime) -> Any:
                user_id, cancelled = await _row_facts(rt, self.request.id)
                if cancelled:
                    raise TaskCancelled("cancelled before it started")
                ctx = TaskContext(rt, self.request.id, user_id, self.request.retries)
                return await body(ctx, *args)

            try:
                return runtime.run_async(work)
            except RetryLater as exc:
                raise self.retry(exc=exc, countdown=exc.countdown, max_retries=None) from exc

        run.__name__ = run.__qualname__ = body.__name__
        run.__doc__ = body.__doc__
        COPILOT_TASKS.add(name)
        return celery_app.task(name=name, bind=True, acks_late=acks_late, **options)(run)

    return decorate


async def _row_facts(rt: runtime.ThreadRuntime, task_id: str) -> tuple[int | None, bool]:
    async with rt.session_factory() as session:
        row = (
            await session.execute(select(TaskRun.user_id, TaskRun.cancel_requested).where(TaskRun.task_id == task_id))
        ).first()
    return (row[0], bool(row[1])) if row else (None, False)


# --- enqueueing ------------------------------------------------------------------------------------------------


def enqueue(
    session: AsyncSession, name: str, *args: Any, user_id: int | None = None, retry_of_id: int | None = None
) -> TaskRun:
    """Record the task in this transaction; it is sent to the broker after commit."""
    if name not in COPILOT_TASKS:
        raise ValueError(f"unknown task {name!r}")
    row = TaskRun(
        task_id=str(uuid.uuid4()),
        name=name,
        user_id=user_id,
        args=list(args),
        state="queued",
        queued_at=utcnow(),
        retry_of_id=retry_of_id,
    )
    session.add(row)
    session.info.setdefault(_PENDING, []).append(recovery.PendingSend(name, list(args), row.task_id, retries=0))
    return row


async def flush_tasks(session: AsyncSession) -> None:
    """Send what the committed transaction enqueued. A broker that cannot be reached fails those tasks visibly."""
    pending: list[recovery.PendingSend] = session.info.pop(_PENDING, [])
    if not pending:
        return
    in_memory = str(celery_app.conf.broker_url).startswith("memory")
    for send in pending:
        name, task_id = send.name, send.task_id
        options = {"args": send.args, "task_id": task_id, "retries": send.retries, "countdown": send.countdown or None}
        try:
            if in_memory:
                celery_app.send_task(name, **options)
            else:  # a network round trip: keep it off the event loop
                await asyncio.to_thread(functools.partial(celery_app.send_task, name, **options))
        except Exception as exc:
            log.error("task_enqueue_failed", task=name, task_id=task_id, error=str(exc))
            await session.execute(
                update(TaskRun)
                .where(TaskRun.task_id == task_id)
                .values(state="failed", error=f"Could not reach the task queue: {exc}"[:ERROR_MAX])
                .values(finished_at=utcnow())
            )
            await session.commit()


def discard_tasks(session: AsyncSession) -> None:
    session.info.pop(_PENDING, None)


def safe_to_repeat(name: str) -> bool:
    """Declared `acks_late`: the task may run twice (a redelivery, or a run a stopped worker left half done)."""
    task = celery_app.tasks.get(name)
    return bool(task is not None and task.acks_late)


async def recover_interrupted(session: AsyncSession, *, broker_was_lost: bool) -> int:
    """Reconcile what stopped workers left (recovery.reconcile) in this transaction; the tasks it sends again go out
    after commit, like any enqueued task. Returns how many are sent again."""
    resends = await recovery.reconcile(
        session, safe_to_repeat=safe_to_repeat, broker_was_lost=broker_was_lost, now=utcnow()
    )
    session.info.setdefault(_PENDING, []).extend(resends)
    if resends:
        log.info("tasks_recovered", count=len(resends), tasks=sorted({r.name for r in resends}))
    return len(resends)


# --- recording (Celery signals, in the worker thread) ----------------------------------------------------------


_worker_nodename: str | None = None  # this process's worker, as it named itself when it became ready


def _worker_name(task: Task) -> str:
    # In the threads pool `request.hostname` is the machine's name; the node name says which worker it was.
    return _worker_nodename or str(getattr(task.request, "hostname", None) or "unknown")


@task_prerun.connect
def _on_prerun(task_id: str, task: Task, args: tuple[Any, ...] = (), **_: Any) -> None:
    if task.name not in COPILOT_TASKS:
        return
    hostname = _worker_name(task)
    metrics.task_started(task_id)

    async def record(rt: runtime.ThreadRuntime) -> None:
        now = utcnow()
        async with session_scope(rt.session_factory) as session:
            row = await session.scalar(select(TaskRun).where(TaskRun.task_id == task_id))
            if row is None:  # sent by beat or by hand, not through enqueue()
                row = TaskRun(task_id=task_id, name=task.name, args=list(args), queued_at=now)
                session.add(row)
            row.state, row.started_at, row.worker = "running", now, hostname
            row.attempts = (row.attempts or 0) + 1
            row.next_attempt_at = None
            await _touch_worker(session, hostname, now)

    _safely(record, "task_prerun", task_id)


@task_postrun.connect
def _on_postrun(task_id: str, task: Task, retval: Any = None, state: str | None = None, **_: Any) -> None:
    if task.name not in COPILOT_TASKS:
        return
    values: dict[str, Any]
    if state == "SUCCESS":
        values = {"state": "succeeded", "error": None, "progress": 100}
    elif state == "RETRY" and isinstance(retval, Retry):
        when = retval.when
        eta = when if isinstance(when, datetime) else utcnow() + timedelta(seconds=float(when or 0))
        cause = retval.exc or retval
        values = {"state": "retrying", "error": _describe(cause), "next_attempt_at": eta.astimezone(UTC)}
    elif isinstance(retval, TaskCancelled):
        values = {"state": "cancelled", "error": str(retval)}
    else:
        values = {"state": "failed", "error": _describe(retval)}
    metrics.task_finished(task_id, task.name, values["state"])

    async def record(rt: runtime.ThreadRuntime) -> None:
        now = utcnow()
        async with session_scope(rt.session_factory) as session:
            row = await session.scalar(select(TaskRun).where(TaskRun.task_id == task_id))
            if row is None:
                return
            for key, value in values.items():
                setattr(row, key, value)
            row.finished_at = now
            if row.started_at is not None:
                row.duration_ms = int((now - row.started_at).total_seconds() * 1000)

    _safely(record, "task_postrun", task_id)


@worker_ready.connect
def _on_worker_ready(sender: Any = None, **_: Any) -> None:
    """Say this worker (re)started, then settle what its previous life (or any vanished worker) left running. With
    `memory://` the queue died with the previous process, so its queued and retrying tasks are sent again too."""
    global _worker_nodename
    hostname = str(getattr(sender, "hostname", None) or "unknown")
    _worker_nodename = hostname
    broker_was_lost = str(celery_app.conf.broker_url).startswith("memory")

    async def record(rt: runtime.ThreadRuntime) -> None:
        async with session_scope(rt.session_factory) as session:
            await _touch_worker(session, hostname, utcnow(), started=True)
        async with session_scope(rt.session_factory) as session:
            await recover_interrupted(session, broker_was_lost=broker_was_lost)
        await flush_tasks(session)

    _safely(record, "worker_ready", hostname)
    _heartbeat.start(hostname)


class _Heartbeat:
    """Touches this worker's `worker_seen` row every HEARTBEAT_SECONDS from a thread of its own, so a worker busy
    with long tasks still counts as alive and one that vanished does not (recovery.worker_gone)."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, hostname: str) -> None:
        self.stop()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(hostname, self._stop), name="worker-heartbeat")
        self._thread.daemon = True
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    @staticmethod
    def _run(hostname: str, stop: threading.Event) -> None:
        async def beat(rt: runtime.ThreadRuntime) -> None:
            async with session_scope(rt.session_factory) as session:
                await _touch_worker(session, hostname, utcnow())

        ran = False
        while not stop.wait(recovery.HEARTBEAT_SECONDS):
            _safely(beat, "heartbeat", hostname)
            ran = True
        if ran:
            runtime.thread_runtime().close()


_heartbeat = _Heartbeat()


def stop_heartbeat() -> None:
    """The embedded worker stops it with itself (a `copilot worker` process just exits)."""
    _heartbeat.stop()


@beat_init.connect
def _on_beat_init(sender: Any = None, **_: Any) -> None:
    """The scheduler announces itself too: the queue page computes next runs from when it started."""
    hostname = f"beat@{socket.gethostname()}"

    async def record(rt: runtime.ThreadRuntime) -> None:
        async with session_scope(rt.session_factory) as session:
            await _touch_worker(session, hostname, utcnow(), started=True, mode="beat")

    _safely(record, "beat_init", hostname)


async def _touch_worker(
    session: AsyncSession, hostname: str, now: datetime, started: bool = False, mode: str | None = None
) -> None:
    mode = mode or ("redis" if runtime.current_settings().redis_url else "embedded")
    row = await session.scalar(select(WorkerSeen).where(WorkerSeen.hostname == hostname))
    if row is None:
        session.add(WorkerSeen(hostname=hostname, mode=mode, started_at=now, last_seen_at=now))
        return
    row.last_seen_at, row.mode = now, mode
    if started:
        row.started_at = now


def _describe(exc: Any) -> str:
    if isinstance(exc, BaseException):
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    else:
        text = str(exc)
    return text[:ERROR_MAX]


def _safely(record: Callable[[runtime.ThreadRuntime], Awaitable[None]], what: str, key: str) -> None:
    """Monitoring must never break the task it watches."""
    try:
        runtime.run_async(record)
    except Exception as exc:
        log.warning("task_record_failed", signal=what, key=key, error=str(exc))
