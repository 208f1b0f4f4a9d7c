"""`eventcoder code` and `eventcoder run` on one folder mixing every format, archives and bad inputs."""

import gzip
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.ingest.samples import BAD, GOOD

# A document of each format, by the id the reader gives it.
EXPECTED_CODED = {
    "text": "kyiv_reuters",
    "jsonl": "exw-jsonl-002",
    "csv": "exw-csv-001",
    "newsml": "urn:newsml:news.example.org:20230303:sudan-clashes",
    "rss": "exw-rss-0412-001",
    "atom": "tag:news.example.org,2023:niger-coup",
    "html": "tbilisi_article",
    "gzip": "gz_story",
    "zip": "zipped_story",
}
EXPECTED_REJECTED = {"E102", "E103", "E104", "E105", "E108", "E111", "E112", "E113", "E114", "E115"}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    folder = root / "inbox"
    shutil.copytree(GOOD, folder)
    shutil.copytree(BAD, folder / "bad")
    story = (GOOD / "khartoum_afp.txt").read_bytes()
    (folder / "gz_story.txt.gz").write_bytes(gzip.compress(story))
    with zipfile.ZipFile(folder / "bundle.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zipped_story.txt", (GOOD / "new_delhi_ani.txt").read_bytes())
    return folder


def eventcoder(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coding.cli", *args], capture_output=True, text=True,
                          timeout=600, env={**os.environ, **(env or {})})


def files_under(path: Path) -> set[Path]:
    return {p for p in path.rglob("*")}


def test_code_a_mixed_folder(mixed, tmp_path, capsys):
    """In-process (the spaCy model is shared with the rest of the suite); `run` below is a real subprocess."""
    from coding.cli import main

    before = files_under(mixed.parent)
    assert main(["code", str(mixed), "--output", str(tmp_path / "x.parquet"), "--no-progress"]) == 0
    out = capsys.readouterr()
    doc_ids = set(pq.read_table(tmp_path / "x.parquet", columns=["doc_id"]).column("doc_id").to_pylist())
    missing = {fmt: i for fmt, i in EXPECTED_CODED.items() if i not in doc_ids}
    assert not missing, (missing, sorted(doc_ids))
    reported = {line.split("[", 1)[1][:4] for line in out.err.splitlines() if line.startswith("rejected ")}
    assert EXPECTED_REJECTED <= reported, reported
    assert "language=fr" in out.err
    assert files_under(mixed.parent) == before  # nothing written beside the inputs


def test_run_a_mixed_folder(mixed, tmp_path):
    out_dir = tmp_path / "out"
    env = {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"}  # the suite may be busy on 2 cores
    out = eventcoder("run", str(mixed), "--output", str(out_dir), env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    summary = json.loads(out.stdout[out.stdout.index("{"):])
    codes = {r["code"] for r in summary["rejected"]}
    assert EXPECTED_REJECTED <= codes, codes
    table = pq.read_table(out_dir / "events", columns=["doc_id"])
    doc_ids = set(table.column("doc_id").to_pylist())
    assert {fmt: i for fmt, i in EXPECTED_CODED.items() if i not in doc_ids} == {}
    rejected_files = list((out_dir / "rejected").glob("*.jsonl"))
    assert len(rejected_files) == 1
    records = [json.loads(line) for line in rejected_files[0].read_text(encoding="utf-8").splitlines()]
    assert {"source", "code", "reason", "doc_id"} <= set(records[0])
    assert any(r["reason"] == "language=fr" for r in records)
    # Hostile ids were sanitised, and nothing was written outside the output folder.
    assert not any(".." in d.split("/") or any(ord(c) < 32 for c in d) for d in doc_ids)
    outside = {p for p in files_under(tmp_path) if not p.is_relative_to(out_dir) and not p.is_relative_to(tmp_path / "prefect")}
    assert outside == set()
