"""One sentence per lexicon family, written for these tests, through the real spaCy model."""

from datetime import date

import pytest

from coding.coder import code_text

DOC_DATE = date(2023, 3, 12)  # a Sunday


def rows_for(sentence: str):
    return code_text(sentence, doc_date=DOC_DATE)


def assert_sub_event(sentence: str, sub_event: str) -> None:
    rows = rows_for(sentence)
    assert sub_event in {r["acled_sub_event_type"] for r in rows}, [(r["cameo_code"], r["rule_id"]) for r in rows]


def find(rows, root: str):
    return [r for r in rows if r["cameo_root"] == root]


@pytest.mark.parametrize(
    "sentence, code, actor1, actor2",
    [
        ("Russia withdrew its troops from the Ukrainian city of Kherson.", "0874", "RUS", "UKR"),
        ("Ethiopian soldiers clashed with Eritrean troops near the border.", "190", "ETH", "ERI"),
        ("Russian forces shelled Kyiv overnight.", "194", "RUS", "UKR"),
        ("Israeli warplanes carried out air strikes on Lebanon.", "195", "ISR", "LBN"),
        ("Turkish troops captured the Syrian town of Afrin.", "192", "TUR", "SYR"),
        ("Chinese President Xi Jinping visited Moscow on Monday.", "042", "CHN", "RUS"),
        ("The German chancellor telephoned the Ukrainian president.", "041", "DEU", "UKR"),
        ("The Turkish foreign minister met his Greek counterpart in Athens.", "043", "TUR", "GRC"),
        ("Japan pledged $500 million in aid to Ukraine.", "033", "JPN", "UKR"),
        ("Germany sent weapons to Ukraine.", "072", "DEU", "UKR"),
        ("Ukraine urged NATO to send more air defence systems.", "020", "UKR", "IGO"),
        ("Serbia and Kosovo agreed to a prisoner exchange.", "030", "SRB", "XKX"),
        ("The Egyptian army lifted the blockade on Gaza.", "0872", "EGY", "PSE"),
        ("Chad praised Niger for its handling of the crisis.", "051", "TCD", "NER"),
    ],
)
def test_family(sentence, code, actor1, actor2):
    rows = rows_for(sentence)
    hits = [r for r in rows if r["cameo_code"] == code]
    assert hits, f"no {code} row in {[(r['cameo_code'], r['rule_id']) for r in rows]}"
    row = hits[0]
    assert row["actor1_country"] == actor1
    assert row["actor2_country"] == actor2
    assert row["modality"] == "asserted"
    assert row["rule_id"].split(":")[0] and row["trigger"]
    assert row["sentence_text"] == sentence


def test_passive_takes_the_agent_as_source():
    rows = rows_for("The Ukrainian town of Bakhmut was shelled by Russian forces.")
    row = find(rows, "19")[0]
    assert row["actor1_country"] == "RUS" and row["actor1_sector"] == "MIL"


def test_people_lexicon_gives_country_and_sector():
    rows = rows_for("Putin met Erdogan in Sochi on Friday.")
    row = [r for r in rows if r["cameo_root"] == "04"][0]
    assert (row["actor1_code"], row["actor2_code"]) == ("RUSGOV", "TURGOV")


def test_passive_subject_is_the_target():
    rows = rows_for("Ukrainian prisoners were released by Russia on Friday.")
    row = [r for r in rows if r["cameo_code"] == "0841"][0]
    assert row["actor1_country"] == "RUS" and row["actor2_country"] == "UKR"


def test_announced_use_of_force_is_an_asserted_threat():
    rows = rows_for("Iran said it will attack Israel.")
    row = [r for r in rows if r["cameo_root"] in {"13", "18"}][0]
    assert row["cameo_code"] == "138" and row["modality"] == "asserted"
    assert row["rule_id"].endswith(":threat") and row["plover_event_type"] == "THREATEN"


def test_lifting_sanctions():
    rows = rows_for("The European Union lifted sanctions on Belarus.")
    row = [r for r in rows if r["cameo_code"] == "085"][0]
    assert row["actor1_country"] == "IGO" and row["actor2_country"] == "BLR"


