"""Running the interview tasks' work in the test's own loop (the API tests have no worker thread)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import session_scope
from app.core.events import flush_events
from app.interviews import flow
from app.interviews.schemas import InterviewFeedback
from app.llm.client import LLMClient, open_llm_client
from app.realtime.envelope import envelope


def unit_of_work(app: Any) -> Any:
    @asynccontextmanager
    async def open_session() -> AsyncIterator[AsyncSession]:
        async with session_scope(app.state.session_factory) as session:
            yield session
        await flush_events(session, app.state.bus)

    return open_session


async def prepare(app: Any, session_id: int, count: int, client: LLMClient | None = None) -> str:
    if client is not None:
        return await flow.prepare_questions(unit_of_work(app), client, session_id, count)
    async with open_llm_client(app.state.settings, app.state.session_factory) as llm:
        return await flow.prepare_questions(unit_of_work(app), llm, session_id, count)


async def feedback(app: Any, answer_id: int, client: LLMClient | None = None) -> list[dict[str, Any]]:
    """Score the answer; returns the deltas published while the feedback was written."""
    deltas: list[dict[str, Any]] = []

    async def publish(user_id: int, event: InterviewFeedback) -> None:
        deltas.append({"user_id": user_id, **envelope(event)["data"]})

    if client is not None:
        await flow.write_feedback(unit_of_work(app), client, answer_id, publish)
    else:
        async with open_llm_client(app.state.settings, app.state.session_factory) as llm:
            await flow.write_feedback(unit_of_work(app), llm, answer_id, publish)
    return deltas
