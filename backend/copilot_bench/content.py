"""Content generation: offline cover letters and tailored resumes over 50 generated person/job pairs (p50/p95 per
document, word counts, the largest pairwise 6-gram overlap); a realistic two-page resume tailored and exported as
PDF and DOCX in each template; and an LLM letter request against a tiny OpenAI-compatible responder started here on
127.0.0.1: cache miss (streamed) versus cache hit."""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from app.content.export import TEMPLATES, export_document
from app.content.generation import generate, offline_outcome
from app.content.inputs import Inputs, build_inputs
from app.core.cache import MemoryCache
from app.core.config import Settings
from app.core.db import make_engine, make_session_factory
from app.core.migrations import upgrade
from app.llm.client import LLMClient
from app.models.content import DocumentKind
from app.resumes.jsonresume import JsonResume
from copilot_bench.common import ThreadServer, percentiles

PAIRS = 50
LLM_REQUESTS = 30
_NAMES = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Linus Berg", "Amara Okafor", "Chen Wei", "Sofia Rossi"]
_COMPANIES = ["Acme", "Globex", "Initrode", "Hooli", "Umbrella Health", "Northwind", "Fintrail", "Lumen Foods"]
_TITLES = ["Backend Engineer", "Data Engineer", "Platform Engineer", "Frontend Engineer", "Data Analyst"]
_STACKS = [
    ["Python", "Django", "PostgreSQL", "Redis", "Celery", "Docker", "AWS"],
    ["Java", "Spring Boot", "Hibernate", "Apache Kafka", "Kubernetes", "Jenkins", "Oracle"],
    ["TypeScript", "React", "GraphQL", "Jest", "Node.js", "Figma", "Storybook"],
    ["Go", "gRPC", "Terraform", "Kubernetes", "Prometheus", "Grafana", "GCP"],
    ["SQL", "Tableau", "Excel", "Python", "Power BI", "Looker", "dbt"],
]
_DONE = ["Built a billing service with {s} used by {n} teams", "Cut report time by {n}0% using {s}",
         "Moved {n} services onto {s} without downtime", "Led a rewrite in {s} for {n} customers"]  # fmt: skip
_DUTIES = ["Build and run services with {s}", "Improve our {s} setup", "Own the {s} roadmap with the team"]


class _Resume:
    def __init__(self, text: str, sections: dict[str, str], skills: list[str], structure: dict[str, Any]) -> None:
        self.id, self.text, self.sections, self.skills = 0, text, sections, skills
        self.structure = structure


