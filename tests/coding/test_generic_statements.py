"""Habitual, scheduled, purposive, descriptive and anticipated statements are not asserted events;
word sense decides before the lexicon. Sentences written for these tests, through the real model."""

from datetime import date

import pytest

from coding.coder import code_text

DOC_DATE = date(2024, 5, 10)


def rows_for(text: str, keep: bool = True):
    return code_text(text, doc_date=DOC_DATE, keep_speculative=keep)


def modalities(text: str, root: str) -> set[str]:
    rows = [r for r in rows_for(text) if r["cameo_root"] == root]
    assert rows, [(r["cameo_code"], r["modality"], r["rule_id"]) for r in rows_for(text)]
    return {r["modality"] for r in rows}


@pytest.mark.parametrize("text, root", [
    ("Bandits often kidnap villagers in Zamfara.", "18"),
    ("Militias routinely attack farmers in Ituri.", "18"),
    ("Soldiers regularly arrest journalists in the capital.", "17"),
    ("Gangs tend to kidnap wealthy traders.", "18"),
    ("Rebels used to raid villages near the border.", "18"),
])
def test_habitual_statements_are_not_asserted(text, root):
    assert "asserted" not in modalities(text, root)
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == root]  # dropped by default


def test_a_single_report_with_a_time_is_still_asserted():
    assert modalities("Bandits kidnapped ten villagers in Zamfara on Sunday.", "18") == {"asserted"}


@pytest.mark.parametrize("text, root", [
    ("The mission is due to withdraw 2,000 troops by June.", "08"),
    ("The two presidents are scheduled to meet in Geneva next week.", "04"),
    ("Kenya and Somalia are slated to hold talks on Friday.", "04"),
])
def test_scheduled_actions_are_future(text, root):
    assert modalities(text, root) == {"future"}


@pytest.mark.parametrize("text", [
    "Troops deployed to fight jihadists in Mali.",
    "France sent soldiers to fight insurgents in the Sahel.",
    "Police were dispatched to arrest the suspects.",
])
def test_the_purpose_of_a_deployment_is_not_an_event(text):
    rows = rows_for(text)
    purposes = [r for r in rows if r["cameo_root"] in {"17", "19"}]
    assert purposes and all(r["modality"] != "asserted" for r in purposes)


def test_the_purpose_of_a_promised_deployment_shares_the_promise():
    rows = rows_for("Norway is willing to send equipment to help defend Jordan.")
    assert any(r["modality"] == "future" for r in rows if r["cameo_root"] == "05")


@pytest.mark.parametrize("text, root", [
    ("Turkey, which backs some factions, condemned the attack.", "05"),
    ("Iran, which supports the rebels, denied the report.", "05"),
    ("The militia, which is backed by Iran, attacked a US base.", "05"),
])
def test_a_present_tense_relative_clause_describes_a_standing_policy(text, root):
    assert "asserted" not in modalities(text, root)


def test_a_past_relative_clause_still_reports_an_event():
    assert "asserted" in modalities("The militia, which attacked a US base last week, denied the report.", "18")


@pytest.mark.parametrize("text, expected", [
    ("Residents fled ahead of an expected ground invasion.", "future"),
    ("Diplomats discussed a possible Israeli air strike on Iran.", "hypothetical"),
    ("Villagers fled ahead of a potential Ethiopian offensive on the town.", "hypothetical"),
    ("Russian troops massed on the border in the run-up to a planned Russian offensive.", "future"),
])
def test_anticipated_events_are_not_asserted_nor_statements(text, expected):
    rows = [r for r in rows_for(text) if r["cameo_root"] in {"13", "18", "19"}]
    assert rows and {r["modality"] for r in rows} == {expected}
    assert all(not r["cameo_code"].startswith("13") for r in rows)  # nobody threatened anything


@pytest.mark.parametrize("text", [
    "The man, who said he had been kidnapped by soldiers, was freed on Monday.",
    "She said she was beaten by police officers.",
    "The victim said he had been tortured by militiamen.",
])
def test_what_people_say_was_done_to_them_is_their_claim(text):
    assert modalities(text, "18") == {"claimed"}


def test_an_official_report_of_a_kidnapping_stays_asserted():
    assert modalities("Police said he had been kidnapped by gang members.", "18") == {"asserted"}


@pytest.mark.parametrize("text, root", [
    ("Demonstrators tried to storm parliament in Nairobi.", "14"),  # protesters' force is a riot (145)
    ("Hundreds of protesters stormed the presidential palace in Colombo.", "14"),
    ("Refugees flooded into the town after rebels attacked it.", "18"),
])
def test_a_verb_is_not_a_disaster(text, root):
    assert [r for r in rows_for(text, keep=False) if r["cameo_root"] == root]


@pytest.mark.parametrize("text", [
    "A storm killed 12 people in Dhaka.",
    "Floods killed 40 people in Kinshasa.",
    "A military plane crashed near Kabul, killing five soldiers.",
])
def test_disasters_and_accidents_are_still_not_events(text):
    assert not rows_for(text, keep=False)


@pytest.mark.parametrize("text", [
    "Police fired tear gas at protesters in Dhaka.",
    "Riot police used water cannon against demonstrators in Tbilisi.",
    "Officers lobbed tear gas into the crowd in Lagos.",
])
def test_crowd_control_weapons_are_repression_not_combat(text):
    rows = rows_for(text, keep=False)
    assert "175" in {r["cameo_code"] for r in rows}
    assert not [r for r in rows if r["cameo_root"] == "19"]


@pytest.mark.parametrize("text, code", [
    ("Militants used mustard gas against soldiers near Aleppo.", "2041"),  # the weapon's own phrase wins
    ("Troops opened artillery fire on the village.", "194"),
    ("Police seized a car bomb in Mogadishu.", "171"),  # an action on the weapon keeps the verb's code
])
def test_the_more_specific_weapon_phrase_decides(text, code):
    assert code in {r["cameo_code"] for r in rows_for(text, keep=False)}


@pytest.mark.parametrize("text, code, deaths", [
    ("Myanmar's military carried out air strikes on villages in Sagaing, killing at least 20 people.", "195", 20),
    ("A missile hit an apartment building in Odesa, killing two people.", "194", 2),
    ("Gunmen attacked a bus near Peshawar, killing nine passengers.", "180", 9),
])
def test_deaths_after_an_attack_are_its_toll_not_another_event(text, code, deaths):
    rows = rows_for(text, keep=False)
    violent = [r for r in rows if r["cameo_root"] in {"18", "19", "20"}]
    assert [r["cameo_code"] for r in violent] == [code]
    assert violent[0]["fatalities"] == deaths


@pytest.mark.parametrize("text, target_sector", [
    ("Gunmen attacked a bus near Peshawar, killing nine passengers.", "CVL"),
    ("Myanmar's military carried out air strikes near Mandalay, killing 20 villagers.", "CVL"),
    ("Soldiers clashed with militants near Gao, killing 12 of the militants.", "REB"),
])
def test_the_dead_say_who_the_target_was(text, target_sector):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]
    assert rows and rows[0]["actor2_sector"] == target_sector


