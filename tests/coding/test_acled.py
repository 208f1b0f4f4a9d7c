"""The ACLED view of coded events: one sentence (written for these tests) per sub-event type.

Each sentence's answer is its most confident row, as in the case2021 scoring.
"""

import datetime as dt

import pytest

from coding.acled.view import DISORDER, DISORDER_BY_SUB
from coding.coder import code_text
from coding.tables import acled_type_pairs

SENTENCES = {
    "Armed clash": "Government troops clashed with rebels near the town of Kismayo on Tuesday.",
    "Government regains territory": "Nigerian troops recaptured the town of Damboa from Boko Haram fighters on Sunday.",
    "Non-state actor overtakes territory": "Al-Shabaab militants captured the town of Bulo Burde after government forces fled.",
    "Chemical weapon": "Government helicopters dropped barrels of chlorine gas on the village, residents said.",
    "Air/drone strike": "Turkish warplanes carried out air strikes on PKK positions in northern Iraq.",
    "Suicide bomb": "A suicide bomber blew himself up at a checkpoint in Kabul, killing four people.",
    "Shelling/artillery/missile attack": "Rebels fired dozens of rockets at the city overnight.",
    "Remote explosive/landmine/IED": "A roadside bomb exploded under a minibus near Mogadishu on Monday.",
    "Grenade": "Unknown assailants hurled a grenade into a crowded bar, wounding eight people.",
    "Sexual violence": "Soldiers raped two women in the village, a local rights group said.",
    "Attack": "Gunmen killed five villagers in an attack on their farm on Friday.",
    "Abduction/forced disappearance": "Gunmen kidnapped 12 students from a school in Zamfara state.",
    "Peaceful protest": "Thousands of teachers marched peacefully through the capital to demand higher wages.",
    "Protest with intervention": "Police used tear gas to disperse hundreds of protesters who rallied in Nairobi.",
    "Excessive force against protesters": "Security forces opened fire on protesters in Khartoum, killing three of them.",
    "Violent demonstration": "Protesters rioted in Lagos, throwing stones at police and setting fire to tyres.",
    "Mob violence": "An angry mob attacked two men accused of theft in the market.",
    "Agreement": "The government and the rebels signed a ceasefire agreement in Addis Ababa on Monday.",
    "Arrests": "Police arrested the opposition leader at his home on Thursday.",
    "Change to group/activity": "Hundreds of fighters defected to the government side on Saturday.",
    "Disrupted weapons use": "Soldiers defused a bomb planted near the market, the army said.",
    "Headquarters or base established": "Turkish forces established a new military base near the border town on Monday.",
    "Looting/property destruction": "Militants looted shops and torched houses in the village.",
    "Non-violent transfer of territory": "Rebels entered the town without a fight after the army withdrew from it.",
}


def top(rows):
    assert rows, "no row coded"
    return max(rows, key=lambda r: r["confidence"])


@pytest.mark.parametrize("sub_event, sentence", sorted(SENTENCES.items()))
def test_sub_event_type_of_the_top_row(sub_event, sentence):
    rows = code_text(sentence)
    best = top(rows)
    assert best["acled_sub_event_type"] == sub_event, [(r["trigger"], r["acled_sub_event_type"], r["rule_id"]) for r in rows]
    assert (best["acled_event_type"], sub_event) in acled_type_pairs()
    assert best["disorder_type"] == DISORDER_BY_SUB.get(sub_event, DISORDER[best["acled_event_type"]])


def test_other_is_the_one_type_left_to_the_analyst():
    """'Other' has no rule: nothing in the coder produces it, and every other type has a sentence above."""
    subs = {sub for _etype, sub in acled_type_pairs()}
    assert subs - set(SENTENCES) == {"Other"}


@pytest.mark.parametrize(
    "sentence",
    ["Russia's foreign minister spoke by phone with his Chinese counterpart on Monday.",
     "The president condemned the decision in a statement."],
)
def test_no_acled_type_for_calls_and_statements(sentence):
    rows = code_text(sentence)
    assert rows and all(r["acled_sub_event_type"] is None and r["disorder_type"] is None and r["inter1"] is None for r in rows)


def test_threats_and_plans_are_not_acled_events():
    rows = code_text("The army threatened to shell the rebel-held town.")
    assert all(r["acled_sub_event_type"] is None for r in rows)


def test_cue_ids_are_cited_in_the_rule_id():
    rows = code_text("Police used tear gas to disperse hundreds of protesters who rallied in Nairobi.")
    assert any("+acled.protest.intervention" in r["rule_id"] for r in rows)


