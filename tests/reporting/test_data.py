"""The report's tables: counts per day and type, roots, QuadClass, places and actor pairs."""

from __future__ import annotations

from reporting.data import NOT_ACLED, report_data
from tests.reporting.conftest import report_rows
from tests.schemas.rows import loose_table


def test_counts_per_day_type_place_and_pair():
    data = report_data(loose_table(report_rows()))
    assert data["rows"] == 4 and data["undated"] == 1 and data["ungeocoded"] == 1
    assert data["per_day"] == [
        {"date": "2022-09-10", "acled_event_type": "Battles", "events": 1},
        {"date": "2022-09-11", "acled_event_type": NOT_ACLED, "events": 1},
        {"date": "2022-09-11", "acled_event_type": "Explosions/Remote violence", "events": 1},
    ]
    assert [(r["cameo_root"], r["quad_class"], r["events"]) for r in data["roots"]] == [
        ("04", "1 verbal cooperation", 1), ("19", "4 material conflict", 3)]
    assert [q["events"] for q in data["quad"]] == [1, 0, 0, 3]
    assert [(p["place"], p["fatalities"], p["events"]) for p in data["places"]] == [
        ("Kyiv", 5, 1), ("Kharkiv", 2, 1), ("Berlin", 0, 1)]
    assert data["pairs"][0] == {"pair": "RUSMIL → UKR", "actor1": "RUSMIL", "actor2": "UKR", "events": 3,
                                "top_event": "Use conventional military force"}
    assert data["pairs"][1]["pair"] == "UKRGOV → DEUGOV"


def test_empty_table_gives_empty_tables():
    data = report_data(loose_table([]))
    assert data["rows"] == 0 and data["per_day"] == data["roots"] == data["places"] == data["pairs"] == []


def test_long_spans_are_drawn_by_month_or_year():
    from reporting.charts import time_unit

    def days(*dates: str) -> list[dict]:
        return [{"date": d, "acled_event_type": "Battles", "events": 1} for d in dates]

    assert time_unit(days("2022-09-10", "2023-03-01")) == "day"
    assert time_unit(days("2020-01-01", "2022-09-10")) == "month"
    assert time_unit(days("1999-05-01", "2022-09-10")) == "year"


def test_nothing_to_draw_gives_no_chart():
    from reporting.charts import all_charts

    charts = all_charts(report_data(loose_table([])))
    assert set(charts) == {"chart-per-day", "chart-roots", "chart-quad", "chart-map", "chart-pairs"}
    assert all(spec is None for spec in charts.values())


def test_the_map_draws_the_whole_land_outline_under_the_events():
    from reporting.charts import LAND_PLACEHOLDER, map_chart
    from reporting.worldmap import land_geojson

    places = [{"longitude": 36.2, "latitude": 49.9, "fatalities": 3, "place": "Kharkiv", "country": "UKR",
               "events": 2, "acled_event_type": "Explosions/Remote violence"}]
    spec = map_chart(places)
    sea, land, points = spec["layer"]
    assert land["data"]["values"] == land_geojson()["features"] != LAND_PLACEHOLDER
    assert land["mark"]["type"] == "geoshape" and points["data"]["values"][0]["place"] == "Kharkiv"
