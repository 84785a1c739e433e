"""What a posting asks, read once and stored (`job_requirements`): the requirements parser's result without the
section texts, and the title's role (family, level, words). Discover scores thousands of postings per user from
these rows; the job page and the CLI read postings directly.

A row is current when its version is this module's `FACTS_VERSION` and it was computed after the posting last
changed (`job_posting.updated_at`); `posting_facts` computes and stores the others on the way, so postings older than
this table, edited ones and those read by an older parser need no backfill."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import upsert_insert
from app.jobs.requirements import REQUIREMENTS_VERSION, Requirements, from_json, parse_requirements, to_json
from app.jobs.requirements_place import Remote
from app.match.roles import ROLES_VERSION, Role, role_of
from app.match.scoring import Pay
from app.models.base import utcnow
from app.models.job import JobPosting, JobRequirements

FACTS_VERSION = f"{REQUIREMENTS_VERSION}.{ROLES_VERSION}.f2"  # f2: with the posting's pay
_BATCH = 1000
_MAX_WORDS = 30
_REMOTES: dict[str | None, Remote] = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite"}


@dataclass(frozen=True)
class PostingFacts:
    role: Role
    requirements: Requirements
    reader: str = "offline"  # who read the requirements: "offline", or "hybrid:<provider>" (requirements_llm.py)
    pay: Pay | None = None  # the posting's own salary fields


def read_posting(
    title: str,
    text: str,
    remote_type: str | None = None,
    requirements: Requirements | None = None,
    reader: str = "offline",
    pay: Pay | None = None,
) -> PostingFacts:
    """`remote_type`: the board's own field, used when the text says nothing about remote work; `requirements`:
    read already (by the LLM, held to the text), else the offline parser reads them."""
    req = requirements or parse_requirements(title, text)
    if req.remote is None and remote_type in _REMOTES:
        req = replace(req, remote=_REMOTES[remote_type])
    return PostingFacts(role_of(title), req, reader, pay)


def pay_of(low: int | None, high: int | None, currency: str | None, period: object) -> Pay | None:
    if not low and not high:
        return None
    return Pay(low, high, (currency or None), str(period) if period else None)


def source_digest(title: str, text: str) -> str:
    """What facts were read from, so facts read outside a transaction are stored only for the text they read."""
    return hashlib.sha256(f"{title}\x1f{text}".encode()).hexdigest()


def facts_to_json(facts: PostingFacts) -> dict[str, Any]:
    role = facts.role
    return {
        "version": FACTS_VERSION,
        "reader": facts.reader,
        "pay": None if facts.pay is None else [facts.pay.low, facts.pay.high, facts.pay.currency, facts.pay.period],
        "role": {"title": role.title, "family": role.family, "level": role.level, "words": sorted(role.words)},
        "requirements": {**to_json(facts.requirements), "sections": {}},
    }


def facts_from_json(data: Any) -> PostingFacts | None:
    """The stored facts, or None when of another version or malformed (the row is then computed again)."""
    if not isinstance(data, dict) or data.get("version") != FACTS_VERSION:
        return None
    role, stored = data.get("role"), data.get("requirements")
    req = from_json(stored) if isinstance(stored, dict) else None
    if req is None or not isinstance(role, dict):
        return None
    title, family, level, words = role.get("title"), role.get("family"), role.get("level"), role.get("words")
    reader = data.get("reader", "offline")
    if not isinstance(reader, str) or len(reader) > 80:
        return None
    if not isinstance(title, str) or not isinstance(words, list) or len(words) > _MAX_WORDS:
        return None
    if not all(isinstance(w, str) for w in words) or not all(x is None or isinstance(x, str) for x in (family, level)):
        return None
    pay = _pay_from_json(data.get("pay"))
    if pay is False:
        return None
    return PostingFacts(
        Role(title[:200], family, level, frozenset(words)), req, reader, pay if isinstance(pay, Pay) else None
    )


def _pay_from_json(value: Any) -> Pay | bool | None:
    """The stored pay, None when there is none, False when malformed."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 4:
        return False
    low, high, currency, period = value
    numbers_ok = all(x is None or (isinstance(x, int) and 0 <= x < 100_000_000) for x in (low, high))
    texts_ok = all(x is None or (isinstance(x, str) and len(x) <= 8) for x in (currency, period))
    return Pay(low, high, currency, period) if numbers_ok and texts_ok else False


