"""The guard behind "no transaction across network I/O" catches what it must: an outbound request made by the
LLM client or the job-source client while the same task holds a database transaction, and nothing else."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.core.config import Settings
from app.jobs.sources.http import SourceHttp, new_client
from app.llm.client import LLMClient
from app.models.user import User
from tests import transaction_guard
from tests.llm.server import running_llm_server


async def _hold_a_write(app: Any) -> Any:
    session = app.state.session_factory()
    session.add(User(email="guard@example.com", full_name="Guard"))
    await session.flush()  # a write: on SQLite this transaction holds the database's write lock
    return session


class TestGuard:
    async def test_an_llm_call_inside_a_transaction_is_caught(self, app: Any, settings: Settings) -> None:
        with running_llm_server() as server:
            llm_settings = settings.model_copy(
                update={"llm_provider": "custom", "llm_base_url": server.url, "llm_model": "m"}
            )
            session = await _hold_a_write(app)
            try:
                async with LLMClient(llm_settings) as client:
                    await client.test_connection()
            finally:
                await session.rollback()
                await session.close()
            caught = transaction_guard.take()
            assert len(caught) == 1 and caught[0].request.startswith(f"POST {server.url}/chat/completions")
            assert "test_transaction_guard.py" not in caught[0].began_at  # it names app code, or says it is none

            async with LLMClient(llm_settings) as client:  # the same call with no transaction open is fine
                assert (await client.test_connection()).ok
            assert transaction_guard.take() == []

    async def test_a_job_board_request_inside_a_transaction_is_caught(self, app: Any) -> None:
        with running_llm_server() as server:  # any local HTTP server will do: GET /v1/models
            async with new_client() as client:
                http = SourceHttp(client, "greenhouse", server.url, retries=0)
                session = await _hold_a_write(app)
                try:
                    await http.request("GET", "/models")
                finally:
                    await session.rollback()
                    await session.close()
                caught = transaction_guard.take()
                assert [c.request for c in caught] == [f"GET {server.url}/models"]

                async with app.state.session_factory() as reader:  # a transaction that has ended is fine
                    await reader.scalar(select(User.id).limit(1))
                    await reader.commit()
                await http.request("GET", "/models")
                assert transaction_guard.take() == []