@pytest.mark.parametrize("text", [
    "Somali forces have been fighting the insurgents for more than a decade.",
    "Government troops have battled the rebels since 2015.",
    "Colombian soldiers have fought the guerrillas since last year.",
])
def test_a_war_lasting_years_is_background_not_an_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "19"]


@pytest.mark.parametrize("text, root", [
    ("Police have arrested 40 protesters since Sunday.", "17"),
    ("The army has shelled the town for two hours.", "19"),
])
def test_a_recent_span_is_still_an_event(text, root):
    assert [r for r in rows_for(text, keep=False) if r["cameo_root"] == root]


@pytest.mark.parametrize("text, code, deaths", [
    ("Al Shabaab militants stormed a hotel in Mogadishu on Sunday. At least nine people were killed.", "190", 9),
    ("Gunmen attacked a church in Kaduna on Sunday. Twelve worshippers were killed, police said.", "180", 12),
    ("Israeli jets struck a house in Rafah. Five people died, medics said.", "195", 5),
])
def test_a_toll_in_the_next_sentence_belongs_to_the_attack(text, code, deaths):
    rows = rows_for(text, keep=False)
    violent = [r for r in rows if r["cameo_root"] in {"18", "19", "20"}]
    assert [(r["cameo_code"], r["fatalities"]) for r in violent] == [(code, deaths)]


def test_deaths_at_another_place_are_another_event():
    rows = rows_for("Russian forces shelled Kherson overnight, killing two. "
                    "Officials said four more people were killed in Kharkiv on Monday.", keep=False)
    assert sorted(r["fatalities"] for r in rows if r["cameo_root"] in {"18", "19"}) == [2, 4]


@pytest.mark.parametrize("text, root, source", [
    ("Iraq accused Turkey of shelling Kurdish villages in Dohuk.", "19", "TUR"),
    ("Ukraine accused Russia of bombing a hospital in Kharkiv.", "18", "RUS"),
    ("The government blamed the rebels for the attack on the convoy.", "18", "REB"),
])
def test_an_accused_act_is_the_accusers_claim_and_the_accused_acted(text, root, source):
    rows = [r for r in rows_for(text) if r["cameo_root"] == root]
    assert rows and rows[0]["modality"] == "claimed"
    assert source in (rows[0]["actor1_country"], rows[0]["actor1_sector"])


@pytest.mark.parametrize("text, modality", [
    ("Soldiers beat protesters in Harare, according to unconfirmed reports.", "claimed"),
    ("Police arrested 20 students in Dhaka, according to reports on social media.", "claimed"),
    ("Soldiers beat protesters in Harare, according to witnesses.", "asserted"),
])
def test_according_to_reports_is_a_claim_according_to_witnesses_is_not(text, modality):
    rows = [r for r in rows_for(text) if r["cameo_root"] in {"17", "18"}]
    assert rows and rows[0]["modality"] == modality


@pytest.mark.parametrize("text", [
    "Attacks on aid workers have increased in recent months.",
    "The militia has carried out dozens of attacks in the region this year.",
    "Kidnappings have risen sharply since 2021.",
])
def test_counts_of_events_over_months_are_not_an_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]


@pytest.mark.parametrize("text, root", [
    ("Russian forces have launched dozens of strikes on Kharkiv since Sunday.", "19"),
    ("Protests have spread to several cities over the past week.", "14"),
])
def test_a_recent_series_is_still_reported(text, root):
    assert [r for r in rows_for(text, keep=False) if r["cameo_root"] == root]


@pytest.mark.parametrize("text, modality", [
    ("If talks fail, the army will resume its offensive in Tigray.", "hypothetical"),
    ("Should the truce collapse, rebels could attack the town.", "hypothetical"),
    ("Iran threatened to launch a new offensive unless Baghdad accepted its terms.", "asserted"),  # the threat is said
])
def test_a_condition_nobody_states_is_not_a_threat(text, modality):
    rows = [r for r in rows_for(text) if r["cameo_root"] in {"13", "18", "19"}]
    assert rows and rows[0]["modality"] == modality


@pytest.mark.parametrize("text", [
    "The Ethiopian army is preparing an offensive against Tigrayan forces.",
    "The Macedonian army prepared to resume shelling rebel-held villages.",
    "Troops are poised to attack the rebel stronghold of Kidal.",
])
def test_preparing_for_force_is_a_force_posture_not_a_threat(text):
    codes = {r["cameo_code"] for r in rows_for(text, keep=False)}
    assert "150" in codes and not {c for c in codes if c.startswith("13")}


@pytest.mark.parametrize("text", [
    "The militia is notorious for attacks on civilians in Ituri.",
    "The group is known for kidnappings of foreign workers.",
    "The unit is infamous for raids on villages in Darfur.",
])
def test_a_reputation_is_not_an_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "18"]


def test_an_accused_subject_is_the_actor_of_a_verb_too():
    rows = [r for r in rows_for("Soldiers are accused of killing dozens of civilians in Tigray.") if r["cameo_code"] == "180"]
    assert rows and rows[0]["actor1_sector"] == "MIL" and rows[0]["modality"] == "claimed"


@pytest.mark.parametrize("text", [
    "On 12 March 2024, unidentified gunmen shot a village chief in Tillaberi.",
    "Police arrested ten people on 3 March in Lagos.",
    "Fighting resumed near Goma in early March.",
])
def test_a_month_in_a_date_is_not_a_march(text):
    assert not [r for r in rows_for(text) if r["cameo_root"] == "14"]


@pytest.mark.parametrize("text, code", [
    ("Unidentified gunmen shot and killed a village chief in Tillaberi.", "193"),
    ("Militants attacked and killed two farmers near Gao.", "180"),
    ("Soldiers beat and killed a protester in Harare.", "182"),
])
def test_an_attack_and_the_killing_it_caused_are_one_event(text, code):
    violent = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]
    assert [r["cameo_code"] for r in violent] == [code] and violent[0]["fatalities"] is not None


@pytest.mark.parametrize("text, code, deaths", [
    ("Bandits raided a village in Zamfara state on Monday. They burned houses and stole cattle. "
     "Residents fled to the bush. Two people were killed.", "180", 2),  # three sentences on: still the raid's toll
    ("Russian forces shelled Nikopol on Friday. Local officials described the damage to a school. "
     "One woman died.", "194", 1),
])
def test_a_toll_a_few_sentences_on_belongs_to_the_attack(text, code, deaths):
    rows = rows_for(text, keep=False)
    violent = [r for r in rows if r["cameo_root"] in {"18", "19", "20"}]
    assert [(r["cameo_code"], r["fatalities"]) for r in violent] == [(code, deaths)]


@pytest.mark.parametrize("text", [
    "The army said 300 soldiers had been killed in the region this week.",
    "More than 1,000 civilians have been killed in Darfur since January, the UN said.",
    "At least 40 people have been killed in the past two weeks of unrest in Kenya.",
])
def test_a_bare_running_total_is_no_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19", "20"}]


def test_a_total_with_a_named_side_keeps_the_event_but_not_the_total_as_its_toll():
    rows = [r for r in rows_for("The army has killed 200 militants since January, a spokesman said.", keep=False)
            if r["cameo_root"] in {"18", "19"}]
    assert rows and all(r["fatalities"] is None for r in rows)


