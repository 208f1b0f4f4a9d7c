"""Code the development sets in ../shared/eval and print their figures on the tune and check halves.

    python tools/devscore.py [--sets petr_gsr plover_gsr case2021] [--out output/dev] [--json]

Look at the tune half (and your own sentences) while changing the coder; read only the check
half's figures, the estimate of accuracy on text nobody tuned on (coding/evaluation/split.py).
The predictions stay in ``--out`` (one Parquet per set) for ``eventcoder evaluate --half tune``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coding.coder import code_documents  # noqa: E402
from coding.evaluation import HALVES, evaluate  # noqa: E402
from coding.ingest import read_documents  # noqa: E402
from schemas.events import to_table  # noqa: E402

SETS = {
    "petr_gsr": ("recall", "recall_root", "precision"),
    "plover_gsr": ("type_recall", "type_country_recall", "type_precision"),
    "case2021": ("weighted_f1", "macro_f1", "accuracy"),
}
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=sorted(SETS))
    parser.add_argument("--eval-dir", type=Path, default=SHARED_EVAL)
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "dev")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"development sets not found at {args.eval_dir}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for name in args.sets:
        rows = list(code_documents(read_documents([args.eval_dir / f"{name}.input.jsonl"])))
        pred = args.out / f"{name}.parquet"
        pq.write_table(to_table(rows), pred)
        gold = args.eval_dir / f"{name}.gold.jsonl"
        figures[name] = {}
        for half in (None, *HALVES):
            summary = evaluate(gold, pred, half=half)["summary"]
            figures[name][half or "all"] = {m: round(float(summary[m]), 3) for m in SETS[name]}
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    for name, by_half in figures.items():
        metrics = SETS[name]
        print(f"{name:<11} {'half':<6} " + " ".join(f"{m:>20}" for m in metrics))
        for half, values in by_half.items():
            print(f"{'':<11} {half:<6} " + " ".join(f"{values[m]:>20.3f}" for m in metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
