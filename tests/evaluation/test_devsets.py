"""The real development gold files are detected and parsed (skipped when ../shared/eval is absent)."""

import pytest

from coding.evaluation import detect_format, evaluate
from tests.evaluation.helpers import SHARED_EVAL, write_pred

pytestmark = pytest.mark.devsets


@pytest.fixture(scope="module")
def eval_dir():
    if not SHARED_EVAL.is_dir():
        pytest.skip(f"development sets not found at {SHARED_EVAL} (they sit beside the project, not in it)")
    return SHARED_EVAL


def _check(eval_dir, tmp_path, name):
    gold = eval_dir / f"{name}.gold.jsonl"
    if not gold.is_file():
        pytest.skip(f"{gold} not found")
    lines = sum(1 for line in gold.read_text(encoding="utf-8").splitlines() if line.strip())
    assert detect_format(gold) == name
    report = evaluate(gold, write_pred(tmp_path / "empty.parquet", []))
    assert report["format"] == name
    return report["summary"], lines


def test_petr_gsr_gold_is_detected_and_parsed(eval_dir, tmp_path):
    s, lines = _check(eval_dir, tmp_path, "petr_gsr")
    assert s["records"] == lines and s["expected"] > 0 and s["found"] == 0


def test_plover_gsr_gold_is_detected_and_parsed(eval_dir, tmp_path):
    s, lines = _check(eval_dir, tmp_path, "plover_gsr")
    assert s["records"] == lines and s["type_found"] == 0


def test_case2021_gold_is_detected_and_parsed(eval_dir, tmp_path):
    s, lines = _check(eval_dir, tmp_path, "case2021")
    assert s["records_seen"] + s["records_unseen"] == lines
    assert s["classes_in_gold"] == 25 and s["predicted_none"] == s["records_seen"]