def test_nominal_trigger_with_nationality_adjective():
    rows = rows_for("Russian shelling killed two civilians in Kyiv.")
    row = [r for r in rows if r["cameo_code"] == "194"][0]
    assert row["actor1_country"] == "RUS" and row["trigger"] == "shelling"


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("Russia did not withdraw its troops from Kherson.", "negated"),
        ("Russia will withdraw its troops from Kherson.", "future"),
        ("Analysts expect Russia to withdraw its troops from Kherson.", "hypothetical"),
        ("Russia could withdraw its troops from Kherson.", "hypothetical"),
        ("There was no confirmation that Russia had withdrawn its troops from Kherson.", "claimed"),
        ("Russia reportedly withdrew its troops from Kherson.", "claimed"),
        ("Moscow denied that it had withdrawn its troops from Kherson.", "negated"),
    ],
)
def test_modality(sentence, modality):
    rows = [r for r in code_text(sentence, doc_date=DOC_DATE, keep_speculative=True) if r["cameo_code"] == "0874"]
    assert rows and {r["modality"] for r in rows} == {modality}


def test_speculation_is_not_reported_by_default():
    assert not [r for r in rows_for("Analysts expect Russia to withdraw its troops from Kherson.") if r["cameo_code"] == "0874"]


def test_reported_speech_by_a_source_stays_asserted():
    rows = rows_for("A Ukrainian official said Russian troops withdrew from Kherson.")
    assert [r["modality"] for r in rows if r["cameo_code"] == "0874"] == ["asserted"]


def test_weekday_resolves_against_the_document_date():
    rows = rows_for("Russian forces shelled Kyiv on Saturday.")
    row = find(rows, "19")[0]
    assert row["event_date"] == date(2023, 3, 11) and row["date_precision"] == "day"


def test_rows_fill_code_tables_and_stable_ids():
    first = rows_for("Russian forces shelled Kyiv.")
    second = rows_for("Russian forces shelled Kyiv.")
    row = find(first, "19")[0]
    assert row["quad_class"] == 4 and row["goldstein"] == -10.0 and row["cameo_label"]
    assert row["plover_event_type"] == "ASSAULT"
    assert row["acled_sub_event_type"] == "Shelling/artillery/missile attack"
    assert [r["event_id"] for r in first] == [r["event_id"] for r in second]


def test_promised_cooperation_is_a_plover_agree():
    rows = rows_for("Japan will send aid to Ukraine.")
    row = [r for r in rows if r["cameo_root"] == "07"][0]
    assert row["modality"] == "future" and row["plover_event_type"] == "AGREE"
    asserted = [r for r in rows_for("Japan sent aid to Ukraine.") if r["cameo_root"] == "07"][0]
    assert asserted["plover_event_type"] == "AID"


def test_hunger_strike():
    rows = rows_for("Jailed Kenyan activists began a hunger strike on Friday.")
    assert [r["cameo_code"] for r in rows] == ["142"]
    assert rows[0]["actor1_country"] == "KEN" and rows[0]["plover_event_type"] == "PROTEST"


@pytest.mark.parametrize(
    "sentence, sub_event",
    [
        ("A suicide bomber blew himself up at a checkpoint in Mogadishu.", "Suicide bomb"),
        ("A roadside bomb struck an army convoy near Kandahar.", "Remote explosive/landmine/IED"),
        ("Unknown attackers threw a grenade into a crowded bar.", "Grenade"),
        ("Residents said a helicopter dropped barrels of chlorine gas on the town.", "Chemical weapon"),
        ("Militiamen raped several women in the village, witnesses said.", "Sexual violence"),
        ("Russian forces shelled Kyiv.", "Shelling/artillery/missile attack"),
        ("Israeli warplanes carried out air strikes on Lebanon.", "Air/drone strike"),
    ],
)
def test_acled_sub_event_types_from_weapons(sentence, sub_event):
    assert sub_event in {r["acled_sub_event_type"] for r in rows_for(sentence)}


@pytest.mark.parametrize(
    "sentence, sub_event",
    [
        ("Thousands of Kenyan protesters marched through Nairobi on Tuesday.", "Peaceful protest"),
        ("Kenyan protesters rallied in Nairobi before police fired tear gas to disperse them.", "Protest with intervention"),
        ("Kenyan protesters demonstrated in Nairobi and police shot dead two of them.", "Excessive force against protesters"),
        ("Kenyan protesters demonstrated in Nairobi, hurling stones and torching cars.", "Violent demonstration"),
        ("Gunmen attacked an army patrol near the border.", "Armed clash"),
        ("Gunmen attacked villagers near the border.", "Attack"),
    ],
)
def test_acled_refinements_from_cues_and_targets(sentence, sub_event):
    assert_sub_event(sentence, sub_event)


