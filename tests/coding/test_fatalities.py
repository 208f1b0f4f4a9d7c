import pytest

from coding.fatalities import fatalities_in, number_value


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shelling on the district had left at least one person dead and two injured.", 1),
        ("Officials said the shelling had left two dead.", 2),
        ("A car bomb exploded at the market, killing at least 12.", 12),
        ("A dozen people were killed in the raid.", 12),
        ("Gunmen killed 30 civilians in the village.", 30),
        ("The death toll from the strike rose to 23.", 23),
        ("Clashes left twenty-one dead.", 21),
        ("Dozens of people were killed in the fighting.", 12),
        ("Several soldiers were killed in the ambush.", 3),
        ("The explosion caused 1,200 deaths.", 1200),
        ("Ten to 15 protesters were killed.", 10),
        ("Between 10 and 15 people were killed when the market was hit.", 10),
        ("Gunmen stormed the church, killing three or four worshippers.", 3),
        ("Two guards were shot dead at the gate.", 2),
        ("The ambush claimed the lives of 7 soldiers.", 7),
        ("Tens of pro-government fighters were killed near the dam.", 10),
        ("Eleven people were injured and two were killed in the blast.", 2),
        ("The attack killed two and wounded seven.", 2),
        ("Several hundred people marched; hundreds were killed in the crackdown.", 100),
        ("Rebels massacred 40 villagers overnight.", 40),
        # stacked qualifiers, a part named between the count and its verb, more kinds of victims
        ("A total of at least 30 people, including 11 civilians, were killed over the three days.", 30),
        ("At least 19 people, including 13 soldiers, were killed in the violence.", 19),
        ("Police opened fire on the crowd and several rioters were killed.", 3),
        ("Four inmates were killed when guards fired on the prison yard.", 4),
        # the manner before the victims
        ("Separatists shot dead three policemen at a checkpoint.", 3),
        ("Gunmen shot dead at least five worshippers in Kaduna.", 5),
        ("A mob hacked to death 12 villagers near Bunia.", 12),
        ("Militants stoned to death two women in the square.", 2),
    ],
)
def test_death_counts(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "text",
    ["The attack left five injured.", "Troops left the city on Friday.", "Two people were wounded.", "The army said it killed time.",
     "The raid left 4 people wounded.", "Police said 3,000 people took part in the march.", "He was killed in 2019.",
     "There were 2 casualties.", "Dozens of people were injured in the stampede."],
)
def test_no_death_count(text):
    assert fatalities_in(text) is None


def test_number_words():
    assert number_value("forty-two") == 42
    assert number_value("1,500") == 1500
    assert number_value("hundreds") == 100
    assert number_value("many") is None


@pytest.mark.parametrize("sentence, count", [
    ("One woman died.", 1),
    ("The victim died in hospital.", 1),
    ("A farmer was killed near Kaduna.", 1),
    ("A 25-year-old man was shot dead in Port-au-Prince.", 1),
    ("Gunmen shot him dead outside his house.", 1),
    ("Two policemen were shot dead.", 2),
])
def test_singular_and_parsed_death_reports(sentence, count):
    from coding.fatalities import deaths_in_sentence
    from coding.nlp import load_nlp

    found = deaths_in_sentence(next(load_nlp()(sentence).sents))
    assert found is not None and found[0] == count


@pytest.mark.parametrize("sentence", [
    "The attack killed the peace deal.",
    "Soldiers were not killed in the raid.",
    "Three people were injured.",
])
def test_no_death_is_read_where_none_is_reported(sentence):
    from coding.fatalities import deaths_in_sentence
    from coding.nlp import load_nlp

    assert deaths_in_sentence(next(load_nlp()(sentence).sents)) is None


@pytest.mark.parametrize("text, expected", [
    ("On 3 March 2021, five NPA fighters were killed in a clash.", 5),  # the year beside its month is no count
    ("In 2019, 14 soldiers were killed in an ambush near Diffa.", 14),
    ("On May 2, 2022, two protesters were shot dead in Khartoum.", 2),
    ("An unspecified number of soldiers were killed.", 3),
    ("The raid killed an unknown number of villagers.", 3),
])
def test_years_are_not_counts_and_open_counts_are_vague(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", [
    "Militants attacked the town of Dori in 2022, residents said.",
    "The brigade's 122mm guns fired at Avdiivka.",
    "A 45-year-old woman was wounded.",
    "Police arrested 25 protesters.",
    "Three people are missing after the raid.",
])
def test_years_calibres_ages_and_arrests_are_never_deaths(text):
    assert fatalities_in(text) is None


