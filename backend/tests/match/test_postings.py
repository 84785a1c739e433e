"""Stored posting facts (`job_requirements`): read once and reused; read again when the posting changes, when they
were read by another version, or when the stored row is malformed; the board's remote field fills what the text
does not say."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from app.match.postings import FACTS_VERSION, posting_facts
from app.models.job import JobPosting, JobRequirements, RemoteType
from tests.factories import catalogue_job

TEXT = "<h3>Requirements</h3><ul><li>Python and PostgreSQL</li><li>3+ years of experience</li></ul>"


async def stored(app: Any, posting_id: int) -> JobRequirements | None:
    async with app.state.session_factory() as s:
        return await s.scalar(select(JobRequirements).where(JobRequirements.job_posting_id == posting_id))


async def facts(app: Any, posting_id: int) -> Any:
    async with app.state.session_factory() as s:
        found = await posting_facts(s, [posting_id, 999_999])  # a posting that does not exist is left out
        await s.commit()
    assert set(found) == {posting_id}
    return found[posting_id]


async def set_data(app: Any, posting_id: int, **values: Any) -> None:
    async with app.state.session_factory() as s:
        await s.execute(update(JobRequirements).where(JobRequirements.job_posting_id == posting_id).values(**values))
        await s.commit()


async def test_facts_are_stored_reused_and_read_again_when_stale(app: Any) -> None:
    job = await catalogue_job(app, title="Senior Backend Engineer", description=TEXT, remote_type=RemoteType.remote)
    assert await stored(app, job) is None
    first = await facts(app, job)
    assert first.requirements.must_have == ["Python", "PostgreSQL"] and first.requirements.min_years == 3
    assert first.requirements.remote == "remote"  # the board's field: the text says nothing about it
    assert (first.role.family, first.role.level) == ("software", "senior")
    row = await stored(app, job)
    assert row is not None and row.version == FACTS_VERSION and row.data["requirements"]["sections"] == {}

    # Reused: a stored answer is what is read (shown by changing it behind the parser's back).
    data = dict(row.data)
    data["requirements"] = {**data["requirements"], "must_have": ["COBOL"]}
    await set_data(app, job, data=data)
    assert (await facts(app, job)).requirements.must_have == ["COBOL"]

    # The posting changed after the facts were read: read again.
    async with app.state.session_factory() as s:
        await s.execute(update(JobPosting).where(JobPosting.id == job).values(title="Staff Backend Engineer"))
        await s.commit()
    again = await facts(app, job)
    assert again.requirements.must_have == ["Python", "PostgreSQL"] and again.role.level == "lead"

    # Another version's answer, or a malformed one, is never used.
    await set_data(app, job, version="r0.t0")
    assert (await facts(app, job)).requirements.must_have == ["Python", "PostgreSQL"]
    broken = dict((await stored(app, job)).data)  # type: ignore[union-attr]
    broken["role"] = {"title": "x", "family": 7, "level": None, "words": "not a list"}
    await set_data(app, job, data=broken)
    assert (await facts(app, job)).role.title == "Staff Backend Engineer"