def test_statement_without_action_is_not_an_event():
    assert rows_for("The minister said the situation was difficult.") == []


def test_conjoined_subjects_give_one_row_each():
    rows = [r for r in rows_for("Russia and Belarus held military drills near the Polish border.") if r["cameo_root"] == "06"]
    assert {r["actor1_country"] for r in rows} == {"RUS", "BLR"}
    assert len({r["event_id"] for r in rows}) == 2


def test_reported_must_is_a_demand_by_the_speaker():
    rows = rows_for("The British minister said that Libya must hand over the suspects.")
    demand = [r for r in rows if r["cameo_root"] == "10"]
    assert demand and demand[0]["actor1_country"] == "GBR" and demand[0]["actor2_country"] == "LBY"
    assert demand[0]["modality"] == "asserted"
    assert not [r for r in rows if r["cameo_root"] == "08"]  # the handing over has not happened


def test_announced_withdrawal_is_a_plover_commitment():
    # the PLOVER gold standard codes announced retreats and concessions as AGREE
    rows = [r for r in rows_for("Russia will withdraw its troops from Kherson.") if r["cameo_code"] == "0874"]
    assert rows and rows[0]["plover_event_type"] == "AGREE" and rows[0]["modality"] == "future"
    done = [r for r in rows_for("Russia withdrew its troops from Kherson.") if r["cameo_code"] == "0874"]
    assert done and done[0]["plover_event_type"] == "RETREAT"


def test_urged_action_is_not_reported_as_done():
    rows = rows_for("France urged Russia to withdraw its troops from Ukraine.")
    assert {r["cameo_root"] for r in rows} == {"02"}


def test_the_thing_demanded_or_rejected_is_not_a_second_event():
    rows = rows_for("The European Union demanded the withdrawal of Serbian forces from Bosnia.")
    assert {r["cameo_root"] for r in rows} == {"10"}
    rows = rows_for("The rebels rejected the government's ultimatum.")
    assert {r["cameo_root"] for r in rows} == {"12"}


def test_agreeing_to_a_concession_is_plover_agree():
    rows = [r for r in rows_for("The president agreed to resign.") if r["cameo_code"] == "0831"]
    assert rows and rows[0]["plover_event_type"] == "AGREE"


def test_a_protest_aim_is_part_of_the_protest():
    rows = rows_for("Thousands of Kenyan students staged demonstrations to demand lower fees.")
    assert {r["cameo_root"] for r in rows} == {"14"}


@pytest.mark.parametrize("sentence, modality", [
    ("A Ukrainian official said Ukrainian troops had recaptured the town of Lyman.", "claimed"),
    ("Ukrainian troops recaptured Lyman, President Zelensky said.", "claimed"),
    ("A Ukrainian official said Russian forces shelled Kharkiv.", "asserted"),
])
def test_a_party_reporting_its_own_military_success_is_a_claim(sentence, modality):
    rows = [r for r in rows_for(sentence) if r["cameo_root"] == "19"]
    assert rows and rows[0]["modality"] == modality


def test_odd_capitals_of_a_country_name_still_match():
    rows = [r for r in rows_for("The US Secretary of State wants to help iSrael.") if r["cameo_root"] == "03"]
    assert rows and rows[0]["actor2_country"] == "ISR"


def test_agreeing_to_a_coded_action_gives_one_row():
    rows = rows_for("Obama has agreed to lift the sanctions on Iran.")
    assert [r["cameo_code"] for r in rows] == ["085"] and rows[0]["plover_event_type"] == "AGREE"


def test_a_word_of_an_organisation_name_is_not_an_event():
    rows = rows_for("Pakistan met officials of the Palestine Liberation Organization in Islamabad.")
    assert "19" not in {r["cameo_root"] for r in rows}


