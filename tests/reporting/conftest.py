"""A rendered run report from real rows and a real Great Expectations validation.

Four good rows over two days, three places and two ACLED types (one row undated and not
geocoded), plus one row with a CAMEO code outside the contract, which GX quarantines: the
page must list that row's id under the failed expectation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reporting.datadocs import make_offline
from reporting.page import write_report
from schemas.summary import build_summary
from schemas.validation import ValidationOutcome, validate_rows, validation_results
from tests.schemas.rows import good_row, loose_table

REJECTED = [{"source": "inbox/blob.txt", "code": "E108", "reason": "binary content", "doc_id": None}]


def report_rows() -> list[dict[str, Any]]:
    return [
        good_row("doc-a", 0),  # Kharkiv, Battles, 2 deaths, 2022-09-10
        good_row("doc-a", 1, location_name="Kyiv", admin1="Kyiv City", latitude=50.45, longitude=30.52,
                 cameo_code="195", cameo_label="Employ aerial weapons", acled_event_type="Explosions/Remote violence",
                 acled_sub_event_type="Air/drone strike", fatalities=5, event_date=date(2022, 9, 11)),
        good_row("doc-b", 0, actor1_name="Ukraine", actor1_code="UKRGOV", actor1_country="UKR", actor1_sector="GOV",
                 actor2_name="Germany", actor2_code="DEUGOV", actor2_country="DEU", actor2_sector="GOV",
                 cameo_code="040", cameo_root="04", cameo_label="Consult, not specified below", quad_class=1,
                 goldstein=1.0, plover_event_type="CONSULT", acled_event_type=None, acled_sub_event_type=None,
                 location_name="Berlin", country_iso3="DEU", admin1="Berlin", latitude=52.52, longitude=13.40,
                 fatalities=None, event_date=date(2022, 9, 11)),
        good_row("doc-c", 0, event_date=None, date_precision=None, location_name=None, country_iso3=None,
                 admin1=None, latitude=None, longitude=None, geo_precision=None),
    ]


BAD_ROW = good_row("doc-d", 0, cameo_code="999")


@dataclass
class Report:
    page: Path
    html: str
    outcome: ValidationOutcome
    summary: dict[str, Any]
    data_docs: Path


@pytest.fixture(scope="session")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    reports = tmp_path_factory.mktemp("report") / "reports"
    rows = report_rows()
    table = loose_table(rows + [BAD_ROW])
    outcome = validate_rows(table, reports, "run-test")
    outputs = {"events": str(reports.parent / "events"), "partition_files": [], "dataset": {}}
    summary = build_summary("run-test", 4, ["doc-a", "doc-b", "doc-c", "doc-d"], REJECTED, table.num_rows,
                            outcome, outputs)
    assert outcome.data_docs_index is not None
    make_offline(outcome.data_docs_index.parent)
    page = write_report(reports / "index.html", outcome.passed, summary, validation_results(outcome),
                        {"Great Expectations Data Docs": outcome.data_docs_index, "dataset": outputs["events"]})
    return Report(page, page.read_text(encoding="utf-8"), outcome, summary, outcome.data_docs_index.parent)
