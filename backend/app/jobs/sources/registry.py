"""Job boards by name. An adapter module registers its class with `@register`; `all_sources()` imports them."""

from __future__ import annotations

import importlib

from app.core.config import Settings
from app.jobs.sources.base import JobSource

ADAPTERS = [
    "greenhouse", "lever", "ashby", "smartrecruiters", "workable", "remotive", "remoteok", "arbeitnow",
    "themuse", "himalayas", "jobicy", "adzuna", "usajobs", "jooble", "hn_whoishiring",
]  # fmt: skip
_REGISTRY: dict[str, type[JobSource]] = {}


def register(cls: type[JobSource]) -> type[JobSource]:
    _REGISTRY[cls.name] = cls
    return cls


def all_sources(settings: Settings | None = None) -> dict[str, JobSource]:
    for name in ADAPTERS:
        try:
            importlib.import_module(f"app.jobs.sources.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.jobs.sources.{name}":
                raise
    return {name: _REGISTRY[name](settings) for name in ADAPTERS if name in _REGISTRY}


def get_source(name: str, settings: Settings | None = None) -> JobSource:
    sources = all_sources(settings)
    if name not in sources:
        raise KeyError(name)
    return sources[name]