@pytest.mark.parametrize(
    "sentence, sub_event",
    [
        # the lemmatizer reads "staged" as "stag"; the lexicon's own verbs are tried as base forms
        ("Hundreds of farmers staged a rally outside the parliament in Nairobi.", "Peaceful protest"),
        # a demonstration the sentence reports as happening, with no named actor
        ("Large anti-government protests were held in several towns on Monday.", "Peaceful protest"),
        ("Thousands of students took part in peaceful marches across the country.", "Peaceful protest"),
        ("Thousands of people took to the streets of Minsk on Friday.", "Peaceful protest"),
        # weapons seized or found, and property looted, by unnamed hands
        ("Twelve firearms and hundreds of rounds of ammunition were seized at a checkpoint.", "Disrupted weapons use"),
        ("Ethiopian police said the pistols were discovered during a search of a bus.", "Disrupted weapons use"),
        ("Several shops were looted in the township overnight.", "Looting/property destruction"),
    ],
)
def test_unnamed_actor_events_acled_codes(sentence, sub_event):
    assert_sub_event(sentence, sub_event)


def test_mentioned_protest_is_not_an_event():
    # the noun names a protest the sentence does not report as happening
    rows = rows_for("The latest wave of protests worries the government.")
    assert not [r for r in rows if r["cameo_root"] == "14"]


def test_protest_aim_is_not_how_the_protest_went():
    rows = rows_for("Hundreds of parents staged a demonstration against gun violence in Denver.")
    assert {r["acled_sub_event_type"] for r in rows if r["cameo_root"] == "14"} == {"Peaceful protest"}
    violent = rows_for("Hundreds of parents staged a demonstration in Denver and threw stones at police.")
    assert "Violent demonstration" in {r["acled_sub_event_type"] for r in violent}


def test_defused_mines_are_not_an_explosion():
    rows = rows_for("Army sappers defused hundreds of landmines near the town.")
    assert {r["acled_sub_event_type"] for r in rows} == {"Disrupted weapons use"}


def test_entering_a_race_is_not_taking_territory():
    assert not [r for r in rows_for("The opposition leader decided to enter the presidential race.") if r["cameo_root"] == "19"]


def test_hunger_strike_keeps_its_own_code():
    rows = rows_for("The activist staged a hunger strike in prison.")
    assert "142" in {r["cameo_code"] for r in rows}


def test_base_form_guesses():
    from coding.events import base_form_guesses
    assert "stage" in base_form_guesses("staged")
    assert "stop" in base_form_guesses("stopped")
    assert "carry" in base_form_guesses("carried")
    assert "shell" in base_form_guesses("shelling")


@pytest.mark.parametrize(
    "sentence, sub_event",
    [
        # a military facility or unit as the object stands for the forces holding it
        ("Militants attacked two military bases in the north of the country.", "Armed clash"),
        ("Rebel fighters ambushed an army convoy near the border.", "Armed clash"),
        ("Insurgents attacked a police checkpoint outside the city.", "Armed clash"),
        # ... but an aid convoy is not a party to the fighting
        ("Gunmen attacked an aid convoy in Darfur.", "Attack"),
    ],
)
def test_attacks_on_forces_are_clashes(sentence, sub_event):
    rows = [r for r in rows_for(sentence) if r["cameo_root"] in {"18", "19"}]
    assert sub_event in {r["acled_sub_event_type"] for r in rows}, [(r["actor2_code"], r["rule_id"]) for r in rows]


def test_background_event_in_relative_clause_is_less_confident():
    rows = rows_for("Government forces captured a town that was the scene of a deadly chemical attack last month.")
    by_root = {r["cameo_root"]: r for r in rows}
    assert by_root["19"]["confidence"] > max(r["confidence"] for r in rows if r["cameo_root"] != "19")


def test_a_background_event_years_before_the_report_is_not_coded():
    rows = rows_for("Government forces captured a town that was the scene of a deadly chemical attack in 2017.")
    assert {r["cameo_root"] for r in rows} == {"19"}


def test_riot_police_is_an_actor_not_a_riot():
    rows = rows_for("Riot police guarded the parliament building.")
    assert not [r for r in rows if r["cameo_code"] == "145"]


def test_what_happened_during_a_protest():
    rows = rows_for("Dozens of arrests were made during a demonstration in Bristol.")
    assert "14" in {r["cameo_root"] for r in rows}


def test_recalled_past_event_is_not_reported():
    rows = rows_for("The journalists saw abandoned armour painted with a symbol of Russia's invasion.")
    assert not [r for r in rows if r["cameo_root"] in {"18", "19", "20"}]


