"""HTTP for job boards: one descriptive User-Agent, per-request timeouts, retries with backoff on 429/5xx that
honour `Retry-After` (a wait over 60 s marks the source rate-limited instead of sleeping), and clear errors for
timeouts and malformed JSON. Base URLs can be overridden per source (`SOURCE_BASE_URLS`), which is how tests
point an adapter at a local server speaking the board's protocol."""

from __future__ import annotations

import asyncio
import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from app.jobs.sources.base import SourceError, SourceRateLimited

USER_AGENT = "CareerCopilot/0.1 (self-hosted job-search assistant; +https://github.com/career-copilot)"
MAX_WAIT_SECONDS = 60.0


def retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class SourceHttp:
    """Bound to one source: its base URL (overridable) and its retry policy."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        source: str,
        base_url: str,
        *,
        retries: int = 3,
        backoff: float = 0.5,
        timeout: float = 15.0,
    ) -> None:
        self.client, self.source, self.base_url = client, source, base_url.rstrip("/")
        self.retries, self.backoff, self.timeout = retries, backoff, timeout

    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base_url}/{path.lstrip('/')}"

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = await self.client.request(method, self.url(path), timeout=self.timeout, **kwargs)
            except httpx.TimeoutException as exc:
                error: SourceError = SourceError(f"{self.source}: no answer within {self.timeout:g} s")
                if attempt >= self.retries:
                    raise error from exc
            except httpx.HTTPError as exc:
                error = SourceError(f"{self.source}: {type(exc).__name__}: {exc}")
                if attempt >= self.retries:
                    raise error from exc
            else:
                if response.status_code == 429 or response.status_code >= 500:
                    wait = retry_after_seconds(response.headers.get("Retry-After"))
                    if response.status_code == 429 and wait is not None and wait > MAX_WAIT_SECONDS:
                        until = datetime.now(UTC) + timedelta(seconds=wait)
                        raise SourceRateLimited(f"{self.source}: rate limited until {until:%Y-%m-%d %H:%M} UTC", until)
                    if attempt >= self.retries:
                        raise SourceError(f"{self.source}: HTTP {response.status_code} after {attempt + 1} attempts")
                    await asyncio.sleep(wait if wait is not None else self._delay(attempt))
                    attempt += 1
                    continue
                if response.status_code >= 400:
                    raise SourceError(f"{self.source}: HTTP {response.status_code} for {self.url(path)}")
                return response
            await asyncio.sleep(self._delay(attempt))
            attempt += 1

    def _delay(self, attempt: int) -> float:
        return float(self.backoff * (2**attempt) * (0.5 + random.random()))  # noqa: S311 - jitter

    async def get_json(self, path: str, **kwargs: Any) -> Any:
        return _json(self.source, await self.request("GET", path, **kwargs))

    async def post_json(self, path: str, body: Any, **kwargs: Any) -> Any:
        return _json(self.source, await self.request("POST", path, json=body, **kwargs))


def _json(source: str, response: httpx.Response) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, ValueError) as exc:
        raise SourceError(f"{source}: the answer is not valid JSON") from exc


def new_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(headers={"User-Agent": USER_AGENT, "Accept": "application/json"}, follow_redirects=True)