@pytest.mark.parametrize("text", [
    "Ethiopia's military retook the town of Lalibela from Fano militiamen on Tuesday.",  # 'retook' tagged as a base form
    "Government troops retook Kidal from the rebels.",
    "The army overran a rebel base near Beni.",
])
def test_irregular_past_forms_reach_their_verb_rules(text):
    assert [r for r in rows_for(text, keep=False) if r["cameo_code"] == "192"]


@pytest.mark.parametrize("text, target_sector", [
    ("Iraqi security forces opened fire on anti-government protesters in Baghdad.", "OPP"),  # not GOV: 'anti-'
    ("Soldiers shot dead two demonstrators in Mandalay on Sunday.", "OPP"),
    ("Demonstrators were beaten by police in Lagos.", "OPP"),
])
def test_state_force_on_protesters_is_repression_not_battle(text, target_sector):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"17", "18", "19"}]
    assert rows and rows[0]["cameo_code"] == "175", [(r["cameo_code"], r["actor2_code"]) for r in rows]
    assert rows[0]["actor2_sector"] == target_sector


def test_rebels_firing_on_soldiers_stay_a_battle():
    rows = [r for r in rows_for("Rebels opened fire on soldiers near Goma.", keep=False) if r["cameo_root"] in {"17", "19"}]
    assert rows and rows[0]["cameo_root"] == "19"


@pytest.mark.parametrize("text, code", [
    ("Mexican marines captured a senior cartel leader in Culiacan.", "173"),  # state forces take people: arrest
    ("Militants captured two soldiers near Gao.", "181"),  # others take people: abduction
    ("Rebels captured the town of Rubaya.", "192"),  # a place: territory
    ("Islamic State fighters captured Taliban positions in Kunar.", "192"),  # positions stand for their holders
])
def test_capturing_people_is_not_taking_territory(text, code):
    codes = [r["cameo_code"] for r in rows_for(text, keep=False) if r["cameo_root"] in {"17", "18", "19"}]
    assert code in codes, codes


@pytest.mark.parametrize("text", [
    "The Houthis vowed to retaliate after the strikes.",
    "Iran vowed revenge for the killing of its commander.",
    "The militia's leader vowed to avenge the dead fighters.",
])
def test_a_vow_of_revenge_is_a_threat_of_force(text):
    codes = [r["cameo_code"] for r in rows_for(text, keep=False)]
    assert "138" in codes and "030" not in codes, codes


@pytest.mark.parametrize("text", [
    "The government has deployed thousands of troops to fight organized crime since 2006.",
    "The army has sent soldiers to patrol the border since 2019.",
])
def test_a_deployment_lasting_years_is_background(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "15" and r["modality"] == "asserted"]


@pytest.mark.parametrize("text, target", [
    ("Police arrested a suspect in Lagos.", "NGACRM"),
    ("Soldiers detained five suspects after the attack in Maiduguri.", "NGACRM"),
])
def test_suspects_are_people_and_suspected_is_no_sector(text, target):
    assert [r for r in rows_for(text, keep=False) if r["cameo_root"] == "17"][0]["actor2_code"] == target
    rows = rows_for("Three suspected suicide bombers blew themselves up outside a police station in Kano.", keep=False)
    assert rows and rows[0]["actor1_sector"] != "CRM"


@pytest.mark.parametrize("text", [
    "Hundreds of students occupied the university building in Santiago.",
    "Landless workers occupied a farm in Bahia state to demand land reform.",
    "Striking teachers occupied the ministry of education in Nairobi.",
])
def test_civilians_occupying_a_place_stage_a_sit_in(text):
    codes = [r["cameo_code"] for r in rows_for(text, keep=False)]
    assert "192" not in codes and any(c.startswith("14") for c in codes), codes


@pytest.mark.parametrize("text", [
    "Residents protested in Rosario after a shopkeeper was murdered.",
    "Traders went on strike in Kano after a colleague was killed.",
])
def test_a_passive_background_clause_does_not_take_the_main_subject(text):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] == "18"]
    assert all(r["actor1_sector"] not in {"CVL", "BUS"} for r in rows), [(r["actor1_code"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Protesters stormed parliament in Nairobi on Tuesday.",
    "Demonstrators attacked a police station in Lahore.",
    "A crowd of protesters clashed with police in Santiago.",
])
def test_protesters_using_force_riot(text):
    codes = [r["cameo_code"] for r in rows_for(text, keep=False) if r["actor1_sector"] == "OPP" or r["cameo_code"] == "145"]
    assert "145" in codes, [(r["cameo_code"], r["actor1_code"]) for r in rows_for(text, keep=False)]


@pytest.mark.parametrize("text", [
    "Syrian rebels seized most of Aleppo on Saturday.",
    "Militants seized the town of Mocimboa da Praia.",
    "The rebels seized a village near Goma.",
])
def test_seizing_a_place_is_taking_territory(text):
    codes = [r["cameo_code"] for r in rows_for(text, keep=False)]
    assert "192" in codes and "171" not in codes, codes


def test_seizing_property_stays_a_seizure():
    codes = [r["cameo_code"] for r in rows_for("Police seized weapons and cash from the gang in Lagos.", keep=False)]
    assert "192" not in codes


@pytest.mark.parametrize("text, target", [
    ("Jihadists killed 12 soldiers in an ambush near Tillaberi.", "MIL"),
    ("Gunmen killed five villagers in an attack on Kaduna state.", "CVL"),
])
def test_the_dead_of_an_attack_frame_are_its_target(text, target):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]
    assert rows and rows[0]["actor2_sector"] == target, [(r["cameo_code"], r["actor2_code"]) for r in rows]


@pytest.mark.parametrize("text, code", [
    ("Niger's military junta ordered the expulsion of French troops.", "1663"),
    ("The president ordered the arrest of three opposition leaders.", "173"),
])
def test_an_ordered_act_is_the_orderers_event_not_a_demand(text, code):
    codes = [r["cameo_code"] for r in rows_for(text, keep=False)]
    assert code in codes and "100" not in codes, codes