def test_possessive_mention_of_an_earlier_visit_is_not_a_second_visit():
    text = ("German Foreign Minister Annalena Baerbock arrived in Kyiv on Saturday. "
            "Baerbock's visit follows one by the French foreign minister.")
    rows = [r for r in rows_for(text) if r["cameo_root"] == "04" and r["actor1_country"] == "DEU"]
    assert len(rows) == 1 and rows[0]["sentence_index"] == 0


def test_battle_adversary_is_its_forces_and_shelled_residents_are_civilians():
    text = ("Ukrainian troops fought Russian forces near Kharkiv. "
            "Ukrainian troops liberated Vasylenkovo and Artemivka in Kharkiv region. "
            "Russian shelling on the Kholodnogirskiy district of Kharkiv left one person dead.")
    rows = rows_for(text)
    liberated = next(r for r in rows if r["sentence_index"] == 1 and r["cameo_root"] == "19")
    assert (liberated["actor2_country"], liberated["actor2_sector"]) == ("RUS", "MIL")
    shelled = next(r for r in rows if r["sentence_index"] == 2)
    assert (shelled["actor2_country"], shelled["actor2_sector"]) == ("UKR", "CVL")


def test_pronoun_prefers_the_nearer_actor_over_a_place():
    rows = rows_for("In a meeting in Brussels, NATO said Moscow had lost ground and that its troops had withdrawn from Izyum.")
    withdrawn = [r for r in rows if r["cameo_code"].startswith("087")]
    assert withdrawn and withdrawn[0]["actor1_country"] == "RUS"


def test_subject_of_misparsed_passive_conjunct_is_the_target():
    rows = rows_for("The activists imprisoned for speaking against Minsk were released yesterday by Lukashenko himself")
    released = [r for r in rows if r["cameo_code"].startswith("084")]
    assert released and (released[0]["actor1_country"], released[0]["actor2_sector"]) == ("BLR", "OPP")
    assert not [r for r in rows if r["cameo_root"] == "17"]  # 'imprisoned' describes them: background


def test_nationality_on_the_head_beats_an_associate_in_a_modifier():
    rows = rows_for("The Al Qaeda-linked Somali militant group claimed responsibility for the bombing.")
    assert rows and rows[0]["actor1_country"] == "SOM"


def test_territory_fired_from_stands_for_the_shooter():
    rows = rows_for("Two rockets were launched from Lebanon towards northern Israel overnight.")
    assert [(r["actor1_country"], r["actor2_country"]) for r in rows if r["cameo_root"] in {"19", "20"}] == [("LBN", "ISR")]


def test_what_a_resolution_provides_for_is_not_an_event():
    rows = rows_for("Hungary said it will support a Security Council resolution that aims to tighten sanctions against Serbia.")
    assert not [r for r in rows if r["cameo_root"] in {"13", "16"}], [(r["cameo_code"], r["rule_id"]) for r in rows]


def test_projectiles_that_struck_are_shelling_and_slamming_into_is_not_criticism():
    rows = rows_for("Four rockets fired from Syria slammed into the Turkish town of Kilis on Monday.")
    shelling = [r for r in rows if r["acled_sub_event_type"] == "Shelling/artillery/missile attack"]
    assert shelling and (shelling[0]["actor1_country"], shelling[0]["actor2_country"]) == ("SYR", "TUR")
    assert not [r for r in rows if r["cameo_root"] == "11"]
    assert [r["cameo_code"] for r in rows_for("The minister slammed the decision.")] == ["111"]
    # a missile that is only mentioned is not a strike
    assert not rows_for("Iran displayed new missiles at a military parade.")


@pytest.mark.parametrize(
    "sentence, code, sub_event",
    [
        ("Israeli jets struck a weapons depot near Damascus overnight.", "195", "Air/drone strike"),
        ("Turkish artillery hit Kurdish positions near the border.", "194", "Shelling/artillery/missile attack"),
    ],
)
def test_weapons_as_subjects_of_a_strike(sentence, code, sub_event):
    rows = rows_for(sentence)
    assert (code, sub_event) in {(r["cameo_code"], r["acled_sub_event_type"]) for r in rows}
    assert "Disrupted weapons use" not in {r["acled_sub_event_type"] for r in rows}


