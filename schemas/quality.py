"""Table-level data-quality gates: the configurable part of the dataset contract.

The column contract (``schemas.events``) says what a single row may hold; these gates say
what a run's rows must look like as a whole: how many rows per coded document, and which
share of rows has a place and both actors. They become Great Expectations expectations
(``schemas.expectations.quality_specs``) so the Data Docs show them with the rest.

Defaults pass on the seed run (``make run``) and on the development inputs; override them
with a TOML file (``[quality]`` table, same keys) passed to :func:`load_quality` or named by
the ``EVENTCODER_QUALITY`` environment variable.
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from coding.errors import ErrorCode, InputError

ENV_VAR = "EVENTCODER_QUALITY"

# Validation-only columns derived from the contract's columns, checked with a ``mostly`` floor.
HAS_LOCATION = "has_location"
HAS_BOTH_ACTORS = "has_both_actors"
LOCATION_COLUMNS = ("location_name", "country_iso3", "latitude")
DERIVED_DESCRIPTIONS = {
    HAS_LOCATION: "the row names a place: location_name, country_iso3 or latitude is set",
    HAS_BOTH_ACTORS: "the row has a source and a target actor: actor1_code and actor2_code are set",
}


@dataclass(frozen=True)
class QualityConfig:
    """Floors and ranges of the table-level gates (shares are fractions of a run's rows)."""

    # Rows per coded document: a run of n documents must yield between ceil(min*n) and floor(max*n) rows.
    # Many wire snippets hold no codable event, so the floor is 0.1; the ceiling catches runaway rules.
    min_rows_per_document: float = 0.1
    max_rows_per_document: float = 100.0
    # Share of rows naming a place. Measured with the geocoder: seed story 1.0, plover_gsr 0.69,
    # case2021 0.55 (short snippets often name no place), all development inputs 0.60.
    min_location_share: float = 0.3
    # Share of rows with both actors. Measured: seed story 0.89, plover_gsr 0.51, case2021 0.22
    # (ACLED-style snippets: protests and attacks by unnamed groups have no target), all 0.31.
    min_both_actors_share: float = 0.15
    # The two shares are only checked on runs with at least this many rows: on a handful of
    # rows a share says nothing about the coder (one placeless row of three is 33%).
    min_rows_for_shares: int = 50

    def __post_init__(self) -> None:
        for name in ("min_location_share", "min_both_actors_share"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise InputError(ErrorCode.E402_VALIDATION_FAILED, f"quality setting {name}={value} is not in [0, 1]")
        if self.min_rows_for_shares < 0:
            raise InputError(ErrorCode.E402_VALIDATION_FAILED, "quality setting min_rows_for_shares is negative")
        if not 0.0 <= self.min_rows_per_document <= self.max_rows_per_document:
            raise InputError(ErrorCode.E402_VALIDATION_FAILED,
                             "quality settings need 0 <= min_rows_per_document <= max_rows_per_document")

    def row_range(self, documents: int) -> tuple[int, int]:
        """Allowed row count for a run that coded ``documents`` documents."""
        return math.ceil(self.min_rows_per_document * documents), math.floor(self.max_rows_per_document * documents)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_quality(path: str | Path | None = None) -> QualityConfig:
    """The gates from ``path`` (or ``$EVENTCODER_QUALITY``), defaults for keys not given."""
    path = path or os.environ.get(ENV_VAR)
    if not path:
        return QualityConfig()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(ErrorCode.E101_UNREADABLE, f"cannot read quality settings {path}: {exc}") from exc
    section = data.get("quality", data)
    known = {f.name for f in fields(QualityConfig)}
    unknown = sorted(set(section) - known)
    if unknown:
        raise InputError(ErrorCode.E402_VALIDATION_FAILED,
                         f"unknown quality settings in {path}: {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    types = {f.name: (int if f.type in (int, "int") else float) for f in fields(QualityConfig)}
    try:
        values = {k: types[k](v) for k, v in section.items()}
    except (TypeError, ValueError) as exc:
        raise InputError(ErrorCode.E402_VALIDATION_FAILED, f"quality settings in {path}: {exc}") from exc
    return replace(QualityConfig(), **values)


def derived_columns(table: pa.Table) -> dict[str, pa.ChunkedArray | pa.Array]:
    """The validation-only boolean columns; a column the table lacks counts as unset."""
    def valid(name: str) -> pa.Array | pa.ChunkedArray:
        if name in table.column_names:
            return pc.is_valid(table.column(name))
        return pa.array([False] * table.num_rows, pa.bool_())

    has_location = valid(LOCATION_COLUMNS[0])
    for name in LOCATION_COLUMNS[1:]:
        has_location = pc.or_(has_location, valid(name))
    return {HAS_LOCATION: has_location, HAS_BOTH_ACTORS: pc.and_(valid("actor1_code"), valid("actor2_code"))}
