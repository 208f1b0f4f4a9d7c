"""The event-row contract: the one place that says which columns a dataset has.

Everything else is derived from ``COLUMNS``: the pyarrow schema used to write Parquet
(with each description stored as field metadata), the Great Expectations suite
(``schemas.expectations``) and the data dictionary. Allowed values come from the
project's own code tables in ``coding/data`` so that the contract and the coder agree.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import pyarrow as pa

DATA_DIR = Path(__file__).resolve().parents[1] / "coding" / "data"
SCHEMA_DATA_DIR = Path(__file__).resolve().parent / "data"

MODALITIES = ("asserted", "claimed", "negated", "future", "hypothetical")
DATE_PRECISIONS = ("day", "week", "month", "year")
GEO_PRECISIONS = (1, 2, 3)
# CAMEO's transnational "country" codes: intergovernmental and non-governmental organisations,
# international militarised groups, multinational corporations.
SPECIAL_COUNTRIES = ("IGO", "NGO", "IMG", "MNC")
ACLED_DISORDER_TYPES = ("Political violence", "Demonstrations", "Political violence; Demonstrations", "Strategic developments")
# ACLED interaction codes: a lone actor's type times ten, or two types joined with the smaller first.
ACLED_INTERACTIONS = tuple([10 * i for i in range(1, 9)] + [10 * i + j for i in range(1, 9) for j in range(i, 9)])


@lru_cache(maxsize=1)
def _tsv(name: str) -> tuple[dict[str, str], ...]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh, delimiter="\t"))


@lru_cache(maxsize=1)
def iso3_codes() -> tuple[str, ...]:
    """ISO 3166 alpha-3 codes (project data built by tools/build_iso3166.py)."""
    with (SCHEMA_DATA_DIR / "iso3166.tsv").open(encoding="utf-8", newline="") as fh:
        return tuple(r["iso3"] for r in csv.DictReader(fh, delimiter="\t"))


def actor_countries() -> tuple[str, ...]:
    """Countries an actor can belong to: ISO-3 codes plus CAMEO's transnational codes."""
    return iso3_codes() + SPECIAL_COUNTRIES


def cameo_codes() -> tuple[str, ...]:
    return tuple(r["code"] for r in _tsv("cameo_codes.tsv"))


def cameo_roots() -> tuple[str, ...]:
    return tuple(sorted({r["root"] for r in _tsv("cameo_codes.tsv")}))


def agent_codes() -> tuple[str, ...]:
    return tuple(r["code"] for r in _tsv("agent_codes.tsv"))


def acled_event_types() -> tuple[str, ...]:
    return tuple(dict.fromkeys(r["event_type"] for r in _tsv("acled_types.tsv")))


def acled_sub_event_types() -> tuple[str, ...]:
    return tuple(r["sub_event_type"] for r in _tsv("acled_types.tsv"))


def plover_event_types() -> tuple[str, ...]:
    return tuple(r["event_type"] for r in _tsv("plover_types.tsv") if r["kind"] == "event")


def plover_modes() -> tuple[str, ...]:
    return tuple(dict.fromkeys(r["name"] for r in _tsv("plover_types.tsv") if r["kind"] == "mode"))


@dataclass(frozen=True)
class Column:
    """One column of the event dataset."""

    name: str
    type: pa.DataType
    nullable: bool
    description: str
    allowed: tuple[Any, ...] | None = None  # a closed set of values
    allowed_from: str | None = None  # name of a function above giving the closed set
    min_value: float | None = None
    max_value: float | None = None
    regex: str | None = None

    def allowed_values(self) -> tuple[Any, ...] | None:
        if self.allowed is not None:
            return self.allowed
        if self.allowed_from is not None:
            return globals()[self.allowed_from]()
        return None


S, I32, I8, F32, F64, D = pa.string(), pa.int32(), pa.int8(), pa.float32(), pa.float64(), pa.date32()
COUNTRY_RE = r"^[A-Z]{3}$"

