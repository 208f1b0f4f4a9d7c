"""Are two runs' rows the same? Compare two Parquet files or datasets column by column.

    python tools/compare_rows.py BEFORE AFTER [--ignore COL ...]

BEFORE and AFTER are a Parquet file (``eventcoder code --output``) or a folder holding
Parquet files (``eventcoder run``'s ``events/``, read with its hive partitions). Rows are
matched by ``event_id`` (the stable id of a row); every column the two share is compared
value by value. Exit status 0 when they are identical, 1 otherwise with a count of the
differing rows per column and a few examples. Meant for changes that must not change the
rows (speed work, refactors): run it before and after on the seeds and the development inputs.
``coder_version`` holds a fingerprint of the coding modules, so any change to them changes it:
``--ignore coder_version`` compares the rest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

KEY = "event_id"
# Written by the run, not by the coder: they differ between any two runs of the same input.
RUN_COLUMNS = ("run_id", "coded_at", "ingested_at")


def relation(path: Path) -> str:
    """A DuckDB table expression for a Parquet file or a folder of them."""
    if path.is_dir():
        return f"read_parquet('{path}/**/*.parquet', hive_partitioning=true, union_by_name=true)"
    return f"read_parquet('{path}')"


def columns(con: duckdb.DuckDBPyConnection, rel: str) -> list[str]:
    return [row[0] for row in con.execute(f"describe select * from {rel}").fetchall()]


def compare(before: Path, after: Path, ignore: tuple[str, ...] = RUN_COLUMNS, examples: int = 3) -> list[str]:
    """Differences between the two row sets, one line each; empty when they are identical."""
    con = duckdb.connect()
    a, b = relation(before), relation(after)
    cols_a, cols_b = columns(con, a), columns(con, b)
    problems: list[str] = []
    for only, where in ((sorted(set(cols_a) - set(cols_b)), "before"), (sorted(set(cols_b) - set(cols_a)), "after")):
        only = [c for c in only if c not in ignore]
        if only:
            problems.append(f"columns only {where}: {', '.join(only)}")
    n_a = con.execute(f"select count(*), count(distinct {KEY}) from {a}").fetchone()
    n_b = con.execute(f"select count(*), count(distinct {KEY}) from {b}").fetchone()
    if n_a != n_b:
        problems.append(f"row counts (rows, distinct ids): before {n_a}, after {n_b}")
    missing = con.execute(f"select count(*) from (select {KEY} from {a} except select {KEY} from {b})").fetchone()[0]
    added = con.execute(f"select count(*) from (select {KEY} from {b} except select {KEY} from {a})").fetchone()[0]
    if missing or added:
        problems.append(f"event ids: {missing} only before, {added} only after")
    shared = [c for c in cols_a if c in set(cols_b) and c not in ignore and c != KEY]
    for col in shared:
        q = (f"select x.{KEY}, x.\"{col}\", y.\"{col}\" from {a} x join {b} y using ({KEY}) "
             f"where x.\"{col}\" is distinct from y.\"{col}\"")
        diff = con.execute(q).fetchall()
        if diff:
            shown = "; ".join(f"{r[0]}: {r[1]!r} -> {r[2]!r}" for r in diff[:examples])
            problems.append(f"column {col}: {len(diff)} rows differ ({shown})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore", nargs="*", default=[], metavar="COL",
                        help=f"more columns to leave out (always left out: {' '.join(RUN_COLUMNS)})")
    args = parser.parse_args(argv)
    problems = compare(args.before, args.after, RUN_COLUMNS + tuple(args.ignore))
    if problems:
        print("\n".join(problems))
        return 1
    con = duckdb.connect()
    n = con.execute(f"select count(*) from {relation(args.before)}").fetchone()[0]
    print(f"identical: {n} rows, every column compared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