class _Remembered:
    """This process's recently read facts, by posting id, with when they were computed: a Discover rebuild reads the
    same pool for one user after another, and decoding 10,000 stored rows is most of its cost. Bounded (LRU)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[int, tuple[datetime, PostingFacts]] = OrderedDict()

    def get(self, posting_id: int, computed_at: datetime) -> PostingFacts | None:
        found = self.items.get(posting_id)
        if found is None or found[0] != computed_at:
            return None
        self.items.move_to_end(posting_id)
        return found[1]

    def put(self, posting_id: int, computed_at: datetime, facts: PostingFacts) -> None:
        self.items[posting_id] = (computed_at, facts)
        self.items.move_to_end(posting_id)
        while len(self.items) > self.size:
            self.items.popitem(last=False)


_REMEMBERED = _Remembered(30_000)
_POSTING_COLUMNS = select(
    JobPosting.id,
    JobPosting.title,
    JobPosting.description_text,
    JobPosting.remote_type,
    JobPosting.salary_min,
    JobPosting.salary_max,
    JobPosting.salary_currency,
    JobPosting.salary_period,
)


async def posting_facts(
    session: AsyncSession, posting_ids: Sequence[int], *, store: bool = True
) -> dict[int, PostingFacts]:
    """The facts of these postings (those that exist), computing the missing and stale ones and storing them
    (`store=False`: a request's read, which must not write: the worker stores them)."""
    out: dict[int, PostingFacts] = {}
    ids = list(dict.fromkeys(posting_ids))
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        current = (
            await session.execute(
                select(JobRequirements.job_posting_id, JobRequirements.computed_at)
                .join(JobPosting, JobPosting.id == JobRequirements.job_posting_id)
                .where(
                    JobRequirements.job_posting_id.in_(batch),
                    JobRequirements.version == FACTS_VERSION,
                    JobRequirements.computed_at >= JobPosting.updated_at,
                )
            )
        ).all()
        unread: dict[int, datetime] = {}
        for posting_id, computed_at in current:
            known = _REMEMBERED.get(posting_id, computed_at)
            if known is not None:
                out[posting_id] = known
            else:
                unread[posting_id] = computed_at
        if unread:
            rows = await session.execute(
                select(JobRequirements.job_posting_id, JobRequirements.data).where(
                    JobRequirements.job_posting_id.in_(list(unread))
                )
            )
            for posting_id, data in rows.all():
                facts = facts_from_json(data)
                if facts is not None:
                    out[posting_id] = facts
                    _REMEMBERED.put(posting_id, unread[posting_id], facts)
        missing = [i for i in batch if i not in out]
        if missing:
            out.update(await store_facts(session, missing) if store else await _read_now(session, missing))
    return out


async def _read_now(session: AsyncSession, posting_ids: Sequence[int]) -> dict[int, PostingFacts]:
    rows = await session.execute(_POSTING_COLUMNS.where(JobPosting.id.in_(list(posting_ids))))
    return {
        posting_id: read_posting(
            title, text or "", str(kind) if kind else None, pay=pay_of(low, high, currency, period)
        )
        for posting_id, title, text, kind, low, high, currency, period in rows.all()
    }


async def store_facts(
    session: AsyncSession, posting_ids: Sequence[int], *, read: dict[int, tuple[PostingFacts, str]] | None = None
) -> dict[int, PostingFacts]:
    """Store what these postings ask (in the caller's transaction): `read` gives facts read already, with the
    `source_digest` they were read from; a posting whose text changed since, or that has none, is read now."""
    if not posting_ids:
        return {}
    postings = await session.execute(_POSTING_COLUMNS.where(JobPosting.id.in_(list(posting_ids))))
    found: dict[int, PostingFacts] = {}
    values: list[dict[str, Any]] = []
    now = utcnow()
    for posting_id, title, text, remote_type, low, high, currency, period in postings.all():
        given = (read or {}).get(posting_id)
        pay = pay_of(low, high, currency, period)
        if given is not None and given[1] == source_digest(title, text or ""):
            facts = replace(given[0], pay=pay)
        else:
            facts = read_posting(title, text or "", str(remote_type) if remote_type else None, pay=pay)
        found[posting_id] = facts
        values.append({"job_posting_id": posting_id, "version": FACTS_VERSION, "data": facts_to_json(facts),
                       "computed_at": now})  # fmt: skip
    if values:
        stmt = upsert_insert(session)(JobRequirements).values(values)
        await session.execute(
            stmt.on_conflict_do_update(
                index_elements=["job_posting_id"],
                set_={k: stmt.excluded[k] for k in ("version", "data", "computed_at")},
            )
        )
    return found


__all__ = [
    "FACTS_VERSION",
    "PostingFacts",
    "facts_from_json",
    "facts_to_json",
    "posting_facts",
    "read_posting",
    "source_digest",
    "store_facts",
]
