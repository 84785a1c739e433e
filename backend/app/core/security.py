"""Password hashing (argon2 via pwdlib), signed tokens (PyJWT) and opaque refresh tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from app.core.schemas import MAX_ID

password_hash = PasswordHash((Argon2Hasher(),))


@cache
def dummy_hash() -> str:
    """Verifying against this keeps a login for an unknown email as slow as one for a known email. Made on first use,
    not at import: one argon2 hash is ~0.1 s of every process's start-up otherwise."""
    return password_hash.hash("timing-equaliser-not-a-password")


ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    return password_hash.hash(password)


def verify_password(password: str, hashed: str | None) -> bool:
    if not hashed:
        password_hash.verify(password, dummy_hash())
        return False
    return password_hash.verify(password, hashed)


def encode_token(key: str, subject: str, purpose: str, ttl: timedelta, **claims: Any) -> str:
    now = datetime.now(UTC)
    payload = {"sub": subject, "typ": purpose, "iat": now, "exp": now + ttl, **claims}
    return jwt.encode(payload, key, algorithm=ALGORITHM)


def _is_id(value: object) -> bool:
    """A row id as a token carries it: ASCII digits within the id columns' range (int() takes "²" and 2**70)."""
    text = str(value)
    return text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_ID


def decode_token(key: str, token: str, purpose: str) -> dict[str, Any] | None:
    """The claims of a valid, unexpired token of this purpose, else None. Its `sub` (and `uid`, if any) names a
    row: one that cannot (not a number, or past the id range) makes the token invalid, never a database error."""
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], options={"require": ["sub", "exp", "typ"]})
    except jwt.PyJWTError:
        return None
    if claims.get("typ") != purpose or not _is_id(claims["sub"]) or ("uid" in claims and not _is_id(claims["uid"])):
        return None
    return claims


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()
