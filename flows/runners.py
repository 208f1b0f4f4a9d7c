"""Task runners for the flow: threads (default), a local process pool, or Dask.

Batches of documents are the unit of work. With ``processes`` or ``dask`` each worker
process loads the spaCy model and lexicons once (``coding.nlp.load_nlp`` and
``coding.lexicon.default_lexicon`` are cached per process) and then codes batch after batch.

``dask`` with no address starts a local cluster of worker processes (one thread each:
spaCy work holds the GIL, so threads in one worker would not add speed); with
``tcp://HOST:PORT`` the flow submits its batches to an existing Dask scheduler.
"""

from __future__ import annotations

import os
from typing import Literal

from coding.errors import ErrorCode, InputError

RunnerName = Literal["threads", "processes", "dask"]
RUNNERS: tuple[str, ...] = ("threads", "processes", "dask")


def default_workers(kind: str) -> int:
    """Threads default to one (the model is not re-entrant-fast under the GIL); processes to the CPU count."""
    return 1 if kind == "threads" else max(1, os.cpu_count() or 1)


def make_task_runner(kind: str = "threads", workers: int | None = None, dask_address: str | None = None):
    """A Prefect task runner for ``kind``; ``dask_address`` only applies to ``dask``.

    Raises InputError E402 for an unknown kind or an address given without ``dask``.
    """
    if kind not in RUNNERS:
        raise InputError(ErrorCode.E410_BAD_OPTION, f"unknown task runner {kind!r}; choose one of {', '.join(RUNNERS)}")
    if dask_address and kind != "dask":
        raise InputError(ErrorCode.E410_BAD_OPTION, "--dask-address needs --task-runner dask")
    n = workers or default_workers(kind)
    if kind == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=n)
    if kind == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=n)
    from prefect_dask import DaskTaskRunner

    if dask_address:
        if not dask_address.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://")):
            raise InputError(ErrorCode.E410_BAD_OPTION, f"not a Dask scheduler address: {dask_address!r} (expected tcp://HOST:PORT)")
        return DaskTaskRunner(address=dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})
