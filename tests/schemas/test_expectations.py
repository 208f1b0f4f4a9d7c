"""The GX suite built from the contract, and the passed / failed split of validate_rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.events import COLUMNS, NATURAL_KEY, to_table
from schemas.expectations import build_suite
from schemas.validation import validate_rows
from tests.schemas.rows import good_row, loose_table


@pytest.fixture(scope="module")
def suite():
    return build_suite()


def kinds(suite) -> set[tuple[str, str]]:
    out = set()
    for e in suite.expectations:
        cfg = e.configuration
        out.add((cfg.type, cfg.kwargs.get("column") or ",".join(cfg.kwargs.get("column_list", []))))
    return out


def test_suite_has_an_expectation_for_each_constraint(suite):
    have = kinds(suite)
    assert suite.name == "events"
    for col in COLUMNS:
        assert ("expect_column_to_exist", col.name) in have
        assert (("expect_column_values_to_not_be_null", col.name) in have) == (not col.nullable), col.name
        assert (("expect_column_values_to_be_in_set", col.name) in have) == (col.allowed_values() is not None), col.name
        ranged = col.min_value is not None or col.max_value is not None
        assert (("expect_column_values_to_be_between", col.name) in have) == ranged, col.name
        assert (("expect_column_values_to_match_regex", col.name) in have) == (col.regex is not None), col.name
    assert ("expect_column_values_to_be_unique", "event_id") in have
    assert ("expect_compound_columns_to_be_unique", ",".join(NATURAL_KEY)) in have


def test_suite_carries_the_contracts_values(suite):
    by_kind = {(e.configuration.type, e.configuration.kwargs.get("column")): e.configuration.kwargs
               for e in suite.expectations}
    assert "190" in by_kind[("expect_column_values_to_be_in_set", "cameo_code")]["value_set"]
    lat = by_kind[("expect_column_values_to_be_between", "latitude")]
    assert (lat["min_value"], lat["max_value"]) == (-90, 90)
    assert by_kind[("expect_column_values_to_match_regex", "event_id")]["regex"] == r"^[0-9a-f]{16}$"


def test_good_table_passes_and_builds_data_docs(tmp_path: Path):
    table = to_table([good_row("a", 0), good_row("a", 1), good_row("b", 0, latitude=None, longitude=None)])
    outcome = validate_rows(table, tmp_path / "reports", "good")
    assert outcome.success, outcome.table_failures
    assert outcome.passed.num_rows == 3 and outcome.failed.num_rows == 0
    assert outcome.table_failures == []
    assert outcome.statistics["unsuccessful_expectations"] == 0
    assert outcome.statistics["evaluated_expectations"] == len(build_suite(documents=None, rows=3).expectations)
    index = outcome.data_docs_index
    assert index is not None and index.is_file() and index.name == "index.html"
    assert index.resolve().is_relative_to((tmp_path / "reports").resolve())
    assert "good" in index.read_text(encoding="utf-8")  # the run is listed in the report


def test_bad_rows_are_split_out_with_their_failed_expectations(tmp_path: Path):
    rows = [
        good_row("a", 0),
        good_row("a", 1, cameo_code="999"),
        good_row("a", 2),
        good_row("a", 3, latitude=123.0),
        good_row("a", 4, event_id=None),
        good_row("a", 5, cameo_code="999", latitude=-91.0),
    ]
    outcome = validate_rows(loose_table(rows), tmp_path / "reports", "bad")
    assert not outcome.success
    assert outcome.passed.column("sentence_index").to_pylist() == [0, 2]
    failed = dict(zip(outcome.failed.column("sentence_index").to_pylist(),
                      outcome.failed.column("failed_expectations").to_pylist()))
    assert failed == {
        1: "expect_column_values_to_be_in_set(cameo_code)",
        3: "expect_column_values_to_be_between(latitude)",
        4: "expect_column_values_to_not_be_null(event_id)",
        5: "expect_column_values_to_be_in_set(cameo_code); expect_column_values_to_be_between(latitude)",
    }
    assert outcome.failed.column_names[:-1] == outcome.passed.column_names
    assert outcome.table_failures == []
    assert outcome.statistics["rows_failed"] == 4 and outcome.statistics["rows_passed"] == 2
    assert outcome.data_docs_index is not None and outcome.data_docs_index.is_file()


def test_duplicates_are_table_failures_not_quarantined_rows(tmp_path: Path):
    row = good_row("a", 0)
    outcome = validate_rows(to_table([row, dict(row), good_row("b", 0)]), None, "dupes")
    assert not outcome.success
    assert outcome.passed.num_rows == 3 and outcome.failed.num_rows == 0
    assert [f.split(":")[0] for f in outcome.table_failures] == [
        "expect_column_values_to_be_unique(event_id)",
        f"expect_compound_columns_to_be_unique({','.join(NATURAL_KEY)})",
    ]
    assert outcome.data_docs_index is None
    assert not (tmp_path / "reports").exists()


def test_empty_table_is_valid(tmp_path: Path):
    outcome = validate_rows(to_table([]), tmp_path / "reports", "empty")
    assert outcome.success
    assert outcome.passed.num_rows == 0 and outcome.failed.num_rows == 0
    assert "failed_expectations" in outcome.failed.column_names
    assert outcome.data_docs_index is not None and outcome.data_docs_index.is_file()


def test_missing_column_is_a_table_failure():
    table = to_table([good_row("a", 0)]).drop_columns(["modality"])
    outcome = validate_rows(table, None, "missing")
    assert not outcome.success
    assert any(f.startswith("expect_column_to_exist(modality)") for f in outcome.table_failures)
    assert outcome.passed.num_rows == 1


def test_checkpoint_is_built_once_per_process_and_settings(tmp_path: Path):
    from schemas.quality import QualityConfig
    from schemas.validation import prepare

    first = prepare(tmp_path / "reports", None, 10, 3)
    assert prepare(tmp_path / "reports", None, 10, 3) is first
    assert prepare(tmp_path / "reports", QualityConfig(), 10, 3) is first  # the same expectations
    assert prepare(tmp_path / "reports", None, 11, 3) is not first  # another row-count range
    assert prepare(tmp_path / "other", None, 10, 3) is not first  # another Data Docs site
    # Validating twice through the kept checkpoint gives the same outcome each time.
    table = to_table([good_row("a", 0), good_row("b", 1)])
    one, two = (validate_rows(table, tmp_path / "reports", f"run{i}", documents=1) for i in range(2))
    assert one.success == two.success is True
    assert one.expectations == two.expectations and one.passed.num_rows == two.passed.num_rows == 2


def test_data_docs_built_in_the_background_are_the_same_pages(tmp_path: Path):
    """The flow writes the dataset while GX builds the Data Docs; waiting gives the same index."""
    table = to_table([good_row("a", 0), good_row("b", 1)])
    outcome = validate_rows(table, tmp_path / "reports", "background", documents=2, docs_in_background=True)
    assert outcome.success and outcome.passed.num_rows == 2  # the rows are split before the pages exist
    index = outcome.wait_for_docs()
    assert index is not None and index == outcome.data_docs_index and index.is_file()
    assert "background" in index.read_text(encoding="utf-8")
    assert outcome.wait_for_docs() == index  # waiting again is harmless
    inline = validate_rows(table, tmp_path / "reports", "inline", documents=2)
    assert inline.data_docs_index == index and "background" in index.read_text(encoding="utf-8")