@pytest.mark.parametrize("text, source", [
    ("Separatist fighters killed at least 20 people, including women and children, in an attack on a village "
     "near Bamenda on Monday, officials said.", "SEP"),  # the killing verb misparsed as a participle
    ("Islamist militants killed nine soldiers in an ambush near Diffa.", "REB"),
])
def test_the_killers_of_an_attack_frame_are_its_source(text, source):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]
    assert rows and rows[0]["actor1_sector"] == source, [(r["cameo_code"], r["actor1_code"], r["actor2_code"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Security forces were battling the militants to regain control of the town.",
    "Government troops fought for days to retake the airport.",
])
def test_the_aim_of_a_fight_is_not_an_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_code"] == "192" and r["modality"] == "asserted"]


def test_what_protesters_demand_is_their_aim_and_repression_carries_the_toll():
    rows = rows_for("Paramilitary troops opened fire on protesters demanding cheaper electricity in Muzaffarabad, "
                    "killing three people.", keep=False)
    assert [r["cameo_code"] for r in rows] == ["175"] and rows[0]["fatalities"] == 3


@pytest.mark.parametrize("text", [
    "Officials said she suffered a heart attack in custody.",
    "The detained activist died of a heart attack in Evin prison, his lawyer said.",
    "The opposition leader collapsed with a cardiac arrest during the rally and died in hospital.",
])
def test_a_heart_attack_is_no_attack(text):
    assert not [r for r in rows_for(text) if r["cameo_root"] in {"18", "19", "20"}]


def test_an_attack_on_heart_patients_is_still_an_attack():
    rows = rows_for("Gunmen attacked a clinic for heart attack patients in Kano, killing three.", keep=False)
    assert any(r["cameo_root"] == "18" and r["modality"] == "asserted" for r in rows)


@pytest.mark.parametrize("text, root", [
    ("France has long backed the government in N'Djamena.", "05"),
    ("Washington has long accused Tehran of arming the Houthis.", "11"),
    ("The militia has long controlled the border crossing at Abu Kamal.", "19"),
])
def test_a_long_standing_stance_is_not_an_event(text, root):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == root and r["modality"] == "asserted"]


@pytest.mark.parametrize("text, root", [
    ("The government has repeatedly failed to disarm the militias in Jonglei.", "08"),
    ("Police failed to stop the mob from burning the church.", "17"),
    ("The army failed to retake the town of Bakhmut.", "19"),
])
def test_a_failed_act_did_not_happen(text, root):
    rows = rows_for(text, keep=False)
    assert not [r for r in rows if r["modality"] == "asserted" and r["cameo_root"] in {root, "12"}], \
        [(r["cameo_code"], r["modality"], r["rule_id"]) for r in rows]


def test_failing_to_agree_is_still_a_rejection():
    rows = rows_for("Sudan and Ethiopia failed to reach agreement on the dam in Khartoum.", keep=False)
    assert any(r["cameo_root"] == "12" for r in rows), [(r["cameo_code"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text, code", [
    ("President Rodrigo Duterte vowed to crush the Abu Sayyaf militants.", "138"),
    ("The junta pledged to wipe out the rebels in Sagaing.", "138"),
    ("Al-Shabaab vowed to step up attacks on Kenyan troops.", "138"),
])
def test_a_vow_of_force_is_a_threat_not_cooperation(text, code):
    codes = {r["cameo_code"] for r in rows_for(text, keep=False)}
    assert code in codes and not codes & {"030", "0352", "082"}, codes


@pytest.mark.parametrize("text", [
    "Supporters of the ousted president have vowed to keep up the protests until Congress is dissolved.",
    "The unions vowed to continue the demonstrations in Buenos Aires.",
    "Students promised to intensify their protests in Dhaka next week.",
])
def test_a_vow_to_go_on_protesting_is_no_cooperation(text):
    rows = rows_for(text, keep=False)
    assert not [r for r in rows if r["cameo_root"] == "03"], [(r["cameo_code"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Islamic State has carried out similar attacks on the Shia minority in the past.",
    "Rights groups say hundreds of people have been killed in such raids since 2020.",
    "Such kidnappings of students are common in the north-west.",
])
def test_a_kind_of_event_is_not_one_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["modality"] == "asserted"]


def test_a_similar_single_attack_is_still_one():
    rows = rows_for("Gunmen attacked a bus near Jos; a similar attack killed four in Bauchi on Monday.", keep=False)
    assert sum(r["cameo_root"] == "18" and r["modality"] == "asserted" for r in rows) >= 2


@pytest.mark.parametrize("text", [
    "Protesters threw stones at the troops, who fired tear gas and stun grenades.",
    "Police used stun grenades and water cannon against demonstrators in Tbilisi.",
    "Soldiers fired rubber bullets at stone-throwing youths in Nablus.",
])
def test_crowd_control_munitions_are_repression_not_bombing(text):
    roots = {r["cameo_code"][:3] for r in rows_for(text, keep=False)}
    assert "175" in roots and "183" not in roots, roots


@pytest.mark.parametrize("text", [
    "Arab militias have repeatedly attacked Masalit neighbourhoods of El Geneina since April, residents say.",
    "Houthi forces have fired drones and missiles at merchant ships since November.",
    "The rebels have seized large areas of North Kivu since March.",
])
def test_acts_repeated_since_a_month_are_a_period_not_an_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["modality"] == "asserted" and r["cameo_root"] in {"18", "19"}]


def test_since_a_weekday_is_still_one_event():
    rows = rows_for("Rebels have attacked the town since Sunday, killing 12.", keep=False)
    assert any(r["cameo_root"] == "18" and r["modality"] == "asserted" for r in rows)


@pytest.mark.parametrize("text, root", [
    ("The United States and Saudi Arabia, which brokered a short-lived truce in Jeddah, are due to hold talks next week.", "04"),
    ("The insurgents, who pledged allegiance to Islamic State in 2019, often behead their victims.", "03"),
    ("Rwanda, which sent troops into Congo in 1996, denies backing the rebels.", "15"),
])
def test_a_subjects_history_in_a_relative_clause_is_not_news(text, root):
    assert not [r for r in rows_for(text, keep=False) if r["modality"] == "asserted" and r["cameo_root"] == root]


@pytest.mark.parametrize("text, root", [
    ("The rebels, who crossed into Chad from Libya on April 11, seized a garrison town.", "19"),
    ("A shell was fired by militants, who hit a school in Idlib.", "19"),
    ("The protesters threw stones at the troops, who fired tear gas.", "17"),
])
def test_a_relative_clause_with_a_day_or_on_a_participant_still_reports(text, root):
    rows = rows_for(text, keep=False)
    assert any(r["cameo_root"] == root and r["modality"] == "asserted" for r in rows), \
        [(r["cameo_code"], r["modality"]) for r in rows]


@pytest.mark.parametrize("text, code", [
    ("Germany pledged $2 billion in aid to Ukraine.", "033"),
    ("Washington promised more weapons to Kyiv.", "033"),
    ("The prime minister promised justice for the victims.", "030"),
])
def test_a_pledge_is_aid_only_when_something_is_given(text, code):
    codes = {r["cameo_code"] for r in rows_for(text, keep=False)}
    assert code in codes and not (codes & {"033", "030"}) - {code}, codes


def test_forcing_ones_way_in_is_no_coercion():
    rows = rows_for("Some protesters tried to force their way into the French embassy compound.", keep=False)
    assert not [r for r in rows if r["cameo_code"] == "170"]


