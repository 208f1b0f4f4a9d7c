"""``eventcoder serve``: a real Prefect server plus a scheduled deployment that codes an inbox.

    eventcoder serve --cron "*/15 * * * *" --inbox inbox/ --output output/

starts ``prefect server start`` on 127.0.0.1 (unless ``--api-url`` / ``PREFECT_API_URL``
points at a server already running) and serves the ``eventcoder-inbox/inbox`` deployment
with its schedule: every run codes the inbox into the output folder with the full flow
(validation, dataset, report). ``prefect.yaml`` describes the same deployment for work pools.

One run at a time: a run commits what it read from the inbox, so a run that overlapped a
later one could commit an older reading after it. A run killed part-way commits nothing;
the next one codes what it finds (finished batches come back from the cache).
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from flows.pipeline import run_flow

DEPLOYMENT = "inbox"
FLOW_NAME = "eventcoder-inbox"
DEFAULT_CRON = "*/15 * * * *"
INPUT_SUFFIXES = {".txt", ".jsonl", ".json", ".xml", ".rss", ".atom", ".html", ".htm"}


def inbox_files(inbox: Path) -> list[Path]:
    """Files in the inbox that a reader may take (hidden and partial files are skipped)."""
    if not inbox.is_dir():
        return []
    return sorted(p for p in inbox.rglob("*") if p.is_file() and not p.name.startswith(".")
                  and not p.name.endswith(".partial"))


@flow(name=FLOW_NAME, persist_result=False)
def inbox_flow(inbox: str, output_dir: str, task_runner: str = "threads", workers: int | None = None,
               dask_address: str | None = None, batch_size: int = 64, mirror: bool = False) -> dict[str, Any]:
    """One scheduled run: code the inbox into ``output_dir`` (the coding flow runs as a subflow).

    The subflow picks its own task runner, so the deployment's parameters choose threads,
    processes or a Dask cluster per run. With ``mirror`` the dataset follows the inbox: the
    rows of documents no longer in it are removed. An empty (or missing) inbox changes
    nothing, mirror or not: an unmounted share looks empty too.
    """
    logger = get_run_logger()
    files = inbox_files(Path(inbox))
    if not files:
        logger.info("inbox %s is empty: nothing to code", inbox)
        return {"documents": 0, "inbox": inbox}
    logger.info("inbox %s: %d files", inbox, len(files))
    return run_flow([inbox], output_dir, batch_size=batch_size, task_runner=task_runner,
                    workers=workers, dask_address=dask_address, mirror=mirror)


def default_home(state_dir: str | Path = ".state") -> Path:
    """PREFECT_HOME, else ``<state_dir>/prefect`` (the project's state folder)."""
    return Path(os.environ.get("PREFECT_HOME") or Path(state_dir) / "prefect").expanduser().resolve()


def serve(inbox: str | Path, output_dir: str | Path, cron: str = DEFAULT_CRON, task_runner: str = "threads",
          workers: int | None = None, dask_address: str | None = None, batch_size: int = 64,
          api_url: str | None = None, host: str = "127.0.0.1", port: int | None = 4200,
          home: str | Path | None = None, ui: bool = True, interval: float | None = None,
          mirror: bool = False) -> None:
    """Start (or use) a Prefect server and serve the scheduled inbox deployment until stopped.

    ``interval`` (seconds) schedules runs at that interval instead of ``cron``.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.runners import make_task_runner
    from flows.server import start_server

    make_task_runner(task_runner, workers, dask_address)  # reject bad options before starting anything
    inbox_dir, out_dir = Path(inbox).resolve(), Path(output_dir).resolve()
    inbox_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    server = None
    if not api_url:
        server = start_server(home or default_home(), host=host, port=port, ui=ui)
        api_url = server.api_url
        print(f"Prefect server on {api_url.removesuffix('/api')} (log: {server.log_path})", flush=True)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            os.environ["PREFECT_API_URL"] = api_url  # for the runner's flow-run subprocesses
            schedule = {"interval": interval} if interval else {"cron": cron}
            inbox_flow.serve(
                name=DEPLOYMENT, **schedule, limit=1,
                parameters={"inbox": str(inbox_dir), "output_dir": str(out_dir), "task_runner": task_runner,
                            "workers": workers, "dask_address": dask_address, "batch_size": batch_size,
                            "mirror": mirror},
                description=f"Code new documents in {inbox_dir} into {out_dir}"
                            + (" (mirror: rows of documents gone from the inbox are removed)" if mirror else ""),
                tags=["eventcoder"],
            )
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server is not None:
            server.stop()
            print("Prefect server stopped", flush=True)


def _raise_interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
