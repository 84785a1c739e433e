"""Interview practice: sessions for a job, questions one at a time, streamed feedback, history and scores."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.routing import CommittingRoute

router = APIRouter(prefix="/interviews", tags=["interviews"], route_class=CommittingRoute)
