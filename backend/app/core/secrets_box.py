"""Secrets stored in the database (an AI provider's API key today; mailbox passwords later), encrypted at rest.

Fernet (AES-128-CBC + HMAC-SHA256, from the maintained `cryptography` package) with a key derived from the server's
signing secret by HKDF-SHA256 under a purpose label, so the database alone (a backup, an export, a stolen copy)
does not reveal them, and each purpose has its own key. A value stored under another server secret (a restore onto
another machine) cannot be read: `open_secret` raises `SecretUnreadable`, and the caller asks the user to enter the
secret again rather than failing."""

from __future__ import annotations

import base64
import functools

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core.config import Settings


class SecretUnreadable(Exception):
    """The stored value was encrypted with another server secret (or is damaged)."""


@functools.lru_cache(maxsize=16)
def _fernet(server_secret: str, purpose: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"career-copilot/secrets", info=purpose.encode()).derive(
        server_secret.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def seal_secret(settings: Settings, purpose: str, value: str) -> str:
    """The value encrypted for storage (ASCII, about 1.4x its length plus 60 characters)."""
    return _fernet(settings.signing_key, purpose).encrypt(value.encode()).decode("ascii")


def open_secret(settings: Settings, purpose: str, token: str) -> str:
    """The stored value in clear; raises SecretUnreadable when this server's secret cannot read it."""
    try:
        return _fernet(settings.signing_key, purpose).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError, UnicodeError) as exc:
        raise SecretUnreadable(purpose) from exc
