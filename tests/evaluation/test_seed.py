"""Seed gold format, scored on hand-built rows for the committed seed story gold."""

import json
from datetime import date

import pytest

from coding.evaluation import detect_format, evaluate, format_report
from tests.conftest import SEED_GOLD
from tests.evaluation.helpers import make_row, write_pred

DOC = "000_cf0af4194375d345"
# Only the evidence clause: the full sentence also holds most words of seed-11's evidence.
SHELLING = "Russian shelling Saturday on the Kholodnogirskiy district of the city had left at least one person dead and two injured."
ACLED_SHELLING = {"acled_event_type": "Explosions/Remote violence",
                  "acled_sub_event_type": "Shelling/artillery/missile attack"}


def seed_rows() -> list[dict]:
    return [
        # seed-01 found, every judged field right (admin1 "Kharkiv Oblast" == gold "Kharkiv")
        make_row(DOC, sentence_index=0, cameo_code="0874", actor1_country="RUS", actor1_sector="MIL",
                 actor2_country="UKR", event_date=date(2022, 9, 11), admin1="Kharkiv Oblast",
                 acled_event_type="Strategic developments", acled_sub_event_type="Non-violent transfer of territory",
                 sentence_text="Russia said it was pulling back troops from the eastern Kharkiv region of Ukraine as "
                               "Kyiv announced massive territorial gains in its lightning counter-offensive."),
        # seed-10 found: code acceptable not exact, actor2 sector missing, date two days off, point within 50 km
        make_row(DOC, sentence_index=32, cameo_code="195", actor1_country="RUS", actor1_sector="MIL",
                 actor2_country="UKR", event_date=date(2022, 9, 12), latitude=49.99, longitude=36.23,
                 fatalities=1, sentence_text=SHELLING, **ACLED_SHELLING),
        # a weaker row for seed-10: still correct for precision, but not the one judged for fields
        make_row(DOC, sentence_index=32, cameo_code="190", actor1_country="RUS", actor2_country="UKR",
                 modality="claimed", sentence_text=SHELLING),
        # seed-06 missed: wrong source country
        make_row(DOC, sentence_index=26, cameo_code="042", actor1_country="FRA", actor2_country="UKR",
                 sentence_text="German Foreign Minister Annalena Baerbock arrived in the Ukrainian capital on Saturday "
                               "for a surprise visit, which she said was to demonstrate Berlin's support for Ukraine."),
        # seed-12 missed: code outside the list and of another root
        make_row(DOC, sentence_index=37, cameo_code="010", actor1_country="FRA", actor2_country="UKR",
                 sentence_text="French President Emmanuel Macron spoke with Zelensky on Saturday and said the "
                               "situation at the plant was \"worrying,\" according to the Elysee."),
        # optional seed-19 found (the gold names no actors, so none are required)
        make_row(DOC, sentence_index=22, cameo_code="180", modality="claimed",
                 sentence_text="Russian news agencies meanwhile reported six large explosions in Nova Kakhovka, "
                               "a town held by Russian troops in the southern Kherson region."),
        # negative seed-n1 coded as asserted
        make_row(DOC, sentence_index=8, cameo_code="192", actor1_country="UKR", actor2_country="RUS",
                 sentence_text="Observers expect Ukrainian forces to make further gains in the Kharkiv region, which "
                               "borders Russia and has been either controlled by Russia or shelled by its artillery for months."),
        # negative seed-n2 coded, but as claimed
        make_row(DOC, sentence_index=9, cameo_code="192", actor1_country="UKR", actor2_country="RUS",
                 modality="claimed",
                 sentence_text="There was no official confirmation that Kyiv’s troops had also routed Russian forces "
                               "from Izyum — an important staging ground for Russia’s war effort."),
        # another document: ignored even though it would match seed-02
        make_row("another-doc", cameo_code="190", actor1_country="RUS", actor2_country="UKR",
                 sentence_text="Russian forces were fighting difficult battles against Kyiv's troops in several "
                               "parts of eastern Donetsk region."),
    ]


@pytest.fixture
def report(tmp_path):
    return evaluate(SEED_GOLD, write_pred(tmp_path / "pred.parquet", seed_rows()))


def test_detected_as_seed():
    assert detect_format(SEED_GOLD) == "seed"


def test_recall_and_missed_ids(report):
    s = report["summary"]
    assert (s["required_found"], s["required_total"]) == (2, 12)
    assert s["required_recall"] == pytest.approx(2 / 12)
    assert report["found_required"] == ["seed-01", "seed-10"]
    assert "seed-06" in report["missed_required"] and "seed-12" in report["missed_required"]
    assert len(report["missed_required"]) == 10
    assert report["found_optional"] == ["seed-19"] and s["optional_found"] == 1


def test_precision_over_all_rows_and_asserted_rows(report):
    s = report["summary"]
    assert (s["rows_correct"], s["rows"], s["precision"]) == (4, 8, 0.5)
    assert (s["asserted_rows_correct"], s["asserted_rows"], s["asserted_precision"]) == (2, 5, 0.4)


def test_negatives_asserted_counts_only_asserted_rows(report):
    assert report["summary"]["negatives_asserted"] == 1
    assert report["negatives"] == [{"id": "seed-n1", "rows": 1, "asserted_rows": 1},
                                   {"id": "seed-n2", "rows": 1, "asserted_rows": 0}]


def test_field_accuracy_uses_the_best_row_of_each_required_event(report):
    got = {f: (s["correct"], s["total"]) for f, s in report["fields"].items()}
    assert got == {"code_exact": (1, 2), "code_acceptable": (2, 2), "actor1_sector": (2, 2),
                   "actor2_sector": (0, 1), "date": (1, 2), "location": (2, 2), "acled": (2, 2),
                   "fatalities": (2, 2)}
    seed10 = next(e for e in report["events"] if e["id"] == "seed-10")
    assert seed10["rows_matched"] == 2 and seed10["best_row"]["cameo_code"] == "195"


def test_location_outside_50_km_and_wrong_acled_are_wrong(tmp_path):
    row = seed_rows()[1] | {"latitude": 50.45, "longitude": 30.52, "acled_event_type": None,
                            "acled_sub_event_type": None, "fatalities": None}
    rep = evaluate(SEED_GOLD, write_pred(tmp_path / "p.parquet", [row]))
    assert rep["fields"]["location"]["correct"] == 0 and rep["fields"]["location"]["total"] == 1
    assert rep["fields"]["acled"]["correct"] == 0 and rep["fields"]["fatalities"]["correct"] == 0


def test_report_is_json_and_text(report):
    assert json.loads(json.dumps(report))["format"] == "seed"
    text = format_report(report)
    assert "required_recall" in text and "seed-n1" in text and "code_exact" in text
