"""The simulated users of `copilot loadtest`: each signs in, holds a WebSocket, and browses, searches and moves
applications with a think time of 1 to 3 s, the way a person at the board does. Every request is recorded with its
action, start time, latency and outcome."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from copilot_bench.scale_data import PASSWORD, email

SEARCH_WORDS = [
    "python", "react", "c++", "c#", ".net", "kubernetes", "data engineer", "typescript", "go", "rust", "java",
    "senior backend", "machine learning", "aws", "django", "terraform", "swift", "node.js", "sql", "product manager",
]  # fmt: skip
CITIES = ["Berlin", "London", "Remote", "Paris", "New York", "Amsterdam"]
# action -> (weight, read or write)
ACTIONS: dict[str, tuple[int, str]] = {
    "browse": (20, "read"),
    "search": (20, "read"),
    "search_filtered": (5, "read"),
    "job": (15, "read"),
    "applications": (8, "read"),
    "board": (4, "read"),
    "analytics": (8, "read"),
    "notifications": (6, "read"),
    "track": (4, "write"),
    "move": (10, "write"),
}
KIND = {name: kind for name, (_, kind) in ACTIONS.items()} | {"login": "write"}


@dataclass
class Sample:
    action: str
    started: float  # monotonic
    ms: float
    status: int  # 0 for an exception
    error: str | None


@dataclass
class Recorder:
    samples: list[Sample] = field(default_factory=list)
    sockets_opened: int = 0
    sockets_failed: int = 0
    sockets_dropped: int = 0
    socket_messages: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)

    def add(self, action: str, started: float, status: int, error: str | None) -> None:
        self.samples.append(Sample(action, started, (time.monotonic() - started) * 1000, status, error))
        if error:
            key = f"{action}: {error}"
            self.errors[key] = self.errors.get(key, 0) + 1


class VirtualUser:
    def __init__(self, n: int, host: str, postings: int, rec: Recorder, rng: random.Random) -> None:
        self.n, self.host, self.postings, self.rec, self.rng = n, host, postings, rec, rng
        self.client = httpx.AsyncClient(base_url=f"http://{host}", timeout=30)
        self.ws: Any = None
        self.reader: asyncio.Task[None] | None = None
        self.closing = False
        self.seen_jobs: list[int] = []
        self.applications: list[dict[str, Any]] = []

    async def request(self, action: str, method: str, path: str, ok: tuple[int, ...] = (200,), **kw: Any) -> Any:
        started = time.monotonic()
        try:
            r = await self.client.request(method, path, **kw)
        except Exception as exc:  # timeouts, refused or reset connections all count as errors
            self.rec.add(action, started, 0, type(exc).__name__)
            return None
        error = None if r.status_code in ok else f"HTTP {r.status_code} {r.text[:80]}"
        self.rec.add(action, started, r.status_code, error)
        return r.json() if error is None and r.content and r.headers.get("content-type", "").endswith("json") else None

    async def start(self) -> bool:
        body = await self.request("login", "POST", "/api/v1/auth/login", json={"email": email(self.n),
                                                                              "password": PASSWORD})  # fmt: skip
        if body is None:
            return False
        token = body["access_token"]
        self.client.headers["Authorization"] = f"Bearer {token}"
        await self._open_socket(token)
        page = await self.request("applications", "GET", "/api/v1/applications", params={"size": 100})
        self.applications = page["items"] if page else []
        return True

    async def _open_socket(self, token: str) -> None:
        from websockets.asyncio.client import connect

        try:
            self.ws = await connect(f"ws://{self.host}/api/v1/ws", origin=f"http://{self.host}", open_timeout=30)  # type: ignore[arg-type]
            await self.ws.send(json.dumps({"type": "auth", "token": token}))
            ready = json.loads(await asyncio.wait_for(self.ws.recv(), 30))
            if ready.get("type") != "ready":
                raise RuntimeError(f"first frame {ready.get('type')}")
        except Exception as exc:
            self.rec.sockets_failed += 1
            key = f"websocket: {type(exc).__name__}"
            self.rec.errors[key] = self.rec.errors.get(key, 0) + 1
            self.ws = None
            return
        self.rec.sockets_opened += 1
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                kind = json.loads(raw).get("type", "?")
                self.rec.socket_messages[kind] = self.rec.socket_messages.get(kind, 0) + 1
        except Exception:  # noqa: S110 - a close counts below whatever its cause
            pass
        if not self.closing:
            self.rec.sockets_dropped += 1

    async def run(self, until: float) -> None:
        names = list(ACTIONS)
        weights = [w for w, _ in ACTIONS.values()]
        while True:
            await asyncio.sleep(self.rng.uniform(1, 3))
            if time.monotonic() >= until:
                return
            await getattr(self, f"_{self.rng.choices(names, weights)[0]}")()

    async def stop(self) -> None:
        self.closing = True
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(BaseException):
                await self.reader
        await self.client.aclose()

    # --- actions -------------------------------------------------------------------------------------------

    def _remember(self, page: Any) -> None:
        if page and page.get("items"):
            self.seen_jobs = [j["id"] for j in page["items"]]

    async def _browse(self) -> None:
        page = self.rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 10, 25])
        self._remember(await self.request("browse", "GET", "/api/v1/jobs", params={"page": page}))

    async def _search(self) -> None:
        params = {"q": self.rng.choice(SEARCH_WORDS), "page": self.rng.choice([1, 1, 1, 2, 3])}
        self._remember(await self.request("search", "GET", "/api/v1/jobs", params=params))

    async def _search_filtered(self) -> None:
        params: dict[str, Any] = {"q": self.rng.choice(SEARCH_WORDS), "location": self.rng.choice(CITIES)}
        if self.rng.random() < 0.5:
            params["salary_min"] = self.rng.choice([60_000, 80_000, 100_000])
        self._remember(await self.request("search_filtered", "GET", "/api/v1/jobs", params=params))

    async def _job(self) -> None:
        job_id = self.rng.choice(self.seen_jobs) if self.seen_jobs else self.rng.randint(1, self.postings)
        await self.request("job", "GET", f"/api/v1/jobs/{job_id}")

    async def _applications(self) -> None:
        page = await self.request("applications", "GET", "/api/v1/applications", params={"page": 1})
        if page:
            known = {a["id"]: a for a in self.applications}
            known.update({a["id"]: a for a in page["items"]})
            self.applications = list(known.values())

    async def _board(self) -> None:
        await self.request("board", "GET", "/api/v1/applications/board")

    async def _analytics(self) -> None:
        await self.request("analytics", "GET", "/api/v1/analytics/summary")

    async def _notifications(self) -> None:
        if self.rng.random() < 0.5:
            await self.request("notifications", "GET", "/api/v1/notifications/unread-count")
        else:
            await self.request("notifications", "GET", "/api/v1/notifications")

    async def _track(self) -> None:
        job_id = self.rng.choice(self.seen_jobs) if self.seen_jobs else self.rng.randint(1, self.postings)
        # A job already tracked is refused with 409 already_tracked: the expected answer, not an error.
        created = await self.request(
            "track", "POST", "/api/v1/applications", ok=(201, 409), json={"job_posting_id": job_id}
        )
        if created and "id" in created:
            self.applications.append(created)

    async def _move(self) -> None:
        movable = [a for a in self.applications if a.get("allowed_statuses")]
        if not movable:
            return await self._track()
        app = self.rng.choice(movable)
        target = self.rng.choice(app["allowed_statuses"])
        updated = await self.request("move", "PATCH", f"/api/v1/applications/{app['id']}", json={"status": target})
        if updated:
            app.update(updated)
        return None
