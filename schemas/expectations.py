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

if TYPE_CHECKING:  # pragma: no cover - typing only, GX is imported lazily
    from great_expectations import ExpectationSuite

# Expectations whose GX result lists offending row indices: a row failing one of these is quarantined.
ROW_LEVEL = frozenset({
    "expect_column_values_to_not_be_null",
    "expect_column_values_to_be_in_set",
    "expect_column_values_to_be_between",
    "expect_column_values_to_match_regex",
})
# Expectations about the table as a whole (a duplicate has no single "bad" row to quarantine).
TABLE_LEVEL = frozenset({
    "expect_column_to_exist",
    "expect_column_values_to_be_unique",
    "expect_compound_columns_to_be_unique",
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
    return tuple(specs)


def _class_name(expectation_type: str) -> str:
    """``expect_column_values_to_be_in_set`` -> ``ExpectColumnValuesToBeInSet``."""
    return "".join(part.capitalize() for part in expectation_type.split("_"))


def describe(expectation_type: str, kwargs: dict[str, Any]) -> str:
    """A short label for reports and the quarantine column, e.g. ``expect_..._in_set(cameo_code)``."""
    target = kwargs.get("column") or ",".join(kwargs.get("column_list") or ())
    return f"{expectation_type}({target})"


def build_suite(name: str = "events") -> "ExpectationSuite":
    """A new GX ExpectationSuite holding every expectation of the contract."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    expectations = [
        getattr(gxe, _class_name(expectation_type))(**{k: v for k, v in kwargs.items() if v is not None})
        for expectation_type, kwargs in expectation_specs()
    ]
    # Passed to the constructor: add_expectation() needs an active context and compares each
    # new expectation with all earlier ones (about 1 s for this suite).
    return gx.ExpectationSuite(name=name, expectations=expectations)