def test_attack_on_soldiers_is_an_armed_clash():
    best = top(code_text("Militants attacked an army checkpoint in the north on Sunday."))
    assert best["acled_sub_event_type"] == "Armed clash"


def test_foreign_forces_taking_territory_overtake_it():
    """ACLED: a foreign state's forces taking ground code as 'Non-state actor overtakes territory'."""
    rows = code_text("Russian troops captured the Ukrainian town of Lyman.")
    assert "Non-state actor overtakes territory" in {r["acled_sub_event_type"] for r in rows}


def test_seized_weapons_are_disrupted_weapons_use():
    best = top(code_text("Police seized rifles and ammunition during a raid on a house in the city."))
    assert best["acled_sub_event_type"] == "Disrupted weapons use"


def test_arrests_at_a_protest_are_an_intervention():
    rows = code_text("Police arrested dozens of demonstrators during a rally in Minsk on Sunday.", doc_date=dt.date(2020, 9, 6))
    assert "Protest with intervention" in {r["acled_sub_event_type"] for r in rows}


def test_seed_story_keeps_its_acled_types_and_fatalities(tmp_path):
    """The seed's shelling, fighting and territory rows carry the gold ACLED types; its death counts (1 and 2) hold."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from coding.coder import code_documents
    from coding.evaluation import evaluate
    from coding.ingest import read_documents
    from tests.conftest import SEED_GOLD, SEED_STORY

    rows = list(code_documents(read_documents([SEED_STORY])))
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "seed.parquet")
    summary = evaluate(SEED_GOLD, tmp_path / "seed.parquet")["summary"]
    assert summary["acled_accuracy"] == 1.0 and summary["fatalities_accuracy"] == 1.0, summary


def _type(text: str) -> str | None:
    rows = [r for r in code_text(text) if r["acled_event_type"] and r["modality"] == "asserted"]
    assert rows, text
    return rows[0]["acled_event_type"]


@pytest.mark.parametrize("text", [
    "Around 20 October 2021, troops repelled a Boko Haram attack on Gwoza town, killing 11 insurgents.",
    "On 3 May 2023, an al Shabaab attack on an SNA base in Hiraan was repulsed by the army.",
    "On 9 June 2022, FAMa soldiers fought off an attack by JNIM militants on their post near Boni.",
])
def test_a_repelled_attack_is_an_armed_clash(text):
    assert _type(text) == "Battles"


@pytest.mark.parametrize("text", [
    "On 14 January 2022, armed bandits stormed Kurebe village in Shiroro LGA, killing nine residents.",
    "On 5 March 2023, ADF rebels ambushed villagers on the road to Oicha, killing 7 of them.",
    "On 2 June 2021, Fulani militia raided a farming community in Mangu, killing 12 villagers.",
])
def test_an_armed_group_killing_villagers_is_violence_against_civilians_not_a_riot(text):
    assert _type(text) == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "On 22 September 2020, unidentified gunmen riding in tandem shot dead a barangay captain in Himamaylan City.",
    "On 4 April 2022, gunmen gunned down a local councillor in Culiacan.",
    "On 1 July 2023, unknown assailants shot and killed a journalist in Kismayo.",
])
def test_a_person_shot_dead_by_gunmen_is_violence_against_civilians(text):
    assert _type(text) == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "Around 8 April 2021, gunmen killed a rural workers' leader and his son in Anapu.",
    "On 3 March 2022, suspected militants killed a district governor in Ghazni.",
    "On 12 May 2023, bandits murdered a traditional ruler in Zamfara state.",
])
def test_violence_on_unarmed_officials_is_violence_against_civilians(text):
    assert _type(text) == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "On 24 February 2024, Russian forces attacked Ukrainian positions in the direction of Orikhiv.",
    "On 2 March 2023, Ukrainian forces attacked a Russian convoy near Tokmak.",
    "On 5 April 2022, Russian troops attacked Ukrainian trenches near Izium.",
])
def test_an_attack_on_a_countrys_military_positions_is_a_battle(text):
    assert _type(text) == "Battles"


@pytest.mark.parametrize("text", [
    "On 4 August 2020, residents of Las Heras set fire to a police station after a young man died in custody.",
    "On 9 May 2021, youths burned a police post in Owerri after a shooting.",
    "On 2 July 2022, angry villagers torched the house of a suspected kidnapper in Bokkos.",
])
def test_residents_destroying_property_riot(text):
    assert _type(text) == "Riots"


@pytest.mark.parametrize("text, etype", [
    ("On 2 May 2024, a Russian guided aerial bomb hit the village of Velyka Pysarivka.", "Explosions/Remote violence"),
    ("On 7 June 2024, a glide bomb struck a residential area of Kharkiv, killing 2 people.", "Explosions/Remote violence"),
    ("On 3 April 2023, a barrel bomb landed on a market in Idlib, killing 5 people.", "Explosions/Remote violence"),
])
def test_a_bomb_from_the_air_named_as_what_struck_is_an_air_strike(text, etype):
    assert _type(text) == etype


@pytest.mark.parametrize("text", [
    "On 2 January 2023, two car bombs planted by al Shabaab exploded near a hotel in Mogadishu.",
    "On 5 May 2022, an improvised explosive device detonated under a bus near Dori, killing 8 passengers.",
    "On 1 March 2021, a car bomb exploded outside a police station in Baidoa.",
])
def test_a_bomb_that_exploded_is_reported_happening(text):
    assert _type(text) == "Explosions/Remote violence"


@pytest.mark.parametrize("text, etype", [
    ("On 17 August 2022, suspected NPA rebels burned two dump trucks of a construction firm in Las Navas.", "Strategic developments"),
    ("On 3 March 2021, ISWAP fighters burned houses and a church in Chibok.", "Strategic developments"),
    ("On 20 January 2021, protesters burned tires in Rosario.", "Riots"),
])
def test_burning_property_is_property_destruction(text, etype):
    assert _type(text) == etype


def test_burning_without_property_is_no_event():
    assert not [r for r in code_text("The fire burned for three days.") if r["acled_event_type"]]


@pytest.mark.parametrize("text, deaths", [
    ("On 8 March 2022, a Military Police operation against drug traffickers in Complexo do Alemao, Rio de Janeiro, left 9 people dead.", 9),
    ("On 3 May 2021, a police operation against a drug gang in Jacarezinho killed 28 people.", 28),
    ("On 2 June 2023, an army operation against bandits in Tsafe LGA left 12 bandits dead.", 12),
])
def test_a_deadly_security_operation_is_an_armed_clash(text, deaths):
    rows = [r for r in code_text(text) if r["acled_event_type"]]
    assert rows and rows[0]["acled_event_type"] == "Battles" and rows[0]["fatalities"] == deaths


@pytest.mark.parametrize("text", ["The operation left the area calm.", "The operation left hundreds homeless.",
                                  "The rescue operation left the capital on Monday."])
def test_an_operation_that_kills_no_one_is_no_event(text):
    assert not [r for r in code_text(text) if r["acled_event_type"]]


@pytest.mark.parametrize("text", [
    "On 10 June 2022, picketers from social movements blocked 9 de Julio avenue in Buenos Aires city to demand food assistance.",
    "On 3 May 2021, truck drivers blocked the main route into Rosario to protest fuel prices.",
    "On 8 August 2022, residents blocked a busy intersection in Recife to demand water supply.",
])
def test_blocking_an_avenue_route_or_junction_is_a_protest(text):
    assert _type(text) == "Protests"


@pytest.mark.parametrize("text", [
    "On 26 November 2023, JNIM militants attacked the military detachment and VDP positions in Djibo (Soum, Sahel).",
    "On 4 April 2022, ISWAP fighters attacked army positions in Dikwa (Borno).",
    "On 9 May 2021, al Shabaab militants attacked a military base in Balcad (Middle Shabelle).",
])
def test_an_attack_on_military_positions_in_a_place_is_a_clash(text):
    assert _type(text) == "Battles"


@pytest.mark.parametrize("sentence, sub_event", [
    ("On 9 March 2023, police arrested 12 members of the opposition CNL party in Gitega, accusing them of holding an "
     "unauthorised meeting.", "Arrests"),
    ("On 2 May 2024, soldiers detained four traders at a checkpoint near Gao.", "Arrests"),
    ("Police arrested 20 people during a march in Gitega on 9 March 2023.", "Protest with intervention"),
])
def test_a_date_names_no_cue(sentence, sub_event):
    assert top(code_text(sentence))["acled_sub_event_type"] == sub_event


@pytest.mark.parametrize("sentence, sub_event", [
    ("On 9 September 2024, Nigerien security forces arrested 12 suspected JNIM collaborators at the weekly market in "
     "Ayorou, Tillabéri region, and seized two motorcycles.", "Arrests"),
    ("Rebels seized the town of Bunagana near the Ugandan border on Monday.", "Non-state actor overtakes territory"),
])
def test_a_places_division_word_is_no_cue_for_taken_territory(sentence, sub_event):
    assert top(code_text(sentence))["acled_sub_event_type"] == sub_event
