"""The Great Expectations suite, derived from the column contract in ``schemas.events``.

The expectations are first described as plain ``(type, kwargs)`` specs so that the
contract-to-suite mapping is cached and testable without importing Great Expectations
(about 5 s to import); :func:`build_suite` turns the specs into a fresh GX Core 1.x
``ExpectationSuite`` each call, because a suite object is bound to the context it is
added to.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from schemas.events import COLUMNS, NATURAL_KEY
from schemas.quality import DERIVED_DESCRIPTIONS, HAS_BOTH_ACTORS, HAS_LOCATION, QualityConfig

if TYPE_CHECKING:  # pragma: no cover - typing only, GX is imported lazily
    from great_expectations import ExpectationSuite

# Expectations whose GX result lists offending row indices: a row failing one of these is
# quarantined, unless the expectation has a ``mostly`` floor (then it is about the table).
ROW_LEVEL = frozenset({
    "expect_column_values_to_not_be_null",
    "expect_column_values_to_be_in_set",
    "expect_column_values_to_be_between",
    "expect_column_values_to_match_regex",
    "expect_column_pair_values_a_to_be_greater_than_b",
})
# Expectations about the table as a whole (a duplicate has no single "bad" row to quarantine).
TABLE_LEVEL = frozenset({
    "expect_column_to_exist",
    "expect_column_values_to_be_unique",
    "expect_compound_columns_to_be_unique",
    "expect_table_row_count_to_be_between",
})
# An event cannot happen after the story reporting it, unless the story says it will.
DATE_ORDER_SPEC = ("expect_column_pair_values_a_to_be_greater_than_b", {
    "column_A": "doc_date", "column_B": "event_date", "or_equal": True,
    "ignore_row_if": "either_value_is_missing",
    "row_condition": {"column": "modality", "not_equal": "future"},
})

Spec = tuple[str, dict[str, Any]]


@lru_cache(maxsize=1)
def expectation_specs() -> tuple[Spec, ...]:
    """Every expectation of the suite as ``(expectation_type, kwargs)``, in a stable order."""
    specs: list[Spec] = []
    for col in COLUMNS:
        specs.append(("expect_column_to_exist", {"column": col.name}))
        if not col.nullable:
            specs.append(("expect_column_values_to_not_be_null", {"column": col.name}))
        allowed = col.allowed_values()
        if allowed is not None:
            specs.append(("expect_column_values_to_be_in_set", {"column": col.name, "value_set": list(allowed)}))
        if col.min_value is not None or col.max_value is not None:
            specs.append(("expect_column_values_to_be_between",
                          {"column": col.name, "min_value": col.min_value, "max_value": col.max_value}))
        if col.regex is not None:
            specs.append(("expect_column_values_to_match_regex", {"column": col.name, "regex": col.regex}))
    specs.append(("expect_column_values_to_be_unique", {"column": "event_id"}))
    specs.append(("expect_compound_columns_to_be_unique", {"column_list": list(NATURAL_KEY)}))
    specs.append(DATE_ORDER_SPEC)
    return tuple(specs)


def quality_specs(quality: QualityConfig, documents: int | None = None, rows: int | None = None) -> tuple[Spec, ...]:
    """The configurable table-level gates.

    The row-count range needs the run's document count; the share floors are left out of runs
    with fewer than ``min_rows_for_shares`` rows (``rows`` None: included).
    """
    specs: list[Spec] = []
    if documents is not None:
        low, high = quality.row_range(documents)
        specs.append(("expect_table_row_count_to_be_between", {"min_value": low, "max_value": high}))
    if rows is not None and rows < quality.min_rows_for_shares:
        return tuple(specs)
    specs.append(("expect_column_values_to_be_in_set",
                  {"column": HAS_LOCATION, "value_set": [True], "mostly": quality.min_location_share}))
    specs.append(("expect_column_values_to_be_in_set",
                  {"column": HAS_BOTH_ACTORS, "value_set": [True], "mostly": quality.min_both_actors_share}))
    return tuple(specs)


def is_row_level(expectation_type: str, kwargs: dict[str, Any]) -> bool:
    """True when a failure blames single rows (they are quarantined), False for table-level gates."""
    return expectation_type in ROW_LEVEL and kwargs.get("mostly") is None


def is_derived(column: str | None) -> bool:
    """Validation-only columns (``schemas.quality``) that are not part of the dataset."""
    return column in DERIVED_DESCRIPTIONS


def _class_name(expectation_type: str) -> str:
    """``expect_column_values_to_be_in_set`` -> ``ExpectColumnValuesToBeInSet``."""
    return "".join(part.capitalize() for part in expectation_type.split("_"))


def describe(expectation_type: str, kwargs: dict[str, Any]) -> str:
    """A short label for reports and the quarantine column, e.g. ``expect_..._in_set(cameo_code)``."""
    target = (kwargs.get("column") or ",".join(kwargs.get("column_list") or ())
              or ",".join(kwargs[k] for k in ("column_A", "column_B") if k in kwargs) or "table")
    return f"{expectation_type}({target})"


def all_specs(quality: QualityConfig | None = None, documents: int | None = None,
              rows: int | None = None) -> tuple[Spec, ...]:
    """The column contract's specs, then the table-level gates (defaults when ``quality`` is None)."""
    return expectation_specs() + quality_specs(quality or QualityConfig(), documents, rows)


def _gx_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Spec kwargs as GX takes them: no None values, row conditions as GX Condition objects."""
    from great_expectations.expectations.row_conditions import Column as GXColumn

    out = {k: v for k, v in kwargs.items() if v is not None}
    condition = out.get("row_condition")
    if isinstance(condition, dict):
        out["row_condition"] = GXColumn(condition["column"]) != condition["not_equal"]
    return out


def build_suite(name: str = "events", quality: QualityConfig | None = None,
                documents: int | None = None, rows: int | None = None) -> "ExpectationSuite":
    """A new GX ExpectationSuite holding every expectation of the contract and the quality gates."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    expectations = [
        getattr(gxe, _class_name(expectation_type))(**_gx_kwargs(kwargs))
        for expectation_type, kwargs in all_specs(quality, documents, rows)
    ]
    # Passed to the constructor: add_expectation() needs an active context and compares each
    # new expectation with all earlier ones (about 1 s for this suite).
    return gx.ExpectationSuite(name=name, expectations=expectations)
