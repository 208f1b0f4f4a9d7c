"""Valid event rows for schema and store tests: every column filled within the contract."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import pyarrow as pa

from schemas.events import COLUMNS


def good_row(doc_id: str = "doc-a", sentence_index: int = 0, **overrides: Any) -> dict[str, Any]:
    """A complete row that satisfies every expectation of the suite."""
    event_id = hashlib.sha256(f"{doc_id}|{sentence_index}".encode()).hexdigest()[:16]
    row: dict[str, Any] = {
        "event_id": event_id, "doc_id": doc_id, "source_name": "AFP", "doc_date": date(2022, 9, 11),
        "sentence_index": sentence_index, "sentence_text": "Russian forces shelled Kharkiv.",
        "evidence_start": 10 * sentence_index, "evidence_end": 10 * sentence_index + 7, "trigger": "shelled",
        "event_date": date(2022, 9, 10), "date_precision": "day",
        "actor1_name": "Russian forces", "actor1_code": "RUSMIL", "actor1_country": "RUS", "actor1_sector": "MIL",
        "actor2_name": "Ukraine", "actor2_code": "UKR", "actor2_country": "UKR", "actor2_sector": None,
        "cameo_code": "190", "cameo_root": "19", "cameo_label": "Use conventional military force",
        "quad_class": 4, "goldstein": -10.0, "plover_event_type": "ASSAULT", "plover_mode": None,
        "acled_event_type": "Battles", "acled_sub_event_type": "Armed clash",
        "location_name": "Kharkiv", "country_iso3": "UKR", "admin1": "Kharkiv Oblast",
        "latitude": 49.99, "longitude": 36.23, "geo_precision": 1, "fatalities": 2,
        "modality": "asserted", "confidence": 0.9, "rule_id": "fight.artillery", "coder_version": "0.1.0",
        "content_hash": hashlib.sha256(doc_id.encode()).hexdigest(),
        "event_cluster_id": event_id, "num_sources": 1, "num_stories": 1,
    }
    row.update(overrides)
    return row


def loose_table(rows: list[dict[str, Any]]) -> pa.Table:
    """The contract's columns and types, but every field nullable: lets a test build broken rows."""
    schema = pa.schema([pa.field(c.name, c.type, nullable=True) for c in COLUMNS])
    return pa.Table.from_pydict({c.name: [r.get(c.name) for r in rows] for c in COLUMNS}, schema=schema)
