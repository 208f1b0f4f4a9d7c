"""Read-only look-ups in the gazetteer index: places, admin-1 and admin-2 divisions and countries by name.

The index (``coding.geo.build``) is opened once per process (``load_gazetteer`` is cached)
and built first when the cache has none for the installed data packages. Look-ups are
memoised per process because a story repeats its place names.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coding.geo.build import ADMIN2_WORDS, ADMIN_WORDS, LOOSE, build_index
from coding.geo.cache import INDEX_FORMAT, index_path, source_versions
from coding.geo.normalize import loose_key, name_key


@dataclass(frozen=True)
class Admin1:
    id: int
    cc: str  # ISO 3166 alpha-2
    iso3: str
    name: str
    lat: float  # centroid of the division's places
    lon: float
    places: int


@dataclass(frozen=True)
class Admin2:
    """A second-level division (raion, district, LGA); its centroid is that of its places."""

    id: int
    cc: str
    iso3: str
    name: str
    admin1: Admin1 | None
    lat: float
    lon: float
    places: int


@dataclass(frozen=True)
class Place:
    """A populated place (GeoNames cities500)."""

    gid: int
    name: str
    cc: str
    iso3: str
    admin1: Admin1 | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    kind: int  # how the name reached it: 0 its name, 1 an alternate name, 2 a loose spelling
    a2: int | None = None  # its admin-2 division's id, when known


@dataclass(frozen=True)
class Country:
    cc: str
    iso3: str
    name: str
    capital: str | None
    gid: int | None


class Gazetteer:
    """Name look-ups over one index file (thread-safe; one SQLite connection behind a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.meta = dict(self._query("SELECT k, v FROM meta"))
        self._countries = {cc: Country(cc, iso3, name, capital, gid) for cc, iso3, name, capital, gid
                           in self._query("SELECT cc, iso3, name, capital, gid FROM country")}
        self._by_iso3 = {c.iso3: c for c in self._countries.values()}
        self._admin1: dict[int, Admin1] = {}
        self._admin2: dict[int, Admin2] = {}
        self.places = lru_cache(maxsize=50_000)(self._places)
        self.admin1s = lru_cache(maxsize=10_000)(self._admin1s)
        self.admin2s = lru_cache(maxsize=10_000)(self._admin2s)

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def close(self) -> None:
        self._con.close()

    # --- countries ----------------------------------------------------------------------
    def country(self, code: str | None) -> Country | None:
        """By ISO alpha-2 or alpha-3 code."""
        if not code:
            return None
        return self._countries.get(code) or self._by_iso3.get(code)

    def country_named(self, name: str) -> Country | None:
        key = name_key(name)
        rows = self._query("SELECT cc FROM country_name WHERE key = ?", (key,)) if key else []
        return self._countries[rows[0][0]] if len(rows) == 1 else None

    # --- admin-1 ------------------------------------------------------------------------
    def admin1(self, a1: int | None) -> Admin1 | None:
        if a1 is None:
            return None
        if a1 not in self._admin1:
            rows = self._query("SELECT id, cc, name, lat, lon, places FROM admin1 WHERE id = ?", (a1,))
            if not rows:
                return None
            id_, cc, name, lat, lon, places = rows[0]
            self._admin1[a1] = Admin1(id_, cc, self._countries[cc].iso3 if cc in self._countries else "", name,
                                      lat, lon, places)
        return self._admin1[a1]

    def _admin1s(self, name: str) -> tuple[Admin1, ...]:
        """Divisions called ``name`` (kinds of division ignored: "Donetsk region" = "Donetsk"), biggest first."""
        rows = self._division_rows("admin1_name", "a1", name, ADMIN_WORDS)
        found = [a for a in (self.admin1(a1) for a1 in rows) if a is not None]
        return tuple(sorted(found, key=lambda a: -a.places))

    def _division_rows(self, table: str, column: str, name: str, words: frozenset[str]) -> list[int]:
        """Ids of the divisions a name reaches, its kind words dropped; exact and alternate names before loose ones."""
        key = name_key(name)
        if not key:
            return []
        kept = [w for w in key.split() if w not in words]
        key = " ".join(kept) if kept else key
        rows = self._query(f"SELECT {column}, kind FROM {table} WHERE key = ? AND kind < ?", (key, LOOSE))
        if not rows:
            rows = self._query(f"SELECT {column}, kind FROM {table} WHERE key = ?", (loose_key(key),))
        return [i for i, _ in sorted(rows, key=lambda r: r[1])]

    # --- admin-2 ------------------------------------------------------------------------
    def admin2(self, a2: int | None) -> Admin2 | None:
        if a2 is None:
            return None
        if a2 not in self._admin2:
            rows = self._query("SELECT id, cc, a1, name, lat, lon, places FROM admin2 WHERE id = ?", (a2,))
            if not rows:
                return None
            id_, cc, a1, name, lat, lon, places = rows[0]
            country = self._countries.get(cc)
            self._admin2[a2] = Admin2(id_, cc, country.iso3 if country else "", name, self.admin1(a1), lat, lon, places)
        return self._admin2[a2]

    def _admin2s(self, name: str) -> tuple[Admin2, ...]:
        """Second-level divisions called ``name`` ("Izium district" = "Izyum Raion"), biggest first."""
        found = [a for a in (self.admin2(a2) for a2 in self._division_rows("admin2_name", "a2", name, ADMIN2_WORDS))
                 if a is not None]
        return tuple(sorted(found, key=lambda a: -a.places))

    # --- places -------------------------------------------------------------------------
    def _places(self, name: str) -> tuple[Place, ...]:
        """Places called ``name`` by name or alternate name, else by a loose spelling; most populous first."""
        key = name_key(name)
        if not key:
            return ()
        sql = ("SELECT p.gid, p.name, p.cc, p.a1, p.admin2, p.lat, p.lon, p.pop, n.kind, p.a2 FROM place_name n "
               "JOIN place p ON p.gid = n.gid WHERE n.key = ?")
        rows = [r for r in self._query(sql, (key,)) if r[8] < LOOSE]
        if not rows and " " in key:  # "Pétion-Ville" for Pétionville, "Dera Ismail Khan" written as one word
            rows = [r for r in self._query(sql, (key.replace(" ", ""),)) if r[8] < LOOSE]
        if not rows:
            rows = self._query(sql, (loose_key(key),))
        out = []
        for gid, pname, cc, a1, admin2, lat, lon, pop, kind, a2 in rows:
            country = self._countries.get(cc)
            out.append(Place(gid, pname, cc, country.iso3 if country else "", self.admin1(a1), admin2, lat, lon, pop, kind,
                             a2))
        return tuple(sorted(out, key=lambda p: -p.population))


def ensure_index(path: Path | None = None) -> Path:
    """The index file for the installed data packages, built first if the cache has none (or a broken one)."""
    path = path or index_path()
    if path.is_file() and _readable(path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(path)
    return build_index(path)


def remove_stale(path: Path) -> list[Path]:
    """Delete the indexes of this layout built from other data versions; returns them.

    Indexes of other layouts stay: another checkout of the project sharing the cache
    directory may still read one (and would otherwise rebuild it on every switch)."""
    removed = []
    for stale in path.parent.glob(f"gazetteer-v{INDEX_FORMAT}-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)
            removed.append(stale)
    return removed


def _readable(path: Path) -> bool:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return meta.get("format") == str(INDEX_FORMAT) and all(meta.get(k) == v for k, v in source_versions().items())


@lru_cache(maxsize=4)
def _load(path: Path) -> Gazetteer:
    return Gazetteer(ensure_index(path))


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer for a cache directory (default: ``cache_dir()``), loaded lazily once."""
    return _load(index_path(directory))
