"""Rate limits with the `limits` library: in memory, or in Redis when REDIS_URL is set (shared by all web processes)."""

from __future__ import annotations

import time

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from app.core.exceptions import RateLimited


class RateLimiter:
    def __init__(self, redis_url: str | None) -> None:
        storage = storage_from_string(f"async+{redis_url}", implementation="redispy") if redis_url else None
        assert storage is None or isinstance(storage, Storage)
        self.storage: Storage = storage or MemoryStorage()
        self.limiter = MovingWindowRateLimiter(self.storage)

    async def hit(self, rule: str, *keys: str, message: str) -> None:
        """Count one attempt; raise 429 with Retry-After when the rule is exceeded."""
        item = parse(rule)
        if not await self.limiter.hit(item, *keys):
            raise await self._limited(item, keys, message)

    async def check(self, rule: str, *keys: str, message: str) -> None:
        """Raise 429 with Retry-After if the rule is used up, without counting this call."""
        item = parse(rule)
        if not await self.limiter.test(item, *keys):
            raise await self._limited(item, keys, message)

    async def allows(self, rule: str, *keys: str) -> bool:
        """Whether one more hit would fit the rule."""
        return await self.limiter.test(parse(rule), *keys)

    async def count(self, rule: str, *keys: str) -> None:
        """Count one event (a failure, say) that a later `check` weighs; never raises."""
        await self.limiter.hit(parse(rule), *keys)

    async def clear(self, rule: str, *keys: str) -> None:
        await self.limiter.clear(parse(rule), *keys)

    async def _limited(self, item: RateLimitItem, keys: tuple[str, ...], message: str) -> RateLimited:
        reset_at, _remaining = await self.limiter.get_window_stats(item, *keys)
        retry = max(1, int(reset_at - time.time()))
        return RateLimited(message, headers={"Retry-After": str(retry)})

    async def reset(self) -> None:
        await self.storage.reset()
