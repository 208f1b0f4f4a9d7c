"""Floors on the hand-written wire stories (tests/data/stories: our own writing, 147 stories).

Full stories mix events with what must not become an asserted event (expectations, habits,
schedules, accusations, mediators' appeals) and name most actors only by sector, so they
exercise the story-level mechanisms the sentence sets do not. The floors sit a little below
the measured figures (python tools/storyscore.py) so a change that generalises is not blocked.
"""

from pathlib import Path

from coding.evaluation.stories import score_stories

STORIES = Path(__file__).resolve().parent.parent / "data" / "stories"
FLOORS = {"required_recall": 0.84, "precision": 0.65}  # measured: 0.860 / 0.726 (147 stories)
# Two of the 150 negatives are still asserted: a party's own claim of a capture ("the rebels said they had
# captured several towns") and an undated standing fact in a main clause ("has pledged allegiance to IS").
MAX_NEGATIVES_ASSERTED = 2


def test_story_floors():
    summary = score_stories(STORIES)["summary"]
    assert summary["stories"] >= 30
    for metric, floor in FLOORS.items():
        assert summary[metric] >= floor, (metric, summary)
    assert summary["negatives_asserted"] <= MAX_NEGATIVES_ASSERTED, summary
