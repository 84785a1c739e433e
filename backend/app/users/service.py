"""Profiles: the user's basics and skills."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.exceptions import NotFound
from app.models.user import SkillSource, User, UserSkill
from app.users import repository
from app.users.schemas import ProfileUpdate, SkillIn


class UserNotFound(NotFound):
    code = "user_not_found"


async def get_profile(session: AsyncSession, user_id: int) -> User:
    user = await repository.get_with_skills(session, user_id)
    if user is None:
        raise UserNotFound("No such user.")
    return user


async def update_profile(session: AsyncSession, user_id: int, data: ProfileUpdate) -> User:
    user = await get_profile(session, user_id)
    for field, value in data.model_dump(exclude_unset=True).items():
        if value is not None:
            setattr(user, field, value)
    if data.min_salary == 0:  # 0 clears the floor
        user.min_salary = None
    await session.flush()
    return user


def _clean_skill_name(name: str) -> str:
    return " ".join(name.split())


async def replace_skills(session: AsyncSession, user_id: int, skills: list[SkillIn]) -> User:
    """Make the user's skills exactly this list: names deduplicated case-insensitively, sources kept."""
    user = await get_profile(session, user_id)
    wanted: dict[str, SkillIn] = {}
    for skill in skills:
        name = _clean_skill_name(skill.name)
        if name and name.lower() not in wanted:
            wanted[name.lower()] = SkillIn(name=name, level=skill.level)
    existing = {s.name.lower(): s for s in user.skills}
    for key, row in existing.items():
        if key not in wanted:
            user.skills.remove(row)
    for key, skill in wanted.items():
        current = existing.get(key)
        if current is None:
            user.skills.append(UserSkill(name=skill.name, level=skill.level, source=SkillSource.manual))
        else:
            current.name, current.level = skill.name, skill.level
    await session.flush()
    user.skills.sort(key=lambda s: s.name.lower())
    return user


async def merge_skills(session: AsyncSession, user_id: int, names: list[str], source: SkillSource) -> User:
    """Add these skills to the profile with `source`; skills it already has (any case) are left as they are."""
    user = await get_profile(session, user_id)
    have = {s.name.lower() for s in user.skills}
    for raw in names:
        name = _clean_skill_name(raw)[:80]
        if name and name.lower() not in have:
            have.add(name.lower())
            user.skills.append(UserSkill(name=name, source=source))
    await session.flush()
    user.skills.sort(key=lambda s: s.name.lower())
    return user
