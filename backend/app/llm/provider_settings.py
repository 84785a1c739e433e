"""Settings → AI provider: what an administrator saves (the key sealed at rest), what is in force, its audit trail,
and the connection test of unsaved values. Threat model and choices: docs/decisions/014-provider-settings-in-app.md.

Every process reads the saved row when it opens a client (`client.resolve_provider`), so a change reaches every web
process and worker with their next AI call, without a restart."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.secrets_box import SecretUnreadable, open_secret, seal_secret
from app.llm import repository, service
from app.llm.exceptions import next_midnight_utc
from app.llm.providers import PROVIDERS, get_provider
from app.llm.schemas import (
    AIAuditEntry,
    AIProviderSettingsRead,
    AIProviderSettingsUpdate,
    AIStatus,
    ProviderOption,
    ProviderProbe,
)
from app.models.base import utcnow
from app.models.llm import AIProviderSetting, AuditEvent
from app.models.user import User

KEY_PURPOSE = "llm-api-key"

# What each AI feature sends, in the words Settings and the action buttons use.
DATA_SENT = [
    "Job descriptions you add or import, to find the skills and duties they ask for.",
    "Your resume's text (with the contact details in it), to find its skills.",
    "Your resume, your profile's skills and pitch, what you write for a letter and the job posting, to write a "
    "cover letter or tailored resume.",
    "The interview question, the job's title and skills and your answer, to write feedback.",
    "Never your password, your tracker, your notes or other users' data.",
]


def _stored(row: AIProviderSetting, settings: Settings) -> service.StoredProvider:
    key: str | None = None
    status: service.KeyStatus = "missing"
    if row.api_key_sealed:
        try:
            key, status = open_secret(settings, KEY_PURPOSE, row.api_key_sealed), "set"
        except SecretUnreadable:
            status = "unreadable"
    return service.StoredProvider(
        provider=row.provider,
        model=row.model,
        base_url=row.base_url,
        api_key=key,
        key_status=status,
        daily_token_budget=row.daily_token_budget,
    )


async def load_stored(session: AsyncSession, settings: Settings) -> service.StoredProvider | None:
    """What was saved in Settings, with the key opened; None when nothing was ever saved."""
    row = await repository.get_settings_row(session)
    if row is None:
        return None
    try:
        get_provider(row.provider)
    except ValueError:  # a provider this version no longer knows: as if nothing were saved
        return None
    return _stored(row, settings)


async def in_force(session: AsyncSession, settings: Settings) -> service.ResolvedProvider:
    """The provider in force: the environment's fields, else what an administrator saved here."""
    return service.resolve(settings, await load_stored(session, settings))


async def status(session: AsyncSession, settings: Settings, user: User) -> AIStatus:
    """What every user's Settings page shows: the provider in force (never the key), what is sent to it, and
    the user's usage today."""
    resolved = await in_force(session, settings)
    model = resolved.model_spec
    return AIStatus(
        provider=resolved.spec.name,
        provider_label=resolved.spec.label,
        model=resolved.model,
        host=resolved.host,
        key_configured=resolved.api_key is not None,
        offline=resolved.offline,
        ready=resolved.problem is None,
        problem=resolved.problem,
        structured_output=None if resolved.offline or model is None else model.structured_output,
        context_window=None if resolved.offline or model is None else model.context_window,
        tokens_used_today=await service.tokens_used_today(session, user.id),
        daily_token_budget=resolved.daily_token_budget,
        budget_resets_at=next_midnight_utc().isoformat(),
        source=resolved.source,
        data_sent=[] if resolved.offline else DATA_SENT,
        can_configure=user.is_admin,
    )


async def read(session: AsyncSession, settings: Settings) -> AIProviderSettingsRead:
    """The form as saved (the environment's values where it overrides), for an administrator."""
    row = await repository.get_settings_row(session)
    stored = _stored(row, settings) if row is not None else None
    resolved = service.resolve(settings, stored)
    overrides = service.env_overrides(settings)
    saved_here = stored is not None and stored.provider == resolved.spec.name
    changes = await repository.recent_changes(session)
    return AIProviderSettingsRead(
        provider=resolved.spec.name,
        model=(stored.model if saved_here and stored and "model" not in overrides else settings.llm_model),
        base_url=(stored.base_url if saved_here and stored and "base_url" not in overrides else settings.llm_base_url),
        key_status=(
            ("set" if settings.llm_api_key else "missing")
            if "api_key" in overrides or not saved_here or stored is None
            else stored.key_status
        ),
        daily_token_budget=resolved.daily_token_budget,
        environment_overrides=overrides,
        providers=[
            ProviderOption(
                name=p.name,
                label=p.label,
                default_model=p.default_model,
                base_url=p.base_url,
                needs_key=p.needs_key,
                docs=p.docs,
            )
            for p in PROVIDERS.values()
        ],
        updated_at=row.updated_at if row is not None else None,
        updated_by=changes[0][1] if changes else None,
        changes=[AIAuditEntry(at=c.created_at, actor=email, summary=c.summary) for c, email in changes],
    )


