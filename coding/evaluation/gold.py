"""Read a gold file and tell which format it is from its content, not its name.

Users pass files under any name (copies, held-out halves), so detection looks at the keys:
a JSON object with ``doc_id`` and ``events`` is the seed format; JSON lines with
``expected`` are petr_gsr, with ``label`` + ``label_group`` case2021, and with ``source``
plus ``event_current_plover_derived`` (or ``event``) plover_gsr.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coding.errors import ErrorCode, GoldFormatError

KNOWN = "a seed gold JSON object (doc_id, events, negatives) or JSONL records of petr_gsr, plover_gsr or case2021"


@dataclass(frozen=True)
class Gold:
    format: str
    path: Path
    data: Any  # the seed object (dict) or the JSONL records (list of dicts)


def fail(path: Path, message: str) -> GoldFormatError:
    return GoldFormatError(ErrorCode.E301_GOLD_FORMAT, f"gold file {path}: {message}")


def record_format(record: dict[str, Any]) -> str | None:
    if "expected" in record:
        return "petr_gsr"
    if "label" in record and "label_group" in record:
        return "case2021"
    if "source" in record and ("event_current_plover_derived" in record or "event" in record):
        return "plover_gsr"
    return None


def _json_lines(text: str, path: Path) -> list[Any]:
    values = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            values.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise fail(path, f"line {number} is not JSON ({exc.msg}); expected {KNOWN}") from None
    return values


def _records(values: list[Any], path: Path) -> Gold:
    if not values:
        raise fail(path, f"no records; expected {KNOWN}")
    fmt = None
    for number, value in enumerate(values, 1):
        if not isinstance(value, dict):
            raise fail(path, f"record {number} is not a JSON object; expected {KNOWN}")
        this = record_format(value)
        if this is None:
            raise fail(path, f"record {number} ({value.get('id', 'no id')}) is not in a known format; expected {KNOWN}")
        if fmt is not None and this != fmt:
            raise fail(path, f"record {number} ({value.get('id', 'no id')}) looks like {this} but earlier records are {fmt}")
        fmt = this
        if not isinstance(value.get("id"), (str, int)) or value.get("id") == "":
            raise fail(path, f"record {number} has no id")
    return Gold(fmt or "", path, values)


def load_gold(gold_path: str | Path) -> Gold:
    """Parse the gold file and detect its format; GoldFormatError (E301) when it is none we know."""
    path = Path(gold_path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(path, f"cannot be read ({exc})") from None
    if not text.strip():
        raise fail(path, f"is empty; expected {KNOWN}")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return _records(_json_lines(text, path), path)
    if isinstance(whole, dict) and "events" in whole and "doc_id" in whole:
        return Gold("seed", path, whole)
    if isinstance(whole, dict):  # a JSONL file with a single record
        return _records([whole], path)
    if isinstance(whole, list):
        return _records(whole, path)
    raise fail(path, f"holds a bare JSON {type(whole).__name__}; expected {KNOWN}")