def test_strike_verbs_need_a_weapon_subject():
    assert not rows_for("The earthquake hit the region on Monday.")


def test_aim_of_a_protest_joined_or_staged_is_not_a_separate_appeal():
    rows = rows_for("Thousands of students took part in peaceful marches to call for action against climate change.")
    assert {r["cameo_root"] for r in rows} == {"14"}


def test_what_a_plan_provides_for_is_not_an_event():
    rows = rows_for("Protesters rallied against the government's plan for mass arrests of migrants.")
    assert "17" not in {r["cameo_root"] for r in rows}


def test_passive_subject_named_in_an_of_phrase():
    rows = rows_for("Two of the country's most prominent activists have been detained by police.")
    arrest = [r for r in rows if r["cameo_root"] == "17"]
    assert arrest and arrest[0]["actor2_sector"] == "OPP"


def test_main_verb_is_more_confident_than_a_circumstance():
    rows = rows_for("Afghan security forces in their latest crackdown on Taliban militants recaptured the district on Friday.")
    best = max(rows, key=lambda r: r["confidence"])
    assert best["cameo_root"] == "19"


def test_relative_pronoun_is_the_noun_it_describes_not_the_main_subject():
    rows = rows_for("Syrian government forces captured a town that was the scene of a deadly chemical weapons attack.")
    attack = [r for r in rows if r["cameo_root"] in {"18", "20"}]
    assert attack and all(r["actor1_country"] is None for r in attack)


def test_subject_hung_on_the_auxiliary():
    rows = rows_for("Russia's defence ministry said it was dispatching reinforcements to Kharkiv.")
    assert [r["actor1_country"] for r in rows if r["cameo_root"] == "15"] == ["RUS"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A tsunami following a volcanic eruption killed 222 people on Saturday night.",
        "Authorities say a dozen people have been killed in a plane crash in central Colombia.",
        "Multiple earthquakes struck the island on Sunday, killing at least two people.",
    ],
)
def test_disasters_and_accidents_are_not_violent_events(sentence):
    assert not [r for r in rows_for(sentence) if r["cameo_root"] in {"18", "19", "20"}]


def test_an_attack_at_a_disaster_site_is_still_an_attack():
    rows = rows_for("Gunmen attacked a convoy of flood victims, killing six people.")
    assert [r for r in rows if r["cameo_root"] in {"18", "19"}]
    # a proper name that contains a disaster word names no disaster
    assert [r for r in rows_for("A member of the Storm Corps was killed in a blast.") if r["cameo_root"] in {"18", "19"}]


def test_chemical_plant_is_not_a_chemical_weapon():
    rows = rows_for("A bomb exploded near a chemical plant in the port, killing six people.")
    assert rows and "Chemical weapon" not in {r["acled_sub_event_type"] for r in rows}
    gas = rows_for("Government helicopters dropped chlorine gas on the town, killing six people.")
    assert "Chemical weapon" in {r["acled_sub_event_type"] for r in gas}


def test_deaths_in_a_strike_are_the_strikes_toll_and_victims():
    rows = rows_for("At least three civilians were killed and five injured in a coalition airstrike in the town.")
    assert [(r["cameo_code"], r["actor2_sector"], r["fatalities"]) for r in rows] == [("195", "CVL", 3)]


def test_jets_destroying_depots_is_an_air_strike_and_an_army_destroying_a_bridge_is_not():
    assert "195" in {r["cameo_code"] for r in rows_for("Turkish jets destroyed weapon depots in northern Iraq.")}
    assert {r["cameo_code"] for r in rows_for("The army destroyed the bridge.")} == {"1712"}


def test_people_taken_by_forces_are_detained():
    rows = rows_for("Israeli forces have taken dozens of Palestinians in a series of raids across the West Bank.")
    assert "173" in {r["cameo_code"] for r in rows}
    raids = rows_for("Police are conducting raids to detain opposition activists.")
    assert "Arrests" in {r["acled_sub_event_type"] for r in raids}


def test_crowds_confronting_police_and_setting_fires():
    rows = rows_for("Groups of youths confronted police in several towns on Monday night.")
    assert "Violent demonstration" in {r["acled_sub_event_type"] for r in rows}
    assert not [r for r in rows_for("The United States confronted China over trade.") if r["cameo_root"] == "14"]
    assert "1712" in {r["cameo_code"] for r in rows_for("Rioters set the police station on fire.")}


