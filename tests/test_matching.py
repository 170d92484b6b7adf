"""The scorer pairs predictions with gold one to one, as many pairs as can be made: a prediction
that two gold items accept goes to the one no other prediction can take."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.evaluate import event_matches, match


def _event(description: str, date: str | None) -> dict[str, Any]:
    return {"description": description, "date": date}


@pytest.mark.parametrize(
    ("preds", "golds", "tp"),
    [
        # the first gold accepts both predictions, the second only the first: greedy in gold order
        # would give the first prediction to the first gold and leave the second gold unpaired
        (
            [_event("council vote on budget", "2024-03"), _event("council vote", "2024-03-05")],
            [_event("council vote", "2024-03"), _event("budget hearing", "2024-03")],
            2,
        ),
        ([_event("Jane Roe sentenced", "2024-01-02")], [_event("Roe sentenced", "2024-01-02")], 1),
        ([_event("Jane Roe sentenced", "2024-01-03")], [_event("Roe sentenced", "2024-01-02")], 0),
        ([], [_event("Roe sentenced", "2024-01-02")], 0),
        ([_event("a vote", "2024-01-02"), _event("a vote", "2024-01-02")], [_event("the vote", "2024-01")], 1),
    ],
)
def test_pairing_is_the_largest_one_to_one(preds: list[dict[str, Any]], golds: list[dict[str, Any]], tp: int) -> None:
    score, missed, extra = match(preds, golds, event_matches)
    assert score.tp == tp
    assert len(missed) == len(golds) - tp and len(extra) == len(preds) - tp
