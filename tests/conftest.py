"""Shared test settings: where the project's and the shared data live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_STORY = SEEDS / "000_cf0af4194375d345.txt"
SEED_GOLD = SEEDS / "000_cf0af4194375d345.gold.json"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not SHARED_EVAL.is_dir():
        pytest.skip(f"development sets not found at {SHARED_EVAL} (they sit beside the project in CI)")
    return SHARED_EVAL
