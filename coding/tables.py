"""Code tables (CAMEO codes, QuadClass, Goldstein, agents, PLOVER mapping), loaded once per process."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    label: str
    quad_class: int
    goldstein: float


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    return {
        r["code"]: CameoCode(r["code"], r["root"], r["label"], int(r["quad_class"]), float(r["goldstein"]))
        for r in _rows("cameo_codes.tsv")
    }


@lru_cache(maxsize=1)
def agent_code_set() -> frozenset[str]:
    return frozenset(r["code"] for r in _rows("agent_codes.tsv"))


@lru_cache(maxsize=1)
def plover_by_cameo() -> list[tuple[str, str, str | None]]:
    """(cameo prefix, PLOVER type, mode) rows, longest prefix first."""
    rows = [(r["cameo_prefix"], r["plover_event_type"], r["plover_mode"] or None) for r in _rows("cameo_to_plover.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


def plover_for(code: str) -> tuple[str | None, str | None]:
    for prefix, etype, mode in plover_by_cameo():
        if code.startswith(prefix):
            return etype, mode
    return None, None


@lru_cache(maxsize=1)
def acled_by_cameo() -> list[tuple[str, str, str]]:
    """(cameo prefix, ACLED event type, sub-event type), longest prefix first: the default ACLED view of a code."""
    rows = [(r["cameo_prefix"], r["event_type"], r["sub_event_type"]) for r in _rows("cameo_to_acled.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


def acled_for(code: str) -> tuple[str | None, str | None]:
    for prefix, etype, sub in acled_by_cameo():
        if code.startswith(prefix):
            return etype, sub
    return None, None


@lru_cache(maxsize=1)
def acled_type_pairs() -> frozenset[tuple[str, str]]:
    """Every valid (ACLED event type, sub-event type) pair."""
    return frozenset((r["event_type"], r["sub_event_type"]) for r in _rows("acled_types.tsv"))
