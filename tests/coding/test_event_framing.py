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


@pytest.mark.parametrize("text, deaths", [
    ("Two people were killed and dozens injured in Kathmandu on Friday when police opened fire on royalist protesters.", 2),
    ("Three civilians were killed when militants attacked a bus near Gao.", 3),
    ("Police fired live rounds at demonstrators in Nairobi, and four people were killed, witnesses said.", 4),
])
def test_a_killing_without_a_killer_beside_a_named_act_is_its_toll(text, deaths):
    rows = rows_for(text)
    violent = [r for r in rows if r["cameo_code"].startswith(("145", "175", "18", "19", "20"))]
    assert len(violent) == 1 and violent[0]["actor1_code"], brief(rows)
    assert violent[0]["fatalities"] == deaths, brief(rows)


def test_a_killing_beside_an_arrest_stays_its_own_event():
    rows = rows_for("Five people were killed in Kano and police arrested 20 suspects.")
    assert {r["cameo_root"] for r in rows} == {"18", "17"}, brief(rows)


@pytest.mark.parametrize("text, first, second", [
    ("Armenian and Azerbaijani troops exchanged fire on the border on Monday.", "ARM", "AZE"),
    ("Indian and Pakistani troops clashed in Kashmir.", "IND", "PAK"),
    ("Kyrgyz and Tajik border guards clashed along the frontier.", "KGZ", "TJK"),
])
def test_conjoined_nationalities_on_one_noun_are_two_sides(text, first, second):
    pairs = {(r["actor1_country"], r["actor2_country"]) for r in rows_for(text) if r["cameo_root"] == "19"}
    assert pairs == {(first, second), (second, first)}, pairs


@pytest.mark.parametrize("text, sides", [
    ("Armenian and Azerbaijani troops exchanged fire on the border on Monday. Both sides accused each other of starting it.",
     {"ARM", "AZE"}),
    ("Indian and Pakistani troops clashed in Kashmir. The two countries agreed to a ceasefire on Saturday.", {"IND", "PAK"}),
    ("Ethiopia and Eritrea fought a war in 1998. The two countries signed a peace deal in Riyadh on Sunday.", {"ETH", "ERI"}),
])
def test_the_two_countries_are_the_story_s_two_sides(text, sides):
    rows = [r for r in rows_for(text) if r["sentence_index"] == 1]
    assert rows and {rows[0]["actor1_country"], rows[0]["actor2_country"]} == sides, brief(rows)


@pytest.mark.parametrize("text, source, deaths", [
    ("Turkish warplanes struck militant bases in northern Syria on Sunday. The strikes killed 11 civilians and a journalist "
     "near Kobani, a monitor said.", "TUR", 12),
    ("Russian forces shelled Kherson on Monday. The attack killed three people, officials said.", "RUS", 3),
    ("Al-Shabaab fighters attacked a base in Lower Shabelle. The assault killed nine soldiers.", "SOM", 9),
])
def test_a_told_attack_that_kills_is_its_side_s(text, source, deaths):
    """The toll is the told attack's (folded into it) or, at another place, a killing by the same side."""
    rows = [r for r in rows_for(text) if r["cameo_root"] in {"18", "19"} and r["fatalities"] == deaths]
    assert rows and all(r["actor1_country"] == source for r in rows), brief(rows_for(text))


@pytest.mark.parametrize("text, deaths", [
    ("The strikes killed 11 civilians and a journalist near Kobani.", 12),
    ("Gunmen shot dead two soldiers and a police officer in Bauchi.", 3),
    ("The attack killed three police officers, two soldiers and a child.", 6),
])
def test_conjoined_victims_after_the_verb_add_up(text, deaths):
    from coding.fatalities import fatalities_in

    assert fatalities_in(text)[0] == deaths


@pytest.mark.parametrize("text", [
    "President Andry Rajoelina dismissed the energy minister on Friday.",
    "The junta dismissed the army chief of staff on Monday.",
    "The governor dismissed three officials over the scandal.",
])
def test_dismissing_an_official_is_no_rejection(text):
    assert not [r for r in rows_for(text) if r["cameo_root"] == "12"]


def test_dismissing_a_proposal_is_a_rejection():
    assert any(r["cameo_root"] == "12" for r in rows_for("Israel dismissed the proposal as unrealistic."))


@pytest.mark.parametrize("text", [
    "Tens of thousands demanded accountability for the collapse of a railway station canopy that killed 15 people.",
    "A bridge collapse killed 12 people in Mumbai.",
    "The collapse of a gold mine killed 30 miners in Kayes.",
])
def test_a_collapse_is_an_accident(text):
    assert not [r for r in rows_for(text) if r["cameo_root"] in {"18", "19", "20"}]


