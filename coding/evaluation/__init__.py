"""Score event rows against gold labels: the logic behind ``eventcoder evaluate``.

``evaluate`` reads the gold file, tells its format from its content (seed story JSON, or the
petr_gsr / plover_gsr / case2021 development sets), reads only the prediction columns that
format needs, and returns a JSON-serialisable report; ``format_report`` prints it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coding.evaluation.formats import FORMATS
from coding.evaluation.gold import Gold, load_gold
from coding.evaluation.report import format_report
from coding.evaluation.split import HALVES, Half, half_of, select_half

__all__ = ["FORMATS", "Gold", "HALVES", "detect_format", "evaluate", "format_report", "half_of", "load_gold"]


def detect_format(gold_path: str | Path) -> str:
    """Name of the gold file's format ('seed', 'petr_gsr', 'plover_gsr', 'case2021'); E301 otherwise."""
    return load_gold(gold_path).format


def evaluate(gold_path: str | Path, pred_path: str | Path, half: Half | None = None) -> dict[str, Any]:
    """Report with "format", "summary" (flat headline metrics) and the format's details.

    ``half`` ('tune' or 'check') scores only the records of that half of a development set
    (coding/evaluation/split.py); the seed story is never split.

    Raises GoldFormatError: E301 when the gold file is in no known format, E302 when the
    predictions cannot be read or lack a column the format needs.
    """
    gold = select_half(load_gold(gold_path), half)
    body = FORMATS[gold.format].score(gold, pred_path)
    extra = {"half": half} if half and gold.format != "seed" else {}
    return {"format": body.pop("format"), "gold_path": str(gold_path), "pred_path": str(pred_path), **extra, **body}
