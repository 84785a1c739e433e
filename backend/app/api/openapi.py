"""The OpenAPI document as the app really answers: every error body is `ErrorRead` (`{detail, code, errors?}`).

FastAPI documents 422 as its own `HTTPValidationError` (`detail` an array), which our handler never sends
(core/exceptions.py renders `detail` as a sentence plus `errors`). A client generated from the document must see
the real shape, so the schema is rewritten once, when first asked for: 422 points at `ErrorRead`, every operation
also lists `4XX` (and `5XX`) with it, and FastAPI's two unused validation schemas are dropped.

Types no HTTP route returns but clients need are added as components too (`extra`): the WebSocket's messages,
`ServerEvent` (app/api/v1/ws.py), which OpenAPI has no way to describe on the socket route itself."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import TypeAdapter

from app.core.schemas import ErrorRead, FieldError

ERROR_REF = {"$ref": "#/components/schemas/ErrorRead"}
_CONTENT = {"application/json": {"schema": ERROR_REF}}
_EXTRA = {
    "4XX": {"description": "Refused: `detail` says why in words, `code` for programs", "content": _CONTENT},
    "5XX": {"description": "The server or a service it depends on failed", "content": _CONTENT},
}


def install_error_schema(app: FastAPI, extra: dict[str, Any] | None = None) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = with_extra_schemas(
                with_error_schema(
                    get_openapi(
                        title=app.title,
                        version=app.version,
                        summary=app.summary,
                        description=app.description,
                        routes=app.routes,
                    )
                ),
                extra or {},
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def with_error_schema(doc: dict[str, Any]) -> dict[str, Any]:
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["ErrorRead"] = ErrorRead.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas["ErrorRead"].pop("$defs", None)
    schemas["FieldError"] = FieldError.model_json_schema(ref_template="#/components/schemas/{model}")
    for path in doc.get("paths", {}).values():
        for operation in path.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            if "422" in responses:
                responses["422"] = {"description": "A field was refused: `errors` lists each", "content": _CONTENT}
            for key, value in _EXTRA.items():
                responses.setdefault(key, value)
    return doc


def with_extra_schemas(doc: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Add each type (a model or an annotated union) under its name, with the models it refers to."""
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name, type_ in extra.items():
        schema = TypeAdapter(type_).json_schema(ref_template="#/components/schemas/{model}", mode="serialization")
        for key, value in schema.pop("$defs", {}).items():
            schemas.setdefault(key, value)
        schemas[name] = schema
    return doc
