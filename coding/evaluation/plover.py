"""Score rows against the PLOVER gold standard records (``plover_gsr``).

Each record has one PLOVER event type (``event_current_plover_derived``, else the older
``event``) and its source actors' CAMEO codes. Those codes predate ISO-3 in places (JAP for
Japan) and use IGO-like prefixes, so they go through ``matching.country_key`` first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coding.evaluation.gold import Gold, fail
from coding.evaluation.matching import country_key
from coding.evaluation.metrics import ratio
from coding.evaluation.predictions import rows_by_doc, read_rows
from coding.evaluation.table import Table

REQUIRED_COLUMNS = ("doc_id", "plover_event_type", "actor1_country")


def gold_type(rec: dict[str, Any]) -> str | None:
    return rec.get("event_current_plover_derived") or rec.get("event") or None


def source_countries(rec: dict[str, Any]) -> set[str]:
    """Contract countries of the record's source actors (the source may be a list, an object or empty)."""
    src = rec.get("source")
    items = src if isinstance(src, list) else [src] if isinstance(src, dict) else []
    return {k for k in (country_key(a.get("code")) for a in items if isinstance(a, dict)) if k}


def parse(gold: Gold) -> dict[str, tuple[str, set[str]]]:
    out = {}
    for rec in gold.data:
        t = gold_type(rec)
        if not isinstance(t, str):
            raise fail(gold.path, f"record {rec['id']} has no PLOVER event type")
        out[str(rec["id"])] = (t.upper(), source_countries(rec))
    return out


def score(gold: Gold, pred_path: str | Path) -> dict[str, Any]:
    records = parse(gold)
    rows = read_rows(pred_path, REQUIRED_COLUMNS, records, purpose="the plover_gsr gold format")
    by_doc = rows_by_doc(rows)

    per_type: dict[str, dict[str, int]] = {}

    def bucket(t: str) -> dict[str, int]:
        return per_type.setdefault(t, {"support": 0, "found": 0, "found_country": 0, "predicted_rows": 0, "correct_rows": 0})

    missed = []
    for doc, (t, countries) in records.items():
        doc_rows = by_doc.get(doc, [])
        same = [r for r in doc_rows if r["plover_event_type"] == t]
        with_country = any(r["actor1_country"] in countries for r in same)
        b = bucket(t)
        b["support"] += 1
        b["found"] += bool(same)
        b["found_country"] += with_country
        if not same:
            missed.append({"id": doc, "gold_type": t,
                           "predicted_types": sorted({r["plover_event_type"] for r in doc_rows if r["plover_event_type"]})})
        for r in doc_rows:
            if r["plover_event_type"]:
                pb = bucket(r["plover_event_type"])
                pb["predicted_rows"] += 1
                pb["correct_rows"] += r["plover_event_type"] == t

    n = len(records)
    found = sum(b["found"] for b in per_type.values())
    found_country = sum(b["found_country"] for b in per_type.values())
    typed = sum(b["predicted_rows"] for b in per_type.values())
    correct = sum(b["correct_rows"] for b in per_type.values())
    table = {t: {**b, "recall": ratio(b["found"], b["support"]), "recall_country": ratio(b["found_country"], b["support"]),
                 "precision": ratio(b["correct_rows"], b["predicted_rows"])}
             for t, b in sorted(per_type.items(), key=lambda kv: (-kv[1]["support"], kv[0]))}
    return {
        "format": "plover_gsr",
        "summary": {
            "type_recall": ratio(found, n), "type_found": found,
            "type_country_recall": ratio(found_country, n), "type_country_found": found_country,
            "records": n, "type_precision": ratio(correct, typed), "rows_correct": correct, "rows_typed": typed,
            "rows": len(rows),
        },
        "per_type": table,
        "missed": missed,
        "notes": [
            "type recall: the gold type is among the record's rows' plover_event_type; with country: one of "
            "those rows has actor1_country equal to a gold source code's first three letters "
            "(legacy CAMEO codes mapped to ISO-3, IGO-like codes to IGO)",
            "type precision: rows with the record's gold type / rows with a PLOVER type on gold records",
        ],
    }


def tables(report: dict[str, Any]) -> list[Table]:
    per_type = Table("Per-type recall", ("type", "support", "found", "recall", "with country", "rows", "precision"),
                     [(t, s["support"], s["found"], s["recall"], s["recall_country"], s["predicted_rows"], s["precision"])
                      for t, s in report["per_type"].items()])
    missed = Table("Records whose type was not found", ("id", "gold type", "predicted types"),
                   [(m["id"], m["gold_type"], m["predicted_types"]) for m in report["missed"]])
    return [per_type, missed]