@pytest.mark.parametrize("sentence", [
    "The army said 300 soldiers had been killed in the region this week.",
    "More than 1,000 civilians have been killed since January.",
    "At least 40 people were killed in the past two weeks in Borno.",
    "So far, 25 protesters have died in the unrest.",
    "Rights groups say the security forces have killed 80 demonstrators since the start of the uprising.",
])
def test_totals_over_a_period_are_no_events_toll(sentence):
    from coding.fatalities import deaths_in_sentence
    from coding.nlp import load_nlp

    assert deaths_in_sentence(next(load_nlp()(sentence).sents)) is None


@pytest.mark.parametrize("sentence, count", [
    ("Last week, soldiers killed three militants in Borno state.", 3),  # dated to a week, one event
    ("Police have killed two protesters since Sunday.", 2),  # a span of days is still the event's time
    ("Gunmen killed a 45-year-old farmer in Benue state.", 1),
    ("Military police shot dead a suspect in Recife.", 1),
])
def test_one_events_toll_is_still_read(sentence, count):
    from coding.fatalities import deaths_in_sentence
    from coding.nlp import load_nlp

    found = deaths_in_sentence(next(load_nlp()(sentence).sents))
    assert found is not None and found[0] == count


@pytest.mark.parametrize("text", ["No fatalities were reported.", "No casualties reported.", "Nobody was killed.",
                                  "No one was killed in the ambush.", "The convoy was hit without casualties."])
def test_a_report_of_no_deaths_counts_zero(text):
    found = fatalities_in(text)
    assert found is not None and found[0] == 0


@pytest.mark.parametrize("text, expected", [
    ("At least 15 civilians and 2 soldiers were killed.", 17),
    ("Three police officers, two soldiers and a child died.", 6),
    ("Two soldiers and five militants were killed in the clash.", 7),
    ("Between 10 and 15 people were killed when the market was hit.", 10),  # a range, not two groups
])
def test_conjoined_groups_of_dead_add_up(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


def test_a_revised_toll_replaces_the_first():
    from coding.coder import code_text

    rows = code_text("Gunmen killed 4 people in an attack on a market in Beledweyne. The death toll later rose to 6.")
    assert [r["fatalities"] for r in rows if r["cameo_root"] == "18"] == [6]
    rows = code_text("Gunmen killed 4 people in an attack on a market in Beledweyne. Two more bodies were found later.")
    assert [r["fatalities"] for r in rows if r["cameo_root"] == "18"][0] == 4


@pytest.mark.parametrize("text, expected", [
    ("The army said 14 terrorists were neutralised during the operation.", 14),
    ("Troops neutralized at least 6 insurgents near the river.", 6),
    ("Eleven bandits have been neutralised by the air force.", 11),
    ("Two soldiers and 9 attackers were neutralised, the ministry said.", 11),
])
def test_neutralised_people_are_dead(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", ["Engineers neutralised two IEDs on the road.", "The unit neutralized 3 drones over the city.",
                                  "Sappers neutralised 12 mines."])
def test_neutralised_things_are_no_deaths(text):
    assert fatalities_in(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Four VDP and 9 militants died in the fighting.", 13),  # a force named by its acronym
    ("The attack killed 3 FAMa soldiers and 2 civilians.", 5),  # the groups a killing verb lists add up (ACLED counts all)
    ("The attack killed 3 FAMa soldiers and wounded 2 civilians.", 3),  # the wounded never count
    ("Five SNA and two AMISOM were killed.", 7),
])
def test_forces_named_by_acronym_are_counted(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("The army said 8 soldiers were killed and 14 others wounded, and that about 20 assailants were neutralised.", 28),
    ("Gunmen killed 4 police officers before troops killed 7 gunmen in a pursuit.", 11),
    ("Twelve villagers died in the raid; 3 attackers were also killed by vigilantes.", 15),
])
def test_separate_counts_of_different_sides_add_up(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("Militants killed 10 people, including 4 children who were killed in their beds.", 10),  # a part, not another side
    ("Five soldiers were killed; 5 soldiers were killed, the army repeated.", 5),  # the same people twice
    ("The bombing killed 20 people and 30 were wounded.", 20),
])
def test_parts_and_restatements_are_not_added(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("sentence, count", [
    ("Gunmen killed a rural workers' leader and his son in Anapu.", 2),
    ("A village chief and his wife were killed by bandits in Zamfara.", 2),
    ("Unknown assailants murdered a farmer and his brother near Beni.", 2),
])
def test_each_conjoined_victim_counts(sentence, count):
    from coding.fatalities import deaths_in_sentence
    from coding.nlp import load_nlp

    found = deaths_in_sentence(next(load_nlp()(sentence).sents))
    assert found is not None and found[0] == count


@pytest.mark.parametrize("text, events", [
    ("AFRICOM said 30 militants were killed; fatalities split among 3 events.", 3),
    ("[Deaths were divided between two events.]", 2),
    ("The toll is spread across 4 separate events.", 4),
    ("Fatalities were reported in several places.", None),
])
def test_a_toll_split_among_events(text, events):
    from coding.fatalities import split_among

    assert split_among(text) == events


@pytest.mark.parametrize("text, deaths", [
    ("On 10 March 2023, US forces carried out airstrikes on al Shabaab near Jamaame. 30 militants were killed; fatalities split among 3 events.", 10),
    ("On 4 May 2022, the army shelled rebel positions near Beni, killing 20 rebels. Fatalities divided among 2 events.", 10),
    ("On 1 June 2021, Russian artillery hit Kharkiv, killing 7 civilians [fatalities split across 3 events].", 2),
])
def test_each_row_takes_its_share_of_a_split_toll(text, deaths):
    from coding.coder import code_text

    assert max(r["fatalities"] or 0 for r in code_text(text)) == deaths


@pytest.mark.parametrize("text, expected", [
    ("Local sources reported between 6 and 9 civilian deaths.", 6),
    ("The army confirmed 12 military fatalities.", 12),
    ("Hospitals recorded at least 30 confirmed deaths after the strike.", 30),
])
def test_deaths_with_a_word_before_them(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text, deaths", [
    ("On 3 May 2021, ISWAP militants attacked a military base in Mainok. 5 soldiers were killed. 12 militants were also killed.", 17),
    ("On 3 May 2021, JNIM militants ambushed a FAMa patrol near Boni. Four soldiers died. The army said 20 terrorists were "
     "neutralised in the response.", 24),
    ("On 8 June 2022, police clashed with gang members in Salvador. Two officers were killed. Three gang members were also killed.", 5),
])
def test_later_sentences_counting_another_side_add_to_the_toll(text, deaths):
    from coding.coder import code_text

    assert max(r["fatalities"] or 0 for r in code_text(text)) == deaths


