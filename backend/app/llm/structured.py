"""How to ask a model for JSON matching a Pydantic schema, by what the model supports:

- `json_schema_strict`: response_format json_schema with `strict: true` (constrained decoding), when the schema can
  be made strict (every object closed, every property required; OpenAI's and Groq's documented requirements);
- `json_schema`: the same without `strict` (the model follows it on a best-effort basis);
- `json_object`: JSON mode, with the schema in a system message.

Whatever the mode, the answer is validated by Pydantic afterwards; strictness only makes a repair less likely."""

from __future__ import annotations

import copy
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from app.llm.cache import canonical_json
from app.llm.providers import StructuredOutput

Messages = list[dict[str, str]]
T = TypeVar("T", bound=BaseModel)
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.S)


def response_format_for(
    schema: type[BaseModel], messages: Messages, mode: StructuredOutput
) -> tuple[Messages, dict[str, Any]]:
    """The messages to send and the `response_format` field for `schema`."""
    json_schema = schema.model_json_schema()
    name = re.sub(r"[^A-Za-z0-9_-]", "_", schema.__name__)[:64] or "answer"
    if mode in ("json_schema_strict", "json_schema"):
        strict = to_strict(json_schema) if mode == "json_schema_strict" else None
        body: dict[str, Any] = {"name": name, "schema": strict or json_schema, "strict": strict is not None}
        return messages, {"type": "json_schema", "json_schema": body}
    instruction = {
        "role": "system",
        "content": "Answer with one JSON object that matches this JSON Schema, and nothing else:\n"
        + canonical_json(json_schema),
    }
    return [instruction, *messages], {"type": "json_object"}


def to_strict(json_schema: dict[str, Any]) -> dict[str, Any] | None:
    """A copy in the form strict mode accepts, or None when the schema cannot be closed (a dict field with free
    keys: strict mode has no way to say "any key")."""
    result = copy.deepcopy(json_schema)
    return result if _close(result) else None


_SCHEMA_MAPS = ("properties", "$defs", "definitions", "patternProperties")
_SUBSCHEMAS = ("items", "prefixItems", "anyOf", "allOf", "oneOf", "not", "additionalProperties")


def _close(node: Any) -> bool:
    if isinstance(node, list):
        return all(_close(item) for item in node)
    if not isinstance(node, dict):
        return True
    node.pop("default", None)  # not allowed in strict mode; Pydantic still fills defaults when validating
    if node.get("type") == "object" or "properties" in node:
        if node.get("additionalProperties") not in (None, False) or "patternProperties" in node:
            return False
        node["additionalProperties"] = False
        node["required"] = list(node.get("properties", {}))
    closed = True
    for key, value in node.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            closed = all(_close(sub) for sub in value.values()) and closed
        elif key in _SUBSCHEMAS:
            closed = _close(value) and closed
    return closed


def parse_answer(schema: type[T], content: str) -> T:
    """Validate the answer; JSON wrapped in a Markdown fence (some servers in JSON mode) is unwrapped first."""
    match = _FENCE.match(content)
    return schema.model_validate_json(match.group(1) if match else content.strip() or "null")


def describe_errors(exc: ValidationError) -> str:
    errors = exc.errors()[:5]
    parts = [f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}" for e in errors]
    return "; ".join(parts)


def repair_message(exc: ValidationError) -> dict[str, str]:
    return {
        "role": "user",
        "content": "Your answer was not valid: "
        + describe_errors(exc)
        + ". Reply again with only the corrected JSON object, matching the schema exactly.",
    }
