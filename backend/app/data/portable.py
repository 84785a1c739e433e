"""The export format ("career-copilot-export", version 1) and its import.

An export is a ZIP: `manifest.json`, one JSON file per section under `data/`, and the user's uploaded files under
`files/`. Sections are rows of the tables that hold the user's data, column by column, so a table a later feature
adds is one line in `SECTIONS` (a test fails while a table with a user id is in neither `SECTIONS` nor
`NOT_EXPORTED`). Import recreates the sections that belong to a person (profile, skills, jobs, applications with
their history, notifications, mail copies) in a new, empty account, remapping ids; operational records (task
runs, sign-in links, summary ledger) are exported for transparency but not imported."""

from __future__ import annotations

import enum
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import CompoundSelect, Date, func, inspect, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from app.applications import rollups
from app.core.archives import ArchiveDamaged, ArchiveTooLarge, open_archive, read_members
from app.core.exceptions import AppError, Conflict
from app.models.application import Application, ApplicationEvent
from app.models.base import Base, UTCDateTime, utcnow
from app.models.content import DocumentVersion, GeneratedDocument
from app.models.data import DataExport
from app.models.interview import InterviewAnswer, InterviewSession
from app.models.job import JobPosting, JobPostingSkill
from app.models.mail import OutboxMessage, SummaryDelivery
from app.models.notification import Notification
from app.models.oauth import OAuthAccount
from app.models.progress import Achievement
from app.models.resume import Resume
from app.models.sources import FollowedCompany, JobMatch, SavedSearch
from app.models.task import TaskRun
from app.models.user import User, UserSkill

FORMAT = "career-copilot-export"
FORMAT_VERSION = 1
# An export's JSON compresses about tenfold and its files hardly at all: a real export of a 50 MB upload stays
# well under these. They bound what a hostile ZIP can make the server hold in memory.
MAX_IMPORT_MEMBERS = 10_000
MAX_IMPORT_UNPACKED_BYTES = 200 * 1024 * 1024
# Parsed JSON takes up to 70 bytes per value (an empty object, 3 bytes as text, is a 64-byte dict): a 10 MB member of
# `{},` would cost a gigabyte. Values (counted from the separators and brackets) are capped before parsing; an
# export's tables hold a few hundred thousand.
MAX_IMPORT_JSON_VALUES = 2_000_000
MAX_IMPORT_JSON_DEPTH = 32  # a section is a list of records whose deepest values (a resume's structure) are 6 deep
SECRET_COLUMNS = {"hashed_password", "token_hash", "code_verifier", "nonce"}


@dataclass(frozen=True)
class Section:
    name: str
    model: type[Base]
    owner_column: str
    imported: bool = True


SECTIONS: list[Section] = [
    Section("profile", User, "id"),
    Section("skills", UserSkill, "user_id"),
    Section("jobs", JobPosting, "owner_id"),
    Section("applications", Application, "user_id"),
    Section("application_events", ApplicationEvent, "user_id"),
    Section("notifications", Notification, "user_id"),
    Section("outbox_messages", OutboxMessage, "user_id"),
    Section("achievements", Achievement, "user_id"),
    Section("saved_searches", SavedSearch, "user_id"),
    Section("followed_companies", FollowedCompany, "user_id"),
    Section("resumes", Resume, "user_id"),  # their files travel in files/resumes/
    Section("documents", GeneratedDocument, "user_id"),
    Section("document_versions", DocumentVersion, "user_id"),
    Section("interview_sessions", InterviewSession, "user_id"),
    Section("interview_answers", InterviewAnswer, "user_id"),
    Section("job_matches", JobMatch, "user_id", imported=False),
    Section("oauth_accounts", OAuthAccount, "user_id", imported=False),
    Section("summary_deliveries", SummaryDelivery, "user_id", imported=False),
    Section("task_runs", TaskRun, "user_id", imported=False),
    Section("exports", DataExport, "user_id", imported=False),
]
NOT_EXPORTED = {
    "refresh_token": "session secrets; a new instance signs you in anew",
    "oauth_flow": "a sign-in in progress, kept for minutes",
    "llm_call": "usage accounting of AI requests (tokens, cost); a new instance starts its budgets afresh",
    "audit_event": "the server's record of administrators' changes to its settings, not personal data; it stays "
    "with the server, and deleting the account removes the link to it",
}
PROFILE_FIELDS = (
    "full_name",
    "pitch",
    "timezone",
    "daily_application_goal",
    "evening_summary_hour",
    "evening_summary_enabled",
    "needs_sponsorship",
    "remote_only",
    "work_location",
    "min_salary",
    "salary_currency",
    "onboarding_step",
    "onboarding_finished_at",
)


