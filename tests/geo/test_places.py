"""Place mentions resolved with the story as context, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from coding.actors import StoryActors
from coding.coder import code_text, content_sentences
from coding.geo.resolve import REGION, StoryPlaces
from coding.lexicon import default_lexicon
from coding.nlp import load_nlp


def resolved(text: str, gaz, dateline: str | None = None) -> list[tuple[str | None, object]]:
    doc = load_nlp()(text)
    places = StoryPlaces(content_sentences(doc), StoryActors.build(doc, default_lexicon()), gaz, dateline)
    return [(r.mention.name or r.mention.kind, r.location) for sent in places.by_sentence for r in sent]


def location_of(rows: list[dict], trigger_word: str) -> dict:
    matching = [r for r in rows if trigger_word in r["trigger"]]
    assert matching, f"no event with trigger {trigger_word!r} in {[r['trigger'] for r in rows]}"
    return matching[0]


def test_same_name_town_in_the_region_the_story_names(gaz):
    donetsk = resolved("Fighting raged across the eastern Donetsk region. Separatists said the town of Lyman was under fire.", gaz)
    kharkiv = resolved("Ukrainian forces pushed on in the Kharkiv region. Officials said the village of Lyman was retaken.", gaz)
    lyman_d = dict(donetsk)["Lyman"]
    lyman_k = dict(kharkiv)["Lyman"]
    assert lyman_d.admin1 == "Donetsk" and lyman_d.precision == 1
    assert "Kharkiv" in lyman_k.admin1 and lyman_k.gid != lyman_d.gid


def test_same_name_town_in_the_story_country(gaz):
    ukr = dict(resolved("Ukrainian troops entered Lyman on Saturday.", gaz))["Lyman"]
    usa = dict(resolved("American police arrested two men in Lyman on Saturday.", gaz))["Lyman"]
    assert ukr.iso3 == "UKR" and usa.iso3 == "USA"


@pytest.mark.parametrize("spelling", ["Kupiansk", "Kupyansk", "Kup’yans’k"])
def test_transliteration_variants_in_text(gaz, spelling: str):
    loc = dict(resolved(f"Ukrainian special forces were filmed in {spelling} on Saturday.", gaz))[spelling]
    assert loc.gid == 703656 and loc.iso3 == "UKR"


def test_a_village_missing_from_the_gazetteer_takes_the_region_named_beside_it(gaz):
    found = resolved("Ukrainian troops liberated Vasylenkovo and Artemivka in the Kharkiv region.", gaz)
    for name in ("Vasylenkovo", "Artemivka"):  # an Artemivka exists, but in other oblasts
        loc = dict(found)[name]
        assert "Kharkiv" in loc.admin1 and loc.precision == REGION and loc.gid is None


def test_a_region_named_in_an_apposition_constrains_the_town(gaz):
    loc = dict(resolved("Explosions were reported in Nova Kakhovka, a town held by Russian troops in the southern Kherson region.", gaz))["Nova Kakhovka"]
    assert loc.admin1 == "Kherson" and loc.precision == 1


def test_the_city_and_the_capital_resolve_from_context(gaz):
    found = resolved("Russian forces shelled Kharkiv overnight. Officials said a district of the city was hit.", gaz)
    city = dict(found)["city_ref"]
    assert city.name == "Kharkiv" and city.precision == 2
    capital = dict(resolved("The German minister arrived in the Ukrainian capital on Saturday.", gaz))["capital"]
    assert capital.name == "Kyiv" and capital.iso3 == "UKR"
    # without a country word: the capital of the dateline's country
    bare = dict(resolved("Police fired tear gas at protesters in the capital.", gaz, dateline="Nairobi"))["capital"]
    assert bare.iso3 == "KEN" and bare.name == "Nairobi"


def test_names_used_as_actors_are_not_places(gaz):
    names = [name for name, _ in resolved("Kyiv’s troops advanced as Moscow announced a pullback.", gaz)]
    assert "Kyiv" not in names and "Moscow" not in names


def test_rows_carry_the_location_columns(temp_cache_env):
    rows = code_text("German Foreign Minister Annalena Baerbock arrived in the Ukrainian capital on Saturday. "
                     "Baerbock pledged continued deliveries of weapons.", doc_date=date(2022, 9, 11))
    arrived = location_of(rows, "arrived")
    assert arrived["location_name"] == "Kyiv" and arrived["country_iso3"] == "UKR" and arrived["geo_precision"] == 1
    assert arrived["geonames_id"] == 703448 and abs(arrived["latitude"] - 50.45) < 0.1
    pledged = location_of(rows, "pledged")  # no place in its sentence: where the same person was last placed
    assert pledged["location_name"] == "Kyiv"


def test_rows_for_a_missing_village_use_the_region_centroid(temp_cache_env):
    rows = code_text("Ukrainian troops liberated Vasylenkovo and Artemivka in the Kharkiv region on Saturday.",
                     doc_date=date(2022, 9, 11))
    row = location_of(rows, "liberated")
    assert row["geo_precision"] == 3 and "Kharkiv" in row["admin1"] and row["country_iso3"] == "UKR"
    assert row["geonames_id"] is None and 48.5 < row["latitude"] < 50.5


@pytest.mark.parametrize("text, town, iso3", [
    ("Gunmen attacked a market in Omdurman on Sunday.", "Omdurman", "SDN"),  # the small model tags these NORP
    ("Rebels shelled an army camp near Kidal.", "Kidal", "MLI"),
    ("Fighting raged in Omdurman and the army said it held the bridge.", "Omdurman", "SDN"),
])
def test_a_town_the_tagger_reads_as_a_group_is_still_a_place(gaz, text, town, iso3):
    places = {name: loc for name, loc in resolved(text, gaz)}
    assert town in places and places[town].iso3 == iso3


def test_a_nationality_after_a_preposition_is_not_a_place(gaz):
    names = [name for name, _ in resolved("The ministry handed the files to Sudanese officials in Khartoum.", gaz)]
    assert "Sudanese" not in names


@pytest.mark.parametrize("text, admin2", [
    ("Rebels shot dead two soldiers in an ambush in Intan Jaya regency on Sunday.", "Intan Jaya"),
    ("Floods displaced villagers in Nduga regency while separatists attacked a post in Puncak regency.", "Puncak"),
    ("Separatist fighters burned a school in Intan Jaya Regency, Central Papua, police said.", "Intan Jaya"),
])
def test_an_indonesian_regency_is_its_kabupaten(gaz, text, admin2):
    rows = [r for r in code_text(text, doc_date=date(2023, 3, 6)) if r["cameo_root"] in {"18", "19"} or r["cameo_code"] == "1712"]
    assert rows and admin2 in (rows[-1]["location_name"] or ""), [(r["cameo_code"], r["location_name"]) for r in rows]
    assert rows[-1]["country_iso3"] == "IDN"


@pytest.mark.parametrize("text, where, not_where", [
    ("Separatist rebels in Indonesia's Papua region shot dead two soldiers in an ambush in Intan Jaya regency on Sunday.",
     "Intan Jaya", "Papua"),
    ("Gunmen from Zamfara killed five villagers in Sokoto state on Sunday.", "Sokoto", "Zamfara"),
    ("Troops based in Kharkiv region shelled Russian positions near Vovchansk.", "Vovchansk", "Kharkiv"),
])
def test_where_the_action_happened_beats_where_its_actor_is_from(gaz, text, where, not_where):
    rows = [r for r in code_text(text, doc_date=date(2024, 3, 6)) if r["cameo_root"] in {"18", "19"}]
    assert rows and where in (rows[0]["location_name"] or "") + (rows[0]["admin1"] or ""), \
        [(r["cameo_code"], r["location_name"], r["admin1"]) for r in rows]
    assert not_where not in (rows[0]["location_name"] or "")


@pytest.mark.parametrize("text, water_word", [
    ("Houthi rebels fired a missile at a cargo ship in the Red Sea on Tuesday.", "Red Sea"),
    ("Pirates seized a fishing vessel in the Gulf of Aden.", "Aden"),
    ("Iranian and Russian warships held drills in the Gulf of Oman.", "Oman"),
])
def test_a_sea_is_not_the_land_division_of_its_name(gaz, text, water_word):
    names = [name for name, _loc in resolved(text, gaz)]
    assert not any(water_word in (n or "") for n in names), names


@pytest.mark.parametrize("text, region", [
    ("Myanmar's military carried out air strikes on a village near the town of Kani in the Sagaing region on Monday.",
     "Sagaing"),
    ("Gunmen attacked the village of Kearny in Nigeria's Zamfara state, killing five people.", "Zamfara"),
    ("Jihadists raided the hamlet of Kani in Mali's Mopti region overnight.", "Mopti"),
])
def test_an_unknown_town_in_a_named_region_is_not_a_namesake_abroad(gaz, text, region):
    rows = [r for r in code_text(text, doc_date=date(2024, 4, 16)) if r["cameo_root"] in {"18", "19"}]
    assert rows and region in (rows[0]["admin1"] or ""), [(r["cameo_code"], r["location_name"], r["admin1"]) for r in rows]


def test_the_same_unknown_town_later_in_the_story_stays_in_its_region(gaz):
    text = ("Myanmar's military carried out air strikes near the town of Kani in the Sagaing region on Monday. "
            "On Sunday, fighters had overrun a police station in Kani and seized weapons.")
    rows = [r for r in code_text(text, doc_date=date(2024, 4, 16)) if r["sentence_index"] == 1]
    assert rows and all("Sagaing" in (r["admin1"] or "") for r in rows), [(r["cameo_code"], r["location_name"]) for r in rows]


def test_a_foreign_city_beside_a_home_region_is_still_the_city(gaz):
    rows = code_text("Ukrainian drones hit Moscow on Sunday, while Russian shelling hit the Kharkiv region.",
                     doc_date=date(2024, 4, 16))
    assert "Moscow" in {r["location_name"] for r in rows}, [(r["cameo_code"], r["location_name"]) for r in rows]


@pytest.mark.parametrize("text, city", [
    ("On 25 September 2022, several hundred people gathered in Makhachkala, Republic of Dagestan, to protest.", "Makhachkala"),
    ("On 24 April 2023, thousands marched in Brasília, Federal District, against the land bill.", "Brasília"),
    ("On 3 May 2024, police dispersed a rally in Lagos, Republic of Nigeria, with tear gas.", "Lagos"),
])
def test_a_big_city_outside_every_country_its_qualifier_could_name_is_the_place(gaz, text, city):
    rows = code_text(text, doc_date=date(2024, 5, 4))
    assert rows and rows[0]["location_name"] == city, [(r["cameo_code"], r["location_name"]) for r in rows]


@pytest.mark.parametrize("text, city", [
    ("On 24 December 2022, about 20 women gathered near Herat University to protest the ban.", "Herāt"),
    ("On 14 August 2023, militiamen clashed at Kandahar Airport after a commander was detained.", "Kandah"),
    ("On 3 March 2024, students rallied outside Kabul University against the ban.", "Kabul"),
])
def test_a_facility_named_after_its_town_is_at_that_town(gaz, text, city):
    rows = code_text(text, doc_date=date(2024, 5, 4))
    assert rows and city in (rows[0]["location_name"] or ""), [(r["cameo_code"], r["location_name"]) for r in rows]


@pytest.mark.parametrize("text, town", [
    ("On 8 February 2024, Fano militiamen and ENDF forces fought in and around Debre Markos, East Gojjam zone, Amhara region.",
     "Debre Mark"),
    ("On 2 March 2024, Fano fighters attacked a police station in Dessie, South Wollo zone, Amhara region.", "Dessie"),
])
def test_a_name_followed_by_a_named_division_is_a_place_not_a_person(gaz, text, town):
    rows = code_text(text, doc_date=date(2024, 5, 4))
    assert rows and town in (rows[0]["location_name"] or ""), [(r["cameo_code"], r["location_name"]) for r in rows]
