"""The one Celery app (docs/design.md §1).

Embedded mode (no REDIS_URL): `memory://` broker; `copilot serve` runs a worker thread (threads pool) and a beat
thread in its own process (`embedded.py`). Scaled mode: Redis as broker and result backend, `copilot worker` and
`copilot beat` as separate processes. Tasks are named "<domain>.<verb>", take ids, and are enqueued after the
transaction that asked for them commits (`registry.enqueue`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from celery import Celery

from app.core.config import Settings

TASK_MODULES = [
    "app.tasks.maintenance",
    "app.auth.tasks",
    "app.summaries.tasks",
    "app.data.tasks",
    "app.jobs.tasks",
    "app.match.tasks",
    "app.resumes.tasks",
    "app.content.tasks",
    "app.interviews.tasks",
    "app.analytics.tasks",
]

# name in the schedule → (task name, interval). The admin page shows the same table with next runs.
SCHEDULE: dict[str, tuple[str, timedelta]] = {
    "evening-summaries": ("notifications.send_evening_summary", timedelta(minutes=15)),
    "auth-housekeeping": ("auth.purge_expired", timedelta(hours=1)),
    "expired-exports": ("data.purge_expired_exports", timedelta(hours=1)),
    "daily-backup": ("data.backup", timedelta(days=1)),
    "nightly-ingest": ("jobs.ingest_jobs", timedelta(days=1)),
    "skills-catch-up": ("jobs.extract_missing_skills", timedelta(minutes=30)),
    "resume-structure": ("resumes.backfill_structure", timedelta(minutes=30)),
    "partitions": ("db.maintain_partitions", timedelta(days=1)),
    "catalogue-retention": ("jobs.archive_stale", timedelta(days=1)),
    "market-trends": ("analytics.refresh_market_trends", timedelta(minutes=30)),
    "interrupted-tasks": ("tasks.recover_interrupted", timedelta(minutes=5)),
}

celery_app = Celery("copilot")
VISIBILITY_TIMEOUT_SECONDS = 3600


def celery_config(settings: Settings) -> dict[str, Any]:
    broker = settings.redis_url or "memory://"
    return {
        "broker_url": broker,
        "result_backend": settings.redis_url or None,
        "task_ignore_result": True,  # task_run is the record of what happened, in both modes
        "task_default_queue": "copilot",
        "task_acks_late": False,  # tasks that are safe to run twice opt in
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "worker_hijack_root_logger": False,
        "worker_redirect_stdouts": False,
        "broker_connection_retry_on_startup": True,
        "broker_connection_timeout": 3,
        # memory:// is polled: every 0.1 s instead of 1 s, so an enqueued task starts at once (the user is waiting
        # for a resume or a letter), and a stopping embedded worker notices within 0.1 s of its wake message.
        # Redis: an acks_late message a worker took and never acknowledged (killed) is handed out again after this
        # long. It must outlast the longest countdown (a summary retry waits 30 min), or ETA tasks get redelivered.
        "broker_transport_options": (
            {"visibility_timeout": VISIBILITY_TIMEOUT_SECONDS} if settings.redis_url else {"polling_interval": 0.1}
        ),
        "task_publish_retry": True,
        "task_publish_retry_policy": {"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5},
        "timezone": "UTC",
        "enable_utc": True,
        "include": TASK_MODULES,
        "beat_scheduler": "celery.beat:Scheduler",  # in memory: every entry is idempotent per period
        "beat_schedule": {
            key: {"task": task, "schedule": interval.total_seconds()} for key, (task, interval) in SCHEDULE.items()
        },
    }


def configure_celery(settings: Settings) -> Celery:
    """Point the app at this process's broker; import the task modules so every task is registered."""
    import importlib

    from app.tasks import runtime

    config = celery_config(settings)
    if celery_app.conf.broker_url != config["broker_url"]:
        # Connection and producer pools are cached per app; a new broker needs new ones (tests switch modes).
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
    celery_app.conf.update(config)
    runtime.configure(settings, runtime.process_bus())
    for module in TASK_MODULES:
        importlib.import_module(module)
    return celery_app
