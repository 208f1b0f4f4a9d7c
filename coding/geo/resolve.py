"""Resolve a story's place mentions to gazetteer entries, using the story as context.

Resolution runs once per story, in text order, so that "the city" and "the region" can
take the last town and region named before them. Which same-named place a name is comes
from, in order: the division or country named beside it ("X, Y", "X (Y region)", "X in
the Y region": a hard constraint; a village missing from the gazetteer falls back to that
division, never to a same-named place elsewhere); the admin-1 divisions the story names
in the same sentence; those it names anywhere; its countries; a big city over a village;
nearness to the story's other places and its dateline; then population. A name that is no
place but a division ("in Cabo Delgado", "in Gwoza LGA") is that division. Each resolution
keeps a trace (candidates, qualifier, why) for ``eventcoder explain``. docs/geo.md says
how each geo precision is chosen.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Span, Token

from coding.geo.gazetteer import Admin1, Admin2, Country, Gazetteer, Place
from coding.vocabulary import FACILITY_NOUNS
from coding.geo.mentions import ADMIN_NOUNS, DISTRICT_NOUNS, Mention, StoryLike, find_mentions, is_destination

TOWN, NEAR, REGION = 1, 2, 3  # ACLED geo precision
# A place outside the story's countries, named without a qualifier, must be a known city to be believed.
FOREIGN_MIN_POPULATION = 50_000
VILLAGE_NOUNS = frozenset({"village", "hamlet", "settlement", "locality"})  # small places: never a city abroad
# A city this big is what an unqualified name means, before a same-named village nearer the story's places.
CITY_POPULATION = 100_000
# A name that is also a division's is the place only when the place is a town at least this big ("Sagaing"),
# else the division ("Borno", "Hiraan").
TOWN_OVER_DIVISION = 5_000
# 'Mogadishu-Bondhere': the part after the hyphen is a place of its own when it lies this close to the city.
CITY_PART_KM = 30.0
DISTANCE_STEP_KM = 25.0  # nearness to the story's places counts in steps of this size
# 'X (T, Region)' where T names a town, not a division: X is a candidate within this distance of T, else near T.
HUB_KM = 50.0
LABEL_WORDS = ADMIN_NOUNS | DISTRICT_NOUNS | {"lga", "oblast", "raion", "rayon"}
# Words written before a settlement's name in some countries' reports ('Barangay San Isidro', 'Sitio Malinao').
SETTLEMENT_PREFIXES = frozenset({"barangay", "brgy", "sitio", "purok", "kebele", "village"})
CITY_WORDS = frozenset({"city", "town"})  # a trailing word some names carry ("Himamaylan City") and the gazetteer may not

Area = Admin1 | Admin2 | Country


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


REDRAWN_KM = 150  # how far from a named division its one namesake town may lie when the division was redrawn
DATELINE_CITY = 50_000  # a dateline's own-name city this big wins over a bigger place with that name as an old one


def from_place(place: Place, near: bool = False) -> Location:
    a1 = place.admin1
    return Location(place.name, place.iso3 or None, a1.name if a1 else None, place.admin2, place.lat, place.lon,
                    place.gid, NEAR if near else TOWN, a1.id if a1 else None, True)


def from_admin1(a1: Admin1) -> Location:
    return Location(a1.name, a1.iso3 or None, a1.name, None, round(a1.lat, 5), round(a1.lon, 5), None, REGION, a1.id)


def from_admin2(a2: Admin2) -> Location:
    """A second-level division's centroid: a part of a region (precision 2)."""
    a1 = a2.admin1
    return Location(a2.name, a2.iso3 or None, a1.name if a1 else None, a2.name, round(a2.lat, 5), round(a2.lon, 5),
                    None, NEAR, a1.id if a1 else None)


def from_country(country: Country) -> Location:
    return Location(country.name, country.iso3, gid=country.gid)


def from_area(area: Area) -> Location:
    if isinstance(area, Admin1):
        return from_admin1(area)
    if isinstance(area, Admin2):
        return from_admin2(area)
    return from_country(area)


def contains(area: Area, place: Place) -> bool:
    if isinstance(area, Admin1):
        return place.admin1 is not None and place.admin1.id == area.id
    if isinstance(area, Admin2):
        return place.a2 == area.id
    return place.iso3 == area.iso3


