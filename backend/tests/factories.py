"""Test data made through the public API (what a user can do), or directly for catalogue postings."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from app.jobs.text import derived_fields, description_from_input
from app.models.job import JobPosting


async def add_job(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    body = {"title": "Backend Engineer", "company": "Acme", "location": "Berlin", "description": "Python and SQL."}
    body.update(fields)
    r = await client.post("/api/v1/jobs", headers=headers, json=body)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def track(client: httpx.AsyncClient, headers: dict[str, str], job_id: int, **fields: Any) -> dict[str, Any]:
    r = await client.post("/api/v1/applications", headers=headers, json={"job_posting_id": job_id, **fields})
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def catalogue_job(app: Any, **fields: Any) -> int:
    """A public posting as a job board would bring it (owner_id NULL), written straight to the database."""
    title = fields.pop("title", "Platform Engineer")
    company = fields.pop("company", "Globex")
    location = fields.pop("location", "Remote")
    html, text = description_from_input(fields.pop("description", "Kubernetes and Go."))
    job = JobPosting(
        owner_id=None,
        title=title,
        company=company,
        location=location,
        description_html=html,
        description_text=text,
        **derived_fields(title, company, location, [], text),
        posted_at=fields.pop("posted_at", datetime.now(UTC)),
        tech_stack=[],
        responsibilities=[],
        **fields,
    )
    async with app.state.session_factory() as s:
        s.add(job)
        await s.commit()
        return int(job.id)