@pytest.mark.parametrize("text", [
    "Several people were injured when supporters of the president threw objects at the marchers.",
    "Fans hurled chairs at police after the match in Cairo.",
    "Ruling party supporters threw stones at opposition marchers in Tbilisi.",
])
def test_throwing_things_at_people_is_violence(text):
    assert any(r["cameo_code"] == "145" for r in rows_for(text))


def test_security_forces_some_in_plain_clothes_are_the_forces():
    rows = rows_for("Security forces, some in plain clothes, beat demonstrators with batons in Lome, witnesses said.")
    assert [(r["cameo_root"], r["actor1_code"]) for r in rows] == [("17", "TGOCOP")], brief(rows)


@pytest.mark.parametrize("text, source, target", [
    ("Moldova ordered 45 Russian diplomats and embassy staff to leave the country on Wednesday.", "MDA", "RUS"),
    ("Niger's junta ordered the French ambassador to leave within 48 hours.", "NER", "FRA"),
    ("Burkina Faso ordered two French diplomats to leave the country within 48 hours.", "BFA", "FRA"),
])
def test_ordering_foreigners_out_is_an_expulsion(text, source, target):
    rows = rows_for(text)
    assert [(r["cameo_code"], r["actor1_country"], r["actor2_country"]) for r in rows if r["cameo_root"] in {"10", "16"}] \
        == [("1663", source, target)], brief(rows)


def test_ordering_one_s_own_army_out_is_no_expulsion():
    assert not [r for r in rows_for("The president ordered the army to leave the capital.") if r["cameo_root"] == "16"]


@pytest.mark.parametrize("text, source, target", [
    ("Mutinous army officers in Gabon said they had placed President Ali Bongo under house arrest.", "GAB", "GAB"),
    ("Police in Dhaka placed the opposition leader under house arrest on Monday.", "BGD", "BGD"),
    ("Soldiers in Conakry put the former prime minister under house arrest.", "GIN", "GIN"),
])
def test_placed_under_arrest_is_an_arrest_of_the_object(text, source, target):
    rows = [r for r in rows_for(text) if r["cameo_code"] == "173"]
    assert rows and rows[0]["actor2_country"] == target and rows[0]["actor1_sector"] in {"MIL", "COP"}, rows


@pytest.mark.parametrize("text, deaths", [
    ("Iran publicly hanged a man on Monday who was convicted of killing two members of the security forces.", 1),
    ("Saudi Arabia hanged two Pakistani drug smugglers in Riyadh.", 2),
    ("Two protesters were hanged in Karaj on Saturday, the judiciary said.", 2),
])
def test_hanging_people_is_a_killing(text, deaths):
    rows = [r for r in rows_for(text) if r["cameo_root"] == "18"]
    assert rows and rows[0]["fatalities"] == deaths, brief(rows_for(text))


def test_hanging_banners_is_no_killing():
    assert not rows_for("Protesters hung banners on the bridge in Belgrade.")


@pytest.mark.parametrize("text", [
    "Police cleared a blockade on the highway near Totonicapan, using tear gas.",
    "Riot police dismantled a protest camp outside parliament in Tbilisi.",
    "Soldiers removed barricades set up by farmers near La Paz.",
])
def test_clearing_a_blockade_represses_its_protesters(text):
    rows = rows_for(text)
    assert any(r["cameo_code"] == "175" and r["actor2_country"] for r in rows), brief(rows)
    assert not any(r["cameo_code"].startswith("191") for r in rows), brief(rows)


@pytest.mark.parametrize("text", [
    "Jordan's air force shot down dozens of Iranian drones that entered its airspace overnight.",
    "Two Russian missiles crossed into Polish airspace on Wednesday.",
])
def test_weapons_crossing_into_airspace_take_no_territory(text):
    assert not [r for r in rows_for(text) if r["cameo_code"] == "192"], brief(rows_for(text))


def test_troops_entering_a_town_still_take_it():
    assert any(r["cameo_code"] == "192" for r in rows_for("Russian troops entered the town of Kupiansk on Monday."))


@pytest.mark.parametrize("text, target", [
    ("The African Union's Peace and Security Council suspended Gabon's membership on Thursday.", "GAB"),
    ("ECOWAS suspended Niger's membership after the coup.", "NER"),
])
def test_suspending_a_member_reduces_relations(text, target):
    rows = rows_for(text)
    assert any(r["cameo_root"] == "16" and r["actor2_country"] == target for r in rows), brief(rows)


@pytest.mark.parametrize("text, target", [
    ("The United States imposed visa restrictions on 100 Guatemalan lawmakers it accused of undermining democracy.", "GTM"),
    ("Ukraine sanctioned dozens of Russian officials it blamed for deportations of children.", "RUS"),
])
def test_the_noun_a_relative_clause_describes_is_its_object(text, target):
    rows = [r for r in rows_for(text) if r["cameo_root"] == "11"]
    assert rows and rows[0]["actor2_country"] == target, brief(rows_for(text))


