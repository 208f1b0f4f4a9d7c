"""plover_gsr format on a tiny gold file."""

import json

import pytest

from coding.evaluation import evaluate, format_report
from tests.evaluation.helpers import make_row, write_jsonl, write_pred

GOLD = [
    {"id": "g1", "event": "AGREE", "event_current_plover_derived": "AGREE",
     "source": [{"actorText": "Tokyo", "code": "JAP"}], "target": ""},
    {"id": "g2", "event": "DEMAND", "event_current_plover_derived": "REQUEST",
     "source": [{"actorText": "United Nations", "code": "IGO"}]},
    {"id": "g3", "event": "ASSAULT", "source": [{"actorText": "US troops", "code": "USA", "sector": "MIL"}]},
    {"id": "g4", "event": "AGREE", "event_current_plover_derived": "AGREE",
     "source": [{"actorText": "Italy", "code": "ITL"}]},
]
ROWS = [
    make_row("g1", plover_event_type="AGREE", actor1_country="JPN"),  # type and country (JAP -> JPN)
    make_row("g1", plover_event_type="CONSULT", actor1_country="JPN"),  # wrong type
    make_row("g2", plover_event_type="REQUEST", actor1_country="IGO"),  # derived type, IGO country
    make_row("g3", plover_event_type="ASSAULT", actor1_country="RUS"),  # fallback type, wrong country
    make_row("g3", plover_event_type="PROTEST", actor1_country="USA"),  # wrong type
    make_row("g4", plover_event_type=None),  # no type: not counted for precision
    make_row("other", plover_event_type="AGREE", actor1_country="ITA"),  # not a gold record
]


@pytest.fixture
def report(tmp_path):
    return evaluate(write_jsonl(tmp_path / "plover.jsonl", GOLD), write_pred(tmp_path / "p.parquet", ROWS))


def test_recall_with_and_without_country(report):
    s = report["summary"]
    assert report["format"] == "plover_gsr"
    assert (s["type_found"], s["records"], s["type_recall"]) == (3, 4, 0.75)
    assert (s["type_country_found"], s["type_country_recall"]) == (2, 0.5)


def test_type_precision(report):
    s = report["summary"]
    assert (s["rows_correct"], s["rows_typed"], s["type_precision"]) == (3, 5, 0.6)
    assert s["rows"] == 6


def test_per_type_table(report):
    t = report["per_type"]
    assert list(t)[0] == "AGREE"  # most support first
    assert (t["AGREE"]["support"], t["AGREE"]["found"], t["AGREE"]["recall"]) == (2, 1, 0.5)
    assert (t["ASSAULT"]["found"], t["ASSAULT"]["found_country"]) == (1, 0)
    assert (t["CONSULT"]["support"], t["CONSULT"]["predicted_rows"], t["CONSULT"]["precision"]) == (0, 1, 0.0)
    assert t["CONSULT"]["recall"] is None
    assert report["missed"] == [{"id": "g4", "gold_type": "AGREE", "predicted_types": []}]


def test_report_text_and_json(report):
    json.dumps(report)
    assert "Per-type recall" in format_report(report)
