"""Tune / check halves: a stable partition of any development set by record id."""

import json
import subprocess
import sys

import pytest

from coding.evaluation import evaluate, half_of
from coding.evaluation.gold import load_gold
from coding.evaluation.split import select_half
from tests.evaluation.helpers import make_row, write_jsonl, write_pred


def _petr_records(n):
    return [{"id": f"doc-{i}", "text": "x", "expected": [{"source": "USA", "target": "RUS", "code": "042"}]} for i in range(n)]


def test_half_of_is_stable_and_splits_about_evenly():
    ids = [f"record-{i}" for i in range(2000)]
    first = [half_of(i) for i in ids]
    assert first == [half_of(i) for i in ids]  # a pure function of the id
    tune = first.count("tune")
    assert 850 < tune < 1150 and set(first) == {"tune", "check"}
    assert half_of(17) == half_of("17")  # integer and text ids of the same value agree


def test_select_half_partitions_the_records(tmp_path):
    gold = load_gold(write_jsonl(tmp_path / "g.jsonl", _petr_records(40)))
    tune, check = select_half(gold, "tune"), select_half(gold, "check")
    ids = lambda g: {r["id"] for r in g.data}  # noqa: E731
    assert ids(tune) | ids(check) == ids(gold) and not ids(tune) & ids(check)
    assert select_half(gold, None) is gold
    with pytest.raises(ValueError):
        select_half(gold, "dev")


def test_evaluate_scores_only_the_chosen_half(tmp_path):
    records = _petr_records(30)
    gold = write_jsonl(tmp_path / "g.jsonl", records)
    # Rows that find the event only on the tune half's records.
    rows = [make_row(r["id"], cameo_code="042", actor1_code="USA", actor2_code="RUS")
            for r in records if half_of(r["id"]) == "tune"]
    pred = write_pred(tmp_path / "p.parquet", rows)
    tune = evaluate(gold, pred, half="tune")
    check = evaluate(gold, pred, half="check")
    assert tune["half"] == "tune" and tune["summary"]["recall"] == 1.0
    assert check["summary"]["recall"] == 0.0
    assert tune["summary"]["expected"] + check["summary"]["expected"] == 30


def test_cli_half_option(tmp_path):
    records = _petr_records(10)
    gold = write_jsonl(tmp_path / "g.jsonl", records)
    pred = write_pred(tmp_path / "p.parquet", [])
    out = subprocess.run([sys.executable, "-m", "coding.cli", "evaluate", str(gold), str(pred), "--half", "check", "--json"],
                         capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert report["half"] == "check"
    assert report["summary"]["records"] == sum(half_of(r["id"]) == "check" for r in records)