@pytest.mark.parametrize("text", [
    "Russia pounded Odesa with missiles overnight, damaging grain terminals and killing two people.",
    "Jets bombed the market in Maaret al-Numan, wounding dozens and killing nine.",
    "Militants shelled the camp near Goma, destroying tents and killing a child.",
])
def test_every_outcome_in_a_chain_of_participles_is_the_attacks_toll(text):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]
    assert len(rows) == 1, [(r["cameo_code"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text, target", [
    ("Gang leader Jimmy Cherizier has threatened to oust Prime Minister Ariel Henry.", "GOV"),
    ("The opposition vowed to topple the government in Dhaka.", "GOV"),
    ("The junta threatened to punish the rebels in Sagaing.", "REB"),
])
def test_an_announced_act_targets_its_object(text, target):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"03", "13"}]
    assert rows and rows[0]["actor2_sector"] == target, [(r["cameo_code"], r["actor2_code"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Bangladeshi police fired rubber bullets at students protesting against job quotas in Dhaka.",
    "Soldiers opened fire on youths demonstrating outside the barracks in Khartoum.",
    "Police fired tear gas at farmers marching towards the capital in Delhi.",
])
def test_people_protesting_when_force_is_used_on_them_make_one_event(text):
    rows = rows_for(text, keep=False)
    assert not [r for r in rows if r["cameo_root"] == "14"], [(r["cameo_code"], r["rule_id"]) for r in rows]


def test_a_protest_participle_on_the_marchers_is_their_march():
    rows = rows_for("Students protesting against the fee rise marched to parliament in Nairobi.", keep=False)
    assert len([r for r in rows if r["cameo_root"] == "14"]) == 1


@pytest.mark.parametrize("text, code", [
    ("Protesters set a door of the embassy on fire in Niamey.", "1712"),
    ("Militants set several houses on fire in Borno.", "1712"),
    ("Serbian President Aleksandar Vucic put the army on the highest state of alert.", "152"),
    ("Iran placed its air defences on alert.", "152"),
])
def test_a_phrase_the_parser_hangs_on_the_object_still_matches(text, code):
    rows = rows_for(text, keep=False)
    assert code in {r["cameo_code"] for r in rows}, [(r["cameo_code"], r["rule_id"]) for r in rows]
    assert all(r["actor2_sector"] != "MIL" for r in rows if r["cameo_code"] == "152")  # its own army is no target


@pytest.mark.parametrize("text, answered", [
    ("U.S. and British warplanes struck Houthi targets in Yemen in response to the group's attacks on shipping.", "18"),
    ("Venezuela expelled the EU ambassador in response to new sanctions.", "16"),
    ("Israel bombed Gaza in retaliation for a rocket attack on Sderot.", "19"),
])
def test_what_an_action_answers_is_not_a_new_event(text, answered):
    rows = rows_for(text, keep=False)
    assert len(rows) == 1, [(r["cameo_code"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Ukraine's air force said it shot down 13 of 19 cruise missiles over Odesa.",
    "Israeli air defences intercepted two drones launched from Lebanon.",
    "Saudi forces shot down a ballistic missile fired by the Houthis at Jazan.",
])
def test_shooting_down_weapons_is_force_recorded_as_disrupted_weapons_use(text):
    rows = [r for r in rows_for(text, keep=True) if r["rule_id"].startswith("fight.air_defence")]
    assert rows and rows[0]["cameo_code"] == "190"
    assert rows[0]["acled_sub_event_type"] == "Disrupted weapons use"


def test_an_intercepted_shipment_is_no_air_defence():
    rows = rows_for("The navy intercepted a shipment of arms bound for Yemen.", keep=True)
    assert not [r for r in rows if r["rule_id"].startswith("fight.air_defence")]


@pytest.mark.parametrize("text", [
    "Protesters threw fireworks at police outside parliament in Tbilisi.",
    "Projectiles were thrown at police during the demonstration in Bristol.",
    "Demonstrators hurled petrol bombs and bottles at riot police in Belfast.",
])
def test_throwing_things_at_police_is_a_riot(text):
    assert "145" in {r["cameo_code"] for r in rows_for(text, keep=False)}


@pytest.mark.parametrize("text, actor2", [
    ("Gunmen abducted 317 schoolgirls from a boarding school in Jangebe in Zamfara state.", "NGACVL"),
    ("Parents gathered outside the school in Kaduna, demanding the pupils' release.", None),
    ("Gunmen took 20 hostages at a hotel in Mogadishu.", "SOMCVL"),
])
def test_schoolgirls_parents_and_hostages_are_civilians(text, actor2):
    rows = rows_for(text, keep=False)
    assert rows
    if actor2:
        assert rows[0]["actor2_code"] == actor2
    else:
        assert rows[0]["actor1_sector"] == "CVL"


@pytest.mark.parametrize("text, code, modality", [
    ("France announced on Thursday it would withdraw its troops from Mali.", "0874", "future"),
    ("NATO confirmed it would tighten the naval blockade of Serbia.", "191", "future"),
    ("Protest organisers said they would march again on Thursday.", "141", "future"),
])
def test_would_in_reported_speech_is_a_reported_future(text, code, modality):
    """The act said to come, kept as the act with modality future (not a threat, not dropped)."""
    rows = rows_for(text, keep=True)
    assert any(r["cameo_code"] == code and r["modality"] == modality for r in rows), \
        [(r["cameo_code"], r["modality"]) for r in rows]


def test_would_under_a_condition_stays_hypothetical():
    rows = rows_for("Russia said it would retaliate if NATO sent troops to Ukraine.", keep=False)
    assert not [r for r in rows if r["cameo_root"] == "19" and r["modality"] == "asserted"]


@pytest.mark.parametrize("text", [
    "The Supreme Court is set to hear his petition on Thursday.",
    "Teachers are due to strike in Nairobi on Monday.",
    "Parliament is scheduled to debate the sanctions next week.",
])
def test_a_timetable_threatens_nobody(text):
    assert not [r for r in rows_for(text, keep=True) if r["cameo_root"] == "13"]


@pytest.mark.parametrize("text, country", [
    ("Thousands took to the streets of Caracas on Monday.", "VEN"),
    ("About 500 marched through Dakar on Friday.", "SEN"),
    ("Hundreds rallied in Yerevan, demanding the prime minister's resignation.", "ARM"),
])
def test_a_counted_crowd_that_protests_is_protesters(text, country):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] == "14"]
    assert rows and rows[0]["actor1_sector"] == "OPP"
    assert rows[0]["actor2_code"] is None or rows[0]["actor2_code"] != country  # the city is where, not whom


@pytest.mark.parametrize("text", [
    "Thousands took to the streets to reject the official election results.",
    "Farmers blocked highways in Punjab to reject the new farm laws.",
    "Students marched in Dhaka to refuse the quota system.",
])
def test_what_a_protest_rejects_is_its_aim(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "12"]


@pytest.mark.parametrize("text", [
    "Peace talks between the government and the rebels collapsed in 2017.",
    "The insurgents pledged allegiance to Islamic State in 2019.",
    "Uganda and Congo launched joint military operations against the group in 2021.",
])
def test_an_event_dated_only_by_a_year_long_before_the_report_is_background(text):
    rows = code_text(text, doc_date=date(2024, 3, 8))
    assert not rows, [(r["cameo_code"], r["event_date"]) for r in rows]


def test_last_years_event_and_a_dated_day_are_still_news():
    assert code_text("Rebels attacked the town of Beni in 2023.", doc_date=date(2024, 1, 5))
    assert code_text("Rebels attacked the town of Beni on 4 March 2019.", doc_date=date(2024, 1, 5))


