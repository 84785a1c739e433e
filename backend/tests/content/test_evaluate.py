"""`copilot eval content`: the figures over the shipped dev set, offline and with the local LLM server answering
with invented numbers (which the claim check removes and the figures count)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from app.content.evaluate import evaluate_llm, evaluate_offline, flesch_reading_ease, load_pairs, syllables
from app.core.cache import MemoryCache
from app.core.config import Settings
from app.llm.client import LLMClient
from app.llm.retry import RetryPolicy
from tests.content.conftest import llm_settings
from tests.llm.server import LLMServer, Reply

COPILOT = [sys.executable, "-m", "app.cli"]
ANSWER = (
    "Dear hiring team,\n\nI would welcome the chance to talk about this role. I grew revenue by 370% in one year. "
    "[E1] I managed a budget of $9M. [E2]\n\nKind regards,\nA. Candidate"
)


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "COPILOT_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/cli.db",
               "LLM_PROVIDER": "offline", **env}  # fmt: skip
    return subprocess.run(
        [*COPILOT, *args], env=environ, capture_output=True, text=True, timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip


class TestReadability:
    def test_syllables_and_flesch(self) -> None:
        assert [syllables(w) for w in ("cat", "table", "rate", "analysis", "queries")] == [1, 2, 1, 4, 2]
        assert flesch_reading_ease("The cat sat on the mat. It was fun.") > 100
        hard = "Organisational transformation necessitates comprehensive infrastructural reconsideration."
        assert flesch_reading_ease(hard) < 0


class TestOffline:
    def test_the_dev_set_pairs_every_resume_with_every_posting(self) -> None:
        pairs = load_pairs()
        assert len(pairs) == 25 and len({p.resume for p in pairs}) == 5 and len({p.posting for p in pairs}) == 5
        assert all(p.inputs.structure.work for p in pairs)

    def test_every_offline_sentence_has_a_source_and_nothing_is_removed(self) -> None:
        figures = evaluate_offline(load_pairs())
        assert figures["letters"] == 75 and figures["provenance_coverage"] == 1.0
        assert figures["removed_by_kind"] == {} and figures["removed_sentences"] == 0
        assert 180 <= figures["word_count"]["min"] <= figures["word_count"]["max"] <= 320
        assert 40 <= figures["flesch_reading_ease"]["median"] <= 80

    def test_the_command_prints_the_figures(self, tmp_path: Path) -> None:
        r = run(["eval", "content"], tmp_path)
        assert r.returncode == 0, r.stderr
        out = json.loads(r.stdout)
        assert out["pairs"] == 25 and out["llm"] == {"configured": False}
        assert out["offline"]["provenance_coverage"] == 1.0

    def test_a_missing_directory_is_bad_input(self, tmp_path: Path) -> None:
        r = run(["eval", "content", "--data", str(tmp_path / "nope")], tmp_path)
        assert r.returncode == 2 and "no such directory" in r.stderr


@pytest.fixture
def settings_overrides(llm_server_module: LLMServer) -> dict[str, object]:
    return llm_settings(llm_server_module)


@pytest.fixture
async def llm(settings: Settings) -> AsyncIterator[LLMClient]:
    retry = RetryPolicy(max_retries=0, backoff_seconds=0.01, max_backoff_seconds=0.05)
    async with LLMClient(settings, cache=MemoryCache(ttl_seconds=60), retry=retry) as client:
        yield client


class TestWithLLM:
    async def test_invented_numbers_are_removed_and_counted(
        self, llm: LLMClient, llm_server: LLMServer, app: Any
    ) -> None:
        llm_server.responder = lambda body: Reply(content=ANSWER)
        figures = await evaluate_llm(llm, load_pairs()[:4])
        assert figures["letters"] == 4 and figures["fallbacks"] == 0
        assert figures["removed_sentences"] == 8 and figures["removed_by_kind"] == {"metric": 8}
        assert figures["sentences_by_source"] == {"llm": 20}  # greeting, talk, thanks, sign-off, name: uncited

    def test_the_command_asks_the_configured_llm(self, tmp_path: Path, llm_server: LLMServer) -> None:
        llm_server.responder = lambda body: Reply(content=ANSWER)
        env = {"LLM_PROVIDER": "groq", "LLM_BASE_URL": llm_server.url, "LLM_API_KEY": "test-key",
               "LLM_MAX_RETRIES": "0", "LLM_DAILY_TOKEN_BUDGET": "0"}  # fmt: skip
        r = run(["eval", "content", "--limit", "3"], tmp_path, **env)
        assert r.returncode == 0, r.stderr
        out = json.loads(r.stdout)["llm"]
        assert out["configured"] is True and out["letters"] == 3
        assert out["removed_sentences"] == 6 and out["removed_by_kind"] == {"metric": 6}
        assert llm_server.chat_requests == 3
