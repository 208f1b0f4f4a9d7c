"""The Vega bundle is made once per machine and read from eventcoder's cache directory after."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.geo.cache import ENV_VAR
from reporting import assets


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assets.vega_bundle.cache_clear()
    yield tmp_path
    assets.vega_bundle.cache_clear()


def test_bundle_is_written_to_the_cache_and_read_back(fresh: Path):
    script = assets.vega_bundle("5")
    (cached,) = fresh.glob("vega-bundle-*.js")
    assert "vl5." in cached.name and cached.read_text(encoding="utf-8") == script
    assert "vegaEmbed" in script and "</script" not in script
    # A fresh process (no in-memory cache) takes the file as it is instead of bundling again.
    cached.write_text("/* from the cache */", encoding="utf-8")
    assets.vega_bundle.cache_clear()
    assert assets.vega_bundle("5") == "/* from the cache */"


def test_unwritable_cache_still_gives_the_bundle(fresh: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = fresh / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(blocker / "cache"))  # a file where the directory should be
    assert "vegaEmbed" in assets.vega_bundle("5")
    assert not list(fresh.glob("**/vega-bundle-*.js"))
