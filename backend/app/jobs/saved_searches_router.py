"""/api/v1/saved-searches: what a user is looking for (job sources run these)."""

from __future__ import annotations

from fastapi import status

from app.api.deps import SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.exceptions import NotFound
from app.core.schemas import Id
from app.jobs import saved_searches
from app.jobs.sources_schemas import SavedSearchIn, SavedSearchRead

router = Router(tags=["analytics"])


@router.get("/saved-searches", operation_id="saved_searches-list")
async def list_saved_searches(user: CurrentUser, session: SessionDep) -> list[SavedSearchRead]:
    """What you are looking for (job sources run these)."""
    return [SavedSearchRead.model_validate(r) for r in await saved_searches.list_for(session, user.id)]


@router.post("/saved-searches", status_code=status.HTTP_201_CREATED, operation_id="saved_searches-create")
async def create_saved_search(data: SavedSearchIn, user: CurrentUser, session: SessionDep) -> SavedSearchRead:
    """Save a search."""
    return SavedSearchRead.model_validate(await saved_searches.create(session, user.id, data.model_dump()))


@router.delete(
    "/saved-searches/{search_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="saved_searches-delete"
)
async def delete_saved_search(search_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Remove a saved search."""
    if not await saved_searches.delete(session, user.id, search_id):
        raise NotFound("This saved search does not exist or is not yours.", code="saved_search_not_found")