def test_participial_description_and_purposes_are_not_events():
    rows = rows_for("Ukrainian troops were closing in on the city of Lysychansk, captured by Russian troops after fierce battles in July.")
    assert not [r for r in rows if r["trigger"].startswith("captured")]
    assert [r["actor1_country"] for r in rows if r["trigger"].startswith("closing")] == ["UKR"]
    bid = rows_for("Blinken said Moscow was paying huge costs in its bid to capture Ukrainian territory.")
    assert not [r for r in bid if r["cameo_root"] in {"13", "19"}]


def test_actions_inside_an_ultimatum_are_requested_and_its_troops_are_the_countrys():
    rows = rows_for("Peru has issued an ultimatum to Ecuador to halt attacks across their disputed border.")
    assert {r["cameo_root"] for r in rows} == {"13"}


def test_readiness_to_coerce_is_a_threat_and_raging_battles_happen():
    rows = rows_for("Mali's interim government announced that it is prepared to impose martial law as street battles raged in the capital.")
    assert {r["cameo_root"] for r in rows} == {"13", "19"}
    assert [r["modality"] for r in rows if r["cameo_root"] == "13"] == ["asserted"]


def test_clauses_with_their_own_tense_keep_their_own_modality():
    rows = rows_for("Bosnia and Slovenia agreed to a ceasefire but media reports said clashes were still continuing.")
    assert [r["modality"] for r in rows if r["cameo_root"] == "19"] == ["asserted"]
    hostage = rows_for("The rebels said they will release the minister, whom they had taken hostage two weeks ago.")
    assert not [r for r in hostage if r["cameo_root"] == "18" and r["modality"] == "future"]


def test_a_state_that_has_lasted_months_is_background():
    rows = rows_for("Observers expect more gains in the region, which has been shelled by Russian artillery for months.")
    assert not [r for r in rows if r["modality"] == "asserted"]


def test_fighting_that_frames_a_capture_is_less_confident_than_the_capture():
    rows = rows_for("Syrian forces took full control of the town of Rabia in fierce clashes with the militants.")
    assert max(rows, key=lambda r: r["confidence"])["cameo_code"] == "192"


def test_hyphenated_event_nouns_and_armed_criminals():
    rows = rows_for("During the shoot-out between the bandits and soldiers, one civilian was killed.")
    assert "193" in {r["cameo_code"] for r in rows}
    assert "141" in {r["cameo_code"] for r in rows_for("Activists participated in a die-in outside the embassy.")}
    kidnap = rows_for("Bandits kidnapped 20 villagers in Zamfara state, Nigeria.")
    assert [(r["acled_actor1"], r["inter1"]) for r in kidnap] == [("Unidentified Armed Group (Nigeria)", 3)]


def test_setting_off_a_bomb_happened_and_being_set_to_is_future():
    rows = rows_for("Militants set off an improvised explosive device (IED) in a car at a village on Monday evening.")
    assert rows and all(r["modality"] == "asserted" and r["cameo_root"] == "18" for r in rows)
    assert "Grenade" in {r["acled_sub_event_type"] for r in rows_for("Militants hurled two grenades at soldiers near the school.")}


def test_called_on_to_surrender_is_a_request_not_a_surrender():
    rows = rows_for("Police called on the gunmen to surrender.")
    assert {r["cameo_root"] for r in rows} == {"02"}


def test_what_a_decision_is_about_is_not_an_event():
    rows = rows_for("Students protested the government's decision of sending troops to Iraq.")
    assert "15" not in {r["cameo_root"] for r in rows}


def test_death_in_a_while_clause_belongs_to_the_fight_and_protestors_are_protesters():
    rows = rows_for("During the shoot-out between the bandits and soldiers, four soldiers were injured while one civilian was killed.")
    assert "180" not in {r["cameo_code"] for r in rows}
    attack = rows_for("Israeli forces attacked peaceful protestors near the fence.")
    assert {r["actor2_sector"] for r in attack} == {"OPP"}


def test_a_countrys_attacks_on_peaceful_protesters_are_excessive_force():
    rows = rows_for("A civilian was killed as a result of Israeli attacks against peaceful protestors at the fence on Friday.")
    assert "Excessive force against protesters" in {r["acled_sub_event_type"] for r in rows}


