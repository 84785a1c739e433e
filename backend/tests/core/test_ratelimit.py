"""Rate limits hold in memory and in Redis (shared between web processes)."""

from __future__ import annotations

import uuid

import pytest

from app.core.exceptions import RateLimited
from app.core.ratelimit import RateLimiter
from tests.conftest import redis_test_url


@pytest.fixture(params=["memory", "redis"])
def limiter_url(request: pytest.FixtureRequest) -> str | None:
    if request.param == "memory":
        return None
    url = redis_test_url()
    if url is None:
        pytest.skip("Redis not available on 127.0.0.1:6379 (set TEST_REDIS_URL)")
    return url


async def test_third_hit_is_refused_with_retry_after(limiter_url: str | None) -> None:
    key = uuid.uuid4().hex
    limiter = RateLimiter(limiter_url)
    await limiter.hit("2/minute", "t", key, message="slow down")
    await limiter.hit("2/minute", "t", key, message="slow down")
    with pytest.raises(RateLimited) as exc:
        await limiter.hit("2/minute", "t", key, message="slow down")
    assert exc.value.status_code == 429
    assert 1 <= int((exc.value.headers or {})["Retry-After"]) <= 60
    # Another key has its own budget.
    await limiter.hit("2/minute", "t", uuid.uuid4().hex, message="slow down")


async def test_two_processes_share_one_budget_through_redis() -> None:
    url = redis_test_url()
    if url is None:
        pytest.skip("Redis not available on 127.0.0.1:6379")
    key = uuid.uuid4().hex
    web1, web2 = RateLimiter(url), RateLimiter(url)
    await web1.hit("2/minute", "t", key, message="m")
    await web2.hit("2/minute", "t", key, message="m")
    with pytest.raises(RateLimited):
        await web1.hit("2/minute", "t", key, message="m")


async def test_failures_counted_apart_from_the_check_that_weighs_them(limiter_url: str | None) -> None:
    key = uuid.uuid4().hex
    limiter = RateLimiter(limiter_url)
    await limiter.check("2/minute", "f", key, message="wait")  # checking counts nothing
    await limiter.count("2/minute", "f", key)
    assert await limiter.allows("2/minute", "f", key)
    await limiter.count("2/minute", "f", key)
    assert not await limiter.allows("2/minute", "f", key)
    with pytest.raises(RateLimited) as exc:
        await limiter.check("2/minute", "f", key, message="wait")
    assert 1 <= int((exc.value.headers or {})["Retry-After"]) <= 60
    await limiter.clear("2/minute", "f", key)
    await limiter.check("2/minute", "f", key, message="wait")
