"""Score rows against the PETRARCH-2 gold sentences (``petr_gsr``).

An expected ``{source, target, code}`` is found when a row of that record has the same
CAMEO root and the same first three letters of its actor codes. Three letters, not the
full code, because the gold's sector choices (USAGOV vs USA) follow PETRARCH's dictionaries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coding.evaluation.gold import Gold, fail
from coding.evaluation.matching import cameo_root, country_key
from coding.evaluation.metrics import ratio
from coding.evaluation.predictions import rows_by_doc, read_rows
from coding.evaluation.table import Table

REQUIRED_COLUMNS = ("doc_id", "cameo_code", "actor1_code", "actor2_code")


def parse(gold: Gold) -> dict[str, list[dict[str, str]]]:
    """Record id -> expected events; E301 when an expectation lacks a code."""
    out: dict[str, list[dict[str, str]]] = {}
    for rec in gold.data:
        expected = rec["expected"]
        if not isinstance(expected, list) or not all(isinstance(e, dict) and e.get("code") for e in expected):
            raise fail(gold.path, f"record {rec['id']}: expected must be a list of {{source, target, code}}")
        out.setdefault(str(rec["id"]), []).extend(
            {"source": e.get("source") or "", "target": e.get("target") or "", "code": str(e["code"])} for e in expected)
    return out


def root_matches(row: dict[str, Any], exp: dict[str, str]) -> bool:
    return cameo_root(row["cameo_code"]) == cameo_root(exp["code"])


def event_matches(row: dict[str, Any], exp: dict[str, str]) -> bool:
    """Same root and actor prefixes; an empty (or '---') expected target wants no actor2."""
    return (root_matches(row, exp) and country_key(row["actor1_code"]) == country_key(exp["source"])
            and country_key(row["actor2_code"]) == country_key(exp["target"]))


def score(gold: Gold, pred_path: str | Path) -> dict[str, Any]:
    expected = parse(gold)
    rows = read_rows(pred_path, REQUIRED_COLUMNS, expected, purpose="the petr_gsr gold format")
    by_doc = rows_by_doc(rows)

    found = found_root = 0
    missed = []
    for doc, exps in expected.items():
        for e in exps:
            doc_rows = by_doc.get(doc, [])
            hit = any(event_matches(r, e) for r in doc_rows)
            found += hit
            found_root += any(root_matches(r, e) for r in doc_rows)
            if not hit:
                missed.append({"id": doc, **e, "rows": [
                    {k: r[k] for k in ("cameo_code", "actor1_code", "actor2_code")} for r in doc_rows]})
    correct = [any(event_matches(r, e) for e in expected[r["doc_id"]]) for r in rows]
    empty = [d for d, exps in expected.items() if not exps]
    n_expected = sum(len(v) for v in expected.values())
    return {
        "format": "petr_gsr",
        "summary": {
            "recall": ratio(found, n_expected), "found": found, "expected": n_expected,
            "recall_root": ratio(found_root, n_expected), "found_root": found_root,
            "precision": ratio(sum(correct), len(rows)), "rows_correct": sum(correct), "rows": len(rows),
            "records": len(expected), "records_no_event": len(empty),
            "rows_on_no_event_records": sum(len(by_doc.get(d, [])) for d in empty),
        },
        "missed": missed,
        "false_positive_rows": [{k: r[k] for k in REQUIRED_COLUMNS} for r, ok in zip(rows, correct) if not ok],
        "notes": [
            "found: a row of the record with the same CAMEO root and the same first three letters of "
            "actor1_code / actor2_code as source / target (leading '---' dropped; empty target = no actor2; "
            "legacy CAMEO country codes mapped to ISO-3)",
            "recall_root ignores the actors; precision is over every row of the set's records, "
            "and rows on records expecting no event are false positives",
        ],
    }


def tables(report: dict[str, Any]) -> list[Table]:
    missed = Table("Expected events not found", ("id", "code", "source", "target", "rows (code source target)"),
                   [(m["id"], m["code"], m["source"], m["target"],
                     "; ".join(f"{r['cameo_code']} {r['actor1_code'] or '-'} {r['actor2_code'] or '-'}" for r in m["rows"]))
                    for m in report["missed"]])
    fps = Table("Rows matching no expected event", ("id", "code", "actor1", "actor2"),
                [(r["doc_id"], r["cameo_code"], r["actor1_code"], r["actor2_code"]) for r in report["false_positive_rows"]])
    return [missed, fps]
