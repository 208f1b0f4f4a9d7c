"""Requests whose content is an action, what drones drop, and who is seized.

- 'asked X to do Y' is an appeal to X (PETRARCH's 'ask'); the asked-for action in its clause does not hide it,
  nor does a noun after a comma that sums the clause up ('..., a request Caracas did not answer');
- explosives, grenades and munitions dropped on a place are an air or drone strike (195);
- seizing people is an abduction by armed men and an arrest by the state's forces; seizing things stays a seizure.

Sentences written for these tests (several phrasings, countries and actors), coded through the real spaCy model.
"""

from datetime import date

import pytest

from coding.coder import code_text

DOC_DATE = date(2025, 4, 24)


def rows_for(text: str, **fields):
    return code_text(text, doc_date=DOC_DATE, **fields)


def summary(rows):
    return [(r["trigger"], r["cameo_code"], r["actor1_code"], r["actor2_code"], r["modality"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text, source, target", [
    ("Kenya asked Somalia to hand over the suspects.", "KEN", "SOM"),
    ("Colombia's foreign ministry asked Venezuela's government to stop armed groups crossing the border, a request "
     "Caracas did not answer.", "COLGOV", "VENGOV"),
    ("Mali's junta asked Algeria to expel the rebel leaders on Tuesday.", "MLIGOV", "DZA"),
])
def test_asking_someone_to_act_is_an_appeal_to_them(text, source, target):
    rows = [r for r in rows_for(text) if r["cameo_root"] == "02"]
    assert rows and rows[0]["actor1_code"] == source and rows[0]["actor2_code"].startswith(target), summary(rows_for(text))


@pytest.mark.parametrize("text", [
    "A drone dropped explosives on a police station in Saravena late on Wednesday.",
    "Rebel drones dropped grenades on an army base in Sagaing region on Monday.",
    "Ukrainian drones dropped munitions on a Russian column near Kupiansk.",
])
def test_explosives_dropped_on_a_place_are_an_air_strike(text):
    rows = rows_for(text)
    assert any(r["cameo_code"] == "195" for r in rows), summary(rows)


@pytest.mark.parametrize("text, code, target_sector", [
    ("The bodies of four men were found near Tame on Thursday, a day after they were seized from their homes by "
     "fighters of the ELN.", "181", "CVL"),
    ("Gunmen seized two aid workers near Ngala on Monday.", "181", None),
    ("Police in Harare seized the opposition spokesman at his home on Friday.", "173", "OPP"),
])
def test_seizing_people_is_an_abduction_or_an_arrest(text, code, target_sector):
    rows = [r for r in rows_for(text) if r["cameo_code"] == code]
    assert rows and (target_sector is None or rows[0]["actor2_sector"] == target_sector), summary(rows_for(text))


@pytest.mark.parametrize("text", [
    "Soldiers seized weapons and a truck near Gao.",
    "Rebels looted the presidential palace in Damascus on Sunday.",
])
def test_seizing_things_or_a_building_stays_a_seizure(text):
    rows = rows_for(text)
    assert rows and not any(r["cameo_code"] in {"181", "173"} for r in rows), summary(rows)


@pytest.mark.parametrize("text, dateline, source, target", [
    ("Air force planes struck the fighters' positions north of Ayorou later on Monday.", "Niamey", "NERMIL", "NERREB"),
    ("Army helicopters fired on the rebels near Kidal on Sunday.", "Bamako", "MLIMIL", "MLIREB"),
    ("Police drones struck a gang hideout in Port-au-Prince overnight.", None, "HTICOP", "HTICRM"),
])
def test_a_weapon_as_the_subject_belongs_to_the_force_its_modifier_names(text, dateline, source, target):
    rows = [r for r in rows_for(text, dateline_place=dateline) if r["cameo_root"] == "19"]
    assert rows and (rows[0]["actor1_code"], rows[0]["actor2_code"]) == (source, target), summary(rows_for(text))


def test_vehicles_moving_are_still_no_advance():
    assert not rows_for("Trucks carrying aid entered Gaza on Sunday.")


@pytest.mark.parametrize("text", [
    "Joint forces arrested 17 people in raids on villages near Ruma on Wednesday.",
    "Security forces detained two suspects during a raid on a rubber plantation in Rangae district on Friday.",
    "Police arrested four men in house-to-house searches in Beledweyne on Tuesday night.",
])
def test_a_raid_that_an_arrest_was_made_in_is_the_arrest(text):
    rows = rows_for(text)
    assert [r["cameo_code"] for r in rows] == ["173"], summary(rows)


def test_a_raid_that_kills_is_still_an_attack():
    rows = rows_for("Soldiers killed five militants in a raid near Kidal on Monday.")
    assert any(r["cameo_root"] in {"18", "19"} for r in rows), summary(rows)
