"""`eventcoder serve` end to end: a real Prefect server, a scheduled deployment, a triggered run.

Expensive (a server start, a served deployment and one flow run in subprocesses, about a
minute), so it is the only test of its kind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.serve import DEPLOYMENT, FLOW_NAME
from flows.server import PID_FILE, free_port, healthy

pytestmark = pytest.mark.flow

SEEDS = Path(__file__).parents[2] / "seeds"
CRON = "*/15 * * * *"
LINE = {"id": "inbox-1", "text": "Police fired tear gas at protesters in Nairobi on Tuesday.", "date": "2024-06-25"}


def _wait_for_deployment(api_url: str, proc: subprocess.Popen, timeout: float = 180.0):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"eventcoder serve exited early with code {proc.returncode}"
        if healthy(api_url):
            with temporary_settings(updates={PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
                try:
                    return client.read_deployment_by_name(f"{FLOW_NAME}/{DEPLOYMENT}")
                except Exception:  # not registered yet
                    pass
        time.sleep(1)
    pytest.fail(f"deployment {FLOW_NAME}/{DEPLOYMENT} did not appear within {timeout:.0f} s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_serve_schedules_and_runs_the_inbox_deployment(tmp_path: Path):
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    inbox, out, home = tmp_path / "inbox", tmp_path / "out", tmp_path / "prefect-home"
    inbox.mkdir()
    seed = next(SEEDS.glob("*.txt"))
    shutil.copy(seed, inbox / seed.name)
    (inbox / "feed.jsonl").write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_RUNNER_POLL_FREQUENCY="2")
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, "-m", "coding.cli", "serve", "--cron", CRON, "--inbox", str(inbox), "--output", str(out),
         "--port", str(port), "--no-ui"],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deployment = _wait_for_deployment(api_url, proc)
        assert [s.schedule.cron for s in deployment.schedules] == [CRON]
        assert deployment.parameters["inbox"] == str(inbox.resolve())
        assert (home / "prefect.db").is_file()  # SQLite under the given PREFECT_HOME

        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            run = run_deployment(f"{FLOW_NAME}/{DEPLOYMENT}", timeout=300, poll_interval=2)
        assert run.state is not None and run.state.is_completed(), (run.state, (tmp_path / "serve.log").read_text())

        rows = duckdb.sql(f"select doc_id, count(*) from read_parquet('{out}/events/**/*.parquet', "
                          "hive_partitioning=true) group by 1").fetchall()
        assert {seed.stem, "inbox-1"} <= {r[0] for r in rows}
        assert all(n > 0 for _, n in rows)
        assert (out / "reports" / "summary.md").is_file()
        assert not (out / ".flow-cache").exists()  # shards and cached batches are gone once committed
    finally:
        _stop(proc)
        log.close()
    assert proc.returncode is not None
    assert not healthy(api_url), "the Prefect server is still answering after serve stopped"
    assert not (home / PID_FILE).exists()


def test_prefect_yaml_describes_the_served_deployment():
    """prefect.yaml (work pools) and `eventcoder serve` deploy the same flow, schedule and parameters."""
    import inspect

    import yaml
    from prefect.flows import load_flow_from_entrypoint

    from flows.serve import DEFAULT_CRON, inbox_flow

    spec = yaml.safe_load((Path(__file__).parents[2] / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = spec["deployments"]
    assert deployment["name"] == DEPLOYMENT
    root = Path(__file__).parents[2]
    loaded = load_flow_from_entrypoint(str(root / deployment["entrypoint"]))
    assert loaded.name == inbox_flow.name == FLOW_NAME
    assert set(deployment["parameters"]) == set(inspect.signature(inbox_flow.fn).parameters)
    assert [s["cron"] for s in deployment["schedules"]] == [DEFAULT_CRON]
