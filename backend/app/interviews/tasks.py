"""`interviews.prepare` (a session's questions) and `interviews.feedback` (one answer's streamed feedback)."""

from __future__ import annotations

from app.core.events import user_channel
from app.interviews import flow
from app.interviews.schemas import InterviewFeedback
from app.llm.client import open_llm_client
from app.realtime.envelope import envelope
from app.tasks.registry import TaskContext, copilot_task


@copilot_task("interviews.prepare", title="Preparing your interview", acks_late=True)
async def prepare_interview(ctx: TaskContext, session_id: int, count: int) -> str:
    """Generate the questions (LLM or the offline bank); the session turns from preparing to active."""
    async with open_llm_client(ctx.settings, ctx.rt.session_factory) as client:
        outcome = await flow.prepare_questions(ctx.session, client, session_id, count)
    await ctx.progress(100, "Questions ready")
    return outcome


@copilot_task("interviews.feedback", title="Scoring your answer", acks_late=True)
async def give_feedback(ctx: TaskContext, answer_id: int) -> str:
    """Score one answer and stream its feedback as `interview.feedback` events."""

    async def publish(user_id: int, event: InterviewFeedback) -> None:
        await ctx.rt.bus.publish(user_channel(user_id), envelope(event))

    async with open_llm_client(ctx.settings, ctx.rt.session_factory) as client:
        return await flow.write_feedback(ctx.session, client, answer_id, publish)
