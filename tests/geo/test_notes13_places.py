"""Place forms of ACLED-style notes found missing by the second batch of notes (tests/data/notes/notes_batch2.jsonl).

Each mechanism on sentences written for these tests, in at least three phrasings and countries:
a division word of the Sahel, the DRC or Ukraine after a name ('Beni territory', 'Ansongo cercle',
'Tsyrkuny hromada'); 'X area (Y district, Z)'; a town whose admin-2 the gazetteer does not know
inside an admin-2 qualifier; a loose spelling of a qualifier town inside the named region;
'City-District (Region)'; 'X City'; 'residents of X'; border areas between divisions.
"""

from __future__ import annotations

import pytest

from coding.coder import code_text
from coding.geo.resolve import NEAR, REGION, km


def _row(text: str) -> dict:
    rows = [r for r in code_text(text) if r["acled_event_type"]]
    assert rows, text
    return rows[0]


def _near(row: dict, gaz, name: str, iso3: str, within: float = 50.0) -> bool:
    places = [p for p in gaz.places(name) if p.iso3 == iso3]
    assert places, name
    return row["latitude"] is not None and km(row["latitude"], row["longitude"], places[0].lat, places[0].lon) <= within


@pytest.mark.parametrize("text, town, iso3", [
    ("On 2 February 2023, ADF militants attacked a village in Beni territory (North Kivu), killing 5 civilians.", "Beni", "COD"),
    ("On 4 March 2022, CODECO militia attacked displaced people in Djugu territory, Ituri, killing 12.", "Djugu", "COD"),
    ("On 9 May 2024, a Russian drone hit a house in Tsyrkuny hromada (Kharkiv raion, Kharkiv oblast).", "Tsyrkuny", "UKR"),
])
def test_a_name_before_a_local_division_word_is_a_place(gaz, text, town, iso3):
    row = _row(text)
    assert row["country_iso3"] == iso3 and _near(row, gaz, town, iso3)


@pytest.mark.parametrize("text, town, iso3", [
    ("On 6 October 2022, the army clashed with al Shabaab in Moqokori area (Bulo Burte district, Hiraan).", "Buulobarde", "SOM"),
    ("On 3 July 2021, bandits attacked herders in Kurmin Doka area (Kajuru LGA, Kaduna).", "Kajuru", "NGA"),
    ("On 8 April 2023, JNIM militants ambushed soldiers in Boulkessi area (Douentza cercle, Mopti).", "Douentza", "MLI"),
])
def test_an_area_of_a_missing_village_takes_its_qualifiers(gaz, text, town, iso3):
    row = _row(text)
    assert row["country_iso3"] == iso3 and _near(row, gaz, town, iso3, within=60)


@pytest.mark.parametrize("text, town, iso3", [
    ("On 3 September 2022, JNIM militants attacked a FAMa post in Tessit (Ansongo cercle, Gao region).", "Tessit", "MLI"),
    ("On 5 June 2021, ISSP militants attacked a market in Ayorou (Tillaberi department, Tillaberi region), killing 4 traders.", "Ayorou", "NER"),
    ("On 1 May 2022, al Shabaab fighters attacked an SNA base in Jalalaqsi (Jalalaqsi district, Hiraan).", "Jalalaqsi", "SOM"),
])
def test_a_town_without_a_known_admin2_may_lie_in_the_named_one(gaz, text, town, iso3):
    if not [p for p in gaz.places(town) if p.iso3 == iso3 and p.a2 is None]:
        pytest.skip(f"{town} has an admin-2 in this gazetteer")
    row = _row(text)
    assert row["geo_precision"] == 1 and _near(row, gaz, town, iso3, within=5)


@pytest.mark.parametrize("text", [
    "On 2 January 2023, al Shabaab militants attacked a hotel in Mogadishu-Bondhere (Banadir), killing 6 people.",
    "On 5 May 2021, a grenade attack killed a trader in Mogadishu-Hodan (Banadir region).",
    "On 9 March 2022, gunmen shot dead an official in Mogadishu-Wadajir, Banadir.",
])
def test_city_district_with_its_region_is_the_city(gaz, text):
    row = _row(text)
    assert row["geo_precision"] == NEAR and _near(row, gaz, "Mogadishu", "SOM", within=15)


@pytest.mark.parametrize("text, town, iso3", [
    ("On 22 September 2020, gunmen shot dead a village chief in Himamaylan City (Negros Occidental).", "Himamaylan", "PHL"),
    ("On 2 May 2021, gunmen attacked a police post in Marawi City, Lanao del Sur, killing 2 policemen.", "Marawi", "PHL"),
    ("On 3 June 2022, bandits attacked a market in Gusau Town (Zamfara), killing 4 traders.", "Gusau", "NGA"),
])
def test_a_trailing_city_word_the_gazetteer_lacks_is_dropped(gaz, text, town, iso3):
    row = _row(text)
    assert row["country_iso3"] == iso3 and _near(row, gaz, town, iso3, within=10)


@pytest.mark.parametrize("text, town, iso3", [
    ("On 4 August 2020, residents of Las Heras (Mendoza) set fire to a police station.", "Mendoza", "ARG"),
    ("On 7 May 2022, angry villagers of Bokkos (Plateau) burned the house of a suspected kidnapper.", "Bokkos", "NGA"),
    ("On 1 March 2021, residents of Butembo protested against insecurity.", "Butembo", "COD"),
])
def test_residents_of_a_place_place_the_event(gaz, text, town, iso3):
    row = _row(text)
    assert row["country_iso3"] == iso3 and _near(row, gaz, town, iso3, within=30)


