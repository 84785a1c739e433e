"""The streaming benchmark: its LLM stand-in, and a short run of the bench itself on SQLite (the default install)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest

from app.core.config import Settings
from copilot_bench import streaming
from copilot_bench.content import StandIn


async def test_the_stand_in_streams_word_by_word_and_counts_its_streams() -> None:
    with StandIn(["Dear", "team,", "hello."], interval_s=0.05) as llm:
        async with httpx.AsyncClient(base_url=llm.url) as c:
            start = time.perf_counter()
            pieces = []
            async with c.stream("POST", "/chat/completions", json={"model": "m", "stream": True}) as r:
                async for line in r.aiter_lines():
                    if line.startswith("data: {"):
                        for choice in json.loads(line[6:])["choices"]:
                            pieces.append(choice["delta"].get("content"))
            assert time.perf_counter() - start >= 0.15
            assert [p for p in pieces if p] == ["Dear ", "team, ", "hello. "]
            assert (llm.streams_open, llm.streams_max, llm.streams_done) == (0, 1, 1)
            answer = (await c.post("/chat/completions", json={"model": "m"})).json()
            assert json.loads(answer["choices"][0]["message"]["content"]) == {"skills": [], "responsibilities": []}


async def test_a_short_run_on_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "IDLE_WRITES", 20)
    words = 20  # 2 s streams
    with StandIn(streaming.LETTER.split(" ")[:words], interval_s=0.1) as llm:
        settings = Settings(
            _env_file=None, database_url=f"sqlite:///{tmp_path / 'bench.db'}", llm_base_url=llm.url,
            **streaming.settings_for(tmp_path),
        )  # fmt: skip
        figures = await streaming._measure(settings, llm)
    assert figures["letters"]["ready"] == 3 and figures["letters"]["streams_open_max"] == 3
    assert figures["letters"]["deltas_received"] == [words] * 3
    assert figures["writes_idle"]["n"] == 20 and figures["writes_while_streaming"]["n"] > 0
    # A transaction held while the model streams would last as long as the stream (2 s).
    assert figures["worker_transactions"]["n"] > 0 and figures["worker_transactions"]["longest_ms"] < 1500
