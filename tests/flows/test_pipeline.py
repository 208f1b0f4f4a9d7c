"""The Prefect flow end to end: seeds plus a feed with a malformed line, run twice into one folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

pytest.importorskip("coding.coder")

from flows.pipeline import run_flow  # noqa: E402
from flows.tasks import ARTIFACT_KEY  # noqa: E402

pytestmark = pytest.mark.flow

SEEDS = Path(__file__).parents[2] / "seeds"
GOOD_LINE = {"id": "feed-1", "text": "Russian forces shelled Kyiv on Saturday.", "date": "2023-03-12"}


def count_events(out: Path) -> int:
    return duckdb.sql(f"select count(*) from read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)").fetchall()[0][0]


def doc_ids(out: Path) -> set[str]:
    rows = duckdb.sql(f"select distinct doc_id from read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)")
    return {r[0] for r in rows.fetchall()}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run the flow twice on the same inputs and output folder; counts are taken after each run."""
    base = tmp_path_factory.mktemp("flow")
    feed_dir = base / "inputs"
    feed_dir.mkdir()
    (feed_dir / "feed.jsonl").write_text(json.dumps(GOOD_LINE) + "\n{broken json\n", encoding="utf-8")
    out = base / "out"
    first = run_flow([SEEDS, feed_dir], out, batch_size=8)
    first_count = count_events(out)
    second = run_flow([str(SEEDS), str(feed_dir)], str(out), batch_size=8)
    return {"out": out, "first": first, "second": second, "first_count": first_count,
            "second_count": count_events(out)}


def test_dataset_is_written_and_readable(runs):
    out, summary = runs["out"], runs["first"]
    assert summary["documents"] == 2
    assert summary["rows"] > 0
    assert summary["rows_passed"] + summary["rows_quarantined"] == summary["rows"]
    assert runs["first_count"] == summary["rows_passed"] > 0
    seed_doc = next(SEEDS.glob("*.txt")).stem
    assert {seed_doc, "feed-1"} <= doc_ids(out)
    assert all(p.startswith(str(out / "events")) for p in summary["outputs"]["partition_files"])
    assert summary["validation_success"] == (summary["rows_quarantined"] == 0 and not summary["table_failures"])


def test_malformed_line_is_rejected_with_its_reason(runs):
    summary = runs["first"]
    assert [(r["code"], r["source"].rsplit(":", 1)[1]) for r in summary["rejected"]] == [("E104", "2")]
    path = Path(summary["outputs"]["rejected"])
    assert path.parent == runs["out"] / "rejected"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    assert records[0]["code"] == "E104" and "malformed JSON" in records[0]["reason"]
    assert records[0]["source"].endswith("feed.jsonl:2")


def test_reports_are_written(runs):
    out, summary = runs["out"], runs["first"]
    index = Path(summary["data_docs"])
    assert index.is_file() and index.name == "index.html"
    assert index.resolve().is_relative_to((out / "reports").resolve())
    text = (out / "reports" / "summary.md").read_text(encoding="utf-8")
    assert f"| event rows | {runs['second']['rows']} |" in text  # the second run rewrote it
    assert "E104" in text


def test_summary_is_a_prefect_artifact(runs):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_KEY])))
    assert len(artifacts) == 2  # one per run
    assert all(a.type == "markdown" and "documents coded | 2" in a.data for a in artifacts)


def test_rerun_adds_no_rows(runs):
    assert runs["second"]["rows"] == runs["first"]["rows"]
    assert runs["second_count"] == runs["first_count"]
    assert not (runs["out"] / ".staging").exists()


def test_no_documents_is_an_error(tmp_path: Path):
    from coding.errors import InputError

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="E401"):
        run_flow([empty], tmp_path / "out")
    assert not (tmp_path / "out" / "events").exists()
    shutil.rmtree(empty)