@pytest.mark.parametrize("text, first, iso3", [
    ("On 3 March 2023, Russian forces shelled villages on the border between Zaporizhzhia and Donetsk regions.", "Zaporizhzhia", "UKR"),
    ("On 12 May 2022, Dogon hunters clashed with Fulani militia on the border between Mopti and Segou regions.", "Mopti", "MLI"),
    ("On 9 July 2021, bandits attacked travellers on the border of Zamfara and Katsina states.", "Zamfara", "NGA"),
])
def test_a_border_area_between_regions_is_the_first_named_as_a_part_of_it(gaz, text, first, iso3):
    row = _row(text)
    region = [a for a in gaz.admin1s(first) if a.iso3 == iso3][0]
    assert row["admin1"] == region.name and row["geo_precision"] == NEAR


@pytest.mark.parametrize("text, place, iso3", [
    ("On 15 August 2023, Russian forces shelled areas on the border between Luhansk region and Kupiansk raion (Kharkiv).",
     "Kupyansk", "UKR"),  # the more specific side: a district over a region
    ("On 1 April 2024, Russian troops shelled Vovchansk near the border between Kharkiv region and Russia.", "Vovchansk", "UKR"),
    ("On 6 June 2022, bandits killed 3 farmers in Maru near the border of Zamfara and Sokoto states.", "Maru", "NGA"),
])
def test_a_more_specific_place_beats_the_border_area(gaz, text, place, iso3):
    row = _row(text)
    assert row["geo_precision"] != REGION and _near(row, gaz, place, iso3, within=30)


@pytest.mark.parametrize("text, town, iso3", [
    ("On 12 May 2022, a mob of students stoned and burned to death a female student accused of blasphemy at a college in Sokoto.",
     "Sokoto", "NGA"),
    ("On 3 June 2021, gunmen killed a trader at a market in Maiduguri.", "Maiduguri", "NGA"),
    ("On 9 April 2022, police dispersed a rally by teachers at a school in Kaduna.", "Kaduna", "NGA"),
])
def test_a_place_after_a_preposition_is_found_whatever_the_tagger_calls_it(gaz, text, town, iso3):
    row = _row(text)
    assert _near(row, gaz, town, iso3, within=20)


@pytest.mark.parametrize("text, town, iso3", [
    ("On 14 February 2022, soldiers clashed with NPA rebels in Sitio Kaluwasan, Barangay Buenavista, Himamaylan City, "
     "Negros Occidental. Two rebels were killed.", "Himamaylan", "PHL"),
    ("On 2 March 2021, NPA rebels ambushed soldiers in Sitio Maligaya, Barangay Buenavista, Las Navas, Northern Samar.",
     "Las Navas", "PHL"),
    ("On 7 May 2023, gunmen killed a farmer in Sitio Lumot, Barangay Buenavista, Kalamansig, Sultan Kudarat.", "Kalamansig", "PHL"),
])
def test_qualifiers_must_agree_with_the_broader_ones_after_them(gaz, text, town, iso3):
    row = _row(text)
    assert row["country_iso3"] == iso3 and _near(row, gaz, town, iso3, within=30)


@pytest.mark.parametrize("text, first, iso3", [
    ("On 4 November 2022, suspected JNIM militants ambushed a convoy between Djibo and Namsiguia (Soum, Sahel).", "Djibo", "BFA"),
    ("On 4 March 2023, troops clashed with ISWAP fighters on the road between Bama and Konduga (Borno).", "Bama", "NGA"),
    ("On 9 June 2022, bandits ambushed travellers between Tsafe and Gusau, killing 4.", "Tsafe", "NGA"),
])
def test_a_road_between_two_towns_is_the_first_named(gaz, text, first, iso3):
    row = _row(text)
    assert row["geo_precision"] == NEAR and _near(row, gaz, first, iso3, within=5)


@pytest.mark.parametrize("text, town, iso3", [
    ("On 21 March 2024, Russian forces launched a missile and drone attack on Kyiv city.", "Kyiv", "UKR"),
    ("Russian forces attacked Kyiv city.", "Kyiv", "UKR"),
    ("On 4 May 2023, M23 rebels shelled Goma city, killing 2 people.", "Goma", "COD"),
])
def test_a_known_place_before_a_town_word_is_a_place_however_tagged(gaz, text, town, iso3):
    row = _row(text)
    assert row["geo_precision"] == 1 and _near(row, gaz, town, iso3, within=5)


@pytest.mark.parametrize("text, town, iso3", [
    ("On 19 October 2022, gunmen killed 20 people in an attack on the town hall of San Miguel Totolapan (Guerrero).",
     "San Miguel Totolapan", "MEX"),
    ("On 3 May 2021, al Shabaab fighters attacked the central prison of Bosaso, freeing 400 inmates.", "Bosaso", "SOM"),
    ("On 9 July 2022, ISWAP fighters attacked the prison of Kuje, freeing hundreds of inmates.", "Kuje", "NGA"),
])
def test_a_building_of_a_place_places_the_event(gaz, text, town, iso3):
    row = _row(text)
    assert _near(row, gaz, town, iso3, within=10)
