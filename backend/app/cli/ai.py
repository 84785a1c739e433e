"""`copilot skills extract`, `copilot resume parse` and `copilot eval content` (docs/design.md §6): the AI core from the
command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from app.cli.common import fail
from app.cli.common import settings as load_settings

skills_cli = typer.Typer(help="Skill extraction.", no_args_is_help=True, rich_markup_mode=None)
resume_cli = typer.Typer(help="Resumes.", no_args_is_help=True, rich_markup_mode=None)
eval_cli = typer.Typer(help="Evaluations over the shipped dev sets.", no_args_is_help=True, rich_markup_mode=None)
Provider = Literal["offline", "llm", "hybrid"]


def _read_text(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    try:
        return Path(file).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}")
        raise


def _extract_many(texts: list[str], kind: Literal["jd", "resume"], provider: str) -> list[dict[str, Any]]:
    """Offline runs without a database; the LLM paths record their calls (and use the cache) like the app does."""
    from app.skills import extract

    if provider == "offline":
        return [_as_json(extract(t, kind), "offline") for t in texts]
    import asyncio

    from sqlalchemy.exc import DBAPIError

    from app.core.db import make_engine, make_session_factory
    from app.llm.client import LLMClient, resolve_provider
    from app.llm.exceptions import LLMError
    from app.llm.service import resolve as resolve_provider_from_env
    from app.llm.skills import extract_hybrid, extract_with_llm

    settings = load_settings()

    async def work() -> list[dict[str, Any]] | None:
        engine = make_engine(settings)
        sessions: Any = make_session_factory(engine)
        try:
            try:
                resolved = await resolve_provider(settings, sessions)
            except DBAPIError:  # no database yet (never migrated): only the environment configures the LLM
                resolved, sessions = resolve_provider_from_env(settings), None
            async with LLMClient(settings, sessions=sessions, resolved=resolved) as client:
                if client.offline:
                    return None
                out = []
                for text in texts:
                    if provider == "hybrid":
                        found, used = await extract_hybrid(client, text, kind, user_id=None)
                    else:
                        found, used = await extract_with_llm(client, text, kind, user_id=None), client.provider
                    out.append(_as_json(found, used))
                return out
        finally:
            await engine.dispose()

    try:
        results = asyncio.run(work())
    except LLMError as exc:
        fail(f"the LLM failed: {exc.message}", 1)
        raise
    if results is None:
        fail(
            "no LLM is configured (Settings → AI provider, or LLM_PROVIDER, LLM_MODEL, LLM_API_KEY); "
            "use --provider offline"
        )
        raise AssertionError("unreachable")
    return results


def _as_json(found: Any, provider: str) -> dict[str, Any]:
    return {"skills": found.skills, "responsibilities": found.responsibilities, "provider": provider}


@skills_cli.command("extract")
def skills_extract(
    file: Annotated[str, typer.Argument(help="A text file, or - for stdin")] = "-",
    kind: Annotated[str, typer.Option(help="jd (job description) or resume")] = "jd",
    provider: Annotated[
        str, typer.Option(help="offline, llm or hybrid (the last two need LLM_* settings)")
    ] = "offline",
    jsonl: Annotated[
        Path | None, typer.Option(help='Lines of {"id", "text"}; prints {"id", "skills"} per line')
    ] = None,
) -> None:
    """Print {"skills": [...], "responsibilities": [...]} for one document, or one line per document of --jsonl."""
    if kind not in ("jd", "resume"):
        fail("--kind must be jd or resume")
    if provider not in ("offline", "llm", "hybrid"):
        fail("--provider must be offline, llm or hybrid")
    doc_kind: Literal["jd", "resume"] = "jd" if kind == "jd" else "resume"
    if jsonl is None:
        result = _extract_many([_read_text(file)], doc_kind, provider)[0]
        typer.echo(json.dumps({"skills": result["skills"], "responsibilities": result["responsibilities"]}))
        return
    ids, texts = [], []
    try:
        lines = jsonl.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        fail(f"cannot read {jsonl}: {exc.strerror}")
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            ids.append(record["id"])
            texts.append(str(record["text"]))
        except (ValueError, KeyError, TypeError):
            fail(f'{jsonl}:{number}: expected a JSON object with "id" and "text"')
    for doc_id, result in zip(ids, _extract_many(texts, doc_kind, provider), strict=True):
        typer.echo(json.dumps({"id": doc_id, "skills": result["skills"]}, ensure_ascii=False))


@resume_cli.command("parse")
def resume_parse(
    files: Annotated[
        list[Path], typer.Argument(help="PDF, DOCX or TXT resumes, or folders of them (read in name order)")
    ],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help='One JSON line per file, with its "file" (the default for several)')
    ] = False,
) -> None:
    """Print {"text", "sections", "skills", "resume"} of a resume file (offline); "resume" is its JSON Resume.

    Several files or a folder: one JSON line per file, {"file", "text", …} or {"file", "error"}, so one unreadable
    file does not stop the rest (exit 1 when any failed)."""
    from app.resumes.parsing import CONTENT_TYPES, ResumeParseError, parse_resume
    from app.resumes.structure import parse_structure
    from app.skills import extract

    suffixes = {f".{kind}" for kind in CONTENT_TYPES}  # pdf, docx, txt

    def parse(path: Path) -> dict[str, Any]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ResumeParseError(f"cannot read {path}: {exc.strerror}", "unreadable") from exc
        parsed = parse_resume(data)
        skills = extract(parsed.text, "resume").skills
        resume = parse_structure(parsed.text, parsed.sections).dump()
        return {"text": parsed.text, "sections": parsed.sections, "skills": skills, "resume": resume}

    paths: list[Path] = []
    for given in files:
        if given.is_dir():
            paths += sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            paths.append(given)
    if len(files) == 1 and not files[0].is_dir() and not jsonl:  # docs/design.md §6: one file, one JSON object
        try:
            out = parse(paths[0])
        except ResumeParseError as exc:
            fail(exc.message)
            return
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    failed = 0
    for path in paths:
        try:
            line: dict[str, Any] = {"file": str(path), **parse(path)}
        except ResumeParseError as exc:
            failed += 1
            line = {"file": str(path), "error": exc.message}
        typer.echo(json.dumps(line, ensure_ascii=False))
    if failed:
        raise typer.Exit(1)


@eval_cli.command("content")
def eval_content(
    data: Annotated[
        Path | None, typer.Option(help="A directory with resumes/*.json and postings/*.json (default: the dev set)")
    ] = None,
    llm: Annotated[bool, typer.Option(help="Also ask the configured LLM (skipped when none is configured)")] = True,
    limit: Annotated[int, typer.Option(help="Pairs sent to the LLM, 0 for all")] = 0,
) -> None:
    """Print JSON figures of cover letters over every resume x posting pair: sources, removals, length, readability."""
    from app.content.evaluate import DATA_DIR, evaluate_offline, load_pairs

    directory = data or DATA_DIR
    if not directory.is_dir():
        fail(f"no such directory: {directory}")
    try:
        pairs = load_pairs(directory)
    except (OSError, ValueError) as exc:
        fail(f"cannot read the set in {directory}: {exc}")
        return
    if not pairs:
        fail(f"{directory} holds no resume x posting pairs")
    out: dict[str, Any] = {"pairs": len(pairs), "offline": evaluate_offline(pairs)}
    out["llm"] = _eval_llm(pairs[:limit] if limit > 0 else pairs) if llm else {"configured": False}
    typer.echo(json.dumps(out, ensure_ascii=False, indent=2))


def _eval_llm(pairs: list[Any]) -> dict[str, Any]:
    """The LLM's letters, checked as the app checks them; {"configured": false} without an LLM."""
    import asyncio

    from sqlalchemy.exc import DBAPIError

    from app.content.evaluate import evaluate_llm
    from app.core.db import make_engine, make_session_factory
    from app.llm.client import LLMClient, resolve_provider
    from app.llm.service import resolve as resolve_provider_from_env

    settings = load_settings()

    async def work() -> dict[str, Any]:
        engine = make_engine(settings)
        sessions: Any = make_session_factory(engine)
        try:
            try:
                resolved = await resolve_provider(settings, sessions)
            except DBAPIError:  # no database yet: only the environment configures the LLM
                resolved, sessions = resolve_provider_from_env(settings), None
            async with LLMClient(settings, sessions=sessions, resolved=resolved) as client:
                if client.offline:
                    return {"configured": False}
                return {"configured": True, **await evaluate_llm(client, pairs)}
        finally:
            await engine.dispose()

    return asyncio.run(work())
