"""The report's charts as Vega-Lite specs, built with Altair from ``reporting.data`` tables.

Each function returns a plain dict (``chart.to_dict()``) that the page embeds as JSON and
draws with the inlined Vega scripts; ``None`` when there is nothing to draw, so the page
says so instead of showing an empty frame.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import altair as alt

from reporting.worldmap import land_geojson

WIDTH = 820
QUAD_COLORS = {"1 verbal cooperation": "#6baed6", "2 material cooperation": "#2171b5",
               "3 verbal conflict": "#fd8d3c", "4 material conflict": "#cb181d"}
DAILY_SPAN = 366  # days of event dates drawn day by day; longer spans by month, then by year
MONTHLY_SPAN = 5 * 366
MIN_SPAN = (24.0, 14.0)  # degrees of longitude and latitude the map shows at least


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    return chart.configure_view(stroke=None).to_dict()


def time_unit(per_day: list[dict[str, Any]]) -> str:
    """'day'; 'month' or 'year' when the dates span more than DAILY_SPAN or MONTHLY_SPAN days
    (day bars over years would be hairlines)."""
    if not per_day:
        return "day"
    first, last = (date.fromisoformat(per_day[i]["date"]) for i in (0, -1))
    span = (last - first).days
    return "day" if span <= DAILY_SPAN else "month" if span <= MONTHLY_SPAN else "year"


def per_day_chart(per_day: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Events per day (per month or year over long spans), stacked by ACLED event type."""
    if not per_day:
        return None
    unit = {"day": "utcyearmonthdate", "month": "utcyearmonth", "year": "utcyear"}[time_unit(per_day)]
    chart = alt.Chart(alt.Data(values=per_day)).mark_bar().encode(
        x=alt.X("date:T", timeUnit=unit, title=f"event {time_unit(per_day)} (UTC)"),
        y=alt.Y("sum(events):Q", title="events"),
        color=alt.Color("acled_event_type:N", title="ACLED event type", legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=[alt.Tooltip("date:T", timeUnit=unit, title=time_unit(per_day)),
                 alt.Tooltip("acled_event_type:N", title="type"), alt.Tooltip("sum(events):Q", title="events")],
    ).properties(width=WIDTH, height=220)
    return _spec(chart)


def roots_chart(roots: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Events per CAMEO root, coloured by QuadClass."""
    if not roots:
        return None
    chart = alt.Chart(alt.Data(values=roots)).mark_bar().encode(
        y=alt.Y("root:N", sort=alt.SortField("cameo_root"), title=None),
        x=alt.X("events:Q", title="events"),
        color=alt.Color("quad_class:N", title="QuadClass",
                        scale=alt.Scale(domain=list(QUAD_COLORS), range=list(QUAD_COLORS.values())),
                        legend=alt.Legend(orient="bottom", columns=2)),
        tooltip=["root:N", "quad_class:N", "events:Q"],
    ).properties(width=330, height=alt.Step(16))
    return _spec(chart)


def quad_chart(quad: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Events per QuadClass (all four classes shown)."""
    if not any(q["events"] for q in quad):
        return None
    chart = alt.Chart(alt.Data(values=quad)).mark_bar().encode(
        y=alt.Y("quad_class:N", sort=list(QUAD_COLORS), title=None),
        x=alt.X("events:Q", title="events"),
        color=alt.Color("quad_class:N", scale=alt.Scale(domain=list(QUAD_COLORS), range=list(QUAD_COLORS.values())),
                        legend=None),
        tooltip=["quad_class:N", "events:Q"],
    ).properties(width=300, height=alt.Step(22))
    return _spec(chart)


def pairs_chart(pairs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The most frequent actor pairs (source → target)."""
    if not pairs:
        return None
    chart = alt.Chart(alt.Data(values=pairs)).mark_bar(color="#54278f").encode(
        y=alt.Y("pair:N", sort="-x", title=None),
        x=alt.X("events:Q", title="events"),
        tooltip=["pair:N", "events:Q", alt.Tooltip("top_event:N", title="most frequent event")],
    ).properties(width=330, height=alt.Step(16))
    return _spec(chart)


def _extent(places: list[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON box around the events, at least MIN_SPAN wide, for the projection to fit."""
    lons = [p["longitude"] for p in places]
    lats = [p["latitude"] for p in places]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_lon = max((MIN_SPAN[0] - (east - west)) / 2, (east - west) * 0.15)
    pad_lat = max((MIN_SPAN[1] - (north - south)) / 2, (north - south) * 0.15)
    west, east = max(west - pad_lon, -180.0), min(east + pad_lon, 180.0)
    south, north = max(south - pad_lat, -85.0), min(north + pad_lat, 85.0)
    return {"type": "Feature", "properties": {},
            "geometry": {"type": "MultiPoint", "coordinates": [[west, south], [east, north], [west, north],
                                                                [east, south]]}}


def _size_steps(places: list[dict[str, Any]]) -> list[int]:
    """Whole numbers of deaths for the size legend (Vega's own ticks would show 0.5 deaths)."""
    top = max(p["fatalities"] for p in places)
    return sorted({v for v in (1, round(top / 4), round(top / 2), top) if v >= 1}) or [0]


def map_chart(places: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Geocoded events on the bundled land outline, sized by fatalities, zoomed to where they are."""
    if not places:
        return None
    sea = alt.Chart(alt.sphere()).mark_geoshape(fill="#e3eef7", clip=True)
    land = alt.Chart(alt.Data(values=LAND_PLACEHOLDER)).mark_geoshape(
        fill="#e8e4d8", stroke="#a8a290", strokeWidth=0.5, clip=True)
    points = alt.Chart(alt.Data(values=places)).mark_circle(opacity=0.75, stroke="#333", strokeWidth=0.5).encode(
        longitude="longitude:Q", latitude="latitude:Q",
        size=alt.Size("fatalities:Q", title="fatalities", scale=alt.Scale(range=[40, 900], zero=True),
                      legend=alt.Legend(values=_size_steps(places), format="d")),
        color=alt.Color("acled_event_type:N", title="ACLED event type (most frequent)",
                        legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=["place:N", "country:N", "events:Q", "fatalities:Q",
                 alt.Tooltip("acled_event_type:N", title="most frequent type")],
    )
    chart = alt.layer(sea, land, points).project(type="equalEarth", fit=_extent(places)).properties(
        width=WIDTH, height=420)
    return _with_land(_spec(chart))


LAND_PLACEHOLDER = [{"eventcoder": "land outline"}]


def _with_land(spec: dict[str, Any]) -> dict[str, Any]:
    """The land outline put in place of its placeholder once the spec is built: Altair copies and
    validates every value it is given, and the outline's thousands of points took most of the
    report's time (0.4 s a run); the spec comes out the same."""
    for layer in spec.get("layer", []):
        if layer.get("data", {}).get("values") == LAND_PLACEHOLDER:
            layer["data"]["values"] = land_geojson()["features"]
    return spec


def all_charts(data: dict[str, Any]) -> dict[str, dict[str, Any] | None]:
    """Every chart of the page, by its element id."""
    return {
        "chart-per-day": per_day_chart(data["per_day"]),
        "chart-roots": roots_chart(data["roots"]),
        "chart-quad": quad_chart(data["quad"]),
        "chart-map": map_chart(data["places"]),
        "chart-pairs": pairs_chart(data["pairs"]),
    }
