"""Score rows against the seed story gold (``seeds/*.gold.json``).

Matching follows ``shared/gold/README.md``: a row matches a gold event when it is on the same
document, its sentence holds most of the evidence's words, its CAMEO code is acceptable or
shares the best code's root, and its actor countries agree where the gold names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coding.evaluation.gold import Gold, fail
from coding.evaluation.matching import (admin1_key, as_date, cameo_root, haversine_km, mostly_contains,
                                        overlap, word_set)
from coding.evaluation.metrics import counted, ratio
from coding.evaluation.predictions import read_rows
from coding.evaluation.table import Table

REQUIRED_COLUMNS = (
    "event_id", "doc_id", "sentence_index", "sentence_text", "cameo_code", "actor1_country", "actor1_sector",
    "actor2_country", "actor2_sector", "event_date", "latitude", "longitude", "admin1",
    "acled_event_type", "acled_sub_event_type", "fatalities", "modality",
)
FIELDS = ("code_exact", "code_acceptable", "actor1_sector", "actor2_sector", "date", "location", "acled", "fatalities")
LOCATION_KM = 50.0


@dataclass(frozen=True)
class GoldEvent:
    id: str
    doc_id: str
    required: bool
    words: frozenset[str]
    cameo: tuple[str, ...]
    actor1: dict[str, Any] | None
    actor2: dict[str, Any] | None
    acled: tuple[str, str] | None
    location: dict[str, Any] | None
    date: Any
    tolerance: int
    fatalities: int | None


def parse(gold: Gold) -> tuple[str, list[GoldEvent], list[dict[str, Any]]]:
    """The gold doc id, its events and its negatives; E301 naming the entry when one is malformed."""
    data = gold.data
    doc_id = data.get("doc_id")
    if not isinstance(doc_id, str) or not isinstance(data.get("events"), list):
        raise fail(gold.path, "seed gold needs a string doc_id and a list of events")
    events = []
    for n, ev in enumerate(data["events"], 1):
        cameo = ev.get("cameo") if isinstance(ev, dict) else None
        if not isinstance(ev, dict) or not ev.get("evidence") or not cameo or not isinstance(cameo, list):
            raise fail(gold.path, f"event {n} needs evidence and a non-empty cameo list")
        acled = ev.get("acled")
        try:
            date = as_date(ev.get("date"))
        except ValueError:
            raise fail(gold.path, f"event {ev.get('id', n)} has a date that is not ISO: {ev.get('date')!r}") from None
        events.append(GoldEvent(
            id=str(ev.get("id", f"event-{n}")), doc_id=str(ev.get("doc_id") or doc_id),
            required=bool(ev.get("required", True)), words=word_set(ev["evidence"]),
            cameo=tuple(str(c) for c in cameo), actor1=ev.get("actor1"), actor2=ev.get("actor2"),
            acled=tuple(acled) if acled else None, location=ev.get("location"), date=date,
            tolerance=int(ev.get("date_tolerance_days") or 0), fatalities=ev.get("fatalities"),
        ))
    negatives = data.get("negatives") or []
    if not isinstance(negatives, list) or not all(isinstance(x, dict) and x.get("evidence") for x in negatives):
        raise fail(gold.path, "negatives must be a list of objects with evidence")
    return doc_id, events, negatives


def code_acceptable(code: str | None, ev: GoldEvent) -> bool:
    return code in ev.cameo or (code is not None and cameo_root(code) == cameo_root(ev.cameo[0]))


def country_agrees(row_country: str | None, actor: dict[str, Any] | None) -> bool:
    """No constraint where the gold names no actor or no country for it."""
    return not actor or actor.get("country") is None or row_country == actor["country"]


def matches(row: dict[str, Any], words: frozenset[str], ev: GoldEvent) -> bool:
    return (row["doc_id"] == ev.doc_id and mostly_contains(words, ev.words)
            and code_acceptable(row["cameo_code"], ev)
            and country_agrees(row["actor1_country"], ev.actor1) and country_agrees(row["actor2_country"], ev.actor2))


def location_right(row: dict[str, Any], loc: dict[str, Any] | None) -> bool | None:
    """Within 50 km of the gold point; where the gold has only a region, the same admin-1."""
    if not loc:
        return None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        if row["latitude"] is None or row["longitude"] is None:
            return False
        return haversine_km(row["latitude"], row["longitude"], loc["lat"], loc["lon"]) <= LOCATION_KM
    if loc.get("admin1"):
        return bool(row["admin1"]) and admin1_key(row["admin1"]) == admin1_key(loc["admin1"])
    return None


def field_checks(row: dict[str, Any], ev: GoldEvent) -> dict[str, bool | None]:
    """Each field right (True), wrong (False) or not judged because the gold does not say (None)."""
    def sector(n: int) -> bool | None:
        actor = ev.actor1 if n == 1 else ev.actor2
        if not actor or actor.get("sector") is None:
            return None
        return row[f"actor{n}_sector"] == actor["sector"]

    row_date = as_date(row["event_date"])
    return {
        "code_exact": row["cameo_code"] == ev.cameo[0],
        "code_acceptable": row["cameo_code"] in ev.cameo,
        "actor1_sector": sector(1),
        "actor2_sector": sector(2),
        "date": None if ev.date is None else (row_date is not None and abs((row_date - ev.date).days) <= ev.tolerance),
        "location": location_right(row, ev.location),
        "acled": (row["acled_event_type"], row["acled_sub_event_type"]) == (ev.acled or (None, None)),
        "fatalities": row["fatalities"] == ev.fatalities,
    }


def brief(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("event_id", "sentence_index", "cameo_code", "actor1_country", "actor2_country", "modality")
    return {k: row[k] for k in keys}


def score(gold: Gold, pred_path: str | Path) -> dict[str, Any]:
    doc_id, events, negatives = parse(gold)
    doc_ids = {doc_id} | {ev.doc_id for ev in events}
    rows = read_rows(pred_path, REQUIRED_COLUMNS, doc_ids, purpose="the seed gold format")
    row_words = [word_set(r["sentence_text"]) for r in rows]
    matched = [[i for i, r in enumerate(rows) if matches(r, row_words[i], ev)] for ev in events]

    per_event, fields = [], {f: [0, 0] for f in FIELDS}
    for ev, idx in zip(events, matched):
        best, checks = None, None
        if idx:
            def rank(i: int) -> tuple:
                c = field_checks(rows[i], ev)
                return (sum(v is True for v in c.values()), c["code_exact"], overlap(row_words[i], ev.words), -i)
            best = max(idx, key=rank)
            checks = field_checks(rows[best], ev)
            if ev.required:
                for f, ok in checks.items():
                    if ok is not None:
                        fields[f][0] += ok
                        fields[f][1] += 1
        per_event.append({"id": ev.id, "required": ev.required, "found": bool(idx), "rows_matched": len(idx),
                          "best_row": brief(rows[best]) if best is not None else None, "fields": checks})

    correct = [any(i in idx for idx in matched) for i in range(len(rows))]
    asserted = [i for i, r in enumerate(rows) if r["modality"] == "asserted"]
    neg_report = []
    for n, neg in enumerate(negatives, 1):
        words = word_set(neg["evidence"])
        hits = [i for i in range(len(rows)) if mostly_contains(row_words[i], words)]
        neg_report.append({"id": str(neg.get("id", f"negative-{n}")), "rows": len(hits),
                           "asserted_rows": sum(rows[i]["modality"] == "asserted" for i in hits)})

    required = [e for e in per_event if e["required"]]
    optional = [e for e in per_event if not e["required"]]
    found_req = [e["id"] for e in required if e["found"]]
    asserted_correct = sum(correct[i] for i in asserted)
    field_scores = {f: counted(c, t) for f, (c, t) in fields.items()}
    summary: dict[str, Any] = {
        "required_recall": ratio(len(found_req), len(required)),
        "required_found": len(found_req), "required_total": len(required),
        "optional_found": sum(e["found"] for e in optional), "optional_total": len(optional),
        "precision": ratio(sum(correct), len(rows)), "rows_correct": sum(correct), "rows": len(rows),
        "asserted_precision": ratio(asserted_correct, len(asserted)),
        "asserted_rows_correct": asserted_correct, "asserted_rows": len(asserted),
        "negatives_asserted": sum(n["asserted_rows"] > 0 for n in neg_report), "negatives": len(neg_report),
    }
    summary.update({f"{f}_accuracy": s["accuracy"] for f, s in field_scores.items()})
    return {
        "format": "seed",
        "doc_id": doc_id,
        "summary": summary,
        "missed_required": [e["id"] for e in required if not e["found"]],
        "found_required": found_req,
        "found_optional": [e["id"] for e in optional if e["found"]],
        "fields": field_scores,
        "events": per_event,
        "negatives": neg_report,
        "unmatched_rows": [brief(r) for r, ok in zip(rows, correct) if not ok],
        "notes": [
            "a row matches a gold event: same doc, sentence holds > 50 % of the evidence's distinct words, "
            "CAMEO code listed or sharing the best code's root, actor countries equal where the gold gives them",
            "precision counts a row correct when it matches any gold event, required or optional",
            "fields are judged on required events only, with the best-matching row (most fields right, "
            "then exact code, then word overlap); fields the gold leaves open are not counted",
        ],
    }


def tables(report: dict[str, Any]) -> list[Table]:
    fields = Table("Per-field accuracy on matched required events", ("field", "correct", "total", "accuracy"),
                   [(f, s["correct"], s["total"], s["accuracy"]) for f, s in report["fields"].items()])
    events = Table("Gold events", ("id", "required", "found", "rows", "best row code", "fields wrong"),
                   [(e["id"], e["required"], e["found"], e["rows_matched"],
                     e["best_row"]["cameo_code"] if e["best_row"] else None,
                     [f for f, ok in (e["fields"] or {}).items() if ok is False])
                    for e in report["events"]])
    negs = Table("Negatives (must not be asserted)", ("id", "rows", "asserted rows"),
                 [(n["id"], n["rows"], n["asserted_rows"]) for n in report["negatives"]])
    unmatched = Table("Rows matching no gold event", ("sentence", "code", "actor1", "actor2", "modality"),
                      [(r["sentence_index"], r["cameo_code"], r["actor1_country"], r["actor2_country"], r["modality"])
                       for r in report["unmatched_rows"]])
    return [fields, events, negs, unmatched]
