"""Which status moves are allowed (docs/design.md §3), and why a refused one is refused."""

from __future__ import annotations

from functools import cache

from app.models.application import ApplicationStatus as S

PIPELINE = [S.interested, S.applied, S.interview, S.offer, S.accepted]
CLOSED_OUTCOMES = {S.rejected, S.withdrawn, S.ghosted}
TERMINAL = {S.accepted, S.rejected, S.withdrawn}
GHOSTED_REVIVALS = {S.interview, S.rejected}

LABELS = {
    S.interested: "Interested",
    S.applied: "Applied",
    S.interview: "Interview",
    S.offer: "Offer",
    S.accepted: "Accepted",
    S.rejected: "Rejected",
    S.withdrawn: "Withdrawn",
    S.ghosted: "Ghosted",
}


def stage(status: S) -> int | None:
    return PIPELINE.index(status) if status in PIPELINE else None


def refusal(current: S, target: S, previous: S | None) -> str | None:
    """None when `current -> target` is allowed, else the reason in words.

    `previous` is the status before the last move: going back to it undoes a mistake."""
    if target == current:
        return None
    if previous is not None and target == previous:
        return None  # undo the last move
    cur, tgt = stage(current), stage(target)
    if cur is not None and tgt is not None:
        if tgt > cur:
            return None  # forward to any later stage; skipped stages count as reached
        if tgt == cur - 1:
            return None  # one step back
        return (
            f"Cannot move back from {LABELS[current]} to {LABELS[target]}: only one step back is allowed "
            f"(to {LABELS[PIPELINE[cur - 1]]})."
        )
    if current not in TERMINAL and current != S.ghosted and target in CLOSED_OUTCOMES:
        return None  # any open stage can end as rejected, withdrawn or ghosted
    if current == S.ghosted:
        if target in GHOSTED_REVIVALS:
            return None
        return f"A ghosted application can only come back as Interview or end as Rejected, not {LABELS[target]}."
    if current in TERMINAL:
        return f"{LABELS[current]} is final: it can only be undone back to the status it had before."
    return f"Cannot move from {LABELS[current]} to {LABELS[target]}."


def allowed_targets(current: S, previous: S | None) -> list[S]:
    return list(_allowed_targets(current, previous))


@cache
def _allowed_targets(current: S, previous: S | None) -> tuple[S, ...]:
    """Pure in its two statuses (81 combinations): every card of a board asks, so each answer is kept."""
    return tuple(s for s in S if s != current and refusal(current, s, previous) is None)
