"""Floors on the hand-written wire stories (tests/data/stories: our own writing, 195 stories).

Full stories mix events with what must not become an asserted event (expectations, habits,
schedules, accusations, mediators' appeals) and name most actors only by sector, so they
exercise the story-level mechanisms the sentence sets do not. The floors sit a little below
the measured figures (python tools/storyscore.py) so a change that generalises is not blocked.
"""

from pathlib import Path

from coding.evaluation.stories import score_stories

STORIES = Path(__file__).resolve().parent.parent / "data" / "stories"
FLOORS = {"required_recall": 0.81, "precision": 0.65}  # measured: 0.828 / 0.667 (195 stories)
# Twenty-two of the 264 negatives are still asserted: a party's own claim of a capture ("the rebels said they had
# captured several towns"), an undated standing fact in a main clause ("has pledged allegiance to IS"), two from
# the twenty-second batch (a group's self-description, "CODECO says it defends Lendu farmers"; a conflict's total
# attributed to the monitor quoted, "has killed more than 6,000 people, according to the ACLED monitoring group"),
# one from the twenty-third (a standing demand in the present, "insists that Fano must first lay down its
# weapons"), five from the twenty-fourth (first look 0.44 / 0.34 / 6 of 18), four from the twenty-fifth (first
# look 0.49 / 0.40 / 4 of 16; one is gone), four from the twenty-sixth (first look 0.615 / 0.365 / 5 of 24) and
# five from the twenty-seventh, added unworked (first look 0.565 / 0.385 / 5 of 24; the code of that session's
# start, dd4c4ca, 0.478 / 0.316 / 5). The last six batches were written by a team member who does not read the coder.
MAX_NEGATIVES_ASSERTED = 22


def test_story_floors():
    summary = score_stories(STORIES)["summary"]
    assert summary["stories"] >= 30
    for metric, floor in FLOORS.items():
        assert summary[metric] >= floor, (metric, summary)
    assert summary["negatives_asserted"] <= MAX_NEGATIVES_ASSERTED, summary
