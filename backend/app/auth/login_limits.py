"""Limits on password guessing that a stranger cannot turn into a lock-out (docs/decisions/015).

Only failures count (plus a generous cap on all attempts per address). Failures are counted per address across
accounts (spraying), per account from one address (the guesser's own lock-out) and per account from everywhere (at
most 100 an hour, OWASP ASVS 2.2.1). Past that ceiling the account is not locked: addresses it has signed in from
before may still try, so an attacker elsewhere cannot keep its owner out.
"""

from __future__ import annotations

from app.core import security
from app.core.config import Settings
from app.core.ratelimit import RateLimiter

TOO_MANY_ATTEMPTS = "Too many sign-in attempts from here. Wait a minute and try again."
TOO_MANY_FAILURES = "Too many failed sign-ins from here. Wait a few minutes and try again."
ACCOUNT_UNDER_ATTACK = (
    "Too many failed sign-ins for this account. Try again later from a device you have signed in with before, "
    "or reset your password."
)


class LoginAttempt:
    """One sign-in attempt for an email from an address: `check` before the password is verified, then `failed`
    or `succeeded`. Unknown emails are counted exactly like real accounts, so the answers reveal nothing."""

    def __init__(self, limiter: RateLimiter, settings: Settings, email: str, address: str) -> None:
        self.limiter = limiter
        self.settings = settings
        # Hashed: the rate-limit store (Redis) need not hold a list of email addresses.
        self.account = security.sha256_hex(email.strip().lower())[:32]
        self.address = address
        self.known_rule = f"1/{settings.login_known_address_days}day"

    async def check(self) -> None:
        s, limiter = self.settings, self.limiter
        await limiter.hit(s.login_rate_limit, "login", self.address, message=TOO_MANY_ATTEMPTS)
        await limiter.check(s.login_failures_per_address, "login-fail-ip", self.address, message=TOO_MANY_FAILURES)
        await limiter.check(
            s.login_failures_per_account_address,
            "login-fail-pair",
            self.account,
            self.address,
            message=TOO_MANY_FAILURES,
        )
        if not await self._address_is_known():
            await limiter.check(
                s.login_failures_per_account, "login-fail-account", self.account, message=ACCOUNT_UNDER_ATTACK
            )

    async def failed(self) -> None:
        s = self.settings
        await self.limiter.count(s.login_failures_per_address, "login-fail-ip", self.address)
        await self.limiter.count(s.login_failures_per_account_address, "login-fail-pair", self.account, self.address)
        await self.limiter.count(s.login_failures_per_account, "login-fail-account", self.account)

    async def succeeded(self) -> None:
        # The right password from here: earlier typos from here no longer count, and here becomes a known address.
        # The per-address count stays, or a sprayer could reset it by signing in to an account of their own.
        await self.limiter.clear(
            self.settings.login_failures_per_account_address, "login-fail-pair", self.account, self.address
        )
        await self.limiter.clear(self.known_rule, "login-known", self.account, self.address)
        await self.limiter.count(self.known_rule, "login-known", self.account, self.address)

    async def _address_is_known(self) -> bool:
        return not await self.limiter.allows(self.known_rule, "login-known", self.account, self.address)