@pytest.mark.parametrize("text", [
    "Fighting between rival militias erupted in Zawiya.",
    "Clashes erupted between police and protesters in Nairobi.",
    "Heavy fighting erupted around the airport in Khartoum.",
])
def test_fighting_that_erupts_is_no_volcano(text):
    assert [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"17", "19"}]


def test_a_volcano_still_is_one():
    assert not [r for r in rows_for("The volcano erupted, killing 12 villagers.", keep=False) if r["cameo_root"] == "18"]


@pytest.mark.parametrize("text, actor", [
    ("At least 116 inmates were killed in fighting between rival gangs at a prison in Guayaquil.", "ECUCRM"),
    ("Fighting between rival militias erupted in Zawiya.", "LBYREB"),
    ("Clashes between warring factions of the militia killed five in Bentiu.", None),
])
def test_a_fight_between_rival_members_of_one_kind_is_theirs_on_both_sides(text, actor):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] == "19"]
    assert rows
    if actor:
        assert (rows[0]["actor1_code"], rows[0]["actor2_code"]) == (actor, actor)


@pytest.mark.parametrize("text", [
    "The separatists have enforced a boycott of schools in the region for years.",
    "The government blamed separatist militants who have been fighting for a state called Ambazonia since 2017.",
    "The rebels have imposed a blockade on the city for months.",
])
def test_an_act_that_has_lasted_years_is_a_state(text):
    rows = rows_for(text, keep=False)
    assert not [r for r in rows if r["cameo_root"] in {"14", "19"} and r["modality"] == "asserted"], \
        [(r["cameo_code"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text, target", [
    ("Suspected insurgents detonated a roadside bomb as a police patrol passed in Narathiwat, killing two officers.", "THACOP"),
    ("Militants attacked a checkpoint near Kidal, killing three soldiers.", "MLIMIL"),
    ("Russia shelled Kherson overnight, killing two civilians.", "UKRCVL"),
])
def test_the_dead_of_a_violent_verb_name_its_target(text, target):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]
    assert rows and rows[0]["actor2_code"] == target


@pytest.mark.parametrize("text", [
    "Kyiv announced massive territorial gains in its lightning counter-offensive.",
    "The rebels reported heavy losses during their offensive near Goma.",
    "The army reported progress in its campaign of air strikes in Sagaing.",
])
def test_a_campaign_framing_a_report_by_a_possessive_pronoun_refers_back(text):
    rows = rows_for(text, keep=False)
    assert not [r for r in rows if r["cameo_root"] == "19" and ":noun" in r["rule_id"]], [r["rule_id"] for r in rows]


def test_a_campaign_launched_is_still_news():
    rows = rows_for("Ukraine launched its counter-offensive in the south on Monday.", keep=False)
    assert any(r["cameo_root"] == "19" for r in rows), [(r["cameo_code"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text, target", [
    ("Ethnic Armenian forces said they had struck a military airbase in Ganja.", "AZE"),
    ("Houthi fighters hit a Saudi border post near Jazan.", "SAU"),
    ("Militants pounded an army base outside Kidal with mortars.", "MLI"),
])
def test_striking_a_military_or_inhabited_target_is_force_whoever_strikes(text, target):
    rows = [r for r in rows_for(text, keep=True) if r["cameo_root"] == "19"]
    assert rows and rows[0]["actor2_country"] == target, [(r["cameo_code"], r["actor2_code"]) for r in rows]


def test_a_storm_hitting_a_village_is_still_weather():
    assert not rows_for("The storm hit the village of Tacloban.", keep=True)


@pytest.mark.parametrize("text", [
    "Cartel gunmen battled soldiers across Culiacan for hours.",
    "Bandits fought troops near Gusau on Sunday.",
    "Militants clashed with soldiers outside Mosul.",
])
def test_an_armed_groups_opponent_soldiers_are_no_own_forces(text):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] == "19"]
    assert rows and rows[0]["actor2_sector"] == "MIL"


@pytest.mark.parametrize("text", [
    "Iraq's foreign ministry summoned the Iranian ambassador to protest against the violation of its sovereignty.",
    "Poland recalled its envoy to protest the decision.",
    "Egypt summoned the Israeli envoy to protest against the raid.",
])
def test_a_diplomatic_act_to_protest_is_no_demonstration(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "14"]


@pytest.mark.parametrize("text", [
    "Kenya has troops in Somalia as part of an African Union force fighting the Islamists.",
    "France keeps a base in Djibouti with jets patrolling the Red Sea.",
    "Turkey has soldiers in northern Iraq hunting Kurdish militants.",
])
def test_a_participle_describing_a_standing_deployment_is_no_event(text):
    rows = rows_for(text, keep=False)
    assert not [r for r in rows if r["cameo_root"] in {"19", "18"} and r["modality"] == "asserted"], \
        [(r["cameo_code"], r["rule_id"]) for r in rows]


def test_accusations_traded_since_the_fighting_began_are_a_series():
    rows = rows_for("Armenia and Azerbaijan have accused each other of targeting civilians since fighting broke out on Sept. 27.",
                    keep=False)
    assert not [r for r in rows if r["cameo_root"] == "11"]


def test_bases_hosting_troops_host_no_visit():
    rows = rows_for("Iran fired missiles at two Iraqi bases hosting U.S. troops.", keep=False)
    assert not [r for r in rows if r["cameo_code"] == "043"]


@pytest.mark.parametrize("text, code", [
    ("Congo expelled Rwanda's ambassador on Sunday, accusing Kigali of backing the rebels, a charge Rwanda denies.", "16"),
    ("The army blamed the RSF for the killing; the RSF denied involvement.", "11"),
    ("Police arrested two activists in Minsk, a claim the interior ministry denied.", "17"),
])
def test_a_denial_of_its_own_object_does_not_negate_the_clause_before_it(text, code):
    rows = rows_for(text, keep=False)
    assert any(r["cameo_root"] == code and r["modality"] == "asserted" for r in rows), \
        [(r["cameo_code"], r["modality"]) for r in rows]


@pytest.mark.parametrize("text", [
    "The army denied that soldiers killed civilians in Gao.",
    "Russia did not attack the convoy near Kharkiv.",
    "The government has failed to disarm the militias in Jonglei.",
])
def test_what_did_not_happen_is_left_out_unless_asked_for(text):
    assert not [r for r in rows_for(text, keep=False) if r["modality"] == "negated"]
    assert [r for r in rows_for(text, keep=True) if r["modality"] == "negated"]


@pytest.mark.parametrize("text", [
    "The militants have carried out a string of attacks on police since ending a ceasefire with the government in November.",
    "The Houthis have stepped up cross-border attacks in recent weeks.",
    "Gangs have intensified kidnappings around the capital.",
])
def test_a_trend_of_attacks_is_no_event(text):
    rows = rows_for(text, keep=False)
    assert not [r for r in rows if r["cameo_root"] in {"18", "19", "08"}], [(r["cameo_code"], r["rule_id"]) for r in rows]


def test_a_counted_toll_with_named_sides_over_a_period_stays():
    rows = rows_for("US drone attacks have killed eight al-Qaeda leaders since last July.", keep=False)
    assert any(r["cameo_root"] in {"18", "19"} for r in rows)


