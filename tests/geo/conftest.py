"""One gazetteer index per test session, built into a temporary cache directory (never the user's)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coding.geo.cache import ENV_VAR
from coding.geo.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def geo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("eventcoder-cache")


@pytest.fixture(scope="session")
def built(geo_cache: Path) -> tuple[Gazetteer, float]:
    """The gazetteer, loaded through the public entry point (which builds it), and the build time."""
    start = time.perf_counter()
    gaz = load_gazetteer(geo_cache)
    return gaz, time.perf_counter() - start


@pytest.fixture(scope="session")
def gaz(built: tuple[Gazetteer, float]) -> Gazetteer:
    return built[0]


@pytest.fixture()
def temp_cache_env(geo_cache: Path, gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the coder's default cache at the session's temporary one (already built)."""
    monkeypatch.setenv(ENV_VAR, str(geo_cache))
    return geo_cache