def test_pronoun_subject_of_reported_speech_is_the_speaker():
    rows = rows_for("The Fijian rebels said they will release the hostages on the weekend.")
    assert {r["actor1_code"] for r in rows if r["cameo_root"] in {"03", "08"}} == {"FJIREB"}
    ec = rows_for("European Community foreign ministers demanded the withdrawal of Serbian forces from Bosnia.")
    assert {r["actor1_country"] for r in ec} == {"IGO"}


def test_handing_over_control_of_territory_is_a_non_violent_transfer():
    rows = rows_for("The coalition forces handed control of the military camp back to Iraqi Security Forces.")
    assert "Non-violent transfer of territory" in {r["acled_sub_event_type"] for r in rows}


def test_reinforcing_positions_is_a_force_posture():
    rows = rows_for("The Syrian military reinforced its air defence systems along the border.")
    assert [(r["cameo_code"], r["actor1_country"]) for r in rows] == [("150", "SYR")]


def test_a_mob_setting_someone_ablaze_is_mob_violence_not_taking_territory():
    rows = rows_for("A suspected thief was set ablaze by an angry mob in the village community on Wednesday.")
    assert {r["acled_sub_event_type"] for r in rows} == {"Mob violence"}


@pytest.mark.parametrize("text", [
    "JNIM fighters took control of the town of Boulkessi after the army withdrew from its base on Friday.",
    "Rebels captured Bunagana. Government troops had pulled out of the border town a day earlier.",
    "The militia seized the village unopposed following the departure of the soldiers and their withdrawal of heavy weapons.",
])
def test_a_takeover_after_the_other_side_withdrew_is_a_non_violent_transfer(text):
    assert_sub_event(text, "Non-violent transfer of territory")


def test_a_takeover_after_fierce_fighting_is_not_a_peaceful_transfer():
    rows = rows_for("Rebels captured Bunagana after fierce fighting, and government troops withdrew.")
    captured = [r for r in rows if r["trigger"].startswith("captured")]
    assert captured and captured[0]["acled_sub_event_type"] == "Non-state actor overtakes territory"


@pytest.mark.parametrize("text, target", [
    ("A roadside bomb hit a military convoy near Mopti, killing three soldiers.", "MIL"),
    ("A car bomb targeted a police station in Quetta.", "COP"),
    ("A landmine hit a bus near Kidal, killing five villagers.", "CVL"),
])
def test_a_weapon_that_hits_something_has_that_target(text, target):
    rows = [r for r in rows_for(text) if r["cameo_root"] == "18"]
    assert rows and rows[0]["actor2_sector"] == target, [(r["cameo_code"], r["actor2_code"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Hundreds of doctors went on strike in Nairobi over unpaid wages.",
    "Teachers walked out of classrooms across Zimbabwe.",
    "Dock workers downed tools in Durban on Monday.",
])
def test_strikes_told_with_a_verb(text):
    rows = rows_for(text)
    assert "143" in {r["cameo_code"] for r in rows}


@pytest.mark.parametrize("text", [
    "Soldiers seized power in Niamey on Wednesday.",
    "The rebels seized the initiative after the ceasefire collapsed.",
    "The opposition seized the opportunity to call for new elections.",
])
def test_seizing_power_or_an_opportunity_takes_no_property(text):
    assert not [r for r in rows_for(text) if r["cameo_code"] == "171"]


@pytest.mark.parametrize("text, target", [
    ("Israel said its jets struck Hezbollah targets in southern Lebanon.", "LBNREB"),
    ("US forces bombed Houthi sites in Yemen.", "YEMREB"),
    ("Nigerian jets hit Boko Haram facilities near Lake Chad.", "NGAREB"),
])
def test_a_groups_targets_and_sites_stand_for_the_group(text, target):
    assert target in {r["actor2_code"] for r in rows_for(text)}


@pytest.mark.parametrize("text, sub_event", [
    ("US forces bombed Houthi sites in Yemen.", "Air/drone strike"),
    ("The Sudanese army bombed RSF positions in Nyala.", "Air/drone strike"),
    ("Militants bombed a bus station in Quetta.", "Remote explosive/landmine/IED"),
])
def test_who_bombs_decides_air_strike_or_explosive(text, sub_event):
    assert_sub_event(text, sub_event)
