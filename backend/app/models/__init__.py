"""Every model, imported so Alembic and `Base.metadata` see all tables."""

from app.models.application import Application, ApplicationEvent, ApplicationStatus, Notification
from app.models.base import Base
from app.models.job import JobPosting, JobPostingSkill, RemoteType, SalaryPeriod
from app.models.oauth import OAuthAccount, OAuthFlow
from app.models.user import RefreshToken, SkillSource, User, UserSkill

__all__ = [
    "Application",
    "ApplicationEvent",
    "ApplicationStatus",
    "Base",
    "JobPosting",
    "JobPostingSkill",
    "Notification",
    "OAuthAccount",
    "OAuthFlow",
    "RefreshToken",
    "RemoteType",
    "SalaryPeriod",
    "SkillSource",
    "User",
    "UserSkill",
]
