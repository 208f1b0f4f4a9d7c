"""One Prefect test harness (temporary API server and SQLite database) for the flow tests.

The environment is set when this conftest is imported, before any flow test module
imports Prefect: settings are read at import, so setting them in a fixture is too late.
PREFECT_HOME is a throw-away folder so the tests never touch a user's Prefect profile or DB.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="eventcoder-prefect-home-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session", autouse=True)
def prefect_harness() -> Iterator[None]:
    """Start the harness once for every test in tests/flows (about 20 s), stop it at the end."""
    from prefect.testing.utilities import prefect_test_harness

    try:
        with prefect_test_harness(server_startup_timeout=90):
            yield
    finally:
        shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
