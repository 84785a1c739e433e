"""Rate limits with the `limits` library: in memory, or in Redis when REDIS_URL is set (shared by all web processes)."""

from __future__ import annotations

import time

from limits import parse
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
            reset_at, _remaining = await self.limiter.get_window_stats(item, *keys)
            retry = max(1, int(reset_at - time.time()))
            raise RateLimited(message, headers={"Retry-After": str(retry)})

    async def reset(self) -> None:
        await self.storage.reset()
