"""An identity hedge ('gunmen suspected to be OLA members killed ...') hedges who acted, not whether the event
happened; 'hacked to death' is a killing; a killing given as a clause of cause ('protested after a shopkeeper was
murdered') is no event of the sentence and its dead no toll. Sentences written for these tests, through the real model."""

from datetime import date

import pytest

from coding.coder import code_text

DOC_DATE = date(2024, 6, 5)


def rows_for(text: str):
    return code_text(text, doc_date=DOC_DATE)


@pytest.mark.parametrize("text, root, sector", [
    ("On 2 July 2022, gunmen suspected to be OLA members killed more than 30 civilians in Gimbi.", "18", "REB"),  # Ethiopia
    ("Men believed to be ISWAP fighters attacked a military base in Monguno on 5 May 2023.", "1", None),  # Nigeria
    ("Gunmen suspected to be members of the ELN killed two soldiers in Arauca on 3 May 2023.", "18", "REB"),  # Colombia
    ("On 1 June 2023, gunmen suspected to be bandits abducted 20 passengers near Kaduna.", "18", None),  # Nigeria
])
def test_a_hedged_identity_leaves_the_event_asserted(text, root, sector):
    rows = [r for r in rows_for(text) if r["cameo_root"].startswith(root) and r["modality"] == "asserted"]
    assert rows, [(r["cameo_code"], r["modality"], r["actor1_code"]) for r in code_text(text, doc_date=DOC_DATE, keep_speculative=True)]
    assert rows[0]["actor1_code"] is not None
    if sector:
        assert rows[0]["actor1_sector"] == sector


@pytest.mark.parametrize("text", [
    "Police suspect that rebels killed two soldiers in Arauca.",
    "Analysts believe the militants will attack Monguno again.",
    "Officials think bandits could abduct more passengers near Kaduna.",
])
def test_a_hedged_event_stays_hedged(text):
    assert not [r for r in rows_for(text) if r["cameo_root"] == "18" and r["modality"] == "asserted"]


@pytest.mark.parametrize("text", [
    "ADF militants hacked to death 18 villagers in Mambasa territory on Tuesday.",  # DR Congo
    "Suspected militiamen hacked to death a herder near Mangu on Sunday.",  # Nigeria
    "Attackers chopped to death three farmers in Djugu territory on Monday.",  # DR Congo
])
def test_hacking_to_death_is_a_killing(text):
    rows = rows_for(text)
    assert any(r["cameo_code"] == "180" and r["acled_event_type"] == "Violence against civilians" for r in rows), \
        [(r["cameo_code"], r["rule_id"]) for r in rows]
    assert not any(r["cameo_code"] == "176" for r in rows)


def test_hacking_a_website_stays_a_cyber_attack():
    rows = rows_for("Hackers linked to Russia hacked the Ukrainian defence ministry's website on 4 May 2024.")
    assert any(r["cameo_code"] == "176" for r in rows)


@pytest.mark.parametrize("text", [
    "On 6 November 2021, residents protested in Mar del Plata against insecurity after a shopkeeper was murdered.",  # Argentina
    "Traders went on strike in Kano because a colleague was killed.",  # Nigeria
    "Students marched in Bamenda on Monday after a teacher was shot dead.",  # Cameroon
])
def test_a_killing_given_as_cause_is_no_event_and_no_toll(text):
    rows = rows_for(text)
    assert any(r["cameo_root"] == "14" for r in rows), [(r["cameo_code"], r["rule_id"]) for r in rows]
    assert not any(r["cameo_root"] == "18" for r in rows), [(r["cameo_code"], r["rule_id"]) for r in rows]
    assert all(not r["fatalities"] for r in rows)


def test_a_killer_named_in_a_cause_clause_still_codes_the_killing():
    rows = rows_for("Residents protested in Kumbo on Monday after soldiers killed two farmers.")
    assert any(r["cameo_root"] == "18" for r in rows)