def pairs(n: int, seed: int = 11) -> list[Inputs]:
    """`n` different people and jobs, each sharing at least three skills."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    out = []
    for i in range(n):
        stack = rng.choice(_STACKS)
        have = rng.sample(stack, 5)
        wanted = rng.sample(have, 3) + [s for s in stack if s not in have][:1]
        bullets = [rng.choice(_DONE).format(s=s, n=rng.randint(2, 9)) for s in have]
        experience = "Engineer, Example Co (2019 - 2024)\n" + "\n".join(f"- {b}." for b in bullets)
        sections = {"summary": "Engineer who ships careful, reliable work.", "experience": experience,
                    "skills": ", ".join(have)}  # fmt: skip
        text = "\n\n".join(sections.values())
        structure = {
            "basics": {"name": _NAMES[i % len(_NAMES)], "summary": sections["summary"]},
            "work": [{"name": "Example Co", "position": "Engineer", "startDate": "2019", "endDate": "2024",
                      "highlights": [f"{b}." for b in bullets]}],
            "skills": [{"name": "Skills", "keywords": have}],
        }  # fmt: skip
        out.append(
            build_inputs(
                name=_NAMES[i % len(_NAMES)],
                job_title=rng.choice(_TITLES),
                company=f"{rng.choice(_COMPANIES)} {i}",
                profile_skills=have,
                job_skills=wanted,
                responsibilities=[rng.choice(_DUTIES).format(s=s) for s in wanted],
                resume=_Resume(text, sections, have, structure),  # type: ignore[arg-type]
            )
        )
    return out


def _offline(inputs: list[Inputs]) -> dict[str, Any]:
    results: dict[str, Any] = {"pairs": len(inputs)}
    for kind in (DocumentKind.cover_letter, DocumentKind.tailored_resume):
        offline_outcome(inputs[0], kind, {})  # warm-up: taxonomy and automaton
        samples, words, removed = [], [], 0
        texts = []
        for item in inputs:
            t0 = time.perf_counter()
            outcome = offline_outcome(item, kind, {})
            samples.append((time.perf_counter() - t0) * 1000)
            words.append(len(outcome.content.split()))
            removed += len(outcome.report["removed"])
            texts.append(outcome.content)
        entry: dict[str, Any] = {**percentiles(samples), "words_min": min(words), "words_max": max(words)}
        entry["guard_removals"] = removed
        if kind == DocumentKind.cover_letter:
            grams = [_six_grams(t) for t in texts[:10]]
            entry["six_gram_pairwise_max"] = round(
                max(len(a & b) / len(a) for a, b in itertools.permutations(grams, 2)), 3
            )
        results[kind.value] = entry
    return results


REALISTIC_RESUME: dict[str, Any] = {
    "basics": {
        "name": "Sofia Rossi", "label": "Senior Data Engineer", "email": "sofia.rossi@example.com",
        "phone": "+39 02 555 0142", "url": "https://sofiarossi.example.com",
        "location": {"city": "Milan", "countryCode": "IT"},
        "profiles": [{"network": "LinkedIn", "url": "https://www.linkedin.com/in/sofia-rossi-example"}],
        "summary": "Data engineer who builds the pipelines and warehouses that finance and retail teams report from. "
        "Comfortable owning a platform end to end, from ingestion to the dashboards people open each morning.",
    },
    "work": [
        {"name": "Verde Retail Group", "position": "Senior Data Engineer", "location": "Milan", "startDate": "2021-04",
         "highlights": [
             "Designed the Airflow and dbt pipeline that loads 40 million sales rows a night into Snowflake.",
             "Cut warehouse spend by 35% by partitioning the largest tables and scheduling heavy jobs off-peak.",
             "Led a team of four engineers through the move from on-premise SQL Server to Snowflake.",
             "Wrote the data contracts that let store systems change without breaking reports.",
             "Built Python data-quality checks that stop a bad load before anyone sees it.",
             "Ran the on-call rotation and halved the pages in a year by fixing the noisiest alerts.",
             "Mentored two analysts into engineering roles.",
         ]},
        {"name": "Lumen Foods", "position": "Data Engineer", "location": "Bologna", "startDate": "2018-02",
         "endDate": "2021-03",
         "highlights": [
             "Moved nightly Excel reports into SQL models and Tableau dashboards read by 40 managers.",
             "Streamed point-of-sale events through Apache Kafka into PostgreSQL for same-day stock figures.",
             "Automated supplier invoice matching in Python, saving the finance team two days a month.",
             "Introduced code review and tests for every pipeline change.",
             "Documented the warehouse so new analysts could answer their own questions.",
             "Containerised the batch jobs with Docker and ran them on AWS.",
         ]},
        {"name": "Quantia Labs", "position": "Business Intelligence Analyst", "location": "Bologna",
         "startDate": "2015-09", "endDate": "2018-01",
         "highlights": [
             "Built Power BI reports for twelve clients in retail and logistics.",
             "Wrote SQL that replaced a week of manual spreadsheet work each quarter.",
             "Ran workshops that taught client teams to read their own dashboards.",
             "Cleaned and merged customer data from five CRMs with Pandas.",
         ]},
        {"name": "University of Bologna", "position": "Research Assistant", "startDate": "2014-01",
         "endDate": "2015-07",
         "highlights": [
             "Modelled regional sales data in R for a study on seasonal demand.",
             "Co-wrote two papers on forecasting with sparse data.",
         ]},
    ],
    "education": [
        {"institution": "University of Bologna", "studyType": "Master", "area": "Statistics", "startDate": "2012",
         "endDate": "2014"},
        {"institution": "University of Bologna", "studyType": "Bachelor", "area": "Economics", "startDate": "2009",
         "endDate": "2012"},
    ],
    "skills": [
        {"name": "Languages", "keywords": ["Python", "SQL", "R"]},
        {"name": "Data platforms", "keywords": ["Snowflake", "PostgreSQL", "SQL Server", "Apache Kafka"]},
        {"name": "Pipelines", "keywords": ["Airflow", "dbt", "Docker"]},
        {"name": "Reporting", "keywords": ["Tableau", "Power BI", "Excel"]},
        {"name": "Cloud", "keywords": ["AWS"]},
    ],
    "projects": [
        {"name": "Open grocery prices", "description": "A public dataset of Italian grocery prices.",
         "highlights": ["Scrapes 30,000 prices a week with Python and publishes them as Parquet."],
         "keywords": ["Python", "Parquet"]},
    ],
    "certificates": [{"name": "SnowPro Core", "issuer": "Snowflake", "date": "2022-06"}],
    "languages": [{"language": "Italian", "fluency": "Native"}, {"language": "English", "fluency": "Fluent"}],
}  # fmt: skip


def realistic_inputs() -> Inputs:
    """A two-page resume (four roles, 19 bullets) and a data-engineering posting that shares half its skills."""
    inputs = build_inputs(
        name="Sofia Rossi",
        job_title="Data Platform Engineer",
        company="Helio Search",
        profile_skills=["Python", "SQL", "Snowflake", "dbt", "Airflow"],
        job_skills=["Python", "dbt", "Snowflake", "Apache Kafka", "Terraform", "Kubernetes"],
        responsibilities=[
            "Own our dbt models and Snowflake warehouse",
            "Build streaming pipelines with Kafka",
            "Keep data quality high with automated checks",
            "Run the platform on Kubernetes",
        ],
    )
    inputs.structure = JsonResume.model_validate(REALISTIC_RESUME)
    return inputs


def _tailored(rounds: int = 30) -> dict[str, Any]:
    """Tailoring one realistic resume (guard included) and exporting the result, per template and format."""
    inputs = realistic_inputs()
    outcome = offline_outcome(inputs, DocumentKind.tailored_resume, {})  # warm-up
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        outcome = offline_outcome(inputs, DocumentKind.tailored_resume, {})
        samples.append((time.perf_counter() - t0) * 1000)
    bullets = sum(len(w.highlights) for w in inputs.structure.work)
    result: dict[str, Any] = {"tailor": percentiles(samples), "bullets": bullets, "words": len(outcome.content.split())}
    for fmt in ("pdf", "docx"):
        for template in TEMPLATES:
            export_document(fmt, "Tailored resume", outcome.content, template)  # warm-up: fonts
            samples = []
            for _ in range(rounds):
                t0 = time.perf_counter()
                data = export_document(fmt, "Tailored resume", outcome.content, template)
                samples.append((time.perf_counter() - t0) * 1000)
            result[f"{fmt}_{template}"] = {**percentiles(samples), "kb": round(len(data) / 1024, 1)}
    return result


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


LETTER = " ".join(["Dear team, I am applying for this role and would be glad to talk."] * 20)


class StandIn:
    """A tiny OpenAI-compatible Chat Completions server on 127.0.0.1, in a thread (`with StandIn() as llm:`).

    A streamed request gets `words` as the providers send them: a role chunk, one chunk per word (`interval_s`
    apart), stop, usage, [DONE]. Any other request gets the JSON answer {"skills": [], "responsibilities": []},
    which is what the app's structured calls around a letter (skill extraction) accept. It counts the streams
    open now, the most open at once and the streams finished."""

    def __init__(self, words: list[str] | None = None, interval_s: float = 0.0) -> None:
        self.words = words if words is not None else LETTER.split(" ")
        self.interval_s = interval_s
        self.streams_open = self.streams_max = self.streams_done = 0
        self._server = ThreadServer(Starlette(routes=[Route("/v1/chat/completions", self._chat, methods=["POST"])]))

    @property
    def url(self) -> str:
        return f"{self._server.url}/v1"

    def __enter__(self) -> StandIn:
        self._server.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.stop()

    async def _chat(self, request: Request) -> Response:
        body = await request.json()
        model = body.get("model") or "bench-model"
        if not body.get("stream"):
            answer = json.dumps({"skills": [], "responsibilities": []})
            choice = {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": answer}}
            usage = {"prompt_tokens": 300, "completion_tokens": 10, "total_tokens": 310}
            return JSONResponse(
                {"id": "bench", "object": "chat.completion", "created": 0, "model": model, "choices": [choice],
                 "usage": usage}
            )  # fmt: skip

        def chunk(delta: dict[str, Any], finish: str | None = None, usage: dict[str, int] | None = None) -> bytes:
            choices = [] if usage else [{"index": 0, "delta": delta, "finish_reason": finish}]
            data = {"id": "bench", "object": "chat.completion.chunk", "created": 0, "model": model,
                    "choices": choices, "usage": usage}  # fmt: skip
            return f"data: {json.dumps(data)}\n\n".encode()

        async def events() -> AsyncIterator[bytes]:
            self.streams_open += 1
            self.streams_max = max(self.streams_max, self.streams_open)
            try:
                yield chunk({"role": "assistant", "content": ""})
                for word in self.words:
                    if self.interval_s:
                        await asyncio.sleep(self.interval_s)
                    yield chunk({"content": word + " "})
                yield chunk({}, "stop")
                yield chunk(
                    {},
                    usage={
                        "prompt_tokens": 300,
                        "completion_tokens": len(self.words),
                        "total_tokens": 300 + len(self.words),
                    },
                )
                yield b"data: [DONE]\n\n"
                self.streams_done += 1
            finally:
                self.streams_open -= 1

        return StreamingResponse(events(), media_type="text/event-stream")


async def _llm(workdir: Path, inputs: list[Inputs]) -> dict[str, Any]:
    with StandIn() as llm:
        settings = Settings(
            _env_file=None,
            database_url=f"sqlite:///{workdir / 'content-bench.db'}",
            copilot_data_dir=workdir,
            secret_key="bench-secret-" + "x" * 32,
            llm_provider="custom",
            llm_model="bench-model",
            llm_base_url=llm.url,
            llm_daily_token_budget=0,
            log_level="WARNING",
        )
        await asyncio.to_thread(upgrade, settings)
        engine = make_engine(settings)
        miss: list[float] = []
        hit: list[float] = []
        try:
            async with LLMClient(
                settings, sessions=make_session_factory(engine), cache=MemoryCache(ttl_seconds=600)
            ) as client:
                for item in inputs[:LLM_REQUESTS]:
                    for bucket in (miss, hit):
                        t0 = time.perf_counter()
                        outcome = await generate(client, item, DocumentKind.cover_letter, {}, user_id=None)
                        bucket.append((time.perf_counter() - t0) * 1000)
                        if outcome.provider != "custom":
                            raise RuntimeError(f"LLM bench fell back to {outcome.provider}: {outcome.report}")
        finally:
            await engine.dispose()
        return {"requests": len(miss), "miss": percentiles(miss), "hit": percentiles(hit)}


async def bench_content(workdir: Path) -> dict[str, Any]:
    inputs = pairs(PAIRS)
    results = await asyncio.to_thread(_offline, inputs)
    results["tailored_resume_realistic"] = await asyncio.to_thread(_tailored)
    results["llm_cache"] = await _llm(workdir, inputs)
    return results
