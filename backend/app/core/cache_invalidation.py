"""Cache invalidation on writes, in one place: every SQLAlchemy session collects the tags its writes touch and
bumps their generations right after the commit (before the request answers, so the next request sees it).

What counts as a write, by table (`TRACKED`):

- ORM objects added, changed or deleted (seen in `after_flush`): the row's user (`user:{id}`); a catalogue
  posting (no owner) or a posting's skill rows bump `catalogue`.
- Bulk `insert()`/`update()`/`delete()` through a session (seen in `do_orm_execute`): an INSERT names its users
  in its parameters; for an UPDATE or DELETE the users are read first with the statement's own WHERE clause, so
  the set is exactly the rows it will touch. When that is impossible (or too many users), `users` is bumped,
  which every per-user key also carries.

Not seen: raw SQL through `text()` or a bare connection, and writes by other programs (a restore). Those rely on
the TTL of each family (minutes), or a restart of an in-process cache."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import structlog
from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql.dml import Delete, Insert, Update
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.util import await_only

log = structlog.get_logger(__name__)

CATALOGUE = "catalogue"
ALL_USERS = "users"
_PENDING = "cache_tags"
_MAX_USERS = 500  # a bulk statement touching more users than this invalidates everyone instead

# table -> the column that names the user the row belongs to
TRACKED = {
    "application": "user_id",
    "application_event": "user_id",
    "user_skill": "user_id",
    "achievement": "user_id",
    "user": "id",
    "job_posting": "owner_id",  # no owner: the shared catalogue
    "job_posting_skill": None,  # always the catalogue (the posting's owner is not on the row)
}


def user_tag(user_id: int) -> str:
    return f"user:{user_id}"


def user_tags(user_id: int) -> list[str]:
    """Every tag a per-user key carries."""
    return [user_tag(user_id), ALL_USERS]


def _tags_for(table: str, owners: Iterable[Any]) -> set[str]:
    tags: set[str] = set()
    for owner in owners:
        if owner is None or TRACKED[table] is None:
            tags.add(CATALOGUE)
        else:
            tags.add(user_tag(int(owner)))
    return tags


def _pending(session: Session) -> set[str]:
    found: set[str] = session.info.setdefault(_PENDING, set())
    return found


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    tags = _pending(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table in TRACKED:
            column = TRACKED[table]
            tags |= _tags_for(table, [getattr(obj, column) if column else None])


def _on_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if not isinstance(statement, Insert | Update | Delete):
        return
    table = getattr(statement.table, "name", None)
    if table not in TRACKED:
        return
    column = TRACKED[table]
    tags = _pending(state.session)
    if column is None:
        tags.add(CATALOGUE)
        return
    values = {getattr(k, "key", k): v for k, v in (getattr(statement, "_values", None) or {}).items()}
    if isinstance(statement, Insert):
        params: Any = state.parameters
        rows: list[Any] = params if isinstance(params, list) else [params or {}]
        if column in values and isinstance(values[column], BindParameter):  # insert(...).values(user_id=...)
            tags |= _tags_for(table, [values[column].value])
        elif rows and all(isinstance(r, dict) and column in r for r in rows):
            tags |= _tags_for(table, {r[column] for r in rows})
        else:
            tags |= {ALL_USERS, CATALOGUE}
        return
    if column in values:
        tags |= {ALL_USERS, CATALOGUE}  # the statement moves rows between users
        return
    lookup = select(statement.table.c[column]).distinct().limit(_MAX_USERS + 1)
    if statement.whereclause is not None:
        lookup = lookup.where(statement.whereclause)
    owners = state.session.execute(lookup, state.parameters or {}).scalars().all()
    if len(owners) > _MAX_USERS:
        tags |= {ALL_USERS, CATALOGUE}
    else:
        tags |= _tags_for(table, owners)


def _after_commit(session: Session) -> None:
    tags = session.info.pop(_PENDING, None)
    if not tags:
        return
    from app.core import cache

    cache.bump_in_memory(tags)
    targets = cache.redis_caches()
    if not targets:
        url = _configured_redis()
        targets = [c for c in [cache.process_cache(url)] if isinstance(c, cache.RedisCache)] if url else []
    for target in targets:
        bump = target.bump(*tags)
        try:
            # Inside an AsyncSession the hook runs in SQLAlchemy's greenlet: wait for Redis before commit returns.
            await_only(bump)
        except Exception:
            bump.close()
            try:
                asyncio.get_running_loop().create_task(target.bump(*tags))
            except RuntimeError:
                target._lost(tags)  # no loop here: bumped with the next Redis call of this process


def _configured_redis() -> str | None:
    from app.core.config import get_settings

    try:
        return get_settings().redis_url
    except Exception:
        return None


_installed = False


def install() -> None:
    """Listen on every session of the process (idempotent)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "do_orm_execute", _on_execute)
    event.listen(Session, "after_commit", _after_commit)
    _installed = True
