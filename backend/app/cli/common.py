"""What every `copilot` command shares: failing with a one-line message and exit code 2 (bad input) or 1, the
settings (a configuration error is such a message, not a traceback), and one unit of work in a session."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import typer

if TYPE_CHECKING:  # settings (pydantic-settings) load when a command needs them, not for `--help`
    from app.core.config import Settings

T = TypeVar("T")


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def settings() -> Settings:
    from pydantic import ValidationError

    from app.core.config import get_settings
    from app.llm.providers import check_provider_setting

    try:
        loaded = get_settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]).upper()
        fail(f"bad configuration: {field}: {err['msg'].removeprefix('Value error, ')}")
        raise  # unreachable, keeps type checkers happy
    try:
        check_provider_setting(loaded.llm_provider)
    except ValueError as exc:
        fail(f"bad configuration: {exc}")
    return loaded


def run(settings: Settings, work: Callable[[Any], Awaitable[T]]) -> T:
    """Run one unit of work in a session that commits on success."""
    from app.core.db import make_engine, make_session_factory, session_scope

    async def main() -> T:
        engine = make_engine(settings)
        try:
            async with session_scope(make_session_factory(engine)) as session:
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(main())
