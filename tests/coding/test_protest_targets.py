"""Whom a protest is against, and who protests, when the sentence that tells it leaves it out.

- a protest noun's own clause names its target ('protests demanding that the president step down', 'rallies
  denouncing the junta');
- protests in a 'during' phrase of an arrest or a dispersal are not the police's: unnamed protesters of the place;
- a protest told later with no target is the story's protest, against whom it was before;
- 'Congress' named without a country is the legislature of the country where the event happens.

Sentences written for these tests (several phrasings, countries and actors), coded through the real spaCy model.
"""

from datetime import date

import pytest

from coding.coder import code_text

DOC_DATE = date(2025, 4, 2)


def rows_for(text: str, **fields):
    return code_text(text, doc_date=DOC_DATE, **fields)


def summary(rows):
    return [(r["trigger"], r["cameo_code"], r["actor1_code"], r["actor2_code"], r["modality"], r["rule_id"]) for r in rows]


def protests(rows):
    return [r for r in rows if r["cameo_root"] == "14"]


@pytest.mark.parametrize("text, target", [
    ("Police in Harare arrested dozens of people during protests demanding that President Emmerson Mnangagwa step down.",
     "ZWEGOV"),
    ("Thousands joined rallies in Bamako on Friday denouncing the junta.", "MLIGOV"),
    ("A march in Lima calling on Congress to resign ended peacefully on Saturday.", "PERLEG"),
])
def test_a_protest_nouns_own_clause_names_its_target(text, target):
    rows = protests(rows_for(text))
    assert rows and rows[0]["actor2_code"] == target, summary(rows_for(text))


@pytest.mark.parametrize("text, country", [
    ("Zimbabwean police arrested at least 95 people in Harare on Monday during protests over prices.", "ZWE"),
    ("Soldiers detained 40 students during a rally in Conakry on Friday.", "GIN"),
    ("Riot police fired tear gas at a demonstration in Nairobi's central business district.", "KEN"),
])
def test_protesters_in_a_repression_sentence_are_not_the_police(text, country):
    rows = protests(rows_for(text))
    assert rows and rows[0]["actor1_sector"] not in {"COP", "MIL"}, summary(rows_for(text))
    assert rows[0]["actor1_country"] in {country, None}, summary(rows_for(text))


@pytest.mark.parametrize("text, target", [
    ("Teachers in Sulaymaniyah protested against the regional government on Monday over unpaid salaries. On Tuesday "
     "several thousand teachers marched through the city centre.", "IRQGOV"),
    ("Farmers in Lima protested on Monday against Congress over a new water law. Hundreds more gathered in the "
     "city's main square on Tuesday.", "PERLEG"),
    ("Thousands of Georgians rallied in Tbilisi against the government's decision to suspend EU talks. Students "
     "demonstrated outside the university the next day.", "GEOGOV"),
])
def test_a_protest_told_again_without_a_target_keeps_the_storys_target(text, target):
    rows = protests(rows_for(text))
    assert len(rows) >= 2 and {r["actor2_code"] for r in rows} == {target}, summary(rows_for(text))


@pytest.mark.parametrize("text, dateline, target", [
    ("Protesters gathered outside Congress in Buenos Aires on Wednesday.", None, "ARGLEG"),
    ("Hundreds of nurses marched to Congress on Tuesday to demand higher pay.", "Lima", "PERLEG"),
    ("Veterans rallied outside Congress on Monday to demand better care.", "Washington", "USALEG"),
])
def test_congress_without_a_country_is_the_legislature_where_it_happens(text, dateline, target):
    rows = protests(rows_for(text, dateline_place=dateline))
    assert rows and rows[0]["actor2_code"] == target, summary(rows_for(text, dateline_place=dateline))
    assert all(r["location_name"] != "Congress" for r in rows), summary(rows)


@pytest.mark.parametrize("text, target", [
    ("Djibouti's foreign minister accused neighbouring Eritrea of arming the rebels.", "ERI"),
    ("Kinshasa accused neighbouring Rwanda of backing the M23 on Tuesday.", "RWA"),
    ("Sudan's army chief blamed neighbouring Chad for the attack.", "TCD"),
])
def test_a_neighbouring_country_accused_is_the_target(text, target):
    rows = [r for r in rows_for(text) if r["cameo_root"] == "11"]
    assert rows and rows[0]["actor2_country"] == target, summary(rows_for(text))


@pytest.mark.parametrize("text, target", [
    ("In Ocana, hundreds of farmers marched to demand that the armed groups respect a humanitarian corridor.", "COLREB"),
    ("In Tillaberi, relatives of the victims marched on Monday to demand better protection from the army.", "NERMIL"),
    ("In Sulaymaniyah, thousands of teachers marched on Tuesday to protest against months of unpaid salaries.", "IRQGOV"),
    ("About 2,000 coca growers blocked the main highway near Kimbiri on Tuesday to protest against forced eradication.",
     "PERGOV"),
])
def test_a_protests_purpose_names_its_target_else_the_state_where_it_happens(text, target):
    rows = protests(rows_for(text))
    assert rows and rows[0]["actor2_code"] == target, summary(rows_for(text))


@pytest.mark.parametrize("text", [
    "Thousands marched in Kyiv on Monday to mark the anniversary of the invasion.",
    "Supporters rallied in Abuja in support of the president on Saturday.",
    "Hundreds of students marched through Dhaka on Sunday.",
])
def test_a_protest_with_no_demand_gets_no_target_of_its_own(text):
    rows = protests(rows_for(text))
    assert rows and all(r["actor2_sector"] != "GOV" or r["actor2_name"] for r in rows), summary(rows_for(text))


def test_a_region_after_a_comma_is_no_object_of_protest():
    rows = protests(rows_for("On 5 December 2024, around 300 teachers protested outside the Ministry of Education in "
                             "Tegucigalpa, Francisco Morazán department, demanding payment of salary arrears."))
    assert rows and rows[0]["cameo_code"] == "141" and rows[0]["location_name"] == "Tegucigalpa", summary(rows)
