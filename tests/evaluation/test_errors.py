"""Clear errors for gold files of no known format (E301) and unusable predictions (E302)."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coding.errors import ErrorCode, GoldFormatError
from coding.evaluation import evaluate
from tests.conftest import SEED_GOLD
from tests.evaluation.helpers import make_row, write_jsonl, write_pred

PETR = [{"id": "p1", "expected": [{"source": "USA", "target": "CHN", "code": "042"}]}]


@pytest.mark.parametrize("content", [
    "just some words\n",
    "",
    json.dumps({"id": "x", "text": "no labels here"}) + "\n",
    json.dumps(PETR[0]) + "\n" + json.dumps({"id": "c1", "label": "ARMED_CLASH", "label_group": "seen_acled"}) + "\n",
    json.dumps(PETR[0]) + "\n{broken\n",
    "[1, 2]",
])
def test_unknown_gold_format_is_e301_naming_the_file(tmp_path, content):
    gold = tmp_path / "mystery.gold"
    gold.write_text(content, encoding="utf-8")
    pred = write_pred(tmp_path / "p.parquet", [make_row("p1")])
    with pytest.raises(GoldFormatError) as err:
        evaluate(gold, pred)
    assert err.value.code is ErrorCode.E301_GOLD_FORMAT
    assert "E301" in str(err.value) and str(gold) in str(err.value)


def test_missing_gold_file_is_e301(tmp_path):
    with pytest.raises(GoldFormatError) as err:
        evaluate(tmp_path / "absent.json", tmp_path / "p.parquet")
    assert err.value.code is ErrorCode.E301_GOLD_FORMAT


def test_prediction_without_required_columns_is_e302(tmp_path):
    gold = write_jsonl(tmp_path / "petr.jsonl", PETR)
    pred = tmp_path / "thin.parquet"
    pq.write_table(pa.table({"doc_id": ["p1"], "cameo_code": ["042"]}), pred)
    with pytest.raises(GoldFormatError) as err:
        evaluate(gold, pred)
    assert err.value.code is ErrorCode.E302_PRED_FORMAT
    assert "actor1_code" in str(err.value) and "actor2_code" in str(err.value) and str(pred) in str(err.value)


def test_prediction_that_is_not_parquet_is_e302(tmp_path):
    pred = tmp_path / "rows.parquet"
    pred.write_text("not parquet", encoding="utf-8")
    with pytest.raises(GoldFormatError) as err:
        evaluate(SEED_GOLD, pred)
    assert err.value.code is ErrorCode.E302_PRED_FORMAT


def test_missing_prediction_file_is_e302(tmp_path):
    with pytest.raises(GoldFormatError) as err:
        evaluate(SEED_GOLD, tmp_path / "absent.parquet")
    assert err.value.code is ErrorCode.E302_PRED_FORMAT
