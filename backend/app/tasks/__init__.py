"""Background work: one Celery app, the per-thread async runtime tasks run on, the task registry and
monitoring (task_run), and the scheduled tasks."""