def _effective_url(provider: str, base_url: str | None) -> str | None:
    return base_url or get_provider(provider).base_url


def _key_for(update: AIProviderSettingsUpdate, stored: service.StoredProvider | None) -> tuple[str | None, str]:
    """The key the update leaves in force and what happened to it: kept, replaced, removed, or removed because
    the server changed (a stolen administrator session must not be able to send the saved key to its own host)."""
    if update.api_key:
        return update.api_key, "replaced" if stored is not None and stored.key_status != "missing" else "added"
    if update.api_key == "":
        return None, "removed" if stored is not None and stored.key_status != "missing" else "kept"
    if stored is None or stored.key_status == "missing":
        return None, "kept"
    same_server = stored.provider == update.provider and _effective_url(
        stored.provider, stored.base_url
    ) == _effective_url(update.provider, update.base_url)
    if not same_server:
        return None, "removed: the server changed"
    return stored.api_key, "kept"


def candidate(
    settings: Settings, stored: service.StoredProvider | None, update: AIProviderSettingsUpdate
) -> service.ResolvedProvider:
    """What would be in force if the form were saved (for "Test connection" before saving)."""
    key, _ = _key_for(update, stored)
    would_be = service.StoredProvider(
        provider=update.provider,
        model=update.model,
        base_url=update.base_url,
        api_key=key,
        key_status="set" if key else "missing",
        daily_token_budget=update.daily_token_budget,
    )
    return service.resolve(settings, would_be)


async def probe(settings: Settings, resolved: service.ResolvedProvider) -> ProviderProbe:
    """Test the candidate provider (network: call with no transaction open)."""
    from app.llm.client import LLMClient

    async with LLMClient(settings, resolved=resolved) as client:
        return await client.probe()


def _summary(before: AIProviderSetting | None, update: AIProviderSettingsUpdate, key_change: str) -> tuple[str, dict]:
    parts: list[str] = []
    detail: dict[str, object] = {}

    def changed(field: str, label: str, old: object, new: object, show: str | None = None) -> None:
        if old != new:
            detail[field] = {"from": old, "to": new}
            parts.append(show or f"{label} {old or 'default'} → {new or 'default'}")

    old_provider = before.provider if before is not None else "offline"
    changed(
        "provider",
        "provider",
        old_provider,
        update.provider,
        f"provider {get_provider(old_provider).label} → {get_provider(update.provider).label}",
    )
    changed("model", "model", before.model if before else None, update.model)
    changed("base_url", "base URL", before.base_url if before else None, update.base_url)
    changed(
        "daily_token_budget", "daily budget", before.daily_token_budget if before else None, update.daily_token_budget
    )
    if key_change != "kept":
        detail["api_key"] = key_change
        parts.append(f"API key {key_change}")
    return ("; ".join(parts) or "saved without changes")[:1000], detail


async def save(
    session: AsyncSession, settings: Settings, actor: User, update: AIProviderSettingsUpdate
) -> AIProviderSettingsRead:
    """Save the form (an audit row says who changed what; never the key) and return it as read back."""
    row = await repository.get_settings_row(session, lock=True)
    stored = _stored(row, settings) if row is not None else None
    key, key_change = _key_for(update, stored)
    summary, detail = _summary(row, update, key_change)
    if row is None:
        row = repository.add_settings_row(session)
    row.provider, row.model, row.base_url = update.provider, update.model, update.base_url
    row.daily_token_budget = update.daily_token_budget
    if key_change != "kept":
        row.api_key_sealed = seal_secret(settings, KEY_PURPOSE, key) if key else None
    row.updated_at = utcnow()
    repository.add_audit(
        session,
        AuditEvent(
            actor_id=actor.id,
            action=repository.AUDIT_ACTION,
            summary=summary,
            detail=detail,
            created_at=utcnow(),
        ),
    )
    await session.flush()
    return await read(session, settings)
