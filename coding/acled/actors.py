"""The ACLED view of a row's actors: kind, name in ACLED's style, inter code, interaction.

ACLED names state actors by country and regime period ("Military Forces of Russia
(2000-)"), generic actors by country ("Civilians (Ukraine)", "Protesters (Kenya)",
"Unidentified Armed Group (Nigeria)") and known armed groups by name. Its actor-type
codes (``inter``) are 1 state forces, 2 rebel group, 3 political militia (including
unidentified armed groups), 4 identity militia, 5 rioters, 6 protesters, 7 civilians,
8 external/other forces (a foreign state's forces included).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coding.actors import Actor
from coding.errors import ErrorCode, LexiconError
from coding.lexicon import CHUNK_SEPARATOR, LEXICON_DIR, Lexicon

REGIMES_PATH = LEXICON_DIR / "acled_regimes.tsv"
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
ARMED_SECTORS = {"REB", "SEP", "INS", "UAF", "IMG", "RAD", "CRM"}  # armed criminal groups: ACLED names them as militias
NON_ACTOR_COUNTRIES = {"IGO", "NGO"}
IDENTITY_WORDS = ("ethnic", "tribal", "tribe", "clan", "communal", "vigilante", "herder", "herdsmen", "self-defense",
                  "self-defence", "village guard")
INTER = {"state": 1, "rebel": 2, "militia": 3, "identity_militia": 4, "rioter": 5, "protester": 6, "civilian": 7,
         "external": 8, "foreign_state": 8}
STATE_FORCE_NAMES = {"MIL": "Military Forces of", "SPY": "Military Forces of", "COP": "Police Forces of"}
THE_PREFIXES = ("United ", "Democratic Republic", "Republic of", "Central African", "Philippines", "Netherlands",
                "Gambia", "Bahamas", "Comoros", "Maldives", "Czech", "Dominican")


@dataclass(frozen=True)
class AcledActor:
    kind: str  # a key of INTER
    name: str
    inter: int


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> English short name, the first name in the countries lexicon."""
    out: dict[str, str] = {}
    with (LEXICON_DIR / "countries.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out.setdefault(row["iso3"], row["names"].split("|")[0])
    return out


@lru_cache(maxsize=1)
def group_names() -> dict[str, str]:
    """Organisation id -> display name (its first name in the organisations lexicon)."""
    with (LEXICON_DIR / "organizations.tsv").open(encoding="utf-8", newline="") as fh:
        return {row["id"]: row["names"].split("|")[0] for row in csv.DictReader(fh, delimiter="\t")}


@lru_cache(maxsize=1)
def regimes(path: Path = REGIMES_PATH) -> dict[str, list[tuple[dt.date, str]]]:
    """ISO3 -> [(start date, period label)], latest first: ACLED's regime periods for state actor names."""
    out: dict[str, list[tuple[dt.date, str]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = next(reader, None)
        if header != ["iso3", "start", "period"]:
            raise LexiconError(ErrorCode.E201_LEXICON_SYNTAX, f"{path}:1: header must be ['iso3', 'start', 'period'], got {header}")
        for lineno, row in enumerate(reader, start=2):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 3 or len(row[0]) != 3 or not row[0].isupper():
                raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY, f"{path}:{lineno}: expected iso3, start date, period")
            try:
                start = dt.date.fromisoformat(row[1])
            except ValueError as exc:
                raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY, f"{path}:{lineno}: start {row[1]!r} is not an ISO date") from exc
            out.setdefault(row[0], []).append((start, row[2]))
    for periods in out.values():
        periods.sort(reverse=True)
    return out


def country_label(iso3: str | None) -> str | None:
    if not iso3 or iso3 in NON_ACTOR_COUNTRIES:
        return None
    name = country_names().get(iso3)
    if name and name.startswith(THE_PREFIXES):
        return "the " + name
    return name


def _period(iso3: str, when: dt.date | None) -> str:
    periods = regimes().get(iso3, [])
    if not periods:
        return ""
    if when is None:
        return f" ({periods[0][1]})"
    for start, label in periods:
        if start <= when:
            return f" ({label})"
    return ""


def armed_group_id(actor: Actor, lex: Lexicon) -> str | None:
    """The lexicon id of a named armed group in the actor's phrase ('al-Shabaab militants' -> org.alshabaab)."""
    if not actor.name or not (actor.org_code or actor.sector in ARMED_SECTORS):
        return None
    entry = lex.actors.get(actor.name)
    if entry is None:
        # the longest lexicon form inside the name, looked up by its first word (not a scan of every form)
        inside = {s for word in CHUNK_SEPARATOR.split(actor.name) for s in lex.actor_first_word.get(word, ())
                  if s in actor.name}
        if inside:
            entry = lex.actors[max(inside, key=lambda s: (len(s), s))]
    if entry is not None and entry.kind in {"armed_group", "regional_armed_group"}:
        return entry.id
    return None


def actor_kind(actor: Actor | None, event_country: str | None, lex: Lexicon) -> str | None:
    """ACLED's actor type for one of our actors, or None when it is not one ACLED would name."""
    if actor is None:
        return None
    sector, country = actor.sector, actor.country
    low = actor.name.lower()
    if sector in STATE_SECTORS and country not in NON_ACTOR_COUNTRIES:
        if country and event_country and country != event_country:  # only a known event place makes forces foreign
            return "foreign_state"
        return "state"
    if country in NON_ACTOR_COUNTRIES and sector in {"MIL", "IGO"} | ARMED_SECTORS:
        return "external" if sector != "IGO" else None
    if sector in ARMED_SECTORS or armed_group_id(actor, lex):
        if any(w in low for w in IDENTITY_WORDS):
            return "identity_militia"
        return "rebel" if armed_group_id(actor, lex) else "militia"
    if sector == "OPP":
        return "protester"
    if sector is None and country is not None and not actor.is_person:
        return "country"  # a country or place named for its side ('Ukraine', 'Kyiv'): its forces or its people
    if sector is not None or country is not None:
        return "civilian"
    return None


def acled_actor(kind: str | None, actor: Actor | None, country: str | None, lex: Lexicon,
                when: dt.date | None) -> AcledActor | None:
    """The ACLED name and inter code for an actor of ``kind``; ``country`` names generic actors."""
    if kind is None:
        return None
    place = country_label(country)
    suffix = f" ({place.removeprefix('the ')})" if place else ""
    if kind in {"state", "foreign_state"}:
        iso3 = (actor.country if actor is not None else None) or country
        label = country_label(iso3)
        if label is None:
            return None
        sector = actor.sector if actor is not None else "MIL"
        prefix = STATE_FORCE_NAMES.get(sector or "MIL", "Government of")
        return AcledActor(kind, f"{prefix} {label}{_period(iso3, when)}", INTER[kind])
    if kind == "external":
        group = actor.name if actor is not None and actor.name else "International forces"
        return AcledActor(kind, group, INTER[kind])
    if kind == "rebel" and actor is not None:
        gid = armed_group_id(actor, lex)
        if gid:
            return AcledActor(kind, group_names().get(gid, actor.name), INTER[kind])
        kind = "militia"
    names = {"militia": "Unidentified Armed Group", "identity_militia": "Communal Militia", "rioter": "Rioters",
             "protester": "Protesters", "civilian": "Civilians"}
    return AcledActor(kind, names[kind] + suffix, INTER[kind])


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, smaller first; a lone actor's code times ten."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]
