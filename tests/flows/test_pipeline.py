"""The Prefect flow end to end, three runs into one folder.

Run 1: the seed story, a feed (one good line, one malformed line) and one input of every
bad kind (empty, binary, missing text, undecodable bytes, unsupported type). Run 2: the same
inputs again. Run 3: the feed's story corrected. Counts and ids are taken after each run.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

pytest.importorskip("coding.coder")

from flows.pipeline import run_flow  # noqa: E402
from flows.tasks import ARTIFACT_KEY, REPORT_ARTIFACT_KEY  # noqa: E402
from reporting.datadocs import remote_resources  # noqa: E402
from tests.browser import CHROMIUM, Browser  # noqa: E402

pytestmark = pytest.mark.flow

SEEDS = Path(__file__).parents[2] / "seeds"
GOOD_LINE = {"id": "feed-1", "text": "Russian forces shelled Kyiv on Saturday.", "date": "2023-03-12"}
CORRECTED = {"id": "feed-1", "text": "Russian forces shelled Odesa on Saturday. Ukraine condemned the attack.",
             "date": "2023-03-12"}
# Each bad input kind and the stable code it must be rejected with.
BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "E103"),
    "blob.txt": (b"\x00\x01\x02\xff\xfe\x00binary\x00\x00", "E108"),
    "notext.jsonl": (b'{"id": "no-text", "date": "2023-03-12"}\n', "E105"),
    "latin.txt": (b"Caf\xe9 \x81\x8d\x90 \xff\xfe bad", "E102"),
    "table.xlsx": (b"a,b\n", "E107"),
}


def glob(out: Path) -> str:
    return f"read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)"


def event_ids(out: Path) -> list[tuple[str, str]]:
    return duckdb.sql(f"select doc_id, event_id from {glob(out)} order by all").fetchall()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("flow")
    inputs = base / "inputs"
    inputs.mkdir()
    feed = inputs / "feed.jsonl"
    feed.write_text(json.dumps(GOOD_LINE) + "\n{broken json\n", encoding="utf-8")
    for name, (data, _) in BAD_INPUTS.items():
        (inputs / name).write_bytes(data)
    out = base / "out"
    summaries, ids = [], []
    for corrected in (False, False, True):
        if corrected:
            feed.write_text(json.dumps(CORRECTED) + "\n{broken json\n", encoding="utf-8")
        summaries.append(run_flow([SEEDS, inputs], out, batch_size=8))
        ids.append(event_ids(out))
    return {"out": out, "summaries": summaries, "ids": ids}


def test_dataset_is_written_and_readable(runs):
    out, summary = runs["out"], runs["summaries"][0]
    assert summary["documents"] == summary["documents_coded"] == 2
    assert summary["rows"] > 0
    assert summary["rows_passed"] + summary["rows_quarantined"] == summary["rows"]
    assert len(runs["ids"][0]) == summary["rows_passed"] > 0
    seed_doc = next(SEEDS.glob("*.txt")).stem
    assert {seed_doc, "feed-1"} <= {doc for doc, _ in runs["ids"][0]}
    assert all(p.startswith(str(out / "events")) for p in summary["outputs"]["partition_files"])
    assert summary["validation_success"] == (summary["rows_quarantined"] == 0 and not summary["table_failures"])
    assert summary["dataset"]["rows"] == summary["rows_passed"] and summary["dataset"]["documents"] == 2


def test_every_bad_input_kind_is_rejected_with_its_reason_and_the_rest_is_coded(runs):
    summary = runs["summaries"][0]
    by_file = {Path(r["source"].split(":")[0]).name: r for r in summary["rejected"]}
    assert {name: by_file[name]["code"] for name in BAD_INPUTS} == {n: code for n, (_, code) in BAD_INPUTS.items()}
    assert by_file["feed.jsonl"]["code"] == "E104" and by_file["feed.jsonl"]["source"].endswith(":2")
    assert len(summary["rejected"]) == len(BAD_INPUTS) + 1
    assert summary["rejected_reasons"] == {code: 1 for code in ["E104", *(c for _, c in BAD_INPUTS.values())]}
    records = [json.loads(line) for line in Path(summary["outputs"]["rejected"]).read_text(encoding="utf-8").splitlines()]
    assert sorted(r["code"] for r in records) == sorted(summary["rejected_reasons"])
    assert all(r["reason"] for r in records)
    text = (runs["out"] / "reports" / "summary.md").read_text(encoding="utf-8")
    for code in summary["rejected_reasons"]:
        assert f"| {code} | 1 |" in text


def test_reports_are_written_with_history(runs):
    out, summaries = runs["out"], runs["summaries"]
    index = Path(summaries[0]["data_docs"])
    assert index.is_file() and index.resolve().is_relative_to((out / "reports").resolve())
    html = index.read_text(encoding="utf-8")
    assert all(s["run_id"] in html for s in summaries)  # every run stays listed
    text = (out / "reports" / "summary.md").read_text(encoding="utf-8")
    assert f"# eventcoder run {summaries[2]['run_id']}" in text  # the last run rewrote it
    first_counts = summaries[0]["counts"]
    assert sum(first_counts["cameo_root"].values()) == summaries[0]["rows_passed"]
    assert sum(first_counts["acled_event_type"].values()) == summaries[0]["rows_passed"]


def test_summary_is_a_prefect_artifact(runs):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_KEY])))
    assert len(artifacts) == 3  # one per run
    assert all(a.type == "markdown" and "documents read | 2" in a.data for a in artifacts)
    assert sorted(a.data.count("documents coded | ") for a in artifacts) == [1, 1, 1]


def test_every_run_writes_the_report_page_and_links_it_as_an_artifact(runs):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    out, summaries = runs["out"], runs["summaries"]
    page = out / "reports" / "index.html"
    assert all(s["outputs"]["report"] == str(page) for s in summaries)
    html = page.read_text(encoding="utf-8")
    assert f"eventcoder run <code>{summaries[2]['run_id']}</code>" in html  # the last run rewrote it
    assert f"<b>{len(summaries[2]['rejected'])}</b><span>inputs rejected</span>" in html
    assert "- report: `" in (out / "reports" / "summary.md").read_text(encoding="utf-8")
    for doc in (out / "reports" / "data_docs").rglob("*.html"):
        assert "vendor" in doc.parts or remote_resources(doc.read_text(encoding="utf-8")) == [], doc
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[REPORT_ARTIFACT_KEY])))
    # Prefect stores a link artifact as the markdown link [text](uri)
    assert len(artifacts) == 3 and all(f"]({page.resolve().as_uri()})" in a.data for a in artifacts)


@pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} not found: apt-get install -y chromium")
def test_report_page_of_a_run_draws_offline(runs):
    with Browser() as browser:
        log = browser.open((runs["out"] / "reports" / "index.html").as_uri(),
                           "document.body.getAttribute('data-report') === 'drawn'")
        drawn = browser.evaluate("[...document.querySelectorAll('.chart')].map(e => e.getAttribute('data-drawn'))")
        points = browser.evaluate("document.querySelectorAll('#chart-map .mark-symbol.role-mark path').length")
    assert log.external == [] and log.failed == [] and log.console_errors == []
    assert drawn == ["yes"] * 5 and points > 0


def test_rerun_parses_nothing_and_keeps_rows_and_ids(runs):
    first, second = runs["summaries"][:2]
    assert second["documents_coded"] == 0 and second["rows"] == 0
    assert second["plan"] == {"to_code": 0, "new": 0, "changed": 0, "unchanged": 2, "duplicates": 0, "removed": 0}
    assert runs["ids"][1] == runs["ids"][0]
    assert second["dataset"]["rows"] == first["dataset"]["rows"]
    assert second["validation_success"], second["table_failures"]
    assert all(s["table_checks_passed"] for s in runs["summaries"])  # the defaults pass (CI gate)
    assert not (runs["out"] / ".staging").exists()


def test_changed_document_replaces_its_rows(runs):
    third = runs["summaries"][2]
    assert third["plan"]["changed"] == 1 and third["plan"]["unchanged"] == 1 and third["documents_coded"] == 1
    before = {e for d, e in runs["ids"][1] if d == "feed-1"}
    after = {e for d, e in runs["ids"][2] if d == "feed-1"}
    assert after and not before & after
    assert [x for x in runs["ids"][2] if x[0] != "feed-1"] == [x for x in runs["ids"][1] if x[0] != "feed-1"]
    hashes = duckdb.sql(f"select distinct content_hash from {glob(runs['out'])} where doc_id = 'feed-1'").fetchall()
    from coding.document import content_hash

    assert hashes == [(content_hash(CORRECTED["text"]),)]


def test_run_manifests_sit_beside_the_data(runs):
    out = runs["out"]
    for summary in runs["summaries"]:
        manifest = json.loads((out / "manifests" / f"{summary['run_id']}.json").read_text(encoding="utf-8"))
        assert manifest["run_id"] == summary["run_id"] and manifest["coder_version"]
        assert manifest["counts"]["documents_coded"] == summary["documents_coded"]
        assert manifest["counts"]["rows_written"] == summary["rows_passed"]
        assert manifest["validation"]["success"] == summary["validation_success"]
        assert manifest["timings"]["validate"] >= 0 and len(manifest["inputs"]) == 2
        assert manifest["quality"]["min_both_actors_share"] >= 0
    latest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert latest["run_id"] == runs["summaries"][2]["run_id"]


def test_duckdb_pandas_and_polars_agree_on_counts_by_acled_type(runs):
    """The README's three ways of loading the dataset, on the flow's output."""
    import pandas as pd
    import polars as pl

    events = runs["out"] / "events"
    con = duckdb.connect()
    by_duckdb = dict(con.sql(f"SELECT acled_event_type, count(*) FROM read_parquet('{events}/**/*.parquet', "
                             "hive_partitioning=true) GROUP BY 1").fetchall())
    df = pd.read_parquet(events)
    by_pandas = {(None if pd.isna(k) else k): int(v) for k, v in
                 df.groupby("acled_event_type", dropna=False).size().items()}
    lf = pl.scan_parquet(f"{events}/**/*.parquet", hive_partitioning=True)
    by_polars = {r["acled_event_type"]: r["len"] for r in lf.group_by("acled_event_type").len().collect().to_dicts()}
    assert by_duckdb == by_pandas == by_polars
    assert sum(by_duckdb.values()) == len(runs["ids"][2])
    assert set(df["event_year"].astype(int)) == {y for (y,) in con.sql(
        f"select distinct event_year from read_parquet('{events}/**/*.parquet', hive_partitioning=true)").fetchall()}


def test_no_documents_is_an_error(tmp_path: Path):
    from coding.errors import InputError

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="E401"):
        run_flow([empty], tmp_path / "out")
    assert not (tmp_path / "out" / "events").exists()
    shutil.rmtree(empty)


def test_the_flow_parses_in_child_processes_with_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Threads task runner: the flow starts the parser children before its batches, and the rows
    are those of a run that parses in the flow's own process."""
    from coding import ahead, parser_process

    stories = sorted((Path(__file__).parents[1] / "data" / "stories").glob("*.txt"))[:8]
    parser_process.shutdown()
    monkeypatch.setenv(ahead.ENV_VAR, "0")
    plain = run_flow([SEEDS, *stories], tmp_path / "plain", batch_size=2)
    assert not parser_process.current_pids()
    monkeypatch.setenv(ahead.ENV_VAR, "process")
    monkeypatch.setenv(parser_process.PARSERS_VAR, "2")
    try:
        ahead_run = run_flow([SEEDS, *stories], tmp_path / "ahead", batch_size=2)
        assert len(parser_process.current_pids()) == 2  # started by the flow, kept for the next run
    finally:
        parser_process.shutdown()
    assert ahead_run["rows"] == plain["rows"] > 0
    assert event_ids(tmp_path / "ahead") == event_ids(tmp_path / "plain")
    names = [c for c in duckdb.sql(f"select * from {glob(tmp_path / 'plain')} limit 0").columns
             if c not in {"run_id", "coded_at", "ingested_at"}]
    rows = [duckdb.sql(f"select {', '.join(names)} from {glob(tmp_path / name)} order by event_id").fetchall()
            for name in ("plain", "ahead")]
    assert rows[0] == rows[1]
