"""The WebSocket's messages as a typed contract: one model per `type`, published in the OpenAPI document as the
discriminated union `ServerEvent`, and sent on the wire in the shape docs/design.md §4 gives."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import TypeAdapter, ValidationError

from app.api.v1.ws import ServerEvent
from app.applications.schemas import ApplicationUpdated, ApplicationUpdatedData
from app.main import create_app
from app.models.application import ApplicationStatus
from app.realtime.envelope import Event, TaskProgress, TaskProgressData, envelope
from app.tasks.registry import task_title


def _types() -> set[str]:
    union = get_args(get_args(ServerEvent)[0])
    return {model.model_fields["type"].default for model in union}


def test_the_openapi_document_publishes_the_union_with_every_type(settings: Any) -> None:
    doc = create_app(settings).openapi()
    schemas = doc["components"]["schemas"]
    union = schemas["ServerEvent"]
    assert union["discriminator"]["propertyName"] == "type"
    assert set(union["discriminator"]["mapping"]) == _types() >= {"application.updated", "task.progress", "ping"}
    # Every field is present on the wire, defaults included, so the generated types need no optional checks.
    assert set(schemas["JobMatched"]["required"]) == {"id", "ts", "type", "data"}
    assert "rebuilt" in schemas["JobMatchedData"]["required"]
    refs = set(re.findall(r"#/components/schemas/([\w.-]+)", str(doc)))
    assert refs - set(schemas) == set()


def test_every_event_type_is_handled_or_named_by_the_frontend() -> None:
    # The frontend dispatches on the generated union; a type the server sends that no part of the frontend knows
    # would be ignored in silence. Handlers are registered per feature (src/features/*/realtime.ts) and the
    # connection handles its own (ready, ping, pong, auth.*).
    frontend = Path(__file__).resolve().parents[3] / "frontend" / "src"
    sources = "".join(p.read_text() for p in frontend.rglob("*.ts*") if ".test." not in p.name)
    missing = [t for t in _types() if f"'{t}'" not in sources]
    assert missing == []


def test_the_wire_shape_is_the_designed_envelope() -> None:
    event = ApplicationUpdated(
        data=ApplicationUpdatedData(id=7, job_posting_id=3, status=ApplicationStatus.applied, change="updated")
    )
    wire = envelope(event)
    assert set(wire) == {"id", "type", "data", "ts"} and wire["id"] is None
    assert wire["type"] == "application.updated"
    assert wire["data"] == {"id": 7, "job_posting_id": 3, "status": "applied", "change": "updated"}
    parsed = TypeAdapter(ServerEvent).validate_python(wire)
    assert isinstance(parsed, ApplicationUpdated) and isinstance(parsed, Event)


def test_a_message_of_the_wrong_shape_is_refused() -> None:
    adapter = TypeAdapter(ServerEvent)
    with pytest.raises(ValidationError):
        adapter.validate_python({"id": None, "type": "application.updated", "data": {"id": 1}, "ts": "2026-12-08"})
    with pytest.raises(ValidationError):
        adapter.validate_python({"id": None, "type": "no.such.event", "data": {}, "ts": "2026-12-08T00:00:00Z"})


def test_task_progress_carries_the_title_the_task_was_registered_with() -> None:
    import app.resumes.tasks  # noqa: F401  (registers resumes.process)

    assert task_title("resumes.process") == "Reading your resume"
    assert task_title("resumes.parse_upload") == "Parse upload"  # unregistered: its verb
    assert task_title("") == "Background task"
    data = TaskProgressData(task_id="t", name="resumes.process", title=task_title("resumes.process"), progress=5,
                            message="Reading")  # fmt: skip
    assert envelope(TaskProgress(data=data))["data"]["title"] == "Reading your resume"


def test_streamed_text_keeps_its_spaces() -> None:
    from app.content.schemas import ContentDelta, ContentDeltaData

    # The API's request bodies strip whitespace; a streamed piece must not ("You" + " framed").
    piece = ContentDelta(data=ContentDeltaData(document_id=1, delta=" framed ", done=False))
    assert envelope(piece)["data"]["delta"] == " framed "
