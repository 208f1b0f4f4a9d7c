"""Tune / check halves of a development set, by a hash of each record's id.

Rules are changed while looking only at the *tune* half; the *check* half's figures are the
estimate of accuracy on text nobody tuned on. The split is a pure function of the id, so it is
the same on every machine and for every gold file, and a record never changes half.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Literal

from coding.evaluation.gold import Gold

Half = Literal["tune", "check"]
HALVES: tuple[Half, ...] = ("tune", "check")


def half_of(record_id: str | int) -> Half:
    """'tune' or 'check' for a record id (SHA-256 of the id's text, lowest bit of the first byte)."""
    digest = hashlib.sha256(str(record_id).encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def select_half(gold: Gold, half: Half | None) -> Gold:
    """The gold restricted to one half (unchanged for ``None``); the seed story is not split."""
    if half is None or gold.format == "seed":
        return gold
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    return replace(gold, data=[rec for rec in gold.data if half_of(rec["id"]) == half])
