"""`eventcoder run` in a fresh process: it boots its own Prefect API, codes, and stops the API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.server import PID_FILE, configured_api_url

pytestmark = pytest.mark.flow

SEEDS = Path(__file__).parents[2] / "seeds"


def test_run_command_starts_and_stops_its_own_api(tmp_path: Path):
    home, out = tmp_path / "home" / "prefect", tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    done = subprocess.run([sys.executable, "-m", "coding.cli", "run", str(SEEDS), "--output", str(out), "--no-progress"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout)
    assert summary["documents"] == 1 and summary["rows_passed"] > 0
    assert pq.read_table(out / "events").num_rows == summary["rows_passed"]
    assert (home / "prefect.db").is_file()  # the run's history is kept under PREFECT_HOME
    assert not (home / PID_FILE).exists()  # the API server it launched was stopped
    assert "Error logging to API" not in done.stderr  # logs were sent before the server went


def test_configured_api_url_reads_env_then_active_profile(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(tmp_path / "profiles.toml"))
    assert configured_api_url() is None  # no profiles file
    (tmp_path / "profiles.toml").write_text(
        'active = "prod"\n[profiles.prod]\nPREFECT_API_URL = "http://10.0.0.5:4200/api"\n[profiles.ephemeral]\n',
        encoding="utf-8")
    assert configured_api_url() == "http://10.0.0.5:4200/api"
    monkeypatch.setenv("PREFECT_PROFILE", "ephemeral")
    assert configured_api_url() is None
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4300/api")
    assert configured_api_url() == "http://127.0.0.1:4300/api"
