"""Score short event notes (one event each, in the style of ACLED's notes) on type, deaths and date.

A note reports one event: its row is the most severe one coded from it (force first, then
protest, then the rest; within a class the first), its fatalities the largest count on any row
(0 when none is given), its date the chosen row's. Figures: event type accuracy, fatalities
exact (over all notes and over the notes that report deaths), date exact; and, for notes that give
their place (``location``: name, lat, lon), the chosen row within 50 km of it (ACLED's measure).
A note may give ``doc_date``, the date its story's metadata carries (a dateline note: "KHARKIV,
Oct 5 -"); without it the coder has only the text, as with a published note.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from coding.coder import code_documents
from coding.document import Document
from coding.geo.resolve import km

NEAR_KM = 50

SEVERITY = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests",
            "Strategic developments")


def _pick(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    typed = [r for r in rows if r.get("acled_event_type") in SEVERITY and r["modality"] == "asserted"]
    if not typed:
        return None
    return min(typed, key=lambda r: (SEVERITY.index(r["acled_event_type"]) if r["acled_event_type"] != "Strategic developments" else 9,
                                     r["evidence_start"]))


def score_notes(path: Path) -> dict[str, Any]:
    notes = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(doc_id=n["id"], text=n["text"], doc_date=date.fromisoformat(n["doc_date"]) if n.get("doc_date") else None)
            for n in notes]
    by_doc: dict[str, list[dict[str, Any]]] = {n["id"]: [] for n in notes}
    for row in code_documents(docs):
        by_doc[row["doc_id"]].append(row)
    results = []
    for note in notes:
        rows = by_doc[note["id"]]
        row = _pick(rows)
        deaths = max((r["fatalities"] or 0 for r in rows), default=0)
        got = {"type": row["acled_event_type"] if row else None, "fatalities": deaths,
               "date": row["event_date"].isoformat() if row and isinstance(row["event_date"], date) else None}
        right = {"type": got["type"] == note["type"], "fatalities": deaths == note["fatalities"], "date": got["date"] == note["date"]}
        if note.get("location"):
            gold = note["location"]
            got["place"] = (row["location_name"], row["latitude"], row["longitude"]) if row else None
            right["location"] = bool(row and row["latitude"] is not None
                                     and km(row["latitude"], row["longitude"], gold["lat"], gold["lon"]) <= NEAR_KM)
        results.append({"id": note["id"], "text": note["text"], "got": got, "right": right, "deaths": note["fatalities"] > 0})
    n = len(results)
    with_deaths = [r for r in results if r["deaths"]]
    summary = {
        "notes": n,
        "event_type_accuracy": round(sum(r["right"]["type"] for r in results) / n, 3),
        "fatalities_exact": round(sum(r["right"]["fatalities"] for r in results) / n, 3),
        "fatalities_exact_with_deaths": round(sum(r["right"]["fatalities"] for r in with_deaths) / max(len(with_deaths), 1), 3),
        "date_exact": round(sum(r["right"]["date"] for r in results) / n, 3),
    }
    placed = [r for r in results if "location" in r["right"]]
    if placed:
        summary["location_within_50km"] = round(sum(r["right"]["location"] for r in placed) / len(placed), 3)
    return {"summary": summary, "notes": results}
