"""The `copilot` command (docs/design.md §6). Exit codes: 0 success, 1 runtime failure, 2 bad input."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from app.cli.ai import eval_cli, resume_cli, skills_cli
from app.cli.common import fail, run
from app.cli.common import settings as load_settings
from app.match.cli import match_cli

cli = typer.Typer(
    help="Career Copilot: a self-hosted job-search copilot.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help and errors: rich's formatting costs ~0.13 s of every command's start (docs/performance.md).
    rich_markup_mode=None,
)

users_cli = typer.Typer(help="Manage accounts.", no_args_is_help=True, rich_markup_mode=None)
cli.add_typer(users_cli, name="users")
sources_cli = typer.Typer(help="Job boards.", no_args_is_help=True, rich_markup_mode=None)
cli.add_typer(sources_cli, name="sources")


@cli.callback()
def _configure() -> None:
    """Logs go to stderr so that commands printing JSON keep stdout clean."""
    from app.core.logging import configure_logging

    configure_logging("WARNING")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    reload: Annotated[bool, typer.Option(help="Reload on code changes (development)")] = False,
) -> None:
    """Serve the web app and API."""
    import uvicorn

    from app.core.logging import configure_logging

    settings = load_settings()
    configure_logging(settings.log_level, settings.log_format)
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        log_config=None,
        access_log=False,
    )


@cli.command()
def worker(
    concurrency: Annotated[int | None, typer.Option(help="Worker threads (default WORKER_CONCURRENCY)")] = None,
    loglevel: Annotated[str, typer.Option(help="Celery log level")] = "INFO",
    metrics_port: Annotated[
        int | None, typer.Option(help="Serve Prometheus metrics on this port (default WORKER_METRICS_PORT)")
    ] = None,
) -> None:
    """Run a Celery worker (scaled mode: needs REDIS_URL)."""
    from app.core.logging import configure_logging
    from app.tasks.celery_app import configure_celery

    settings = load_settings()
    if not settings.redis_url:
        fail("copilot worker needs REDIS_URL (without it `copilot serve` runs the worker itself)")
    configure_logging(settings.log_level, settings.log_format)
    app = configure_celery(settings)
    port = metrics_port or settings.worker_metrics_port
    if port:
        from app.core.metrics import serve_worker_metrics

        try:
            serve_worker_metrics(port, settings.worker_metrics_host)
        except OSError as exc:
            fail(f"cannot serve metrics on {settings.worker_metrics_host}:{port}: {exc}", code=1)
    argv = ["worker", "--pool=threads", f"--concurrency={concurrency or settings.worker_concurrency}"]
    app.worker_main([*argv, f"--loglevel={loglevel}", "--without-mingle", "--without-gossip", "-n", "worker@%h"])


@cli.command()
def beat(loglevel: Annotated[str, typer.Option(help="Celery log level")] = "INFO") -> None:
    """Run the scheduler that enqueues periodic tasks (scaled mode: run exactly one)."""
    from app.core.logging import configure_logging
    from app.tasks.celery_app import configure_celery

    settings = load_settings()
    if not settings.redis_url:
        fail("copilot beat needs REDIS_URL (without it `copilot serve` runs the scheduler itself)")
    configure_logging(settings.log_level, settings.log_format)
    app = configure_celery(settings)
    app.start(["beat", f"--loglevel={loglevel}"])


@cli.command()
def migrate(revision: Annotated[str, typer.Argument(help="Target revision")] = "head") -> None:
    """Bring the database schema up to date."""
    from app.core.migrations import upgrade

    settings = load_settings()
    try:
        upgrade(settings, revision)
    except Exception as exc:
        fail(f"migration failed: {exc}", 1)
    typer.echo(f"database at {revision} ({settings.async_database_url.split('://', 1)[0]})")


@cli.command()
def demo() -> None:
    """Load a demo account (demo@example.com / demo-password) with jobs and applications; replaces an old one."""
    from app.demo import load_demo

    summary = run(load_settings(), load_demo)
    typer.echo(
        f"demo account ready: {summary.email} / {summary.password} "
        f"({summary.jobs} jobs, {summary.applications} applications, {summary.events} status changes)"
    )


@cli.command()
def openapi() -> None:
    """Print the OpenAPI schema (the source of the frontend's generated client)."""
    from app.main import create_app

    schema = create_app(load_settings()).openapi()
    typer.echo(json.dumps(schema, indent=2, sort_keys=False))


def _benchmarks(module: str) -> Any:
    """A module of the benchmarks, which live beside the app in a checkout (`backend/copilot_bench`), not in the
    installed package."""
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("copilot_bench"):
            raise
        fail("the benchmarks come with a checkout of the repository (backend/copilot_bench), not with the package", 1)
        raise  # unreachable


@cli.command()
def bench(only: Annotated[str | None, typer.Option(help="Run one benchmark by name")] = None) -> None:
    """Run the benchmarks and print one JSON object of figures."""
    benchmarks = _benchmarks("copilot_bench")
    try:
        figures = asyncio.run(benchmarks.run_benchmarks(only))
    except KeyError as exc:
        fail(f"unknown benchmark {exc}")
        return
    typer.echo(json.dumps(figures, indent=2))


@cli.command()
def loadtest(
    users: Annotated[int, typer.Option(help="Simulated users", min=1)] = 200,
    postings: Annotated[int, typer.Option(help="Postings in the generated catalogue", min=1000)] = 1_000_000,
    seconds: Annotated[float, typer.Option(help="Steady-state seconds after the ramp-up", min=1)] = 120,
    ramp: Annotated[float, typer.Option(help="Seconds over which the users arrive", min=0)] = 30,
) -> None:
    """Load-test two web processes and a worker on PostgreSQL + Redis; print the figures as JSON."""
    load = _benchmarks("copilot_bench.loadtest")
    try:
        report = asyncio.run(load.run_loadtest(users, postings, seconds, ramp))
    except load.Unavailable as exc:
        fail(str(exc), 1)
        return
    typer.echo(json.dumps(report, indent=2))


@cli.command()
def backup(file: Annotated[Path, typer.Argument(help="Where to write the backup ZIP")]) -> None:
    """Back up the database (SQLite backup API or pg_dump) and uploads into one file, consistently."""
    from app.data.backup import BackupError, create_backup

    settings = load_settings()
    try:
        info = create_backup(settings, file)
    except (BackupError, OSError) as exc:
        fail(f"backup failed: {exc}", 1)
        return
    typer.echo(f"backup written to {info.path} ({info.size_bytes} bytes, {info.dialect}, schema {info.revision})")


@cli.command()
def restore(file: Annotated[Path, typer.Argument(help="A backup ZIP made by `copilot backup`")]) -> None:
    """Replace the database and uploads with a backup's (stop the app first). Refuses damaged, foreign or
    newer-schema files without changing anything; the current data is first saved to <data>/backups."""
    from app.data.backup import BackupError, RestoreRefused, create_backup, inspect_backup, restore_backup

    settings = load_settings()
    try:
        inspect_backup(settings, file)
        safety = create_backup(settings, settings.backups_dir / f"pre-restore-{int(time.time())}.zip")
        manifest = restore_backup(settings, file)
    except RestoreRefused as exc:
        fail(f"restore refused: {exc}")
        return
    except (BackupError, OSError) as exc:
        fail(f"restore failed: {exc}", 1)
        return
    if settings.redis_url:  # a restore changes everything under every cached answer: start the generations afresh
        from app.core.cache import process_cache

        asyncio.run(process_cache(settings.redis_url).bump("catalogue", "users"))
    typer.echo(f"restored {file} (made {manifest['created_at']}); the previous data is kept in {safety.path}")


@cli.command()
def ingest(
    user: Annotated[str | None, typer.Option(help="Only this user's saved searches and companies (email)")] = None,
    source: Annotated[list[str] | None, typer.Option(help="Only these boards (repeatable)")] = None,
) -> None:
    """Run ingest_jobs now, inline, and print a per-source summary as JSON."""
    from contextlib import asynccontextmanager

    from app.auth import repository
    from app.core.db import make_engine, make_session_factory, session_scope
    from app.core.events import flush_events, make_bus
    from app.jobs.ingest import run_ingest
    from app.jobs.scraper_service import JobScraperService
    from app.match.discover import score_new

    settings = load_settings()
    unknown = [s for s in source or [] if s not in JobScraperService(settings).sources]
    if unknown:
        fail(f"unknown source {unknown[0]} (see `copilot sources list`)")

    async def main() -> dict[str, Any]:
        engine = make_engine(settings)
        factory = make_session_factory(engine)
        bus = make_bus(settings.redis_url)

        @asynccontextmanager
        async def unit() -> Any:
            async with session_scope(factory) as session:
                yield session
            await flush_events(session, bus)

        try:
            user_id = None
            if user:
                async with factory() as session:
                    found = await repository.get_by_email(session, user)
                if found is None:
                    return {"error": f"no account with email {user}"}
                user_id = found.id
            summary = await run_ingest(
                unit,
                JobScraperService(settings),
                settings.match_threshold,
                match=score_new,
                user_id=user_id,
                only=source or None,
            )
            return {"sources": summary.sources, "created": summary.created, "merged": summary.merged,
                    "updated": summary.updated, "matches": summary.matches}  # fmt: skip
        finally:
            await engine.dispose()

    result = asyncio.run(main())
    if "error" in result:
        fail(str(result["error"]))
    typer.echo(json.dumps(result, indent=2, default=str))


@sources_cli.command("list")
def sources_list() -> None:
    """Every board: enabled or not, keys configured or missing."""
    from app.jobs.sources.registry import all_sources

    settings = load_settings()
    for name, s in all_sources(settings).items():
        state = "disabled" if name in settings.sources_disabled else ("enabled" if s.configured() else "needs a key")
        typer.echo(f"{name:16} {s.kind:8} {state:12} {s.label}")


@sources_cli.command("parse")
def sources_parse(
    name: Annotated[str, typer.Argument(help="Source name, e.g. greenhouse")],
    file: Annotated[Path, typer.Argument(help="A saved response of that board's list endpoint (JSON)")],
    company: Annotated[str | None, typer.Option(help="Company token, for company boards")] = None,
) -> None:
    """Print the normalised jobs of a saved response as a JSON array (no network)."""
    from app.jobs.sources.base import SourceError, SourceQuery
    from app.jobs.sources.registry import get_source

    try:
        source = get_source(name, load_settings())
    except KeyError:
        fail(f"unknown source {name} (see `copilot sources list`)")
        return
    try:
        payload = json.loads(file.read_text())
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}")
        return
    except ValueError:
        fail(f"{file} is not JSON")
        return
    try:
        jobs = source.parse(payload, SourceQuery(company=company))
    except SourceError as exc:
        fail(str(exc))
        return
    typer.echo(json.dumps([j.as_json() for j in jobs], indent=2, ensure_ascii=False))


@users_cli.command("promote")
def users_promote(email: str) -> None:
    """Make an account an administrator."""
    from app.auth import repository

    async def work(session: Any) -> bool:
        user = await repository.get_by_email(session, email)
        if user is None:
            return False
        user.is_admin = True
        return True

    if not run(load_settings(), work):
        fail(f"no account with email {email}")
    typer.echo(f"{email.lower()} is now an administrator")


@users_cli.command("reset-password")
def users_reset_password(email: str) -> None:
    """Print a password reset link for an account (for servers that send no email)."""
    from app.auth import repository, service

    settings = load_settings()

    async def work(session: Any) -> str | None:
        user = await repository.get_by_email(session, email)
        return service.reset_link(settings, user) if user is not None else None

    link = run(settings, work)
    if link is None:
        fail(f"no account with email {email}")
    minutes = settings.password_reset_ttl_seconds // 60
    typer.echo(link)
    typer.echo(f"(valid for {minutes} minutes, once; send it to the account's owner)", err=True)


cli.add_typer(skills_cli, name="skills")
cli.add_typer(resume_cli, name="resume")
cli.add_typer(eval_cli, name="eval")
cli.add_typer(match_cli, name="match")


def main() -> None:
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
