"""Every model, imported so Alembic and `Base.metadata` see all tables."""

from app.models.analytics import AnalyticsSnapshot
from app.models.application import Application, ApplicationEvent, ApplicationStatus
from app.models.base import Base
from app.models.content import DocumentKind, DocumentVersion, GeneratedDocument, GenerationStatus
from app.models.data import DataExport
from app.models.interview import InterviewAnswer, InterviewSession
from app.models.job import JobPosting, JobPostingSkill, JobRequirements, RemoteType, SalaryPeriod
from app.models.llm import AIProviderSetting, AuditEvent, LLMCall
from app.models.mail import OutboxMessage, SummaryDelivery
from app.models.notification import Notification
from app.models.oauth import OAuthAccount, OAuthFlow
from app.models.progress import Achievement
from app.models.resume import Resume, ResumeStatus
from app.models.sources import FollowedCompany, JobMatch, JobSource, JobSourceRecord, SavedSearch, SourceState
from app.models.task import TaskRun, WorkerSeen
from app.models.user import RefreshToken, SkillSource, User, UserSkill

__all__ = [
    "AIProviderSetting",
    "Achievement",
    "AnalyticsSnapshot",
    "Application",
    "ApplicationEvent",
    "ApplicationStatus",
    "AuditEvent",
    "Base",
    "DataExport",
    "DocumentKind",
    "DocumentVersion",
    "FollowedCompany",
    "GeneratedDocument",
    "GenerationStatus",
    "InterviewAnswer",
    "InterviewSession",
    "JobMatch",
    "JobPosting",
    "JobPostingSkill",
    "JobRequirements",
    "JobSource",
    "JobSourceRecord",
    "LLMCall",
    "Notification",
    "OAuthAccount",
    "OAuthFlow",
    "OutboxMessage",
    "RefreshToken",
    "RemoteType",
    "Resume",
    "ResumeStatus",
    "SalaryPeriod",
    "SavedSearch",
    "SkillSource",
    "SourceState",
    "SummaryDelivery",
    "TaskRun",
    "User",
    "UserSkill",
    "WorkerSeen",
]