@pytest.mark.parametrize("text, actor1", [
    ("The Saudi-led coalition responded with air strikes on Sanaa.", "SAU"),
    ("A US-led coalition bombed Islamic State positions near Raqqa.", "USA"),
    ("A French-led force attacked militants near Menaka.", "FRA"),
])
def test_a_coalition_led_by_a_country_is_its_forces(text, actor1):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]
    assert rows and rows[0]["actor1_country"] == actor1


def test_separatists_backed_by_a_country_are_not_its_own():
    rows = rows_for("Moscow-backed separatists shelled Mariupol.", keep=False)
    assert rows and rows[0]["actor1_country"] != "RUS"


@pytest.mark.parametrize("text, code, target", [
    ("Niger's military government revoked a military cooperation agreement with the United States.", "160", "USA"),
    ("Russia quit a deal that let Ukraine export grain.", "160", None),
    ("Mali scrapped a defence accord with France.", "160", "FRA"),
])
def test_ending_an_agreement_reduces_relations(text, code, target):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_code"] == code]
    assert rows and (target is None or rows[0]["actor2_country"] == target)


@pytest.mark.parametrize("text, code, actor1", [
    ("Putin ordered troops to withdraw from Kherson.", "0874", "RUSMIL"),
    ("The president ordered the army to patrol the streets of Freetown.", "150", "SLEMIL"),
    ("Nicaragua's government ordered the newspaper La Prensa to suspend publication.", "100", "NICGOV"),
])
def test_an_order_to_ones_own_forces_is_their_act_an_order_to_others_is_an_order(text, code, actor1):
    rows = rows_for(text, keep=False)
    assert any(r["cameo_code"] == code and r["actor1_code"] == actor1 for r in rows), \
        [(r["cameo_code"], r["actor1_code"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Trucks carrying fuel and aid entered Gaza through the Rafah crossing.",
    "Food shipments reached Mekelle on Monday.",
    "Buses carrying evacuees entered Kherson.",
])
def test_vehicles_and_goods_moving_are_no_advance(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "19"]


def test_a_drone_base_from_which_drones_monitor_is_a_standing_fact():
    rows = rows_for("About 1,000 U.S. troops are stationed at an air base in Agadez, from which drones monitor jihadist "
                    "groups across the Sahel.", keep=False)
    assert not [r for r in rows if r["cameo_root"] == "09"]


@pytest.mark.parametrize("text, target", [
    ("The gunmen had attacked the home of a senior lawmaker in Kinshasa.", "CODLEG"),
    ("Rioters torched the offices of the ruling party in Dhaka.", None),
    ("Soldiers raided the residence of an opposition leader in Conakry.", "GINOPP"),
])
def test_a_home_or_office_stands_for_its_owner(text, target):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"17", "18", "19"}]
    assert rows
    if target:
        assert rows[0]["actor2_code"] == target, [(r["cameo_code"], r["actor2_code"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Syrian rebels seized the capital Damascus on Sunday.",
    "Rebels seized the provincial capital of Bukavu.",
    "The junta's forces seized the town of Kidal.",
])
def test_a_capital_or_town_seized_is_territory(text):
    assert "192" in {r["cameo_code"] for r in rows_for(text, keep=False)}


@pytest.mark.parametrize("text, code", [
    ("Israeli troops moved into a buffer zone in the Golan Heights.", "190"),
    ("Russian tanks rolled into the town of Vovchansk.", "190"),
    ("The company moved into a new office in Nairobi.", None),
])
def test_forces_moving_into_a_place(text, code):
    codes = {r["cameo_root"] + "0" for r in rows_for(text, keep=False)}
    assert (code in codes) if code else not codes


@pytest.mark.parametrize("text", [
    "Crowds gathered in the main squares of Damascus to celebrate.",
    "Mourners gathered to pray for the victims in Kabul.",
    "Hundreds gathered in Kigali to commemorate the genocide.",
])
def test_a_crowd_that_gathers_to_celebrate_or_mourn_is_no_protest(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "14"]


def test_patrols_since_which_a_trend_is_counted_are_background():
    rows = rows_for("Piracy off Somalia has declined since international navies began patrolling the area.", keep=False)
    assert not [r for r in rows if r["cameo_root"] == "15"]


def test_a_vow_to_punish_is_a_threat():
    assert "137" in {r["cameo_code"] for r in rows_for("Putin vowed to punish those behind the attack.", keep=False)}


@pytest.mark.parametrize("text", [
    "Fighting has displaced more than 300,000 people in northern Shan state since October.",
    "Violence has forced thousands from their homes in Ituri since January.",
    "Clashes have killed hundreds of people in the region since March.",
])
def test_fighting_as_the_subject_of_a_span_since_a_month_is_background(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "19" and r["modality"] == "asserted"]


@pytest.mark.parametrize("text", [
    "Demonstrators accuse the mission of failing to protect civilians from armed groups.",
    "Critics accuse the government of rigging the vote.",
    "Rights groups accuse the army of torturing detainees.",
])
def test_a_groups_standing_grievance_in_the_present_is_no_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "11" and r["modality"] == "asserted"]


def test_a_state_that_accuses_another_makes_a_statement():
    assert [r for r in rows_for("Iran accuses Israel of killing its scientist.", keep=False) if r["cameo_root"] == "11"]


@pytest.mark.parametrize("text, target", [
    ("Iran launched more than 300 drones and missiles at Israel overnight.", "ISR"),
    ("Hezbollah fired rockets and drones at Israel.", "ISR"),
    ("North Korea launched missiles and rockets at South Korea.", "KOR"),
])
def test_weapons_fired_at_a_country_name_the_target(text, target):
    rows = [r for r in rows_for(text, keep=False) if r["cameo_root"] == "19"]
    assert rows and rows[0]["actor2_country"] == target, [(r["cameo_code"], r["actor2_code"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Bolivian troops rammed an armoured vehicle into the doors of the presidential palace.",
    "A truck rammed a police checkpoint in Diyarbakir.",
    "The attacker rammed his car into worshippers outside the mosque.",
])
def test_ramming_is_an_attack(text):
    assert "18" in {r["cameo_root"] for r in rows_for(text, keep=False)}


@pytest.mark.parametrize("text", [
    "Hundreds of supporters gathered outside the palace to defend democracy.",
    "Thousands marched in Yerevan to support the prime minister.",
    "Farmers rallied in Paris to praise the new subsidy.",
])
def test_what_a_protest_supports_is_its_aim(text):
    rows = rows_for(text, keep=False)
    assert rows and not [r for r in rows if r["cameo_root"] in {"05", "03"}], [(r["cameo_code"], r["rule_id"]) for r in rows]


@pytest.mark.parametrize("text", [
    "The Estado Mayor Central has been fighting the army and rival groups for control of coca-growing areas.",
    "Gangs have been kidnapping travellers on the road for years.",
    "The two militias have been clashing over grazing land in the region.",
])
def test_an_activity_that_has_been_going_on_is_no_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]


def test_an_activity_going_on_since_a_day_is_news():
    assert any(r["cameo_root"] == "19" for r in rows_for("Rebels have been shelling the town since Monday.", keep=False))


