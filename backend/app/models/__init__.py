"""Every model, imported so Alembic and `Base.metadata` see all tables."""

from app.models.base import Base
from app.models.user import RefreshToken, SkillSource, User, UserSkill

__all__ = ["Base", "RefreshToken", "SkillSource", "User", "UserSkill"]
