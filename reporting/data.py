"""The report's numbers: event rows reduced to the small tables the charts draw.

Aggregating here, not in the browser, keeps the page small whatever the run's size: the
page carries counts per day and type, per root, per place and per actor pair, never rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pyarrow as pa

from coding.tables import cameo_table

NOT_ACLED = "(no ACLED type)"
QUAD_NAMES = {1: "1 verbal cooperation", 2: "2 material cooperation", 3: "3 verbal conflict",
              4: "4 material conflict"}
TOP_PAIRS = 15


def _column(table: pa.Table, name: str) -> list[Any]:
    return table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows


def events_per_day(table: pa.Table) -> list[dict[str, Any]]:
    """Rows per (event date, ACLED event type); rows without an event date are left out."""
    counts = Counter((d.isoformat(), kind or NOT_ACLED)
                     for d, kind in zip(_column(table, "event_date"), _column(table, "acled_event_type"))
                     if d is not None)
    return [{"date": day, "acled_event_type": kind, "events": n} for (day, kind), n in sorted(counts.items())]


def cameo_roots(table: pa.Table) -> list[dict[str, Any]]:
    """Rows per CAMEO root with its name and QuadClass, in root order."""
    codes = cameo_table()
    counts = Counter(_column(table, "cameo_root"))
    out = []
    for root, n in sorted((r, n) for r, n in counts.items() if r is not None):
        entry = codes.get(root)
        out.append({"cameo_root": root, "root": f"{root} {entry.label.capitalize() if entry else ''}".strip(),
                    "quad_class": QUAD_NAMES.get(entry.quad_class if entry else 0, "unknown"), "events": n})
    return out


def quad_classes(table: pa.Table) -> list[dict[str, Any]]:
    """Rows per QuadClass (all four, zero where none)."""
    counts = Counter(_column(table, "quad_class"))
    return [{"quad_class": name, "events": counts.get(q, 0)} for q, name in QUAD_NAMES.items()]


def places(table: pa.Table) -> list[dict[str, Any]]:
    """Geocoded rows per place: events, reported fatalities and the most frequent ACLED type."""
    groups: dict[tuple, dict[str, Any]] = {}
    kinds: dict[tuple, Counter] = defaultdict(Counter)
    for name, iso3, lat, lon, deaths, kind in zip(
            _column(table, "location_name"), _column(table, "country_iso3"), _column(table, "latitude"),
            _column(table, "longitude"), _column(table, "fatalities"), _column(table, "acled_event_type")):
        if lat is None or lon is None:
            continue
        key = (round(lat, 4), round(lon, 4), name, iso3)
        group = groups.setdefault(key, {"place": name or f"{lat:.2f}, {lon:.2f}", "country": iso3 or "",
                                        "latitude": key[0], "longitude": key[1], "events": 0, "fatalities": 0})
        group["events"] += 1
        group["fatalities"] += int(deaths or 0)
        kinds[key][kind or NOT_ACLED] += 1
    for key, group in groups.items():
        group["acled_event_type"] = kinds[key].most_common(1)[0][0]
    return sorted(groups.values(), key=lambda g: (-g["fatalities"], -g["events"], g["place"]))


def actor_pairs(table: pa.Table, limit: int = TOP_PAIRS) -> list[dict[str, Any]]:
    """The most frequent (source, target) actor-code pairs, with their most frequent CAMEO event."""
    counts: Counter[tuple[str, str]] = Counter()
    labels: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for a1, a2, label in zip(_column(table, "actor1_code"), _column(table, "actor2_code"),
                             _column(table, "cameo_label")):
        if a1 and a2:
            counts[(a1, a2)] += 1
            labels[(a1, a2)][label or ""] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [{"pair": f"{a1} → {a2}", "actor1": a1, "actor2": a2, "events": n,
             "top_event": labels[(a1, a2)].most_common(1)[0][0]} for (a1, a2), n in ranked]


def report_data(table: pa.Table) -> dict[str, Any]:
    """Everything the charts draw, plus how many rows had no date or no coordinates."""
    dates = _column(table, "event_date")
    lats = _column(table, "latitude")
    return {
        "per_day": events_per_day(table),
        "roots": cameo_roots(table),
        "quad": quad_classes(table),
        "places": places(table),
        "pairs": actor_pairs(table),
        "rows": table.num_rows,
        "undated": sum(d is None for d in dates),
        "ungeocoded": sum(v is None for v in lats),
    }