def _consistent(groups: list[list[Area]]) -> list[list[Area]]:
    """Qualifier divisions that agree with the broader ones after them: in 'Sitio Kaluwasan, Barangay Buenavista,
    Himamaylan City, Negros Occidental' no Buenavista division of Mexico qualifies a place in Negros Occidental.
    A qualifier's divisions lying inside a later qualifier's are kept; else those of a later qualifier's country;
    a qualifier left with none drops out."""
    out = []
    for i, group in enumerate(groups):
        later = [a for g in groups[i + 1:] for a in g]
        if later:
            inside = [a for a in group if StoryPlaces._nested(a, later)]
            group = inside or [a for a in group if a.iso3 in {b.iso3 for b in later}]
        if group:
            out.append(group)
    return out


LOOSE_KIND = 2  # Place.kind of a candidate reached by a loose spelling


LEAVING_VERBS = {"flee", "fly", "travel", "go", "escape", "head", "leave", "return", "move", "relocate", "evacuate",
                 "retreat", "withdraw"}


def _gone_to(anchor: Token) -> bool:
    """'fled to Moscow', 'flew to Doha': where someone went, away from where the story happens."""
    return is_destination(anchor) and anchor.head.head.pos_ == "VERB" and anchor.head.head.lemma_.lower() in LEAVING_VERBS


def _maybe_inside(area: Area, place: Place) -> bool:
    """A place whose admin-2 the gazetteer does not know (most of Mali's, Niger's, Somalia's) may lie in any admin-2
    of its admin-1: 'Tessit (Ansongo cercle, Gao)' is the Tessit of Gao, not the cercle's centroid."""
    return (isinstance(area, Admin2) and place.a2 is None and place.admin1 is not None and area.admin1 is not None
            and place.admin1.id == area.admin1.id)


def describe(item: Place | Area) -> str:
    """One line for ``explain``: 'Kalynivka (Kiev, UKR, pop 0)', 'Borno State (admin-1, NGA)'."""
    if isinstance(item, Place):
        where = ", ".join(x for x in (item.admin1.name if item.admin1 else None, item.admin2, item.iso3) if x)
        return f"{item.name} ({where}, pop {item.population}, gid {item.gid})"
    if isinstance(item, Admin1):
        return f"{item.name} (admin-1, {item.iso3})"
    if isinstance(item, Admin2):
        return f"{item.name} (admin-2 in {item.admin1.name if item.admin1 else '?'}, {item.iso3})"
    return f"{item.name} (country)"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def split_label(name: str) -> tuple[str, str | None]:
    """'Gwoza LGA' -> ('Gwoza', 'admin2'), 'Kharkiv Oblast' -> ('Kharkiv', 'admin1'), 'Kyiv' -> ('Kyiv', None);
    a settlement word before the name goes ('Barangay San Isidro' -> 'San Isidro')."""
    words = name.split()
    if len(words) > 1 and words[0].lower().rstrip(".") in SETTLEMENT_PREFIXES:
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in LABEL_WORDS:
        last = words[-1].lower()
        admin2 = (DISTRICT_NOUNS | {"lga", "raion", "rayon"}) - {"county", "prefecture"}  # as mentions._division_of
        return " ".join(words[:-1]), ("admin2" if last in admin2 else "admin1")
    return " ".join(words), None


@dataclass
class Trace:
    """Why a mention resolved as it did, for ``eventcoder explain``."""

    candidates: list[str] = field(default_factory=list)
    qualifier: str | None = None
    why: str = ""


@dataclass
class Resolved:
    mention: Mention
    location: Location
    trace: Trace | None = None


