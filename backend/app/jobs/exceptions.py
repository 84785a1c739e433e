"""Errors of the job catalogue."""

from __future__ import annotations

from app.core.exceptions import Forbidden, NotFound


class JobNotFound(NotFound):
    code = "job_not_found"

    def __init__(self) -> None:
        super().__init__("This job does not exist or is not visible to you.")


class SharedJobReadOnly(Forbidden):
    code = "shared_job_read_only"

    def __init__(self) -> None:
        super().__init__("Jobs from job boards are shared and cannot be edited. Track it and add notes instead.")
