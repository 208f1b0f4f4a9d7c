"""One contract, three products: the Parquet schema, the GX suite and docs/schema.md; plus the quality gates."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from coding.errors import ErrorCode, InputError
from schemas import docs
from schemas.events import COLUMNS, COLUMNS_BY_NAME, SPECIAL_COUNTRIES, actor_countries, arrow_schema, iso3_codes, to_table
from schemas.expectations import all_specs
from schemas.quality import QualityConfig, load_quality
from schemas.validation import validate_rows
from tests.schemas.rows import good_row

LEXICONS = Path(__file__).resolve().parents[2] / "coding" / "lexicons"


def test_committed_data_dictionary_is_up_to_date():
    assert docs.DOC_PATH.read_text(encoding="utf-8") == docs.render(), \
        "docs/schema.md is stale: run `python -m schemas.docs`"
    assert docs.main(["--check"]) == 0


def test_dictionary_schema_and_suite_list_the_same_columns(tmp_path: Path):
    text = docs.render()
    schema = arrow_schema()
    columns_in_suite = {kw["column"] for t, kw in all_specs() if t == "expect_column_to_exist"}
    assert columns_in_suite == {c.name for c in COLUMNS} == set(schema.names)
    for column in COLUMNS:
        assert f"| `{column.name}` |" in text
        assert column.description.replace("|", "\\|") in text
    stale = tmp_path / "schema.md"
    stale.write_text(text.replace("Stable id", "Old id"), encoding="utf-8")
    assert docs.main(["--check", "--output", str(stale)]) == 1


def test_iso3_list_covers_every_country_the_lexicons_use():
    iso3 = set(iso3_codes())
    assert len(iso3) > 240 and {"UKR", "RUS", "USA", "XKX"} <= iso3
    assert not iso3 & set(SPECIAL_COUNTRIES)
    used = set()
    for name, column in (("countries.tsv", "iso3"), ("organizations.tsv", "country"), ("parties.tsv", "country"), ("people.tsv", "country")):
        with (LEXICONS / name).open(encoding="utf-8", newline="") as fh:
            used |= {r[column] for r in csv.DictReader(fh, delimiter="\t") if r.get(column)}
    assert used - set(actor_countries()) == set()
    assert COLUMNS_BY_NAME["country_iso3"].allowed_values() == iso3_codes()  # a place is never "IGO"


def test_quality_settings_load_and_refuse_nonsense(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert load_quality() == QualityConfig()
    path = tmp_path / "quality.toml"
    path.write_text("[quality]\nmin_both_actors_share = 0.6\nmax_rows_per_document = 3\nmin_rows_for_shares = 7\n",
                    encoding="utf-8")
    monkeypatch.setenv("EVENTCODER_QUALITY", str(path))
    q = load_quality()
    assert (q.min_both_actors_share, q.max_rows_per_document, q.min_rows_per_document) == (0.6, 3.0, 0.1)
    assert q.min_rows_for_shares == 7 and isinstance(q.min_rows_for_shares, int)
    assert q.row_range(10) == (1, 30)
    path.write_text("[quality]\nmin_location_sahre = 0.5\n", encoding="utf-8")
    with pytest.raises(InputError, match="min_location_sahre") as err:
        load_quality(path)
    assert err.value.code is ErrorCode.E402_VALIDATION_FAILED
    path.write_text("[quality]\nmin_location_share = 1.5\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"not in \[0, 1\]"):
        load_quality(path)
    with pytest.raises(InputError) as err:
        load_quality(tmp_path / "missing.toml")
    assert err.value.code is ErrorCode.E101_UNREADABLE


def test_event_after_its_story_is_quarantined_unless_future(tmp_path: Path):
    rows = [
        good_row("a", 0),
        good_row("a", 1, event_date=date(2022, 9, 20)),  # after doc_date 2022-09-11, asserted
        good_row("a", 2, event_date=date(2022, 9, 20), modality="future"),
        good_row("a", 3, event_date=None),
    ]
    outcome = validate_rows(to_table(rows), None, "dates", documents=1)
    assert outcome.passed.column("sentence_index").to_pylist() == [0, 2, 3]
    assert outcome.failed.column("failed_expectations").to_pylist() == [
        "expect_column_pair_values_a_to_be_greater_than_b(doc_date,event_date)"]
    assert outcome.table_failures == []


def test_table_gates_fail_the_run_without_quarantining_rows():
    rows = [good_row("a", 0), good_row("a", 1, actor2_code=None), good_row("a", 2, actor1_code=None),
            good_row("a", 3, location_name=None, country_iso3=None, latitude=None, longitude=None)]
    strict = QualityConfig(max_rows_per_document=2, min_both_actors_share=0.9, min_location_share=0.8,
                           min_rows_for_shares=4)
    outcome = validate_rows(to_table(rows), None, "gates", quality=strict, documents=1)
    assert not outcome.success
    assert outcome.passed.num_rows == 4 and outcome.failed.num_rows == 0
    labels = sorted(f.split(":")[0] for f in outcome.table_failures)
    assert labels == ["expect_column_values_to_be_in_set(has_both_actors)",
                      "expect_column_values_to_be_in_set(has_location)",
                      "expect_table_row_count_to_be_between(table)"]
    assert any("observed 4" in f for f in outcome.table_failures)
    few = QualityConfig(max_rows_per_document=4, min_both_actors_share=0.9, min_location_share=0.8,
                        min_rows_for_shares=5)  # 4 rows: too few for the shares to mean anything
    lenient = validate_rows(to_table(rows), None, "gates", quality=few, documents=1)
    assert lenient.success, lenient.table_failures


def test_a_run_that_coded_nothing_passes():
    outcome = validate_rows(to_table([]), None, "nothing", documents=0)
    assert outcome.success, outcome.table_failures


def test_share_floors_apply_to_runs_with_enough_rows_only():
    def gated(rows):
        return {kw.get("column") for t, kw in all_specs(QualityConfig(), documents=10, rows=rows) if "mostly" in kw}

    floor = QualityConfig().min_rows_for_shares
    assert gated(floor - 1) == set()
    assert gated(floor) == gated(None) == {"has_location", "has_both_actors"}