class StoryPlaces:
    """Every place mention of one story, resolved in text order; built once per story."""

    def __init__(self, sentences: list[Span], story: StoryLike, gazetteer: Gazetteer,
                 dateline_place: str | None = None) -> None:
        self.gaz = gazetteer
        self.story = story
        self.mentions = [find_mentions(sent, story) for sent in sentences]
        # Countries the story names as such (a country, a capital, the dateline), not only through nationality
        # words: 'Russian forces shelled X' says who fired, not where X is.
        self.countries, self.named_countries = self._story_countries(sentences)
        self._sentence: list[Mention] = []  # the mentions of the sentence being resolved
        self._trace = Trace()  # the trace of the mention being resolved
        self.dateline = self._resolve_dateline(dateline_place)
        if self.dateline is not None and self.dateline.iso3:
            self.countries[self.dateline.iso3] += 2
            self.named_countries.add(self.dateline.iso3)
        self.anchors: list[tuple[float, float]] = []  # points of the story's unambiguous places and its dateline
        if self.dateline is not None and self.dateline.lat is not None:
            self.anchors.append((self.dateline.lat, self.dateline.lon))
        self.admin1_counts = self._story_admin1s()
        self.main_country = self.dateline.iso3 if self.dateline else (self.countries.most_common(1)[0][0] if self.countries else None)
        self._last_town: Location | None = None
        self._last_region: Location | None = None
        self._named_regions: dict[str, Location] = {}  # town name -> the region a sentence placed it in (no such town known)
        self.coded: Location | None = None  # the place the report says it is coded to
        self.by_sentence: list[list[Resolved]] = []
        for mentions in self.mentions:
            self._sentence = mentions
            sentence_admin1s = {a.id for m in mentions if m.kind == "admin1" for a in self.gaz.admin1s(m.name or "")}
            sentence_admin1s |= {a.id for m in mentions for q in m.qualifiers for a in self._areas(q) if isinstance(a, Admin1)}
            resolved = []
            for m in mentions:
                self._trace = Trace()
                loc = self._resolve(m, sentence_admin1s)
                if loc is not None and m.border == "chosen" and loc.precision == REGION:
                    loc = replace(loc, precision=NEAR)  # a border area of a region: part of it (ACLED precision 2)
                    self._trace.why += "; a border area, coded to this side"
                if loc is not None:
                    resolved.append(Resolved(m, loc, self._trace))
                    if not _gone_to(m.anchor):  # "fled to Moscow": not the city 'the city' refers to next
                        self._remember(loc)
                    if m.coded and self.coded is None:
                        self.coded = loc
            self.by_sentence.append(resolved)

    # --- story context ------------------------------------------------------------------------
    def _story_countries(self, sentences: list[Span]) -> tuple[Counter[str], set[str]]:
        """Every country the story names or whose nationality word it uses (counted), and those it names."""
        counts: Counter[str] = Counter()
        named: set[str] = set()
        for sent in sentences:
            for tok in sent:
                entry = self.story.entry_at(tok)
                if entry is not None and entry.country and entry.kind in {"country", "capital", "adjective"}:
                    counts[entry.country] += 1
                    if entry.kind != "adjective":
                        named.add(entry.country)
        return counts, named

    def _story_admin1s(self) -> Counter[int]:
        """Admin-1 divisions the story names, and those of its unambiguous places (whose points become anchors)."""
        counts: Counter[int] = Counter()
        for mentions in self.mentions:
            for m in [x for mention in mentions for x in [mention, *mention.qualifiers]]:
                if not m.name:
                    continue
                if m.kind == "admin1" or m.is_qualifier:
                    found = [a for a in self._areas(m) if isinstance(a, Admin1)]
                    if found:
                        counts[found[0].id] += 1
                        continue
                if m.kind in {"town", "name"}:
                    places = self._in_countries(self.gaz.places(split_label(m.name)[0]), lambda p: p.iso3)
                    a1s = {p.admin1.id for p in places if p.admin1}
                    if len(a1s) == 1:
                        counts[a1s.pop()] += 1
                    if len(places) == 1:
                        self.anchors.append((places[0].lat, places[0].lon))
        return counts

    def _countries_first(self, areas: list[Area]) -> list[Area]:
        return sorted(areas, key=lambda a: a.iso3 not in self.countries)  # stable: biggest first within each

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
        # a city of that very name before a bigger one that bore it once ("ISLAMABAD" is not Chattogram, once Islamabad)
        return from_place(max(places, key=lambda p: (p.iso3 in self.countries, p.kind == 0 and p.population >= DATELINE_CITY,
                                                     p.population)))

    def _remember(self, loc: Location) -> None:
        if loc.town:
            self._last_town = loc
        if loc.a1_id is not None:
            a1 = self.gaz.admin1(loc.a1_id)
            if a1 is not None:
                self._last_region = from_admin1(a1)

    def _areas(self, m: Mention) -> list[Area]:
        """The divisions (or country) a qualifying name stands for, those of the story's countries first.

        A district word after it ('Gwoza LGA') puts admin-2 divisions first; otherwise admin-1."""
        name, label = split_label(m.name or "")
        division = m.division or label or ("admin1" if m.kind == "admin1" else None)
        a1s: list[Area] = [a for a in self.gaz.admin1s(name) if not m.country or a.iso3 == m.country]
        a2s: list[Area] = [a for a in self.gaz.admin2s(name) if not m.country or a.iso3 == m.country]
        # 'the department of Cabanas' in El Salvador is its admin-1, not Honduras' Cabañas: a district word, but only
        # the admin-1 lies in the story's countries
        home_admin1 = division == "admin2" and bool(self.countries) and not any(a.iso3 in self.countries for a in a2s) \
            and any(a.iso3 in self.countries for a in a1s)
        if home_admin1:
            division = "admin1"
        if division == "admin2":
            a1s = [a for a in a1s if a2s == []]  # 'Gwoza district': the admin-1 only when no admin-2 has the name
        if division == "admin1":
            a2s = [a for a in a2s if a1s == []]
        # each kind with the story's countries first; a kind is not dropped for lying elsewhere ('Novopokrovske,
        # Donetsk' in a story of 'Russian forces': the Donetsk oblast before Rostov's Donetsk district)
        a1s, a2s = self._countries_first(a1s), self._countries_first(a2s)
        ordered = a2s + a1s if division == "admin2" else a1s + a2s
        if division is None and not m.country:
            # a country's name, also where a division abroad shares it ('Tillaberi, Niger': the country, not
            # Nigeria's Niger State, when the place lies there); after the divisions, which are more specific
            country = self.gaz.country_named(name)
            if country is not None:
                ordered = ordered + [country]
        return ordered

    # --- one mention --------------------------------------------------------------------------
    def _resolve(self, m: Mention, sentence_admin1s: set[int]) -> Location | None:
        if m.kind == "country":
            country = self.gaz.country(m.country) if m.country else None
            country = country or self.gaz.country_named(m.name or "")
            self._trace.why = "a country"
            return from_country(country) if country else None
        if m.kind == "capital":
            self._trace.why = "the capital of the story's country"
            return self._capital(m)
        if m.kind == "city_ref":
            self._trace.why = "'the city': the last town named before it"
            loc = self._last_town or self._region_city()
            return loc.near() if (loc is not None and m.near) else loc
        if m.kind == "region_ref":
            self._trace.why = "'the region': the last region named before it"
            return self._last_region
        linked = [a for link in m.linked for a in self._admin1_of(link)]
        if m.kind == "admin1":
            found = self._admin1_of(m)
            if found:
                self._trace.candidates = [describe(a) for a in found[:5]]
                self._trace.why = "a region named with a region word"
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
        name, label = split_label(m.name or "")
        label = label or ("admin2" if m.division == "admin2" else None)  # 'in Tillia department'
        places = list(self.gaz.places(name))  # 'Damboa LGA': the town of Damboa, or else the LGA
        if not places and name.split()[-1].lower() in CITY_WORDS and " " in name:
            name = name.rsplit(" ", 1)[0]  # 'Himamaylan City', 'Kano Town': the town, when the gazetteer lacks the longer name
            places = list(self.gaz.places(name))
        elif not places and " " in name and name.split()[-1].lower() in FACILITY_NOUNS:
            name = name.rsplit(" ", 1)[0]  # 'near Herat University', 'at Mitiga Airport': at a facility of that town
            places = list(self.gaz.places(name))
            m = replace(m, near=True)
        near = m.near or label is not None
        if m.country:
            places = [p for p in places if p.iso3 == m.country]
        trace = self._trace
        trace.candidates = [describe(p) for p in places[:8]]
        groups: list[list[Area]] = []  # the divisions each qualifier may name, the most specific qualifier first
        town_qualifiers = []
        for q in m.qualifiers:
            if split_label(q.name or "")[0].lower() != name.lower():  # 'Gwoza district (Gwoza, Borno)': Borno qualifies
                q_areas = self._areas(q)
                if q_areas:
                    groups.append(q_areas)
                else:
                    town_qualifiers.append(q)
        if linked:
            groups.append(list(linked))
        if groups and not linked and self._reads_as_list(m, places, groups):
            groups, town_qualifiers = [], []
            trace.why = "a city named in a list, not inside the names after it: they are no qualifiers; "
        groups = _consistent(groups)
        areas: list[Area] = [a for group in groups for a in group]
        hub = self._qualifier_town(town_qualifiers, areas)  # 'Husarivka (Balakliia, Kharkiv)': the town Balakliia
        if hub is not None:
            trace.qualifier = ", ".join(q.name for q in m.qualifiers if q.name)
            close = [p for p in places if km(p.lat, p.lon, hub.lat, hub.lon) <= HUB_KM]
            if close:
                places = close
            else:
                trace.why = f"no {name} in the gazetteer within {HUB_KM:.0f} km of {describe(hub)}, named beside it: near it"
                return from_place(hub, near=True)
        # (not where a qualifier says what division it is: 'Kani, Sagaing region' is no misreading)
        if areas and not linked and self._big_city_elsewhere(places, areas) \
                and not any(q.division for q in m.qualifiers):
            # "Makhachkala, Republic of Dagestan" read as 'Republic' (a county in Kansas): a city of 100,000 or more
            # outside every country the qualifier could name is the place, the qualifier a misreading
            trace.why = "a city too big to be misplaced, outside every country its qualifier could name: the qualifier is ignored; "
            groups, areas = [], []
        if areas:
            trace.qualifier = ", ".join(q.name for q in m.qualifiers if q.name) or ", ".join(a.name for a in linked)
            found = self._inside(places, groups)
            if isinstance(found, list):
                places, area = found[0], found[1]
                trace.why = f"inside {describe(area)}, named beside it"
            else:
                area = found
                city = self._city_of_district(name, area)
                if city is not None:
                    trace.why = f"a part of {city.name} ('City-District'), inside {describe(area)}, named beside it"
                    return from_place(city, near=True)
                own = [a for a in self.gaz.admin2s(name) if isinstance(area, Admin1) and a.admin1 and a.admin1.id == area.id]
                if own:
                    trace.why = f"no town {name} inside {describe(area)}, named beside it, but its division {own[0].name}"
                    return from_admin2(own[0])
                other = self._other_spelling(m, area=area)
                if other is not None:
                    trace.why = f"no {name} in the gazetteer: {other.name}, its other spelling written beside it, inside {describe(area)}"
                    return from_place(other, near=m.near)
                neighbour = self._just_outside(places, area)
                if neighbour is not None:
                    trace.why = (f"the one {name} of {area.iso3}, {km(neighbour.lat, neighbour.lon, area.lat, area.lon):.0f} km "
                                 f"from {describe(area)}, named beside it (a division since split or renamed)")
                    return from_place(neighbour, near=m.near)
                trace.why = f"no {name} in the gazetteer inside {describe(area)}, named beside it: that division"
                located = self._named_regions[name.lower()] = from_area(area)
                return located
        elif not m.country and self.named_countries:
            # a place abroad must be a city, unless the story names its region ('Vovchansk near the border between
            # Kharkiv region and Russia': Russia is named, and so is Vovchansk's region)
            # ... reached by its own name: 'Boni' in a story about Mali is no foreign-language name of Bonn
            village = m.anchor.lemma_.lower() in VILLAGE_NOUNS  # "the village of San Isidro" is no city abroad
            places = [p for p in places if p.iso3 in self.countries
                      or (p.population >= FOREIGN_MIN_POPULATION and p.kind == 0 and not village)
                      or (p.admin1 is not None and (p.admin1.id in sentence_admin1s or self.admin1_counts.get(p.admin1.id, 0) > 0))]
        # a loose spelling is a guess: only in a country the story is about, never abroad
        if not areas:  # (inside a division named with it, a loose spelling was checked against that division)
            places = [p for p in places if p.kind < LOOSE_KIND or p.iso3 in self.countries]
        division = None if areas else self._division_named(m, name, label, places)
        if division is not None:
            return division
        if not places:
            return self._no_place(m, name, sentence_admin1s)
        region = None if areas or m.country else self._named_home_region(places, sentence_admin1s)
        if region is not None:
            trace.why = f"no {name} in the gazetteer in the story's countries; the region the sentence names: {region.name}"
            located = self._named_regions[name.lower()] = from_area(region)
            return located
        if not areas and not m.country and name.lower() in self._named_regions:
            # "a police station in Kani" after "the town of Kani in the Sagaing region": the same town as before
            trace.why = "the region an earlier sentence placed this town in"
            return self._named_regions[name.lower()]

        def rank(p: Place) -> tuple:
            a1 = p.admin1.id if p.admin1 else None
            return (-(km(p.lat, p.lon, hub.lat, hub.lon) // DISTANCE_STEP_KM) if hub else 0, a1 in sentence_admin1s, self.admin1_counts.get(a1, 0) > 0, self.countries.get(p.iso3, 0) > 0,
                    p.population >= CITY_POPULATION, -self._steps_from_story(p), p.kind == 0, p.population)

        best = max(places, key=rank)
        if not trace.why or trace.why.endswith("; "):
            trace.why += self._why_ranked(best, places, rank)
        return from_place(best, near=near)

    @staticmethod
    def _big_city_elsewhere(places: list[Place], areas: list[Area]) -> bool:
        countries = {a.iso3 for a in areas}
        big = [p for p in places if p.population >= CITY_POPULATION]
        return bool(big) and not any(p.iso3 in countries for p in places)

    def _named_home_region(self, places: list[Place], sentence_admin1s: set[int]) -> Admin1 | None:
        """'near the town of Kani in the Sagaing region' with no Kani of Myanmar in the gazetteer: a region of the
        story's countries named in the sentence, when every candidate lies abroad and none in a region named."""
        home = [a for a in (self.gaz.admin1(i) for i in sorted(sentence_admin1s)) if a is not None and a.iso3 in self.countries]
        if len(home) != 1:
            return None
        # a candidate in a region named, in the named region's country, or a city of another country the story is
        # about ('Ukrainian drones hit Moscow' beside 'Kharkiv region') is the place itself
        if any((p.admin1 is not None and p.admin1.id in sentence_admin1s) or p.iso3 == home[0].iso3
               or (p.iso3 in self.countries and p.population >= CITY_POPULATION) for p in places):
            return None
        return home[0]

    def _why_ranked(self, best: Place, places: list[Place], rank) -> str:
        if len(places) == 1:
            return "the only candidate"
        reasons = ("nearest the town named beside it", "its region is named in the sentence", "its region is named in the story", "in the story's country",
                   "a city", "nearest the story's other places", "named by its main name", "most populous")
        others = [rank(p) for p in places if p is not best]
        top = rank(best)
        runner = max(others)
        for i, reason in enumerate(reasons):
            if top[i] != runner[i]:
                return reason
        return "first of equals"

    def _steps_from_story(self, p: Place) -> float:
        """Distance from the nearest of the story's other places (or dateline), in steps; 0 with none."""
        points = [a for a in self.anchors if abs(a[0] - p.lat) > 1e-6 or abs(a[1] - p.lon) > 1e-6]
        if not points:
            return 0.0
        return min(km(p.lat, p.lon, lat, lon) for lat, lon in points) // DISTANCE_STEP_KM

    def _division_named(self, m: Mention, name: str, label: str | None, places: list[Place]) -> Location | None:
        """A name that is a division's rather than a town's: 'in Cabo Delgado', 'in Gwoza LGA', 'in Borno'."""
        if label is None and any(p.population >= TOWN_OVER_DIVISION and (p.kind == 0 or p.iso3 in self.countries
                                                                           or p.population >= CITY_POPULATION)
                                 for p in places):
            return None  # a town by that name ('Sagaing'; 'Kharkov', another name of a city), not the division
        if m.kind not in {"name", "admin1"} or (label == "admin2" and places):
            return None  # 'Damboa LGA': the town it is named after, near it
        probe = Mention(m.anchor, m.name, m.kind, country=m.country, division=label or m.division)
        areas = [a for a in self._areas(probe) if not isinstance(a, Country)]
        if label is None:
            areas = [a for a in areas if isinstance(a, Admin1)] + ([a for a in areas if isinstance(a, Admin2)]
                                                                   if not places else [])
        if not areas:
            return None
        self._trace.candidates += [describe(a) for a in areas[:5]]
        self._trace.why = "the name of a division, not of a town"
        return from_area(areas[0])

    def _just_outside(self, places: list[Place], area: Area) -> Place | None:
        """'Paoua, Ouham-Pendé prefecture', with Paoua now in Lim-Pendé, split from it in 2020: the only place of that
        name in the division's country, close to the division, is the place (its divisions were redrawn)."""
        same = [p for p in places if p.iso3 == area.iso3 and p.kind == 0]
        if len(same) != 1 or area.lat is None or area.lon is None:
            return None
        return same[0] if km(same[0].lat, same[0].lon, area.lat, area.lon) <= REDRAWN_KM else None

    def _city_of_district(self, name: str, area: Area) -> Place | None:
        """'Mogadishu-Bondhere (Banadir)': the city of a 'City-District' name, when it lies inside the qualifier's division."""
        if "-" not in name:
            return None
        cities = [p for p in self.gaz.places(name.split("-", 1)[0]) if p.kind < 2 and contains(area, p)]
        return max(cities, key=lambda p: p.population) if cities else None

    def _other_spelling(self, m: Mention, area: Any = None, sentence_admin1s: set[int] | None = None) -> Place | None:
        """'Graivoron (Grayvoron), Belgorod oblast', 'Hsipaw (Thibaw)': a bare name written beside a name the
        gazetteer lacks, with no division word, is the same place spelt another way. It must lie inside the
        division named beside it, else in a region the sentence names, else in the story's countries."""
        doc = m.anchor.doc
        for q in m.qualifiers:
            if q.division or q.kind != "name" or not q.name:
                continue
            bracketed = q.tokens[0] > 0 and doc[q.tokens[0] - 1].text == "("
            if not bracketed or self.gaz.admin1s(q.name) or self.gaz.admin2s(q.name):
                continue  # 'Zarichnivka, Donetsk', 'Lyman (Kupiansk, Kharkiv)': a division named beside it, not a spelling
            places = [p for p in self.gaz.places(q.name) if p.kind < 2]
            if area is not None:
                places = [p for p in places if contains(area, p)]
            elif sentence_admin1s:
                places = [p for p in places if p.admin1 is not None and p.admin1.id in sentence_admin1s]
            else:
                places = [p for p in places if p.iso3 in self.countries]
            if places:
                return max(places, key=lambda p: p.population)
        return None

    def _no_place(self, m: Mention, name: str, sentence_admin1s: set[int]) -> Location | None:
        """A name the gazetteer lacks: the city of 'City-District', or the one region its sentence names."""
        trace = self._trace
        if "-" in name:
            left, right = name.split("-", 1)
            cities = self._in_countries([p for p in self.gaz.places(left) if p.kind < 2], lambda p: p.iso3)
            # the city of a 'City-District' name lies in the story's countries and in a region its sentence names,
            # if it names one ('Pont-Sonde in Haiti's Artibonite region' is no part of a French 'Pont')
            cities = [p for p in cities if (not self.countries or p.iso3 in self.countries)
                      and (not sentence_admin1s or (p.admin1 is not None and p.admin1.id in sentence_admin1s))]
            if cities:
                city = max(cities, key=lambda p: (p.iso3 in self.countries, p.population))
                parts = [p for p in self.gaz.places(right) if km(p.lat, p.lon, city.lat, city.lon) <= CITY_PART_KM]
                if parts:
                    trace.why = f"{right}, a place near {city.name}"
                    return from_place(parts[0], near=m.near)
                trace.why = f"a part of {city.name} ('City-District')"
                return from_place(city, near=True)
        other = self._other_spelling(m, sentence_admin1s=sentence_admin1s)
        if other is not None:
            trace.why = f"no {name} in the gazetteer: {other.name}, its other spelling written beside it"
            return from_place(other, near=m.near)
        host = self._host_town(m)
        if host is not None:
            self._trace = Trace()  # the host's own reasons are not this mention's
            loc = self._best_place(host, [], sentence_admin1s)
            self._trace = trace
            if loc is not None and loc.town:
                trace.why = f"no {name} in the gazetteer: near {host.name}, the town it is said to be in or near"
                return loc.near()
            if loc is not None and loc.precision is not None:
                trace.why = f"no {name} in the gazetteer: {loc.name}, the division it is said to be in"
                return loc
        if m.country:
            country = self.gaz.country(m.country)
            trace.why = "no such place in its country: the country"
            return from_country(country) if country else None
        if len(sentence_admin1s) == 1:
            a1 = self.gaz.admin1(next(iter(sentence_admin1s)))
            if a1 is not None:
                trace.why = f"no {name} in the gazetteer: the one region its sentence names"
                return from_admin1(a1)
        return None

    @staticmethod
    def _reads_as_list(m: Mention, places: list[Place], groups: list[list[Area]]) -> bool:
        """'in Kyiv, Kharkiv, Odesa': a city (100,000+) of the same country as the divisions the bare names after
        it stand for, but inside none of them, is the first of a list, not a place those names qualify."""
        if any(q.division or q.kind == "admin1" for q in m.qualifiers):
            return False
        countries = {a.iso3 for group in groups for a in group}
        cities = [p for p in places if p.kind < 2 and p.population >= CITY_POPULATION and p.iso3 in countries]
        return bool(cities) and not any(contains(a, p) for group in groups for a in group for p in places)

    def _inside(self, places: list[Place], groups: list[list[Area]]) -> list | Area:
        """[candidates, area] for the first qualifier with candidates inside a division it names; else the division
        to fall back to: the most specific one named, when the broader qualifiers' divisions hold it
        ('Ivanivka (Kupiansk, Kharkiv)' without an Ivanivka in Kupiansk raion: that raion, not another Ivanivka
        of the oblast)."""
        for i, group in enumerate(groups):
            for area in group:
                inside = [p for p in places if contains(area, p)] or [p for p in places if _maybe_inside(area, p)]
                if inside:
                    return [inside, area]
            if any(self._nested(area, later) for area in group for later in groups[i + 1:]):
                return next(a for a in group if any(self._nested(a, later) for later in groups[i + 1:]))
        areas = [a for group in groups for a in group]
        return next((a for a in areas if not isinstance(a, Country)), areas[0])

    @staticmethod
    def _nested(area: Area, broader: list[Area]) -> bool:
        """Whether a division lies inside one of the broader ones (an admin-2 in its admin-1, a division in its country)."""
        for b in broader:
            if isinstance(area, Admin2) and isinstance(b, Admin1) and area.admin1 is not None and area.admin1.id == b.id:
                return True
            if isinstance(b, Country) and not isinstance(area, Country) and area.iso3 == b.iso3:
                return True
        return False

    def _qualifier_town(self, qualifiers: list[Mention], areas: list[Area]) -> Place | None:
        """A qualifier that names no division but a town (a hromada or commune named after its centre), inside the
        other qualifiers' divisions when they name any: the biggest such town."""
        for q in qualifiers:
            town = split_label(q.name or "")[0]
            towns = list(self.gaz.places(town))
            if not towns and town.split()[-1].lower() in CITY_WORDS and " " in town:
                towns = list(self.gaz.places(town.rsplit(" ", 1)[0]))  # a qualifier 'Himamaylan City'
            if areas:  # a loose spelling ('Bulo Burte' for Buulobarde) only inside the divisions named with it
                towns = [p for p in towns if any(contains(a, p) for a in areas)]
            else:
                towns = [p for p in towns if p.kind < 2]
                if self.countries:
                    towns = [p for p in towns if p.iso3 in self.countries] or [p for p in towns
                                                                                if p.population >= FOREIGN_MIN_POPULATION]
            if towns:
                return max(towns, key=lambda p: p.population)
        return None

    def _host_town(self, m: Mention) -> Mention | None:
        """The town or division named right after a place the gazetteer lacks: 'Tungar Kwana village in Kankara'
        -> Kankara, 'the town of Zorbaya in North Kivu' -> North Kivu, 'in the Kherson region'."""
        doc, end = m.anchor.doc, m.tokens[1]
        head = doc[m.tokens[1] - 1]  # the name's own head (the anchor may be 'villages' of 'the villages of A')
        later = [c.i for c in head.conjuncts if c.i > head.i]
        if later:  # 'the villages of A, B and C in Tillia department': the list's last name is followed by its host
            end = max(later) + 1
        if end < len(doc) and doc[end].lemma_.lower() in {"village", "town", "settlement", "hamlet", "locality"}:
            end += 1
        if end >= len(doc) or doc[end].lower_ not in {"in", "near", "outside"}:
            return None
        return next((x for x in self._sentence if x is not m and x.tokens[0] in {end + 1, end + 2}
                     and x.kind in {"name", "town", "admin1"}), None)

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


def explain_lines(places: StoryPlaces) -> list[str]:
    """The story's place mentions for ``eventcoder explain``: candidates considered, qualifier used, why one won."""
    lines = []
    if places.dateline is not None:
        lines.append(f"  dateline: {places.dateline.name} ({places.dateline.iso3})")
    for i, sentence in enumerate(places.by_sentence):
        for r in sentence:
            loc, trace, m = r.location, r.trace or Trace(), r.mention
            flags = "".join(f" [{f}]" for f, on in (("near", m.near), ("coded to", m.coded)) if on)
            lines.append(f"  sentence {i}: {m.name or m.kind!r} ({m.kind}){flags} -> {loc.name}, {loc.admin1 or '-'}, "
                         f"{loc.iso3 or '-'} (precision {loc.precision or '-'}, gid {loc.gid or '-'})")
            if trace.qualifier:
                lines.append(f"    qualifier: {trace.qualifier}")
            for cand in trace.candidates:
                lines.append(f"    candidate: {cand}")
            if trace.why:
                lines.append(f"    chosen: {trace.why}")
    return lines
