"""The eventcoder CLI as a user runs it: a real subprocess, real Parquet, read back by DuckDB."""

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from schemas.events import COLUMN_NAMES
from tests.conftest import SEED_GOLD, SEEDS


def eventcoder(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coding.cli", *args], capture_output=True, text=True, timeout=600)


def test_help_lists_the_commands():
    out = eventcoder("--help")
    assert out.returncode == 0
    for command in ("code", "run", "evaluate", "explain"):
        assert command in out.stdout


def test_code_then_evaluate_the_seed(tmp_path: Path):
    pred = tmp_path / "x.parquet"
    out = eventcoder("code", str(SEEDS), "--output", str(pred))
    assert out.returncode == 0, out.stderr
    table = pq.read_table(pred)
    assert table.column_names == list(COLUMN_NAMES)
    assert table.num_rows > 0
    count = duckdb.sql(f"select count(*) from read_parquet('{pred}')").fetchall()[0][0]
    assert count == table.num_rows
    assert not list(tmp_path.glob("*.partial"))
    out = eventcoder("evaluate", str(SEED_GOLD), str(pred), "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["format"] == "seed"
    text = eventcoder("evaluate", str(SEED_GOLD), str(pred))
    assert "recall" in text.stdout.lower()


def test_code_reports_rejected_inputs_and_codes_the_rest(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "ok", "text": "Russian forces shelled Kyiv on Saturday.", "date": "2023-03-12"}\n{broken\n', encoding="utf-8")
    pred = tmp_path / "y.parquet"
    out = eventcoder("code", str(feed), "--output", str(pred))
    assert out.returncode == 0, out.stderr
    assert "E104" in out.stderr
    assert pq.read_table(pred).column("doc_id").to_pylist()[0] == "ok"


def test_missing_input_is_a_clear_error(tmp_path: Path):
    out = eventcoder("code", str(tmp_path / "nothing.jsonl"), "--output", str(tmp_path / "z.parquet"))
    assert out.returncode != 0
    assert "E101" in out.stderr


def test_explain_shows_rules_and_rows():
    out = eventcoder("explain", "Russian forces shelled Kyiv on Saturday.", "--date", "2023-03-12")
    assert out.returncode == 0, out.stderr
    assert "fight.artillery" in out.stdout and "194" in out.stdout


def test_library_path_does_not_import_prefect_or_gx():
    code = ("import sys, coding.coder, coding.cli, coding.ingest, coding.evaluation; "
            "print(any(m.split('.')[0] in ('prefect', 'great_expectations') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_serve_options_for_interval_and_mirror(monkeypatch):
    """`eventcoder serve --interval S --mirror` reaches flows.serve.serve (which serves one run at a time)."""
    from coding import cli
    from flows import serve as serve_module

    seen = {}
    monkeypatch.setattr(serve_module, "serve", lambda *a, **kw: seen.update(kw, args=a))
    assert cli.main(["serve", "--inbox", "in", "--output", "out", "--interval", "7.5", "--mirror"]) == 0
    assert seen["interval"] == 7.5 and seen["mirror"] is True and seen["args"] == ("in", "out")
    assert cli.main(["serve", "--inbox", "in"]) == 0
    assert seen["interval"] is None and seen["mirror"] is False and seen["cron"] == "*/15 * * * *"


def test_code_starts_its_parsers_early_only_for_inputs_worth_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from coding import ahead, parser_process
    from coding.cli import EARLY_PARSER_BYTES, input_bytes, start_parsers_early

    small = tmp_path / "one.txt"
    small.write_text("Police fired tear gas at protesters in Nairobi.", encoding="utf-8")
    big = tmp_path / "many"
    big.mkdir()
    for i in range(8):
        (big / f"{i}.txt").write_text("Police fired tear gas at protesters in Nairobi. " * 100, encoding="utf-8")
    assert input_bytes([str(small)]) < EARLY_PARSER_BYTES <= input_bytes([str(big)])
    assert input_bytes([str(tmp_path / "many" / "*.txt")]) >= EARLY_PARSER_BYTES  # a glob
    monkeypatch.setenv(ahead.ENV_VAR, "process")
    parser_process.shutdown()
    try:
        assert not start_parsers_early([str(small)]) and not parser_process.current_pids()
        assert start_parsers_early([str(big)]) and parser_process.current_pids()
        monkeypatch.setenv(ahead.ENV_VAR, "0")
        parser_process.shutdown()
        assert not start_parsers_early([str(big)]) and not parser_process.current_pids()
    finally:
        parser_process.shutdown()
