"""Job boards by name. A board is one module in this package whose class registers itself with `@register`: the
registry, the Sources page (keys, token examples), link import (`job_link`) and the CLI all read the class, so
adding a board is adding its module (decision 008)."""

from __future__ import annotations

import importlib
import pkgutil

from app.core.config import Settings
from app.jobs.sources.base import JobSource

_PLUMBING = {"base", "http", "normalize", "registry"}  # modules of this package that are not boards
ADAPTERS = sorted(
    module.name
    for module in pkgutil.iter_modules(importlib.import_module("app.jobs.sources").__path__)
    if module.name not in _PLUMBING
)
_REGISTRY: dict[str, type[JobSource]] = {}


def register(cls: type[JobSource]) -> type[JobSource]:
    _REGISTRY[cls.name] = cls
    return cls


def all_sources(settings: Settings | None = None) -> dict[str, JobSource]:
    """Every board: company boards first (in their `listed` order), then search boards by label."""
    for name in ADAPTERS:
        importlib.import_module(f"app.jobs.sources.{name}")
    classes = sorted(_REGISTRY.values(), key=lambda cls: (cls.kind != "company", cls.listed, cls.label.lower()))
    return {cls.name: cls(settings) for cls in classes}


def get_source(name: str, settings: Settings | None = None) -> JobSource:
    sources = all_sources(settings)
    if name not in sources:
        raise KeyError(name)
    return sources[name]
