"""A job board is registered in one place, its module: the registry finds every module of the package, and what
the Sources page, link import and the CLI know of a board comes from its class."""

from __future__ import annotations

import importlib
import pkgutil

import app.jobs.sources as package
from app.jobs.sources.registry import ADAPTERS, all_sources


def test_every_board_module_registers_the_board_it_is_named_after() -> None:
    modules = {m.name for m in pkgutil.iter_modules(package.__path__)} - {"base", "http", "normalize", "registry"}
    assert set(ADAPTERS) == modules and len(modules) >= 15
    sources = all_sources()
    assert set(sources) == modules  # no module without a board, no board without its module
    for name in modules:
        module = importlib.import_module(f"app.jobs.sources.{name}")
        assert type(sources[name]).__module__ == module.__name__


def test_company_boards_come_first_and_say_where_a_token_shows() -> None:
    sources = list(all_sources().values())
    kinds = [s.kind for s in sources]
    assert kinds == sorted(kinds, key=lambda k: k != "company")  # company boards, then keyword search
    assert [s.name for s in sources[:3]] == ["greenhouse", "lever", "ashby"]
    for source in sources:
        if source.kind == "company":
            assert source.follow_hint and source.base_url.split("//")[1].split(".")[-2] in source.follow_hint
        assert (source.keys is not None) == source.needs_key  # a keyed board names its variables
    links = {s.name for s in sources if s.job_link is not None}
    assert links == {"greenhouse", "lever", "ashby"}
    greenhouse = all_sources()["greenhouse"].job_link
    assert greenhouse is not None
    found = greenhouse.match("https://boards.greenhouse.io/stripe/jobs/123")
    assert found is not None and (found["company"], found["id"]) == ("stripe", "123")
