"""The run report page and the offline Data Docs, checked as files (the browser test draws them)."""

from __future__ import annotations

import re

from reporting.datadocs import CDN_FILES, remote_resources
from tests.reporting.conftest import BAD_ROW

REMOTE_ASSET = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']https?://""", re.I)


def test_page_is_one_self_contained_file(report):
    html = report.html
    assert not REMOTE_ASSET.search(html), "the page must load nothing from the network"
    assert "vegaEmbed" in html and 'id="report-specs"' in html
    assert len(html) < 3_000_000


def test_page_shows_counts_quality_results_and_links(report):
    html = report.html
    assert "run-test" in html
    assert "<b>4</b><span>event rows written</span>" not in html  # the cards say what they count
    assert "<b>4</b><span>rows written</span>" in html and "<b>1</b><span>rows quarantined</span>" in html
    assert "<b>1</b><span>inputs rejected</span>" in html and "inputs/blob.txt" not in html
    assert "inbox/blob.txt" in html and "E108" in html
    failed = html.split('id="expectations-failed"')[1].split("</table>")[0]
    assert "expect_column_values_to_be_in_set(cameo_code)" in failed
    assert BAD_ROW["event_id"] in failed, "the failing row's id is listed under its expectation"
    quarantined = html.split('id="quarantined"')[1].split("</table>")[0]
    assert BAD_ROW["event_id"] in quarantined and "doc-d" in quarantined
    assert 'href="data_docs/index.html"' in html and 'href="../events"' in html


def test_validation_results_name_every_expectation(report):
    from schemas.validation import validation_results

    results = validation_results(report.outcome)
    assert results["evaluated"] == len(results["expectations"]) > 50
    failed = [e for e in results["expectations"] if not e["success"]]
    assert [e["expectation"] for e in failed] == ["expect_column_values_to_be_in_set(cameo_code)"]
    assert failed[0]["failing_ids"] == [BAD_ROW["event_id"]] and failed[0]["level"] == "row"
    assert results["quarantined"] == [{"event_id": BAD_ROW["event_id"], "doc_id": "doc-d",
                                       "failed_expectations": "expect_column_values_to_be_in_set(cameo_code)"}]


def test_data_docs_point_at_vendored_files(report):
    pages = list(report.data_docs.rglob("*.html"))
    pages = [p for p in pages if "vendor" not in p.parts]
    assert len(pages) >= 3  # index, suite, validation result
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert remote_resources(html) == [], page
        assert "integrity=" not in html
    vendor = report.data_docs / "static" / "vendor"
    for local in set(CDN_FILES.values()):
        assert (vendor / local).is_file() and (vendor / local).stat().st_size > 300, local


def test_a_failed_table_level_check_lists_the_rows_it_blames():
    from reporting.page import render_report
    from schemas.summary import build_summary
    from schemas.validation import validate_rows, validation_results
    from tests.schemas.rows import good_row, loose_table

    row = good_row("doc-a", 0)
    table = loose_table([row, dict(row)])  # the same event twice: ids and natural key not unique
    outcome = validate_rows(table, None, "dup")
    results = validation_results(outcome)
    unique = next(e for e in results["expectations"] if e["expectation"] == "expect_column_values_to_be_unique(event_id)")
    assert unique["level"] == "table" and not unique["success"] and unique["failing_ids"] == [row["event_id"]]
    summary = build_summary("dup", 1, ["doc-a"], [], 2, outcome, {"events": "events", "partition_files": []})
    html = render_report(outcome.passed, summary, results)
    failed = html.split('id="expectations-failed"')[1].split("</table>")[0]
    assert "expect_column_values_to_be_unique(event_id)" in failed and row["event_id"] in failed
    assert "table-level check(s) failed" in html