COLUMNS: tuple[Column, ...] = (
    Column("event_id", S, False, "Stable id of the row: a hash of the document, the evidence span, the code and the actors.", regex=r"^[0-9a-f]{16}$"),
    Column("doc_id", S, False, "Id of the source document (file name without extension, or the JSONL `id`)."),
    Column("source_name", S, True, "News agency or publisher of the document, when known."),
    Column("doc_date", D, True, "Date of the document (its `date` field, date header or dateline)."),
    Column("sentence_index", I32, False, "0-based index of the sentence within the document.", min_value=0),
    Column("sentence_text", S, False, "The sentence the event was coded from."),
    Column("evidence_start", I32, False, "Character offset in the document text where the event's evidence starts.", min_value=0),
    Column("evidence_end", I32, False, "Character offset in the document text where the event's evidence ends (exclusive).", min_value=0),
    Column("trigger", S, False, "The word or phrase that triggered the event (verb or noun)."),
    Column("event_date", D, True, "Date the event happened, resolved from the story's time expressions and the document date."),
    Column("date_precision", S, True, "Precision of `event_date`, as ACLED's time precision: `day` the day is known; `week` a week or a range of up to seven days, dated to its middle day; `month` a month or a longer range, dated to the 15th or the range's middle; `year` only the year (1 January).", allowed=DATE_PRECISIONS),
    Column("actor1_name", S, True, "Text of the source actor as written in the story."),
    Column("actor1_code", S, True, "CAMEO actor code of the source actor: country (or IGO/NGO) followed by sector, e.g. RUSMIL.", regex=r"^[A-Z]{3,12}$"),
    Column("actor1_country", S, True, "ISO 3166 alpha-3 country of the source actor, or IGO / NGO / IMG / MNC for transnational actors.", allowed_from="actor_countries"),
    Column("actor1_sector", S, True, "CAMEO agent code of the source actor (GOV, MIL, REB, COP, CVL, ...).", allowed_from="agent_codes"),
    Column("actor2_name", S, True, "Text of the target actor as written in the story."),
    Column("actor2_code", S, True, "CAMEO actor code of the target actor.", regex=r"^[A-Z]{3,12}$"),
    Column("actor2_country", S, True, "ISO 3166 alpha-3 country of the target actor, or IGO / NGO / IMG / MNC.", allowed_from="actor_countries"),
    Column("actor2_sector", S, True, "CAMEO agent code of the target actor.", allowed_from="agent_codes"),
    Column("cameo_code", S, False, "CAMEO event code (2 to 4 digits).", allowed_from="cameo_codes"),
    Column("cameo_root", S, False, "CAMEO root code (the first two digits).", allowed_from="cameo_roots"),
    Column("cameo_label", S, False, "Name of the CAMEO event code."),
    Column("quad_class", I8, False, "QuadClass, GDELT convention: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).", min_value=1, max_value=4),
    Column("goldstein", F32, False, "Goldstein conflict-cooperation score of the CAMEO code (GDELT's value; Phoenix's where GDELT has none).", min_value=-10, max_value=10),
    Column("plover_event_type", S, True, "PLOVER event type.", allowed_from="plover_event_types"),
    Column("plover_mode", S, True, "PLOVER mode of the event type, when the text signals one.", allowed_from="plover_modes"),
    Column("acled_event_type", S, True, "ACLED event type; null where ACLED would not code the event.", allowed_from="acled_event_types"),
    Column("acled_sub_event_type", S, True, "ACLED sub-event type; null where ACLED would not code the event.", allowed_from="acled_sub_event_types"),
    Column("disorder_type", S, True, "ACLED disorder type of the sub-event type; null where ACLED would not code the event.", allowed=ACLED_DISORDER_TYPES),
    Column("acled_actor1", S, True, "Actor 1 in ACLED's naming style ('Military Forces of Russia (2000-)', 'Protesters (Kenya)', 'Unidentified Armed Group (Nigeria)')."),
    Column("acled_actor2", S, True, "Actor 2 in ACLED's naming style; in Violence against civilians always the civilian target."),
    Column("inter1", I8, True, "ACLED actor type code of acled_actor1: 1 state forces, 2 rebels, 3 political militia, 4 identity militia, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.", min_value=1, max_value=8),
    Column("inter2", I8, True, "ACLED actor type code of acled_actor2 (same codes as inter1).", min_value=1, max_value=8),
    Column("interaction", I8, True, "ACLED interaction code: the two inter codes joined, smaller first (12, 17, 78); a lone actor's code times ten (60).", allowed=ACLED_INTERACTIONS),
    Column("civilian_targeting", S, True, "'Civilian targeting' when civilians are the main target of a political violence event, else null.", allowed=("Civilian targeting",)),
    Column("location_name", S, True, "Name of the place where the event happened, as resolved."),
    Column("country_iso3", S, True, "ISO 3166 alpha-3 code of the country where the event happened.", allowed_from="iso3_codes"),
    Column("admin1", S, True, "First-level administrative division (province, oblast, state) of the event's place."),
    Column("admin2", S, True, "Second-level administrative division (district, raion, county) of the event's place, when the gazetteer knows it."),
    Column("latitude", F64, True, "Latitude of the event's place (WGS84).", min_value=-90, max_value=90),
    Column("longitude", F64, True, "Longitude of the event's place (WGS84).", min_value=-180, max_value=180),
    Column("geonames_id", pa.int64(), True, "GeoNames id of the event's town (or of its country for a country-level location); null for a region.", min_value=1),
    Column("geo_precision", I8, True, "ACLED geo precision: 1 the town itself, 2 near a town or part of it (the outskirts, 'X district') or a second-level division (coordinates are its centroid), 3 only the first-level region is known (coordinates are the admin-1 centroid); null when only the country is known (docs/geo.md).", allowed=GEO_PRECISIONS),
    Column("fatalities", I32, True, "Reported deaths attributed to the event (lowest figure); null when the story gives none.", min_value=0),
    Column("modality", S, False, "Whether the event is reported as having happened (asserted) or is claimed, negated, future or hypothetical.", allowed=MODALITIES),
    Column("confidence", F32, False, "Coder confidence in the row, 0 to 1.", min_value=0, max_value=1),
    Column("rule_id", S, False, "Id of the lexicon rule that produced the row."),
    Column("coder_version", S, False, "Version of eventcoder that produced the row, with a fingerprint of its lexicons and coding modules (0.1.0+<hash>)."),
    # Dataset columns: filled when rows are written (coding.dedup, coding.store), not by the coder.
    Column("content_hash", S, True, "SHA-256 of the document text the row was coded from (identifies the document's version).", regex=r"^[0-9a-f]{64}$"),
    Column("event_cluster_id", S, False, "Id shared by the rows of every story reporting the same event (same date, CAMEO code, actor countries, place and modality).", regex=r"^[0-9a-f]{16}$"),
    Column("num_sources", I32, False, "Distinct sources (source_name) reporting the event's cluster in the dataset, like GDELT's NumSources.", min_value=0),
    Column("num_stories", I32, False, "Distinct documents (doc_id) reporting the event's cluster in the dataset, like GDELT's NumArticles.", min_value=1),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
COLUMNS_BY_NAME: Mapping[str, Column] = {c.name: c for c in COLUMNS}

# Columns that, taken together, identify one coded action (see the dataset contract).
NATURAL_KEY = ("doc_id", "sentence_index", "trigger", "cameo_code", "actor1_code", "actor2_code")

# Filled from all rows of a cluster (coding.dedup), never by the coder.
DEDUP_COLUMNS = ("event_cluster_id", "num_sources", "num_stories")

# Code-like columns without a closed value set that still repeat a lot: dictionary-encoded too.
DICTIONARY_EXTRA = frozenset({"source_name", "actor1_code", "actor2_code", "cameo_label", "location_name", "admin1",
                              "rule_id", "coder_version", "doc_id", "content_hash"})


def dictionary_columns() -> tuple[str, ...]:
    """Columns written with Parquet dictionary encoding: codes and labels, not free text or ids."""
    return tuple(c.name for c in COLUMNS if c.allowed_values() is not None or c.name in DICTIONARY_EXTRA)


# Partition columns added when writing the dataset, derived from event_date (doc_date as fallback).
PARTITION_COLUMNS = ("event_year", "event_month")


def arrow_schema() -> pa.Schema:
    """The Parquet schema: explicit types, nullability, and descriptions as field metadata."""
    return pa.schema(
        [pa.field(c.name, c.type, nullable=c.nullable, metadata={"description": c.description}) for c in COLUMNS],
        metadata={"eventcoder.contract": "events"},
    )


def to_table(rows: Iterable[Mapping[str, Any]]) -> pa.Table:
    """Build a table with the contract's schema from row dicts (missing keys become nulls).

    The dedup columns the coder does not fill are computed over ``rows`` (the store recounts
    them over the whole dataset), so a coder batch is a valid table on its own.
    """
    rows = list(rows)
    arrays = {c.name: [r.get(c.name) for r in rows] for c in COLUMNS}
    table = pa.Table.from_pydict(arrays, schema=arrow_schema())
    if any(table.column(name).null_count for name in DEDUP_COLUMNS):
        from coding.dedup import assign_clusters  # pyarrow only; imported here to keep schemas standalone

        table = assign_clusters(table)
    return table


def empty_table() -> pa.Table:
    return arrow_schema().empty_table()