@pytest.mark.parametrize("text, deaths", [
    ("Gunmen killed 4 people in an attack on a market in Beledweyne. Two children were killed.", 4),  # maybe among the 4
    ("Militants attacked a base near Gao, killing 5 soldiers. 5 soldiers were killed, the army said.", 5),  # the same people
    ("Rebels shelled Goma, killing 7 civilians. The death toll later rose to 9 civilians.", 9),  # an update replaces
])
def test_later_counts_of_the_same_people_do_not_add(text, deaths):
    from coding.coder import code_text

    assert max(r["fatalities"] or 0 for r in code_text(text)) == deaths


def test_victim_nouns():
    from coding.fatalities import victim_nouns

    assert victim_nouns("2 soldiers and 5 militants died") == {"soldier", "militant"}
    assert victim_nouns("A farmer was killed") == {"farmer"}
    assert victim_nouns("killing at least 12") == {""}


@pytest.mark.parametrize("text, expected", [
    # a manner of killing before its victims (Sudan, DR Congo, Colombia, Haiti)
    ("Security forces shot dead nine demonstrators in Omdurman.", 9),
    ("ADF militants hacked to death at least 18 villagers near Oicha.", 18),
    ("Gunmen shot dead three police officers at a checkpoint in Tumaco.", 3),
    ("A mob stoned to death two suspected thieves in Port-au-Prince.", 2),
])
def test_a_killing_manner_before_its_victims_counts_them(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "all N" in a list of sides (Pakistan, Nigeria, Burkina Faso)
    ("Four policemen and all six attackers were killed in the gunfight.", 10),
    ("Two soldiers and all 12 assailants were killed when the base in Monguno was attacked.", 14),
    ("All three gunmen and a guard died in the shootout near Djibo.", 4),
])
def test_all_of_a_side_counts_in_a_list_of_dead(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "were reported killed / confirmed dead" (DR Congo, Cameroon, Myanmar)
    ("Several civilians were reported killed in Kitshanga.", 3),
    ("Five villagers were confirmed dead after the raid on Kumbo.", 5),
    ("At least 7 people were reported killed when the market in Monywa was bombed.", 7),
])
def test_reported_and_confirmed_deaths_count(text, expected):
    found = fatalities_in(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("sentence, count", [
    # one person named by a role or trade that names no sector (Mexico, Nigeria, Colombia, Cameroon)
    ("Armed men shot dead a municipal council candidate in Celaya.", 1),
    ("Suspected militiamen hacked to death a herder near Mangu.", 1),
    ("A pastor was killed by gunmen in Bamenda.", 1),
    ("Unknown assailants murdered a shopkeeper and his son in Tumaco.", 2),
])
def test_a_person_named_by_a_role_counts_one(sentence, count):
    from coding.fatalities import deaths_in_sentence
    from coding.nlp import load_nlp

    found = deaths_in_sentence(next(load_nlp()(sentence).sents))
    assert found is not None and found[0] == count


def test_person_nouns_come_from_the_vocabulary():
    from coding.fatalities import HUMAN_NOUNS
    from coding.vocabulary import words

    assert HUMAN_NOUNS == words("person_nouns") and {"candidate", "herder", "pastor"} <= HUMAN_NOUNS
