"""Each web process keeps its open WebSockets here and hands them the events of their user's channel."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

import structlog

log = structlog.get_logger(__name__)

QUEUE_LIMIT = 500


class Connection:
    def __init__(self, user_id: int) -> None:
        self.user_id = user_id
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=QUEUE_LIMIT)
        self.overflowed = False


class Hub:
    def __init__(self) -> None:
        self._by_user: dict[int, set[Connection]] = defaultdict(set)

    def register(self, conn: Connection) -> None:
        self._by_user[conn.user_id].add(conn)

    def unregister(self, conn: Connection) -> None:
        conns = self._by_user.get(conn.user_id)
        if conns is not None:
            conns.discard(conn)
            if not conns:
                del self._by_user[conn.user_id]

    @property
    def connections(self) -> int:
        return sum(len(c) for c in self._by_user.values())

    async def on_event(self, channel: str, message: dict[str, Any]) -> None:
        """Bus listener: deliver a `user:<id>` message to that user's sockets in this process only."""
        prefix, _, raw_id = channel.partition(":")
        if prefix != "user" or not raw_id.isdigit():
            return
        for conn in list(self._by_user.get(int(raw_id), ())):
            try:
                conn.queue.put_nowait(message)
            except asyncio.QueueFull:
                # A client that stopped reading: drop it rather than grow without bound; it reconnects and replays.
                conn.overflowed = True
                log.warning("websocket_queue_full", user_id=conn.user_id)
