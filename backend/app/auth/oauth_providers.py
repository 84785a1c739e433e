"""Sign-in providers: OpenID Connect (Google, LinkedIn) with discovery and ID-token validation, and GitHub's
OAuth 2 plus its user API. Authorization code flow with PKCE, state and nonce for all of them (Authlib)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from app.core.config import Settings


class ProviderError(Exception):
    """The provider answered something we cannot accept; `code` is shown to the user as a message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Identity:
    subject: str
    email: str | None
    email_verified: bool
    name: str


@dataclass(frozen=True)
class Provider:
    name: str
    label: str
    kind: str  # "oidc" or "github"
    client_id: str
    client_secret: str
    issuer: str = ""
    scope: str = "openid email profile"


def configured_providers(settings: Settings) -> dict[str, Provider]:
    providers: dict[str, Provider] = {}
    s = settings
    if s.oauth_google_client_id and s.oauth_google_client_secret:
        providers["google"] = Provider(
            "google", "Google", "oidc", s.oauth_google_client_id, s.oauth_google_client_secret, s.oauth_google_issuer
        )
    if s.oauth_github_client_id and s.oauth_github_client_secret:
        providers["github"] = Provider(
            "github",
            "GitHub",
            "github",
            s.oauth_github_client_id,
            s.oauth_github_client_secret,
            scope="read:user user:email",
        )
    if s.oauth_linkedin_client_id and s.oauth_linkedin_client_secret:
        providers["linkedin"] = Provider(
            "linkedin",
            "LinkedIn",
            "oidc",
            s.oauth_linkedin_client_id,
            s.oauth_linkedin_client_secret,
            s.oauth_linkedin_issuer,
        )
    return providers


_DISCOVERY_TTL = 3600.0
_discovery_cache: dict[str, tuple[float, dict[str, Any]]] = {}


async def discover(issuer: str, http_timeout: float) -> dict[str, Any]:
    """The provider's OpenID configuration (cached for an hour)."""
    cached = _discovery_cache.get(issuer)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        async with httpx.AsyncClient(timeout=http_timeout) as client:
            response = await client.get(url)
            response.raise_for_status()
            config: dict[str, Any] = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ProviderError(
            "provider_unavailable", "The sign-in provider could not be reached. Try again later."
        ) from exc
    _discovery_cache[issuer] = (time.monotonic() + _DISCOVERY_TTL, config)
    return config


async def authorization_url(
    settings: Settings, provider: Provider, redirect_uri: str, state: str, nonce: str, code_verifier: str
) -> str:
    if provider.kind == "oidc":
        endpoint = (await discover(provider.issuer, settings.oauth_http_timeout_seconds))["authorization_endpoint"]
    else:
        endpoint = settings.oauth_github_authorize_url
    extra = {"nonce": nonce} if provider.kind == "oidc" else {"allow_signup": "true"}
    return str(
        prepare_grant_uri(
            endpoint,
            provider.client_id,
            "code",
            redirect_uri=redirect_uri,
            scope=provider.scope,
            state=state,
            code_challenge=create_s256_code_challenge(code_verifier),
            code_challenge_method="S256",
            **extra,
        )
    )


async def identity_from_callback(
    settings: Settings, provider: Provider, redirect_uri: str, code: str, code_verifier: str, nonce: str
) -> Identity:
    """Exchange the code (with the PKCE verifier) and return who signed in, validated."""
    http_timeout = settings.oauth_http_timeout_seconds
    if provider.kind == "oidc":
        config = await discover(provider.issuer, http_timeout)
        token = await _exchange(provider, redirect_uri, config["token_endpoint"], code, code_verifier, http_timeout)
        id_token = token.get("id_token")
        if not id_token:
            raise ProviderError("bad_response", "The provider did not send an ID token.")
        claims = await _validate_id_token(provider, config, str(id_token), nonce, http_timeout)
        email = claims.get("email")
        return Identity(
            subject=str(claims["sub"]),
            email=str(email).lower() if email else None,
            email_verified=claims.get("email_verified") in (True, "true"),
            name=str(claims.get("name") or ""),
        )
    token = await _exchange(provider, redirect_uri, settings.oauth_github_token_url, code, code_verifier, http_timeout)
    return await _github_identity(settings, str(token["access_token"]), http_timeout)


async def _exchange(
    provider: Provider, redirect_uri: str, token_url: str, code: str, code_verifier: str, http_timeout: float
) -> dict[str, Any]:
    """RFC 6749 §4.1.3 token request with the PKCE verifier (RFC 7636), client secret in the body."""
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "code_verifier": code_verifier,
    }
    try:
        async with httpx.AsyncClient(timeout=http_timeout) as client:
            response = await client.post(token_url, data=form, headers={"Accept": "application/json"})
        token: dict[str, Any] = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ProviderError("provider_unavailable", "The sign-in provider could not be reached.") from exc
    if response.status_code >= 400 or "error" in token or "access_token" not in token:
        # invalid_grant (and GitHub's 200 + bad_verification_code): the code expired or was already used.
        raise ProviderError("expired_code", "The sign-in took too long or was already used. Please start again.")
    return token


async def _validate_id_token(
    provider: Provider, config: dict[str, Any], id_token: str, nonce: str, http_timeout: float
) -> dict[str, Any]:
    try:
        async with httpx.AsyncClient(timeout=http_timeout) as client:
            response = await client.get(config["jwks_uri"])
            response.raise_for_status()
            keys = KeySet.import_key_set(response.json())
    except (httpx.HTTPError, ValueError, JoseError) as exc:
        raise ProviderError("provider_unavailable", "The provider's signing keys could not be loaded.") from exc
    try:
        token = jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256", "EdDSA"])
        registry = jwt.JWTClaimsRegistry(
            leeway=60,
            iss={"essential": True, "value": config.get("issuer", provider.issuer)},
            aud={"essential": True, "value": provider.client_id},
            sub={"essential": True},
            exp={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        registry.validate(token.claims)
    except JoseError as exc:
        raise ProviderError(
            "invalid_id_token", "The provider's answer could not be verified. Please try again."
        ) from exc
    return dict(token.claims)


async def _github_identity(settings: Settings, access_token: str, http_timeout: float) -> Identity:
    headers = {"Authorization": f"Bearer {access_token}", "Accept": "application/vnd.github+json"}
    api = settings.oauth_github_api_url.rstrip("/")
    try:
        async with httpx.AsyncClient(timeout=http_timeout, headers=headers) as client:
            user = (await client.get(f"{api}/user")).raise_for_status().json()
            emails = (await client.get(f"{api}/user/emails")).raise_for_status().json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ProviderError("provider_unavailable", "GitHub could not be reached. Try again later.") from exc
    primary = next((e for e in emails if e.get("primary")), None)
    return Identity(
        subject=str(user["id"]),
        email=str(primary["email"]).lower() if primary else None,
        email_verified=bool(primary and primary.get("verified")),
        name=str(user.get("name") or user.get("login") or ""),
    )
