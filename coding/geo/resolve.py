"""Resolve a story's place mentions to gazetteer entries, using the story as context.

Resolution runs once per story, in text order, so that "the city" and "the region" can
take the last town and region named before them. Which same-named place a name is comes
from, in order: the admin-1 or country named beside it (a hard constraint: a village
missing from the gazetteer falls back to that region with precision 3, never to a
same-named place elsewhere); the admin-1 divisions the story names in the same sentence;
those it names anywhere; its countries; then population.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span

from coding.geo.gazetteer import Admin1, Country, Gazetteer, Place
from coding.geo.mentions import Mention, StoryLike, find_mentions

TOWN, NEAR, REGION = 1, 2, 3  # ACLED geo precision
# A place outside the story's countries, named without a qualifier, must be a known city to be believed.
FOREIGN_MIN_POPULATION = 50_000


@dataclass(frozen=True)
class Location:
    """The location columns of an event row."""

    name: str | None
    iso3: str | None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    gid: int | None = None
    precision: int | None = None
    a1_id: int | None = None
    town: bool = False  # a populated place (precision 1 or 2), as opposed to a region or a country

    def columns(self) -> dict[str, Any]:
        return {"location_name": self.name, "country_iso3": self.iso3, "admin1": self.admin1, "admin2": self.admin2,
                "latitude": self.lat, "longitude": self.lon, "geonames_id": self.gid, "geo_precision": self.precision}

    def near(self) -> "Location":
        """The same place, as 'near it or part of it'."""
        if not self.town or self.precision != TOWN:
            return self
        return Location(self.name, self.iso3, self.admin1, self.admin2, self.lat, self.lon, self.gid, NEAR,
                        self.a1_id, True)


def from_place(place: Place, near: bool = False) -> Location:
    a1 = place.admin1
    return Location(place.name, place.iso3 or None, a1.name if a1 else None, place.admin2, place.lat, place.lon,
                    place.gid, NEAR if near else TOWN, a1.id if a1 else None, True)


def from_admin1(a1: Admin1) -> Location:
    return Location(a1.name, a1.iso3 or None, a1.name, None, round(a1.lat, 5), round(a1.lon, 5), None, REGION, a1.id)


def from_country(country: Country) -> Location:
    return Location(country.name, country.iso3, gid=country.gid)


@dataclass
class Resolved:
    mention: Mention
    location: Location


class StoryPlaces:
    """Every place mention of one story, resolved in text order; built once per story."""

    def __init__(self, sentences: list[Span], story: StoryLike, gazetteer: Gazetteer,
                 dateline_place: str | None = None) -> None:
        self.gaz = gazetteer
        self.story = story
        self.mentions = [find_mentions(sent, story) for sent in sentences]
        self.countries = self._story_countries(sentences)
        self.dateline = self._resolve_dateline(dateline_place)
        if self.dateline is not None and self.dateline.iso3:
            self.countries[self.dateline.iso3] += 2
        self.admin1_counts = self._story_admin1s()
        self.main_country = self.dateline.iso3 if self.dateline else (self.countries.most_common(1)[0][0] if self.countries else None)
        self._last_town: Location | None = None
        self._last_region: Location | None = None
        self.by_sentence: list[list[Resolved]] = []
        for mentions in self.mentions:
            sentence_admin1s = {a.id for m in mentions if m.kind == "admin1" for a in self.gaz.admin1s(m.name or "")}
            resolved = []
            for m in mentions:
                loc = self._resolve(m, sentence_admin1s)
                if loc is not None:
                    resolved.append(Resolved(m, loc))
                    self._remember(loc)
            self.by_sentence.append(resolved)

    # --- story context ------------------------------------------------------------------------
    def _story_countries(self, sentences: list[Span]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for sent in sentences:
            for tok in sent:
                entry = self.story.entry_at(tok)
                if entry is not None and entry.country and entry.kind in {"country", "capital", "adjective"}:
                    counts[entry.country] += 1
        return counts

    def _story_admin1s(self) -> Counter[int]:
        """Admin-1 divisions the story names, and those of its unambiguous places."""
        counts: Counter[int] = Counter()
        for mentions in self.mentions:
            for m in mentions:
                if not m.name:
                    continue
                if m.kind == "admin1":
                    found = self._in_countries(self.gaz.admin1s(m.name), lambda a: a.iso3)
                    if found:
                        counts[found[0].id] += 1
                elif m.kind in {"town", "name"}:
                    places = self._in_countries(self.gaz.places(m.name), lambda p: p.iso3)
                    a1s = {p.admin1.id for p in places if p.admin1}
                    if len(a1s) == 1:
                        counts[a1s.pop()] += 1
        return counts

    def _in_countries(self, items, iso3_of) -> list:
        """Items in the story's countries when any are, else all of them."""
        inside = [x for x in items if iso3_of(x) in self.countries]
        return inside or list(items)

    def _resolve_dateline(self, name: str | None) -> Location | None:
        if not name:
            return None
        places = [p for p in self.gaz.places(name) if p.kind < 2]
        if not places:
            return None
        return from_place(max(places, key=lambda p: (p.iso3 in self.countries, p.population)))

    def _remember(self, loc: Location) -> None:
        if loc.town:
            self._last_town = loc
        if loc.a1_id is not None:
            a1 = self.gaz.admin1(loc.a1_id)
            if a1 is not None:
                self._last_region = from_admin1(a1)

    # --- one mention --------------------------------------------------------------------------
    def _resolve(self, m: Mention, sentence_admin1s: set[int]) -> Location | None:
        if m.kind == "country":
            country = self.gaz.country(m.country) if m.country else None
            country = country or self.gaz.country_named(m.name or "")
            return from_country(country) if country else None
        if m.kind == "capital":
            return self._capital(m)
        if m.kind == "city_ref":
            loc = self._last_town or self._region_city()
            return loc.near() if (loc is not None and m.near) else loc
        if m.kind == "region_ref":
            return self._last_region
        linked = [a for link in m.linked for a in self._admin1_of(link)]
        if m.kind == "admin1":
            found = self._admin1_of(m)
            if found:
                return from_admin1(found[0])
            place = self._best_place(m, linked, sentence_admin1s)  # "the Balakliya and Izyum regions": around towns
            return place.near() if place is not None else None
        return self._best_place(m, linked, sentence_admin1s)

    def _admin1_of(self, m: Mention) -> list[Admin1]:
        found = list(self.gaz.admin1s(m.name or ""))
        if m.country:
            found = [a for a in found if a.iso3 == m.country]
        return self._in_countries(found, lambda a: a.iso3)

    def _best_place(self, m: Mention, linked: list[Admin1], sentence_admin1s: set[int]) -> Location | None:
        places = list(self.gaz.places(m.name or ""))
        if m.country:
            places = [p for p in places if p.iso3 == m.country]
        if linked:
            ids = {a.id for a in linked}
            inside = [p for p in places if p.admin1 and p.admin1.id in ids]
            if not inside:
                return from_admin1(linked[0])  # a village the gazetteer lacks: the region named beside it
            places = inside
        elif not m.country and self.countries:
            places = [p for p in places if p.iso3 in self.countries or p.population >= FOREIGN_MIN_POPULATION]
        if not places:
            if m.country:
                country = self.gaz.country(m.country)
                return from_country(country) if country else None
            return None

        def rank(p: Place) -> tuple:
            a1 = p.admin1.id if p.admin1 else None
            return (a1 in sentence_admin1s, self.admin1_counts.get(a1, 0) > 0, self.countries.get(p.iso3, 0) > 0,
                    p.kind == 0, p.population)

        return from_place(max(places, key=rank), near=m.near)

    def _capital(self, m: Mention) -> Location | None:
        country = self.gaz.country(m.country or self.main_country)
        if country is None or not country.capital:
            return None
        places = [p for p in self.gaz.places(country.capital) if p.iso3 == country.iso3]
        if not places:
            return from_country(country)
        return from_place(places[0], near=m.near)

    def _region_city(self) -> Location | None:
        """'The city' after only a region was named: the region's namesake city ('the Kharkiv region' -> Kharkiv)."""
        region = self._last_region
        if region is None or not region.name:
            return None
        for word in (region.name, region.name.split()[0]):
            places = [p for p in self.gaz.places(word) if p.admin1 and p.admin1.id == region.a1_id]
            if places:
                return from_place(places[0])
        return None
