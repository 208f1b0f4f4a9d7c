"""case2021 format on a tiny gold file, with the F1 values worked out by hand."""

import json

import pytest

from coding.evaluation import evaluate, format_report
from coding.evaluation.case2021 import CASE_TO_ACLED
from schemas.events import acled_sub_event_types
from tests.evaluation.helpers import make_row, write_jsonl, write_pred

AC, ATT, PP = "Armed clash", "Attack", "Peaceful protest"
GOLD = [
    {"id": "c1", "text": "t", "label": "ARMED_CLASH", "label_group": "seen_acled"},
    {"id": "c2", "text": "t", "label": "ARMED_CLASH", "label_group": "seen_acled"},
    {"id": "c3", "text": "t", "label": "ARMED_CLASH", "label_group": "seen_acled"},
    {"id": "c4", "text": "t", "label": "ATTACK", "label_group": "seen_acled"},
    {"id": "c5", "text": "t", "label": "ATTACK", "label_group": "seen_acled"},
    {"id": "c6", "text": "t", "label": "PEACE_PROTEST", "label_group": "seen_acled"},
    {"id": "c7", "text": "t", "label": "PEACE_PROTEST", "label_group": "seen_acled"},
    {"id": "u1", "text": "t", "label": "DIPLO", "label_group": "unseen_subtask3"},
    {"id": "u2", "text": "t", "label": "NATURAL_DISASTER", "label_group": "unseen_subtask2"},
]
ROWS = [
    make_row("c1", acled_sub_event_type=AC, confidence=0.9),
    make_row("c1", acled_sub_event_type=ATT, confidence=0.5),
    # tie on confidence: the earlier sentence wins
    make_row("c2", acled_sub_event_type=ATT, confidence=0.8, sentence_index=1, evidence_start=10),
    make_row("c2", acled_sub_event_type=AC, confidence=0.8, sentence_index=0, evidence_start=50),
    # tie on confidence and sentence: the earlier evidence wins
    make_row("c3", acled_sub_event_type=ATT, confidence=0.7, evidence_start=5),
    make_row("c3", acled_sub_event_type=AC, confidence=0.7, evidence_start=3),
    make_row("c4", acled_sub_event_type=ATT, confidence=0.6),
    # c5: no row -> NONE
    # c6: the most confident row has no ACLED type -> NONE
    make_row("c6", acled_sub_event_type=None, confidence=0.95),
    make_row("c6", acled_sub_event_type=PP, confidence=0.5),
    make_row("c7", acled_sub_event_type=PP, confidence=0.4, sentence_index=2, evidence_start=9),
    make_row("c7", acled_sub_event_type=AC, confidence=0.4, sentence_index=2, evidence_start=1),
    make_row("u1", acled_sub_event_type="Agreement", confidence=0.6),
]


@pytest.fixture
def report(tmp_path):
    return evaluate(write_jsonl(tmp_path / "case.jsonl", GOLD), write_pred(tmp_path / "p.parquet", ROWS))


def test_mapping_covers_the_25_acled_sub_event_types():
    assert len(CASE_TO_ACLED) == 25
    assert set(CASE_TO_ACLED.values()) == set(acled_sub_event_types())


def test_accuracy_and_f1_by_hand(report):
    # predictions: c1 AC, c2 AC, c3 AC, c4 ATT, c5 NONE, c6 NONE, c7 AC
    # Armed clash: P 3/4, R 3/3, F1 6/7; Attack: P 1/1, R 1/2, F1 2/3; Peaceful protest: F1 0
    s = report["summary"]
    assert (s["correct"], s["records_seen"]) == (4, 7) and s["accuracy"] == pytest.approx(4 / 7)
    assert s["weighted_f1"] == pytest.approx((3 * 6 / 7 + 2 * 2 / 3 + 2 * 0) / 7)  # 82/147
    assert s["macro_f1"] == pytest.approx((6 / 7 + 2 / 3 + 0) / 3)  # 32/63: only classes in the gold
    assert s["classes_in_gold"] == 3 and s["predicted_none"] == 2


def test_per_class_table_sorted_by_f1(report):
    pc = report["per_class"]
    assert list(pc) == [AC, ATT, PP]
    assert (pc[AC]["support"], pc[AC]["predicted"], pc[AC]["precision"], pc[AC]["recall"]) == (3, 4, 0.75, 1.0)
    assert pc[ATT]["f1"] == pytest.approx(2 / 3) and pc[PP]["f1"] == 0.0
    assert "Agreement" not in pc  # predicted only on an unseen record


def test_unseen_types_reported_apart(report):
    s, unseen = report["summary"], report["unseen"]
    assert (s["records_unseen"], s["unseen_predicted_none"]) == (2, 1)
    assert unseen["DIPLO"]["predictions"] == {"Agreement": 1}
    assert unseen["NATURAL_DISASTER"]["none"] == 1


def test_report_text_and_json(report):
    json.dumps(report)
    text = format_report(report)
    assert "weighted_f1" in text and "Armed clash" in text and "macro" in text
