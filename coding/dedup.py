"""Cross-story deduplication: link rows of different stories that report the same event.

Rows with the same date, CAMEO code, actor countries, place and modality get one ``event_cluster_id``
(a hash of those values, so the id of a cluster never depends on which rows happen to be
present) and the cluster's counts: ``num_sources`` distinct ``source_name`` values and
``num_stories`` distinct ``doc_id`` values, in the spirit of GDELT's NumSources and
NumArticles. Every row is kept; nothing is merged away. Actors compare by country, not by
full code: one story says "Russian forces shelled Kharkiv", another that the shelling killed
civilians, and the target's sector differs while the event is one.

All rows of a cluster share ``event_date`` and therefore a partition of the dataset
(``coding.store`` partitions by its year and month), so the store recomputes the counts of
each partition it rewrites and clusters stay right across runs. A row without
``event_date`` is a cluster of its own: without a date, "the same event" cannot be told.
"""

from __future__ import annotations

import hashlib
import re

import pyarrow as pa
import pyarrow.compute as pc

CLUSTER_KEY = ("event_date", "cameo_code", "actor1_country", "actor2_country", "country_iso3", "location_name", "modality")
CLUSTER_ID, NUM_SOURCES, NUM_STORIES = "event_cluster_id", "num_sources", "num_stories"
_SPACE = re.compile(r"\s+")


def _norm(value: object) -> str:
    """Key form of one value: place names compare case- and spacing-insensitively."""
    if value is None:
        return ""
    return _SPACE.sub(" ", str(value)).strip().casefold()


def cluster_ids(table: pa.Table) -> pa.Array:
    """The ``event_cluster_id`` of every row (16 hex digits)."""
    columns = {name: table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows
               for name in CLUSTER_KEY}
    event_ids = table.column("event_id").to_pylist()
    ids = []
    for i in range(table.num_rows):
        if columns["event_date"][i] is None:
            key = f"row|{event_ids[i]}"
        else:
            key = "|".join(_norm(columns[name][i]) for name in CLUSTER_KEY)
        ids.append(hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])
    return pa.array(ids, pa.string())


def _put(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    """Replace column ``name`` (keeping its place and field metadata) or append it."""
    if name in table.column_names:
        index = table.column_names.index(name)
        field = table.schema.field(index)
        return table.set_column(index, field, values.cast(field.type))
    return table.append_column(name, values)


def assign_clusters(table: pa.Table) -> pa.Table:
    """``table`` with ``event_cluster_id``, ``num_sources`` and ``num_stories`` computed over its rows."""
    ids = cluster_ids(table)
    if table.num_rows == 0:
        empty = pa.array([], pa.int32())
        return _put(_put(_put(table, CLUSTER_ID, ids), NUM_SOURCES, empty), NUM_STORIES, empty)
    sources = table.column("source_name") if "source_name" in table.column_names else pa.nulls(table.num_rows, pa.string())
    counts = pa.table({"id": ids, "source": sources, "doc": table.column("doc_id")}).group_by("id").aggregate(
        [("source", "count_distinct"), ("doc", "count_distinct")])  # count_distinct skips nulls
    position = pc.index_in(ids, value_set=counts.column("id"))
    num_sources = pc.take(counts.column("source_count_distinct"), position).cast(pa.int32())
    num_stories = pc.take(counts.column("doc_count_distinct"), position).cast(pa.int32())
    table = _put(table, CLUSTER_ID, ids)
    table = _put(table, NUM_SOURCES, num_sources.combine_chunks() if isinstance(num_sources, pa.ChunkedArray) else num_sources)
    return _put(table, NUM_STORIES, num_stories.combine_chunks() if isinstance(num_stories, pa.ChunkedArray) else num_stories)
