"""One error type for the whole app, rendered as {"detail", "code"} (docs/design.md §9)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import structlog

if TYPE_CHECKING:  # the web framework loads with the app, not with every module that raises an AppError (the CLI)
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse

log = structlog.get_logger(__name__)


class AppError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        status_code: int | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if status_code is not None:
            self.status_code = status_code
        if code is not None:
            self.code = code
        self.headers = headers


class NotFound(AppError):
    status_code = 404
    code = "not_found"


class Conflict(AppError):
    status_code = 409
    code = "conflict"


class Unauthorized(AppError):
    status_code = 401
    code = "not_authenticated"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message, code=code, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"


class RateLimited(AppError):
    status_code = 429
    code = "rate_limited"


_HTTP_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    return ".".join(parts) or "request"


def _lower_first(msg: str) -> str:
    """After a field name, 'String should …' reads 'string should …'; 'URL scheme …' keeps its acronym."""
    if len(msg) > 1 and msg[1].isupper():
        return msg
    return msg[:1].lower() + msg[1:]


def describe_validation_errors(errors: list[dict[str, Any]]) -> str:
    """Turn Pydantic's error list into one sentence a person can act on."""
    sentences = []
    for err in errors[:5]:
        field = _field_name(tuple(err.get("loc", ())))
        msg = str(err.get("msg", "is invalid"))
        if msg.startswith("Value error, "):
            msg = msg.removeprefix("Value error, ")
        if err.get("type") == "missing":
            sentences.append(f"{field} is required")
        else:
            sentences.append(f"{field}: {_lower_first(msg)}")
    more = len(errors) - 5
    text = "; ".join(sentences) + (f" (and {more} more)" if more > 0 else "")
    return text[0].upper() + text[1:] + "." if text else "The request is invalid."


def _json_safe_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    safe = []
    for err in errors:
        safe.append(
            {
                "loc": list(err.get("loc", ())),
                "msg": str(err.get("msg", "")).removeprefix("Value error, "),
                "type": str(err.get("type", "")),
            }
        )
    return safe


def _integer_out_of_range(exc: BaseException) -> bool:
    text = f"{exc} {getattr(exc, 'orig', '')}"
    return "out of int32 range" in text or "out of int64 range" in text or "out of range for type integer" in text


def install_exception_handlers(app: FastAPI) -> None:
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.exc import TimeoutError as PoolTimeout
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from app.core.middleware import security_headers

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        if any(e.get("type") == "json_invalid" for e in errors):
            return JSONResponse(
                {"detail": "The request body is not valid JSON.", "code": "malformed_json"}, status_code=400
            )
        return JSONResponse(
            {
                "detail": describe_validation_errors(errors),
                "code": "validation_error",
                "errors": _json_safe_errors(errors),
            },
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        detail = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Nothing was found at this address."
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed here."
        return JSONResponse({"detail": detail, "code": code}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(DBAPIError)
    async def _database_error(request: Request, exc: DBAPIError) -> JSONResponse:
        if _integer_out_of_range(exc):
            # PostgreSQL's ids are 32-bit: an id past 2^31-1 in a URL or body cannot name anything (SQLite's can).
            return JSONResponse({"detail": "No such item: that id is out of range.", "code": "not_found"}, 404)
        return await _unexpected(request, exc)

    @app.exception_handler(PoolTimeout)
    async def _pool_exhausted(request: Request, exc: PoolTimeout) -> JSONResponse:
        # Every database connection of this process stayed busy for DB_POOL_TIMEOUT_SECONDS: an overload, not a
        # bug. 503 with Retry-After lets clients and load balancers back off instead of reporting a failure.
        log.warning("db_pool_exhausted", path=request.url.path)
        return JSONResponse(
            {"detail": "The server is busy right now. Please try again in a few seconds.", "code": "busy"},
            status_code=503,
            headers={"Retry-After": "2"},
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled_error", path=request.url.path)
        # Starlette answers this one from its outermost layer, past SecurityHeadersMiddleware: add them here.
        return JSONResponse(
            {"detail": "Something went wrong on our side. Please try again.", "code": "internal_error"},
            status_code=500,
            headers=security_headers(request.url.path, request.url.scheme == "https"),
        )
