"""What a sentence frames around an event is not a second event: the noun that names the killing's kind,
the subject of talks, a speaker's judgment, a text in force, the campaign an act belongs to.

Sentences written for these tests (several phrasings, countries and actors), coded through the real
spaCy model.
"""

from datetime import date

import pytest

from coding.coder import code_text

DOC_DATE = date(2024, 3, 12)


def rows_for(text: str, **fields):
    return code_text(text, doc_date=DOC_DATE, **fields)


def brief(rows):
    return [(r["cameo_code"], r["actor1_code"], r["actor2_code"], r["fatalities"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text, root, victims, deaths", [
    ("Israeli air strikes killed at least 14 people in Rafah overnight, health officials said.", "19", "PSE", 14),
    ("Russian drone strikes killed three civilians in Kherson on Monday.", "19", "UKR", 3),
    ("Gang members killed 46 inmates in a riot at a prison near Tegucigalpa on Tuesday.", "14", "HND", 46),
    ("Jihadists killed 20 soldiers in an ambush near Djibo.", "19", "BFA", 20),
])
def test_a_killing_told_with_its_kind_is_one_event(text, root, victims, deaths):
    rows = rows_for(text)
    violent = [r for r in rows if r["cameo_root"] in {"14", "18", "19", "20"}]
    assert len(violent) == 1, brief(rows)
    assert violent[0]["cameo_root"] == root and violent[0]["actor2_country"] == victims, brief(rows)
    assert violent[0]["fatalities"] == deaths, brief(rows)


def test_a_killing_without_a_kind_is_still_coded():
    rows = rows_for("Gunmen killed five farmers near Jos on Sunday.")
    assert [r["cameo_code"] for r in rows] == ["180"] and rows[0]["fatalities"] == 5, brief(rows)


@pytest.mark.parametrize("text", [
    "Egypt hosted a Hamas delegation in Cairo for talks on a new truce.",
    "Qatar held negotiations over a prisoner exchange with Israeli and Hamas officials in Doha.",
    "Turkey will host a meeting on a ceasefire between Russia and Ukraine in Istanbul.",
])
def test_the_subject_of_talks_is_no_event(text):
    rows = rows_for(text)
    assert not [r for r in rows if r["cameo_root"] == "08"], brief(rows)
    assert rows, "the talks themselves are coded"


@pytest.mark.parametrize("text", [
    "Gang members killed 46 women at a prison on Tuesday, in what the president called a monstrous massacre.",
    "Kyiv called the strike a war crime.",
    "The opposition condemned the arrests as an attack on democracy.",
    "Amnesty described the raid as a massacre of civilians.",
])
def test_what_a_speaker_calls_an_event_is_a_judgment(text):
    rows = rows_for(text)
    assert not [r for r in rows if r["cameo_code"] in {"202", "143", "180"} and "noun" in r["rule_id"]], brief(rows)
    assert not [r for r in rows if r["rule_id"].startswith("protest.boycott")], brief(rows)


def test_calling_a_strike_is_still_a_strike():
    rows = rows_for("Unions called a general strike for Monday in Buenos Aires.")
    assert any(r["cameo_root"] == "14" for r in rows), brief(rows)


@pytest.mark.parametrize("text", [
    "U.N. Security Council resolutions ban North Korea from developing ballistic missiles.",
    "The constitution bars the president from seeking a third term.",
    "The treaty prohibits both sides from deploying missiles near the border.",
    "The new law bans protests near parliament.",
])
def test_a_text_in_force_is_no_event(text):
    assert rows_for(text) == []


def test_a_ban_imposed_is_an_event():
    rows = rows_for("Parliament banned protests near its building in Tbilisi on Monday.")
    assert any(r["cameo_root"] == "17" for r in rows), brief(rows)


@pytest.mark.parametrize("text", [
    "Rebels attacked an army base near Goma as part of an offensive.",
    "Troops shelled the village as part of a new offensive against the militants.",
])
def test_the_campaign_an_act_belongs_to_is_no_second_event(text):
    rows = rows_for(text)
    assert len([r for r in rows if r["cameo_root"] in {"18", "19"}]) == 1, brief(rows)


@pytest.mark.parametrize("text, source", [
    ("North Korea fired a ballistic missile into the sea off its east coast on Thursday.", "PRK"),
    ("Iran launched two cruise missiles into the waters of the Gulf during a drill.", "IRN"),
    ("Pakistan fired a missile over the Arabian Sea on Monday.", "PAK"),
])
def test_weapons_fired_into_water_show_force(text, source):
    rows = rows_for(text)
    assert [(r["cameo_code"], r["actor1_country"], r["actor2_code"]) for r in rows] == [("150", source, None)], brief(rows)


def test_weapons_fired_at_a_place_still_attack():
    rows = rows_for("Russia fired missiles at Kyiv on Thursday.")
    assert [(r["cameo_root"], r["actor2_country"]) for r in rows] == [("19", "UKR")], brief(rows)


@pytest.mark.parametrize("text, sources", [
    ("The United States, South Korea and Japan held a joint air exercise on Wednesday.", {"USA", "KOR", "JPN"}),
    ("India and France conducted a joint military exercise in Rajasthan.", {"IND", "FRA"}),
    ("China and Russia staged naval drills in the Sea of Japan on Monday.", {"CHN", "RUS"}),
])
def test_joint_exercises_are_military_cooperation(text, sources):
    rows = rows_for(text)
    assert {r["actor1_country"] for r in rows if r["cameo_code"] == "062"} == sources, brief(rows)
    assert "JPN" not in {r["actor2_country"] for r in rows} or "JPN" in sources, brief(rows)


@pytest.mark.parametrize("text, source", [
    ("South Korean President Yoon Suk Yeol ordered the military to strengthen its readiness.", "KOR"),
    ("The Indian army stepped up its readiness along the border.", "IND"),
    ("Taiwan's defence ministry heightened the readiness of its forces on Monday.", "TWN"),
])
def test_readiness_is_an_alert(text, source):
    rows = rows_for(text)
    assert any(r["cameo_code"] == "152" and r["actor1_country"] == source for r in rows), brief(rows)


@pytest.mark.parametrize("text, source, target", [
    ("Israel struck Gaza on Monday.", "ISR", "PSE"),
    ("Russian forces struck Kharkiv overnight.", "RUS", "UKR"),
    ("Turkish jets hit Kurdish militants in northern Iraq.", "TUR", None),
])
def test_striking_a_named_place(text, source, target):
    rows = rows_for(text)
    assert any(r["cameo_root"] == "19" and r["actor1_country"] == source and (target is None or r["actor2_country"] == target)
               for r in rows), brief(rows)


@pytest.mark.parametrize("text", [
    "Inflation hit Argentina hard last year.",
    "The earthquake struck Turkey on Monday.",
])
def test_a_place_hit_by_no_actor_is_no_attack(text):
    assert not [r for r in rows_for(text) if r["cameo_root"] in {"18", "19"}]
