"""Settings from the environment (and an optional .env file), with the embedded defaults of docs/design.md §1."""

from __future__ import annotations

import os
import secrets
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]


def to_async_url(url: str) -> str:
    """Map a plain `sqlite:///` or `postgresql://` URL to the async driver SQLAlchemy needs."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise ValueError(f"DATABASE_URL {url!r} is not a URL (expected sqlite:///… or postgresql://…)")
    base = scheme.split("+", 1)[0]
    if base == "sqlite":
        return f"sqlite+aiosqlite://{rest}"
    if base in ("postgresql", "postgres"):
        return f"postgresql+asyncpg://{rest}"
    raise ValueError(f"DATABASE_URL scheme {scheme!r} is not supported (use sqlite or postgresql)")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    copilot_data_dir: Path = Field(default=REPO_ROOT / "data")
    database_url: str | None = None
    redis_url: str | None = None
    secret_key: str | None = None
    allow_registration: bool = True
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    forwarded_allow_ips: str = "127.0.0.1"
    public_url: str = "http://127.0.0.1:8000"
    frontend_dist: Path = Field(default=REPO_ROOT / "frontend" / "dist")

    access_token_ttl_seconds: int = 15 * 60
    refresh_token_ttl_days: int = 30
    password_reset_ttl_seconds: int = 60 * 60
    password_min_length: int = 10
    # Sign-in limits (docs/decisions/015-sessions-and-login-limits.md): all but the first count only failures.
    login_rate_limit: str = "30/minute"  # every attempt from one address: bounds a burst of parallel guesses
    login_failures_per_address: str = "10/15minute"  # across accounts: password spraying
    login_failures_per_account_address: str = "5/15minute"  # one account from one address: a guesser's lock-out
    login_failures_per_account: str = "100/hour"  # from everywhere (ASVS 2.2.1); then only known addresses may try
    login_known_address_days: int = 30  # a successful sign-in makes its address known to the account this long
    register_rate_limit: str = "20/hour"  # sign-ups per client address
    max_body_bytes: int = 1024 * 1024

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_from: str = "Career Copilot <no-reply@localhost>"
    smtp_starttls: bool = False
    smtp_ssl: bool = False
    smtp_timeout_seconds: float = 10.0

    # Sign in with… (a provider is offered only when its client id and secret are set).
    oauth_google_client_id: str | None = None
    oauth_google_client_secret: str | None = None
    oauth_google_issuer: str = "https://accounts.google.com"
    oauth_linkedin_client_id: str | None = None
    oauth_linkedin_client_secret: str | None = None
    oauth_linkedin_issuer: str = "https://www.linkedin.com/oauth"
    oauth_github_client_id: str | None = None
    oauth_github_client_secret: str | None = None
    oauth_github_authorize_url: str = "https://github.com/login/oauth/authorize"
    oauth_github_token_url: str = "https://github.com/login/oauth/access_token"  # noqa: S105 - a URL
    oauth_github_api_url: str = "https://api.github.com"
    oauth_flow_ttl_seconds: int = 600
    oauth_http_timeout_seconds: float = 10.0

    ws_heartbeat_seconds: int = 25

    # Background work: with no REDIS_URL `copilot serve` runs the Celery worker and beat as threads (docs/design.md §1).
    embedded_worker: bool | None = None
    worker_concurrency: int = Field(default=2, ge=1, le=64)
    # Evening summary: how long to wait before each new attempt when the mail server fails.
    summary_retry_delays_seconds: Annotated[list[float], NoDecode] = Field(
        default_factory=lambda: [60.0, 300.0, 1800.0]
    )

    # Job sources (docs/decisions/008-job-sources.md). Keys only for the boards that need them.
    sources_disabled: Annotated[list[str], NoDecode] = Field(default_factory=list)
    source_base_urls: dict[str, str] = Field(default_factory=dict)  # JSON; for tests and proxies
    source_timeout_seconds: float = 15.0
    source_retries: int = 3
    adzuna_app_id: str | None = None
    adzuna_app_key: str | None = None
    adzuna_country: str = "gb"
    usajobs_api_key: str | None = None
    usajobs_email: str | None = None
    jooble_api_key: str | None = None
    themuse_api_key: str | None = None
    url_import_allow_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)  # tests: 127.0.0.1
    match_threshold: float = Field(default=0.5, ge=0, le=1)

    # Your data: exports, uploads, backups.
    export_ttl_hours: int = Field(default=24, ge=1, le=24 * 30)
    max_import_bytes: int = 50 * 1024 * 1024
    auto_backup: bool | None = None  # daily backups into <data>/backups; default on for SQLite
    backup_keep: int = Field(default=7, ge=1, le=365)

    # AI (docs/decisions/009-llm-provider.md, 014-provider-settings-in-app.md). An administrator can also set these
    # in Settings → AI provider; each one set here wins over the form.
    # offline | groq | nim | openai | ollama | custom; the llm domain owns the list and its aliases
    # (app/llm/providers.py), and `create_app()` and the CLI check the name at start (`check_provider_setting`).
    llm_provider: str = "offline"
    llm_model: str | None = None  # default: the provider's recommended model
    llm_api_key: SecretStr | None = None
    llm_base_url: str | None = None  # required for `custom`; overrides the provider's URL otherwise
    llm_timeout_seconds: float = Field(default=30.0, gt=0)
    llm_max_retries: int = Field(default=3, ge=0, le=10)
    llm_daily_token_budget: int = Field(default=200_000, ge=0)  # per user, resets at midnight UTC; 0 = unlimited
    llm_cache_ttl_seconds: int = Field(default=7 * 24 * 3600, ge=0)  # 0 = no cache

    # Database at scale (docs/decisions/013-database-at-scale.md). Pool sizes are per process (PostgreSQL only).
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=10, ge=0, le=400)
    db_pool_timeout_seconds: float = Field(default=10.0, gt=0)
    db_pool_recycle_seconds: int = Field(default=1800, ge=-1)
    # Monthly partitions (PostgreSQL) made ahead of time, and how many months each time series keeps (0 = all).
    partition_months_ahead: int = Field(default=3, ge=1, le=36)
    job_source_record_retention_months: int = Field(default=6, ge=0)
    llm_call_retention_months: int = Field(default=13, ge=0)
    notification_retention_months: int = Field(default=12, ge=0)
    application_event_retention_months: int = Field(default=0, ge=0)  # the user's own history: kept
    # Catalogue postings not seen on any board for this long, and tracked by no one, are archived (0 = never).
    job_posting_retention_days: int = Field(default=120, ge=0)

    log_level: str = "INFO"
    log_format: Literal["console", "json"] = "console"
    environment: Literal["development", "test", "production"] = "development"

    # --- metrics (issue 11) ---
    # /metrics answers direct connections from these addresses/networks (comma-separated; empty = none) ...
    metrics_allow_ips: str = "127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"
    metrics_token: SecretStr | None = None  # ... and anyone sending `Authorization: Bearer <METRICS_TOKEN>`
    worker_metrics_port: int | None = Field(default=None, ge=1, le=65535)  # `copilot worker` serves metrics here
    worker_metrics_host: str = "127.0.0.1"  # the interface of that port; 0.0.0.0 in containers

    @field_validator("metrics_allow_ips")
    @classmethod
    def _check_metrics_allow_ips(cls, value: str) -> str:
        from app.core.metrics import parse_networks

        parse_networks(value)
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("sources_disabled", "url_import_allow_hosts", mode="before")
    @classmethod
    def _split_names(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("summary_retry_delays_seconds", mode="before")
    @classmethod
    def _split_delays(cls, value: object) -> object:
        if isinstance(value, str):
            return [float(part) for part in value.split(",") if part.strip()]
        return value

    @field_validator("llm_model", "llm_base_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str | None) -> str | None:
        if value:
            to_async_url(value)
        return value

    @cached_property
    def async_database_url(self) -> str:
        url = self.database_url or f"sqlite:///{self.copilot_data_dir / 'copilot.db'}"
        return to_async_url(url)

    @property
    def is_sqlite(self) -> bool:
        return self.async_database_url.startswith("sqlite")

    @property
    def runs_embedded_worker(self) -> bool:
        """EMBEDDED_WORKER, by default on exactly when there is no REDIS_URL (no shared broker to feed)."""
        return self.embedded_worker if self.embedded_worker is not None else not self.redis_url

    @property
    def uploads_dir(self) -> Path:
        return self.copilot_data_dir / "uploads"

    @property
    def exports_dir(self) -> Path:
        return self.copilot_data_dir / "exports"

    @property
    def backups_dir(self) -> Path:
        return self.copilot_data_dir / "backups"

    @property
    def runs_auto_backup(self) -> bool:
        return self.auto_backup if self.auto_backup is not None else self.is_sqlite

    @property
    def email_delivery(self) -> bool:
        return bool(self.smtp_host)

    @cached_property
    def signing_key(self) -> str:
        """SECRET_KEY from the environment, else one generated on first start and kept in the data dir."""
        if self.secret_key:
            return self.secret_key
        path = self.copilot_data_dir / "secret_key"
        if path.exists():
            return path.read_text().strip()
        self.copilot_data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process generated it first
            return path.read_text().strip()
        with os.fdopen(fd, "w") as fh:
            fh.write(key)
        return key


def get_settings() -> Settings:
    return Settings()