@pytest.mark.parametrize("text", [
    "Separatists attacked a village in the Northwest region on Sunday. Fighting in the English-speaking regions has killed "
    "more than 6,000 people since 2017, according to the International Crisis Group.",
    "Gunmen attacked a bus near Gao on Monday. The conflict has killed thousands of civilians since 2012.",
])
def test_a_conflict_s_running_total_is_no_event(text):
    rows = rows_for(text)
    assert [r["sentence_index"] for r in rows if r["cameo_root"] in {"18", "19"}] == [0], brief(rows)


@pytest.mark.parametrize("text", [
    "Protesters tore down a statue of the late President Hugo Chavez in the town of Coro.",
    "Crowds toppled a monument to the former dictator in Tirana.",
    "Students defaced a statue of the colonial governor in Cape Town.",
])
def test_crowds_pulling_down_statues_riot(text):
    assert any(r["cameo_code"] == "145" for r in rows_for(text)), brief(rows_for(text))


@pytest.mark.parametrize("text", [
    "Turkey called for an end to the attacks on civilians in Aleppo.",
    "The UN demanded a halt to the shelling of Kharkiv.",
    "Egypt urged a cessation of the fighting in Khartoum.",
])
def test_what_an_appeal_asks_to_end_is_no_new_event(text):
    assert not [r for r in rows_for(text) if r["cameo_root"] in {"18", "19"}], brief(rows_for(text))


@pytest.mark.parametrize("text", [
    "Russian warplanes struck rebel positions near Aleppo to support Syrian government forces.",
    "Iranian drones attacked Kurdish bases in Iraq to help allied militias.",
])
def test_the_aim_of_a_strike_is_no_cooperation_event(text):
    rows = rows_for(text)
    assert rows and not [r for r in rows if r["cameo_root"] in {"03", "04", "05", "06", "07"}], brief(rows)


@pytest.mark.parametrize("text", [
    "The victims were members of a clan travelling to attack a rival clan near Wabag.",
    "Fighters heading to raid a village were stopped by the army near Djibo.",
])
def test_where_people_were_going_to_attack_is_no_attack(text):
    assert not [r for r in rows_for(text) if r["cameo_code"] in {"180", "190"} and "attack" in r["trigger"].lower()
                or r["trigger"].lower().startswith("raid")], brief(rows_for(text))


@pytest.mark.parametrize("text, speaker, target", [
    ("Russian missiles hit a hospital in Kharkiv on Monday. Kyiv called the strike a war crime.", "UKR", "RUS"),
    ("Israeli jets bombed a school in Gaza on Sunday. Hamas branded the attack a massacre.", "PSE", "ISR"),
    ("Chinese coast guard ships rammed a Philippine vessel. Manila called the incident a provocation.", "PHL", "CHN"),
])
def test_calling_an_act_a_crime_denounces_its_actor(text, speaker, target):
    rows = [r for r in rows_for(text) if r["sentence_index"] == 1]
    assert [(r["cameo_root"], r["actor1_country"], r["actor2_country"]) for r in rows] == [("11", speaker, target)], brief(rows)


@pytest.mark.parametrize("text, source", [
    ("The U.S. Africa Command said an air strike it conducted on Sunday near Kismayo had killed three al Shabaab fighters.",
     "USA"),
    ("Nigeria's air force said a raid that it carried out near Lake Chad killed 20 insurgents.", "NGA"),
])
def test_whose_strike_a_relative_clause_says(text, source):
    rows = [r for r in rows_for(text) if r["cameo_root"] == "19"]
    assert rows and rows[0]["actor1_country"] == source, brief(rows_for(text))


@pytest.mark.parametrize("text, country", [
    ("A car bomb exploded at the gate of a military base near Afgoye on Tuesday.", "SOM"),
    ("Gunmen opened fire at an army checkpoint outside Maiduguri.", "NGA"),
])
def test_an_attack_at_a_military_site_hits_the_forces_where_it_is(text, country):
    rows = [r for r in rows_for(text) if r["cameo_root"] in {"18", "19"}]
    assert rows and (rows[0]["actor2_country"], rows[0]["actor2_sector"]) == (country, "MIL"), brief(rows_for(text))


@pytest.mark.parametrize("text", [
    "Somali special forces raided an al Shabaab hideout near Beledweyne, killing 17 militants.",
    "Nigerian troops attacked a Boko Haram camp in the Sambisa forest.",
    "Malian soldiers assaulted a jihadist base near Menaka.",
])
def test_a_state_s_forces_attacking_an_armed_group_use_conventional_force(text):
    rows = [r for r in rows_for(text) if r["cameo_root"] in {"18", "19"}]
    assert rows and rows[0]["cameo_root"] == "19", brief(rows)


def test_an_armed_group_attacking_soldiers_is_still_an_assault():
    rows = [r for r in rows_for("Jihadists attacked an army post near Djibo.") if r["cameo_root"] in {"18", "19"}]
    assert rows and rows[0]["cameo_code"] == "180", brief(rows)