@pytest.mark.parametrize("text", [
    "Talks between the government and the rebels are due to resume in Caracas next month.",
    "Negotiations between the two sides are scheduled to restart in Doha.",
    "A summit of regional leaders is set to take place in Addis Ababa in June.",
])
def test_scheduled_talks_are_no_asserted_event(text):
    assert not [r for r in rows_for(text, keep=False) if r["modality"] == "asserted"]


@pytest.mark.parametrize("text", [
    "Rebels attacked a police station in Suarez on Monday. President Gustavo Petro denounced the attack on social media.",
    "Gunmen attacked a church in Kaduna. The governor condemned the attack on state television.",
])
def test_where_a_condemnation_was_said_is_no_target_of_a_new_attack(text):
    assert len([r for r in rows_for(text, keep=False) if r["cameo_root"] == "18"]) == 1


@pytest.mark.parametrize("text", [
    "The RSF and allied Arab militias have been accused of ethnically targeted killings in West Darfur.",
    "Both sides have been accused of war crimes.",
    "The gang has been blamed for dozens of kidnappings.",
])
def test_a_standing_allegation_by_nobody_is_no_accusation(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] == "11" and r["modality"] == "asserted"]


@pytest.mark.parametrize("text, accuser", [
    ("Sudan's army accused the RSF of killing civilians in El Geneina.", "SDN"),
    ("The militia has been accused by the UN of recruiting children.", "IGO"),
])
def test_an_accusation_by_someone_named_is_coded(text, accuser):
    assert any(r["cameo_root"] == "11" and r["actor1_country"] == accuser for r in rows_for(text, keep=False))


@pytest.mark.parametrize("text", [
    "The insurgency, which erupted in October 2017, has killed more than 6,000 people, according to a monitoring group.",
    "The war has killed tens of thousands of civilians.",
    "The conflict has displaced millions and killed at least 10,000 people.",
])
def test_a_conflict_s_toll_is_a_running_total(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19", "20"}]


@pytest.mark.parametrize("text", [
    "Its remnants still carry out sporadic attacks in the rugged areas of Kirkuk.",
    "Gangs launch frequent raids on villages along the highway.",
    "Militants stage regular ambushes on army convoys in the region.",
])
def test_frequent_attacks_are_a_habit(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]


@pytest.mark.parametrize("text", [
    "Fighting between the two communities killed thousands of people between 1999 and 2003.",
    "Mali has been battling an insurgency since 2012, when jihadists hijacked a separatist uprising in the north.",
])
def test_years_well_before_the_report_date_the_clause_as_background(text):
    assert not [r for r in rows_for(text, keep=False) if r["cameo_root"] in {"18", "19"}]


def test_a_year_inside_a_clause_about_someone_does_not_date_the_event():
    rows = rows_for("Police arrested a man on Monday who had fled the country in 2019.", keep=False)
    assert any(r["cameo_code"] == "173" for r in rows)


def asserted_roots(text: str, doc_date: date = DOC_DATE) -> set[str]:
    rows = code_text(text, doc_date=doc_date)
    return {r["cameo_root"] for r in rows if r["modality"] == "asserted"}


@pytest.mark.parametrize("text", [
    "Niger, Mali and Burkina Faso plan to deploy a joint force of 5,000 troops to fight armed groups across the region.",
    "Kenya is preparing to send 1,000 police officers to Haiti to battle the gangs.",
    "The African Union wants to deploy troops to attack al Shabaab bases in central Somalia.",
])
def test_the_fight_a_planned_deployment_is_for_is_no_threat(text):
    assert not asserted_roots(text) & {"13", "18", "19"}


@pytest.mark.parametrize("text, root", [
    ("Dawlah Islamiyah, a small group that has pledged allegiance to Islamic State, often sets off bombs in markets.", "03"),
    ("The UPC, one of several armed groups that signed a 2019 peace deal with the government, raids mining areas.", "05"),
    ("The junta, which seized power in July 2023 promising security, has since ordered French troops out of the country.", "10"),
    ("The opposition leader has been under house arrest in the capital since March.", "17"),
    ("Islamic State was declared defeated in Iraq in 2017, but its remnants still carry out attacks.", "17"),
])
def test_an_actors_standing_and_history_are_no_news(text, root):
    assert root not in asserted_roots(text, date(2025, 10, 10))


@pytest.mark.parametrize("text, root", [
    ("Police placed the opposition leader under house arrest on Monday.", "17"),
    ("The rebels signed a peace deal with the government in Bangui on Monday.", "05"),
    ("Myanmar's junta declared martial law in 11 townships on Sunday.", "17"),
])
def test_the_same_acts_told_as_news_stay_asserted(text, root):
    assert root in asserted_roots(text, date(2025, 10, 10))


@pytest.mark.parametrize("text", [
    "The government has said it is open to talks with the rebels.",
    "Sudan's army said it was open to negotiations with the RSF.",
    "The president is open to a meeting with opposition leaders.",
])
def test_being_open_to_talks_is_no_meeting(text):
    assert "04" not in asserted_roots(text)


@pytest.mark.parametrize("text, root", [
    # what someone can do
    ("Under the emergency, police can hold suspects for up to 15 days without charge.", "17"),
    ("Soldiers can detain anyone at checkpoints under the new law.", "17"),
    ("Militants can strike the capital's suburbs with rockets.", "19"),
    # a large tally since then
    ("More than 85,000 people have been detained since the measure was imposed.", "17"),
    ("Hundreds of soldiers have been killed since the offensive began.", "18"),
    ("Security forces have arrested 2,000 opposition supporters since the election.", "17"),
])
def test_a_power_or_a_tally_since_then_is_no_event(text, root):
    assert root not in asserted_roots(text)


def test_a_small_count_since_a_day_is_still_news():
    assert "17" in asserted_roots("Police have detained 12 protesters since Monday in Quito.")


@pytest.mark.parametrize("text, root", [
    ("The KNF has in the past retreated into Myanmar's Chin state.", "08"),
    ("In the past, the rebels have kidnapped aid workers in Ituri.", "18"),
    ("Militants have in the past attacked police posts in Bannu.", "18"),
])
def test_what_was_done_in_the_past_or_over_the_years_is_a_habit_not_an_event(text, root):
    assert "asserted" not in modalities(text, root)


def test_in_the_past_week_still_dates_an_event():
    assert "asserted" in modalities("Rebels kidnapped two aid workers in Ituri in the past week.", "18")


@pytest.mark.parametrize("text, root", [
    ("Militia forces withdrew from positions in the Abu Salim area of southern Tripoli, and Government of National "
     "Accord (GNA) forces took them over without fighting.", "19"),
    ("Wagner fighters pulled out of their bases near Gao, and Malian troops moved in without fighting on Sunday.", "19"),
    ("Rebels entered the town without a fight on Monday, residents said.", "19"),
])
def test_what_happened_without_a_fight_had_no_fight(text, root):
    rows = [r for r in rows_for(text) if r["cameo_code"] == "190" and r["trigger"].lower() in {"fighting", "fight", "clashes"}]
    assert all(r["modality"] != "asserted" for r in rows), [(r["cameo_code"], r["modality"], r["trigger"]) for r in rows]
