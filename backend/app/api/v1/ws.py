"""`/api/v1/ws`: one WebSocket per tab (docs/design.md §4). First frame authenticates; tokens never go in the URL."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import WebSocket, WebSocketDisconnect
from pydantic import Field
from starlette.websockets import WebSocketState

from app.api.routing import Router
from app.applications.schemas import ApplicationUpdated
from app.auth import service as auth_service
from app.content.schemas import ContentDelta
from app.core.config import Settings
from app.core.schemas import MAX_ID
from app.interviews.schemas import InterviewFeedback
from app.notifications import service as notifications
from app.notifications.schemas import NotificationCreated, NotificationsRead
from app.realtime.envelope import (
    AnalyticsUpdated,
    AuthExpired,
    AuthOk,
    JobMatched,
    Ping,
    Pong,
    Ready,
    ReadyData,
    TaskProgress,
    envelope,
)
from app.realtime.hub import Connection, Hub
from app.resumes.schemas import ResumeProgress

# Every message the socket sends, told apart by `type`: published in the OpenAPI document as `ServerEvent`
# (app/main.py), so the frontend's generated client has the same union.
ServerEvent = Annotated[
    Ready
    | AuthOk
    | AuthExpired
    | Ping
    | Pong
    | ApplicationUpdated
    | AnalyticsUpdated
    | NotificationCreated
    | NotificationsRead
    | TaskProgress
    | JobMatched
    | ResumeProgress
    | ContentDelta
    | InterviewFeedback,
    Field(discriminator="type"),
]

router = Router()  # a WebSocket route: the prefix and the checks of every API route, no unit of work

AUTH_TIMEOUT_SECONDS = 5.0
REAUTH_GRACE_SECONDS = 30.0
POLICY_VIOLATION = 1008


def origin_allowed(origin: str, websocket: WebSocket, settings: Settings) -> bool:
    """Same origin as the page that served the app, the public URL, or an explicitly allowed CORS origin."""
    allowed = {
        f"{urlsplit(settings.public_url).scheme}://{urlsplit(settings.public_url).netloc}",
        *settings.cors_origins,
    }
    host = websocket.headers.get("host")
    if host:
        scheme = "https" if websocket.url.scheme == "wss" else "http"
        allowed.add(f"{scheme}://{host}")
    return origin.rstrip("/") in allowed


@dataclass(frozen=True)
class SocketAuth:
    user_id: int
    expires_at: float
    session_id: str  # the sign-in the token belongs to: when it ends, the socket closes


async def _user_for(websocket: WebSocket, token: object) -> SocketAuth | None:
    settings: Settings = websocket.app.state.settings
    if not isinstance(token, str):
        return None
    claims = auth_service.access_claims(settings, token)
    if claims is None:
        return None
    async with websocket.app.state.session_factory() as session:
        user = await auth_service.user_from_access_token(session, settings, token)
    return SocketAuth(user.id, float(claims["exp"]), claims["sid"]) if user is not None else None


async def _session_ended(websocket: WebSocket, auth: SocketAuth) -> bool:
    async with websocket.app.state.session_factory() as session:
        return not await auth_service.session_is_live(session, auth.user_id, auth.session_id)


async def _missed(websocket: WebSocket, user_id: int, last_id: object) -> list[dict[str, Any]]:
    if not isinstance(last_id, int) or isinstance(last_id, bool) or not 0 <= last_id <= MAX_ID:
        return []
    async with websocket.app.state.session_factory() as session:
        rows = await notifications.since(session, user_id, last_id)
    return [envelope(notifications.created_event(r)) for r in rows]


async def _replay(websocket: WebSocket, user_id: int, last_id: object) -> None:
    for message in await _missed(websocket, user_id, last_id):
        await websocket.send_json(message)


@router.websocket("/ws")
async def realtime(websocket: WebSocket) -> None:
    settings: Settings = websocket.app.state.settings
    hub: Hub = websocket.app.state.hub
    origin = websocket.headers.get("origin")
    if origin is not None and not origin_allowed(origin, websocket, settings):
        await websocket.close(code=POLICY_VIOLATION, reason="Origin not allowed")
        return
    await websocket.accept()
    try:
        first = await asyncio.wait_for(websocket.receive_json(), timeout=AUTH_TIMEOUT_SECONDS)
    except (TimeoutError, ValueError, WebSocketDisconnect, RuntimeError):
        await _close(websocket, "Authenticate with the first message within 5 seconds")
        return
    who = (
        await _user_for(websocket, first.get("token"))
        if isinstance(first, dict) and first.get("type") == "auth"
        else None
    )
    if who is None:
        await _close(websocket, "Invalid or expired token")
        return
    user_id = who.user_id
    conn = Connection(user_id)
    hub.register(conn)
    sender: asyncio.Task[None] | None = None
    try:
        await websocket.send_json(envelope(Ready(data=ReadyData(heartbeat_seconds=settings.ws_heartbeat_seconds))))
        await _replay(websocket, user_id, first.get("last_id"))
        # From here on one task writes to the socket; everything else goes through the connection's queue.
        sender = asyncio.create_task(_send_loop(websocket, conn))
        await _receive_loop(websocket, conn, settings, who)
    except WebSocketDisconnect:
        pass
    finally:
        hub.unregister(conn)
        if sender is not None:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await sender


async def _send_loop(websocket: WebSocket, conn: Connection) -> None:
    while True:
        message = await conn.queue.get()
        await websocket.send_json(message)
        if conn.overflowed:
            await _close(websocket, "Too slow to read events; reconnect to catch up")
            return


async def _receive_loop(websocket: WebSocket, conn: Connection, settings: Settings, auth: SocketAuth) -> None:
    user_id, expires_at = auth.user_id, auth.expires_at
    heartbeat = float(settings.ws_heartbeat_seconds)
    expired_sent_at: float | None = None
    next_ping = time.time() + heartbeat
    while True:
        now = time.time()
        if expired_sent_at is None and now >= expires_at:
            conn.queue.put_nowait(envelope(AuthExpired()))
            expired_sent_at = now
        if expired_sent_at is not None and now >= expired_sent_at + REAUTH_GRACE_SECONDS:
            await _close(websocket, "Token expired")
            return
        deadline = min(next_ping, expires_at if expired_sent_at is None else expired_sent_at + REAUTH_GRACE_SECONDS)
        try:
            frame: Any = await asyncio.wait_for(websocket.receive_json(), timeout=max(0.05, deadline - time.time()))
        except TimeoutError:
            if time.time() >= next_ping:
                # Signed out, or the password changed, on any web process: the socket ends within a heartbeat,
                # not when its token expires. One indexed lookup per socket per heartbeat.
                if await _session_ended(websocket, auth):
                    await _close(websocket, "Session ended")
                    return
                conn.queue.put_nowait(envelope(Ping()))
                next_ping = time.time() + heartbeat
            continue
        except (WebSocketDisconnect, RuntimeError):
            return
        except ValueError:
            continue  # not JSON: ignore
        if not isinstance(frame, dict):
            continue
        kind = frame.get("type")
        if kind == "auth":
            who = await _user_for(websocket, frame.get("token"))
            if who is None or who.user_id != user_id:
                await _close(websocket, "Invalid or expired token")
                return
            auth, expires_at, expired_sent_at = who, who.expires_at, None
            conn.queue.put_nowait(envelope(AuthOk()))
        elif kind == "resume":
            for message in await _missed(websocket, user_id, frame.get("last_id")):
                conn.queue.put_nowait(message)
        elif kind == "ping":
            conn.queue.put_nowait(envelope(Pong()))


async def _close(websocket: WebSocket, reason: str) -> None:
    if websocket.client_state == WebSocketState.CONNECTED:
        with contextlib.suppress(Exception):
            await websocket.close(code=POLICY_VIOLATION, reason=reason)
