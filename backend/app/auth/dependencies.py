"""The signed-in user of a request: `CurrentUser` (an access token in `Authorization: Bearer`) and `AdminUser`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.deps import SessionDep, SettingsDep
from app.auth import service as auth_service
from app.core.exceptions import Forbidden, Unauthorized
from app.models.user import User

_bearer = HTTPBearer(auto_error=False, description="Access token from /api/v1/auth/login")


async def get_current_user(
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    if credentials is None:
        raise Unauthorized("Sign in to continue.")
    user = await auth_service.user_from_access_token(session, settings, credentials.credentials)
    if user is None:
        raise Unauthorized("Your sign-in has expired. Please sign in again.", code="invalid_token")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_admin_user(user: CurrentUser) -> User:
    if not user.is_admin:
        raise Forbidden("Only an administrator can do this.")
    return user


AdminUser = Annotated[User, Depends(get_admin_user)]
