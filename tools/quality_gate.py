"""CI's data-quality report: run the flow on seeds/ and the development inputs, fail on table checks.

    python tools/quality_gate.py [--output output/quality] [INPUT ...]

Without INPUTs it codes ``seeds/`` and, when present, ``../shared/eval/*.input.jsonl``. The
run report page (``<output>/reports/index.html``: charts, map, data-quality results, opens
offline), the Data Docs (``<output>/reports/data_docs/``), ``summary.md`` and the run manifest
are the report CI keeps. Exit status 1 when a table-level expectation fails (unique ids and keys, row count
per document, location and both-actor floors); rows failing a column rule are quarantined and
counted in the report but do not fail the gate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def default_inputs() -> list[Path]:
    inputs = [ROOT / "seeds"]
    inputs += sorted((ROOT.parent / "shared" / "eval").glob("*.input.jsonl"))
    return inputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--output", type=Path, default=ROOT / "output" / "quality")
    parser.add_argument("--keep", action="store_true", help="keep the earlier dataset (default: start clean)")
    args = parser.parse_args(argv)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    if not args.keep:  # a fresh dataset, so every document is coded and checked; reports keep their history
        for name in ("events", ".events", "quarantine", "rejected"):
            target = args.output / name
            if target.is_symlink() or target.is_file():
                target.unlink()
            elif target.is_dir():
                shutil.rmtree(target)
    from flows.pipeline import run_flow

    summary = run_flow(args.inputs or default_inputs(), args.output)
    print(f"report: {summary['outputs'].get('report')}  summary: {summary['outputs'].get('summary')}  "
          f"data docs: {summary.get('data_docs')}")
    print(f"rows written {summary['rows_passed']}, quarantined {summary['rows_quarantined']}, "
          f"rejected inputs {len(summary['rejected'])}")
    if not summary["table_checks_passed"]:
        for failure in summary["table_failures"]:
            print(f"table-level expectation failed: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
