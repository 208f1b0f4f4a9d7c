"""Plain-text tables for ``format_report``: one helper so every format prints alike."""

from __future__ import annotations

from typing import NamedTuple, Sequence


class Table(NamedTuple):
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]


def cell(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value) or "-"
    return str(value)


def render(table: Table) -> str:
    """Columns padded to their widest cell; numbers right-aligned so they line up."""
    body = [[cell(v) for v in row] for row in table.rows]
    widths = [len(h) for h in table.headers]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    numeric = [all(isinstance(r[i], (int, float)) or r[i] is None for r in table.rows) and bool(table.rows)
               for i in range(len(table.headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()

    out = [table.title, line(list(table.headers)), line(["-" * w for w in widths])]
    out += [line(row) for row in body] or ["(none)"]
    return "\n".join(out)
