"""Overlap the slow parts of starting ``eventcoder run``: a Prefect API server and the imports.

With no Prefect server configured, Prefect's first flow call starts a temporary API (a
uvicorn subprocess) and waits for it; only then are spaCy, the coder and Great
Expectations imported, one after the other. Instead, ``eventcoder run`` launches the API
subprocess itself before importing Prefect (no loop services, no UI: one run needs only
the API), imports and loads everything while the server boots on the other core (Great
Expectations in a background thread that runs on into the flow), and stops the server when
the run ends. A configured server (``PREFECT_API_URL`` in the environment
or the active profile, e.g. the one ``eventcoder serve`` starts) is used as it is.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from flows.server import PrefectServer, configured_api_url, launch_server


def launch_run_server() -> PrefectServer | None:
    """Launch an API server for this run, unless one is configured or Prefect is already imported.

    Prefect reads its settings when first imported, so PREFECT_API_URL is set here before that.
    """
    if "prefect" in sys.modules or configured_api_url():
        return None
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    server = launch_server(home, ui=False, services=False)
    os.environ["PREFECT_API_URL"] = server.api_url
    return server


def preload(validation: bool = True) -> threading.Thread | None:
    """Import the flow, load the model and lexicons (while a server boots); import GX in the background.

    Great Expectations (about 3 s to import) is first needed at the validation step, so it is
    imported by a background thread, started once this thread's own imports are done, that runs
    on while the server finishes booting and the flow starts and codes; the validation step's
    import waits for it if it has not finished.
    """
    import pandas  # noqa: F401  (whole before GX's thread starts: two threads importing one package's parts can deadlock)

    import flows.pipeline  # noqa: F401  (spaCy, the coder, Prefect's flow engine)
    from coding.lexicon import default_lexicon
    from coding.nlp import load_nlp

    load_nlp()
    default_lexicon()
    return _import_in_background("great_expectations") if validation else None


def _import_in_background(module: str) -> threading.Thread:
    def run() -> None:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - the step that needs it imports it again and reports the error
            pass

    thread = threading.Thread(target=run, name=f"eventcoder-import-{module}", daemon=True)
    thread.start()
    return thread


@contextmanager
def run_server(timeout: float = 120.0) -> Iterator[PrefectServer | None]:
    """A Prefect API for the length of one ``eventcoder run``, booted in parallel with the imports."""
    server = launch_run_server()
    try:
        preload()
        if server is not None:
            server.wait(timeout)
        yield server
    finally:
        if server is not None:
            _drain_prefect_workers()
            server.stop()
            os.environ.pop("PREFECT_API_URL", None)


def _drain_prefect_workers(timeout: float = 15.0) -> None:
    """Send Prefect's queued logs and events before the server goes (else exit waits on retries)."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (APILogWorker, EventsWorker):
        service.drain_all(timeout=timeout)