class ImportRefused(AppError):
    status_code = 400
    code = "import_refused"


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def row_dict(row: Base) -> dict[str, Any]:
    mapper = inspect(type(row))
    return {
        attr.key: _json_value(getattr(row, attr.key)) for attr in mapper.column_attrs if attr.key not in SECRET_COLUMNS
    }


async def collect(session: AsyncSession, user_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every section of the user's data, plus the shared catalogue postings their applications, documents and
    interview sessions point at."""
    data: dict[str, list[dict[str, Any]]] = {}
    for section in SECTIONS:
        column = getattr(section.model, section.owner_column)
        rows = await session.scalars(select(section.model).where(column == user_id).order_by(column))
        data[section.name] = [row_dict(r) for r in rows.all()]
    referenced: CompoundSelect[tuple[int]] = union(
        select(Application.job_posting_id).where(Application.user_id == user_id),
        select(GeneratedDocument.job_posting_id).where(GeneratedDocument.user_id == user_id),
        select(InterviewSession.job_posting_id).where(InterviewSession.user_id == user_id),
    )
    shared = await session.scalars(
        select(JobPosting).where(JobPosting.id.in_(referenced), JobPosting.owner_id.is_(None)).order_by(JobPosting.id)
    )
    data["catalogue_jobs"] = [row_dict(r) for r in shared.all()]
    return data


def build_zip(data: dict[str, list[dict[str, Any]]], files_dir: Path | None, revision: str | None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_revision": revision,
            "exported_at": datetime.now(UTC).isoformat(),
            "email": data["profile"][0]["email"] if data.get("profile") else None,
            "sections": {name: len(rows) for name, rows in data.items()},
        }
        zf.writestr("manifest.json", json.dumps(manifest, indent=2))
        for name, rows in data.items():
            zf.writestr(f"data/{name}.json", json.dumps(rows, indent=2, ensure_ascii=False))
        if files_dir is not None and files_dir.is_dir():
            for file in sorted(files_dir.rglob("*")):
                if file.is_file():
                    zf.write(file, f"files/{file.relative_to(files_dir).as_posix()}")
    return buffer.getvalue()


# --- import ----------------------------------------------------------------------------------------------------


def read_archive(content: bytes) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], dict[str, bytes]]:
    try:
        members = read_members(
            content, open_archive(content), max_members=MAX_IMPORT_MEMBERS, max_total=MAX_IMPORT_UNPACKED_BYTES
        )
    except ArchiveTooLarge as exc:
        raise ImportRefused(f"This file unpacks to more than a Career Copilot export can hold ({exc}).") from exc
    except ArchiveDamaged as exc:
        raise ImportRefused(f"This file is not a Career Copilot export or it is damaged ({exc}).") from exc
    reader = _JsonReader()
    try:
        manifest = reader.load("manifest.json", members["manifest.json"])
    except KeyError as exc:
        raise ImportRefused("This ZIP has no readable manifest.json: it is not a Career Copilot export.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ImportRefused("This ZIP is not a Career Copilot export.")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise ImportRefused("This export was made by a newer Career Copilot; upgrade this one first.")
    data: dict[str, list[dict[str, Any]]] = {}
    for name in [s.name for s in SECTIONS if s.imported] + ["catalogue_jobs"]:
        rows = reader.load(f"data/{name}.json", members.get(f"data/{name}.json", b"[]"))
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ImportRefused(f"data/{name}.json in this export is not a list of records.")
        data[name] = rows
    files = {name.removeprefix("files/"): body for name, body in members.items() if name.startswith("files/")}
    return manifest, data, files


class _JsonReader:
    """The export's JSON members, within MAX_IMPORT_JSON_VALUES values in all (counted on the bytes, an upper bound:
    a comma or bracket inside a string counts too, before json.loads builds anything) and MAX_IMPORT_JSON_DEPTH
    levels (a deeper value would be stored, then fail to serialise on every page that shows it)."""

    def __init__(self) -> None:
        self.left = MAX_IMPORT_JSON_VALUES

    def load(self, name: str, body: bytes) -> Any:
        self.left -= sum(body.count(c) for c in (b",", b":", b"[", b"{")) + 1
        if self.left < 0:
            raise ImportRefused(
                f"This export holds more than {MAX_IMPORT_JSON_VALUES:,} values; it is not one Career Copilot made."
            )
        try:
            value = json.loads(body)
        except ValueError as exc:
            raise ImportRefused(f"{name} in this export is not valid JSON.") from exc
        except RecursionError as exc:
            raise ImportRefused(f"{name} in this export is nested too deeply to be an export.") from exc
        if _deeper_than(value, MAX_IMPORT_JSON_DEPTH):
            raise ImportRefused(f"{name} in this export is nested too deeply to be an export.")
        return value


def _deeper_than(value: Any, limit: int) -> bool:
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children)
    return False


def _values(model: type[Base], row: dict[str, Any], drop: set[str]) -> dict[str, Any]:
    """Turn an exported record back into column values (dates parsed), keeping only real columns."""
    values: dict[str, Any] = {}
    for attr in inspect(model).column_attrs:
        key = attr.key
        if key in drop or key not in row:
            continue
        value = row[key]
        column_type = attr.columns[0].type
        if value is not None and isinstance(column_type, UTCDateTime):
            parsed = datetime.fromisoformat(value)
            value = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        elif value is not None and isinstance(column_type, Date):
            value = date.fromisoformat(value)
        values[key] = value
    return values


async def import_into(session: AsyncSession, user: User, content: bytes, uploads_dir: Path) -> dict[str, int]:
    """Recreate an export's data in `user`'s account (which must be empty). All or nothing: any bad record
    raises and the request's transaction rolls back."""
    _manifest, data, files = read_archive(content)
    owned = await session.scalar(
        select(func.count()).select_from(Application).where(Application.user_id == user.id)
    ) or await session.scalar(select(func.count()).select_from(JobPosting).where(JobPosting.owner_id == user.id))
    if owned:
        raise Conflict(
            "Import into a new, empty account: this one already has jobs or applications.", code="account_not_empty"
        )
    try:
        counts = await _import(session, user, data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ImportRefused(f"This export has a record that cannot be read ({exc}).") from exc
    home = (uploads_dir / str(user.id)).resolve()
    for name, blob in files.items():
        target = (home / name).resolve()
        if not target.is_relative_to(home):
            raise ImportRefused(f"This export has a file with an unsafe name ({name}).")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
    counts["files"] = len(files)
    return counts


async def _import(session: AsyncSession, user: User, data: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    if data["profile"]:
        profile = _values(User, data["profile"][0], set())
        for field in PROFILE_FIELDS:
            if field in profile and profile[field] is not None:
                setattr(user, field, profile[field])
    existing_skills = set((await session.scalars(select(UserSkill.name).where(UserSkill.user_id == user.id))).all())
    for row in data["skills"]:
        if row["name"] not in existing_skills:
            session.add(UserSkill(**_values(UserSkill, row, {"id", "user_id"}), user_id=user.id))
    counts["skills"] = len(data["skills"])

    job_ids: dict[int, int] = {}
    for row in data["catalogue_jobs"]:
        found = await session.scalar(
            select(JobPosting.id).where(JobPosting.owner_id.is_(None), JobPosting.fingerprint == row["fingerprint"])
        )
        if found is None:
            job = JobPosting(**_values(JobPosting, row, {"id", "owner_id"}))
            session.add(job)
            await session.flush()
            found = job.id
            session.add_all(JobPostingSkill(job_posting_id=found, skill=s) for s in dict.fromkeys(job.tech_stack))
        job_ids[int(row["id"])] = found
    for row in data["jobs"]:
        job = JobPosting(**_values(JobPosting, row, {"id", "owner_id"}), owner_id=user.id)
        session.add(job)
        await session.flush()
        session.add_all(JobPostingSkill(job_posting_id=job.id, skill=s) for s in dict.fromkeys(job.tech_stack))
        job_ids[int(row["id"])] = job.id
    counts["jobs"] = len(data["jobs"])

    app_ids: dict[int, int] = {}
    for row in data["applications"]:
        app = Application(
            **_values(Application, row, {"id", "user_id", "job_posting_id"}),
            user_id=user.id,
            job_posting_id=job_ids[int(row["job_posting_id"])],
        )
        session.add(app)
        await session.flush()
        app_ids[int(row["id"])] = app.id
    counts["applications"] = len(data["applications"])
    for row in data["application_events"]:
        session.add(
            ApplicationEvent(
                **_values(ApplicationEvent, row, {"id", "user_id", "application_id"}),
                user_id=user.id,
                application_id=app_ids[int(row["application_id"])],
            )
        )
    counts["application_events"] = len(data["application_events"])
    await rollups.refresh(session, Application.user_id == user.id)
    imported_as_is: tuple[tuple[str, type[Base]], ...] = (
        ("notifications", Notification),
        ("outbox_messages", OutboxMessage),
        ("achievements", Achievement),
        ("saved_searches", SavedSearch),
        ("followed_companies", FollowedCompany),
    )
    for name, model in imported_as_is:
        for row in data[name]:
            session.add(model(**_values(model, row, {"id", "user_id"}), user_id=user.id))
        counts[name] = len(data[name])
    await _import_ai_work(session, user, data, job_ids, counts)
    user.updated_at = utcnow()
    await session.flush()
    return counts


async def _import_ai_work(
    session: AsyncSession,
    user: User,
    data: dict[str, list[dict[str, Any]]],
    job_ids: dict[int, int],
    counts: dict[str, int],
) -> None:
    """Resumes, generated documents with their versions, interview sessions with their answers: ids remapped."""
    resume_ids: dict[int, int] = {}
    for row in data["resumes"]:
        resume = Resume(**_values(Resume, row, {"id", "user_id"}), user_id=user.id)
        session.add(resume)
        await session.flush()
        resume_ids[int(row["id"])] = resume.id
    document_ids: dict[int, int] = {}
    for row in data["documents"]:
        old_resume = row.get("resume_id")
        document = GeneratedDocument(
            **_values(GeneratedDocument, row, {"id", "user_id", "job_posting_id", "resume_id", "task_id"}),
            user_id=user.id,
            job_posting_id=job_ids[int(row["job_posting_id"])],
            resume_id=resume_ids.get(int(old_resume)) if old_resume is not None else None,
        )
        session.add(document)
        await session.flush()
        document_ids[int(row["id"])] = document.id
    for row in data["document_versions"]:
        session.add(
            DocumentVersion(
                **_values(DocumentVersion, row, {"id", "user_id", "document_id"}),
                user_id=user.id,
                document_id=document_ids[int(row["document_id"])],
            )
        )
    session_ids: dict[int, int] = {}
    for row in data["interview_sessions"]:
        old_job = row.get("job_posting_id")
        interview = InterviewSession(
            **_values(InterviewSession, row, {"id", "user_id", "job_posting_id", "task_id"}),
            user_id=user.id,
            job_posting_id=job_ids.get(int(old_job)) if old_job is not None else None,
        )
        session.add(interview)
        await session.flush()
        session_ids[int(row["id"])] = interview.id
    answer_ids: dict[int, int] = {}
    retries: list[tuple[InterviewAnswer, int]] = []
    for row in sorted(data["interview_answers"], key=lambda r: int(r["id"])):
        answer = InterviewAnswer(
            **_values(InterviewAnswer, row, {"id", "user_id", "session_id", "retry_of_id"}),
            user_id=user.id,
            session_id=session_ids[int(row["session_id"])],
        )
        session.add(answer)
        await session.flush()
        answer_ids[int(row["id"])] = answer.id
        if row.get("retry_of_id") is not None:
            retries.append((answer, int(row["retry_of_id"])))
    for answer, old in retries:
        answer.retry_of_id = answer_ids.get(old)
    for name in ("resumes", "documents", "document_versions", "interview_sessions", "interview_answers"):
        counts[name] = len(data[name])
