"""Cover letters and tailored resumes: generate (in the background, streamed), edit with versions, export."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.routing import CommittingRoute

router = APIRouter(tags=["documents"], route_class=CommittingRoute)
