"""Every move between two statuses, allowed or refused, against the rules of docs/design.md §3."""

from __future__ import annotations

import pytest

from app.applications.transitions import allowed_targets, refusal
from app.models.application import ApplicationStatus as S

# From each status (with no undo available), exactly these targets are allowed.
EXPECTED = {
    S.interested: {S.applied, S.interview, S.offer, S.accepted, S.rejected, S.withdrawn, S.ghosted},
    S.applied: {S.interested, S.interview, S.offer, S.accepted, S.rejected, S.withdrawn, S.ghosted},
    S.interview: {S.applied, S.offer, S.accepted, S.rejected, S.withdrawn, S.ghosted},
    S.offer: {S.interview, S.accepted, S.rejected, S.withdrawn, S.ghosted},
    S.accepted: {S.offer},
    S.rejected: set(),
    S.withdrawn: set(),
    S.ghosted: {S.interview, S.rejected},
}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_every_pair(current: S, target: S) -> None:
    reason = refusal(current, target, previous=None)
    if target == current or target in EXPECTED[current]:
        assert reason is None, f"{current} -> {target} should be allowed: {reason}"
    else:
        assert reason, f"{current} -> {target} should be refused"
        assert len(reason) > 20  # a sentence a person can read, not a code


def test_allowed_targets_matches_the_table() -> None:
    for current, targets in EXPECTED.items():
        assert set(allowed_targets(current, None)) == targets


@pytest.mark.parametrize(
    ("current", "previous"),
    [
        (S.rejected, S.interview),
        (S.withdrawn, S.applied),
        (S.accepted, S.interested),
        (S.offer, S.interested),
        (S.ghosted, S.applied),
    ],
)
def test_undo_returns_to_the_status_before_the_last_move(current: S, previous: S) -> None:
    assert refusal(current, previous, previous=previous) is None


def test_refusal_reasons_explain() -> None:
    assert "only one step back" in (refusal(S.offer, S.interested, None) or "")
    assert "final" in (refusal(S.rejected, S.applied, None) or "")
    assert "ghosted" in (refusal(S.ghosted, S.offer, None) or "").lower()
