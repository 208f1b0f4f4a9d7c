"""Build the project's own code tables under ``coding/data/`` from the reference data.

The reference folder (``../shared/reference``) is a read-only input for maintainers; the
tables written here hold only facts (codes, names, numeric values) in the project's own
layout, so the package never needs the reference folder at run time.

Run: ``python tools/build_tables.py [REFERENCE_DIR]``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "coding" / "data"


def quad_class_for_root(root: str) -> int:
    """GDELT's QuadClass convention: 01-05 verbal coop, 06-08 material coop, 09-13 verbal conflict, 14-20 material conflict."""
    r = int(root)
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def build_cameo(ref: Path) -> None:
    rows = read_tsv(ref / "cameo_codes_extended.tsv")
    gold = {r["code"]: r for r in read_tsv(ref / "goldstein.tsv")}
    by_code = {r["code"]: r for r in rows}
    out = []
    for r in rows:
        code = r["code"]
        label = r["name_cameo_1.1b3_manual"] or r["name_gdelt_eventcodes"] or r["name_tabari_cameo_0.7b5"]
        g = gold.get(code, {})
        value = g.get("goldstein_gdelt") or g.get("goldstein_phoenix_pipeline") or r["goldstein_gdelt"] or r["goldstein_phoenix"]
        if not value:  # fall back to the 3-digit parent, then the root
            for parent in (code[:3], code[:2]):
                p = gold.get(parent, {})
                value = p.get("goldstein_gdelt") or p.get("goldstein_phoenix_pipeline")
                if value:
                    break
        out.append((code, r["root"], label.strip(), quad_class_for_root(r["root"]), float(value)))
    assert len(out) == len(by_code)
    with (DATA / "cameo_codes.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "root", "label", "quad_class", "goldstein"])
        for row in out:
            w.writerow([row[0], row[1], row[2], row[3], f"{row[4]:.1f}"])


def build_agents(ref: Path) -> None:
    rows = read_tsv(ref / "cameo_agents.tsv")
    with (DATA / "agent_codes.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name"])
        for r in rows:
            w.writerow([r["code"], r["name"] or r["code"]])


def build_acled(ref: Path) -> None:
    rows = read_tsv(ref / "acled_event_types.tsv")
    with (DATA / "acled_types.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["disorder_type", "event_type", "sub_event_type"])
        for r in rows:
            w.writerow([r["disorder_type"], r["event_type"], r["sub_event_type"]])


def build_plover(ref: Path) -> None:
    rows = read_tsv(ref / "plover.tsv")
    with (DATA / "plover_types.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["kind", "event_type", "name"])
        for r in rows:
            if r["kind"] in {"event", "mode"}:
                w.writerow([r["kind"], r["event_type"], r["name"]])


def main(argv: list[str]) -> int:
    ref = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "reference"
    if not ref.is_dir():
        print(f"reference folder not found: {ref}", file=sys.stderr)
        return 2
    DATA.mkdir(parents=True, exist_ok=True)
    build_cameo(ref)
    build_agents(ref)
    build_acled(ref)
    build_plover(ref)
    print(f"wrote tables to {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
