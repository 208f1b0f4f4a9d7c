"""Ratios and per-class precision / recall / F1, written out so the conventions are visible."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence


def ratio(numerator: int, denominator: int) -> float | None:
    """numerator / denominator, or None when nothing was there to count (reported as n/a)."""
    return numerator / denominator if denominator else None


def counted(correct: int, total: int) -> dict[str, object]:
    """A correct / total pair with its ratio, the shape every per-field and per-type score uses."""
    return {"correct": correct, "total": total, "accuracy": ratio(correct, total)}


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def class_scores(gold: Sequence[str], pred: Sequence[str], classes: Iterable[str]) -> dict[str, dict[str, object]]:
    """Support, predicted count, true positives, precision, recall and F1 for each class.

    Precision is 0 for a class never predicted and recall 0 for a class absent from the
    gold, so that such classes count fully when averaged rather than being skipped.
    """
    support, predicted = Counter(gold), Counter(pred)
    tp = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    out: dict[str, dict[str, object]] = {}
    for c in classes:
        p = tp[c] / predicted[c] if predicted[c] else 0.0
        r = tp[c] / support[c] if support[c] else 0.0
        out[c] = {"support": support[c], "predicted": predicted[c], "true_positives": tp[c],
                  "precision": p, "recall": r, "f1": f1(p, r)}
    return out


def weighted_f1(scores: dict[str, dict[str, object]]) -> float | None:
    """F1 averaged with each class weighted by its gold support."""
    total = sum(int(s["support"]) for s in scores.values())
    if not total:
        return None
    return sum(int(s["support"]) * float(s["f1"]) for s in scores.values()) / total


def macro_f1(scores: dict[str, dict[str, object]]) -> float | None:
    """Unweighted mean F1 over the classes present in the gold (support > 0)."""
    present = [float(s["f1"]) for s in scores.values() if int(s["support"]) > 0]
    return sum(present) / len(present) if present else None
