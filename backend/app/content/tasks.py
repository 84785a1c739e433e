"""`content.generate`: write a cover letter or tailored resume, streaming it to the user's tabs as it comes."""

from __future__ import annotations

import time

import structlog

from app.content import repository, service
from app.content.generation import generate
from app.content.inputs import load_inputs
from app.content.schemas import ContentDelta, ContentDeltaData
from app.core.db import read_scope
from app.core.events import user_channel
from app.core.exceptions import AppError
from app.llm.client import open_llm_client
from app.models.content import GeneratedDocument, GenerationStatus
from app.realtime.envelope import envelope
from app.tasks.registry import TaskCancelled, TaskContext, copilot_task

log = structlog.get_logger(__name__)
CANCEL_CHECK_SECONDS = 0.2


class CancelFlag:
    """`should_cancel` for a stream: reads the task's cancel flag, at most every CANCEL_CHECK_SECONDS."""

    def __init__(self, ctx: TaskContext) -> None:
        self.ctx = ctx
        self.checked_at = 0.0
        self.cancelled = False

    async def __call__(self) -> bool:
        if self.cancelled or time.monotonic() - self.checked_at < CANCEL_CHECK_SECONDS:
            return self.cancelled
        self.checked_at = time.monotonic()
        async with read_scope(self.ctx.rt.session_factory) as session:
            flag = await repository.cancel_requested(session, self.ctx.task_id)
        self.cancelled = flag
        return self.cancelled


@copilot_task("content.generate", title="Writing", acks_late=True)
async def generate_document(ctx: TaskContext, document_id: int) -> str:
    """Gather the inputs, generate (LLM streamed, or offline), guard, store version 1, announce `done`."""
    async with ctx.session() as session:
        doc = await session.get(GeneratedDocument, document_id)
        if doc is None or doc.status != GenerationStatus.generating:
            return "nothing to do"
        user_id, kind, options = doc.user_id, doc.kind, dict(doc.options or {})
        try:
            inputs = await load_inputs(
                session, user_id, doc.job_posting_id, doc.resume_id, str(options.get("why_company") or "")
            )
        except AppError as exc:
            service.fail(session, doc, exc.message)
            return "failed"
    await ctx.progress(10, "Writing")
    channel = user_channel(user_id)

    async def on_delta(delta: str) -> None:
        data = ContentDeltaData(document_id=document_id, delta=delta, done=False)
        await ctx.rt.bus.publish(channel, envelope(ContentDelta(data=data)))

    cancel = CancelFlag(ctx)
    try:  # no transaction is open while the model writes: the client records its usage in short ones of its own
        async with open_llm_client(ctx.settings, ctx.rt.session_factory) as client:
            outcome = await generate(
                client, inputs, kind, options, user_id=user_id, on_delta=on_delta, should_cancel=cancel
            )
    except Exception as exc:
        log.exception("content_generation_failed", document_id=document_id)
        message = exc.message if isinstance(exc, AppError) else "Generation failed unexpectedly; please try again."
        async with ctx.session() as session:
            doc = await session.get(GeneratedDocument, document_id)
            if doc is not None and doc.status == GenerationStatus.generating:
                service.fail(session, doc, message)
        raise
    outcome.cancelled = outcome.cancelled or await cancel()
    async with ctx.session() as session:
        doc = await session.get(GeneratedDocument, document_id)
        if doc is None:
            return "document deleted"
        if doc.status != GenerationStatus.generating:  # cancelled while it was written
            return doc.status.value
        await service.finish(session, doc, outcome)
        status = doc.status.value
    if outcome.cancelled:
        raise TaskCancelled("cancelled by its owner")
    await ctx.progress(100, status)
    return status
