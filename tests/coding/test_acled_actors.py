"""ACLED actors, inter codes and interaction; the cue lexicon's load-time checks."""

import datetime as dt

import pytest

from coding.acled.actors import acled_actor, actor_kind, interaction, regimes
from coding.acled.cues import default_cues, load_acled_cues
from coding.actors import Actor
from coding.coder import code_text
from coding.errors import LexiconError
from coding.lexicon import default_lexicon


def actor(name, country, sector, org=None):
    return Actor(name, country, sector, 0, len(name), False, org)


@pytest.mark.parametrize(
    "who, event_country, kind, name, inter",
    [
        (actor("Russian troops", "RUS", "MIL"), "UKR", "foreign_state", "Military Forces of Russia (2000-)", 8),
        (actor("Kenyan police", "KEN", "COP"), "KEN", "state", "Police Forces of Kenya (2022-)", 1),
        (actor("protesters", "KEN", "OPP"), "KEN", "protester", "Protesters (Kenya)", 6),
        (actor("villagers", "NGA", "CVL"), "NGA", "civilian", "Civilians (Nigeria)", 7),
        (actor("gunmen", None, "REB"), "NGA", "militia", "Unidentified Armed Group (Nigeria)", 3),
        (actor("Boko Haram fighters", "NGA", "REB", "NGAREB"), "NGA", "rebel", "Boko Haram", 2),
        (actor("ethnic militia", "NGA", "REB"), "NGA", "identity_militia", "Communal Militia (Nigeria)", 4),
    ],
)
def test_kinds_names_and_inter_codes(who, event_country, kind, name, inter):
    lex = default_lexicon()
    got_kind = actor_kind(who, event_country, lex)
    assert got_kind == kind
    got = acled_actor(got_kind, who, who.country or event_country, lex, dt.date(2023, 6, 1))
    assert (got.name, got.inter) == (name, inter)


def test_regime_period_follows_the_event_date():
    lex = default_lexicon()
    police = actor("police", "KEN", "COP")
    assert acled_actor("state", police, "KEN", lex, dt.date(2018, 3, 1)).name == "Police Forces of Kenya (2013-2022)"
    assert acled_actor("state", police, "KEN", lex, dt.date(2023, 3, 1)).name == "Police Forces of Kenya (2022-)"
    assert "KEN" in regimes()


@pytest.mark.parametrize("one, two, code", [(1, 8, 18), (8, 1, 18), (7, None, 70), (None, 6, 60), (1, 1, 11), (None, None, None)])
def test_interaction_puts_the_smaller_code_first(one, two, code):
    assert interaction(one, two) == code


def test_protest_row_columns():
    rows = code_text("Kenyan police fired tear gas at protesters in Nairobi on Tuesday.", doc_date=dt.date(2023, 7, 12))
    row = next(r for r in rows if r["acled_sub_event_type"] == "Protest with intervention")
    assert row["acled_actor1"] == "Protesters (Kenya)" and row["inter1"] == 6
    assert row["acled_actor2"] == "Police Forces of Kenya (2022-)" and row["inter2"] == 1
    assert row["interaction"] == 16 and row["disorder_type"] == "Demonstrations" and row["civilian_targeting"] is None


def test_violence_against_civilians_puts_civilians_second_and_flags_targeting():
    rows = code_text("Gunmen killed five villagers in an attack on their farm in Nigeria on Friday.")
    row = max(rows, key=lambda r: r["confidence"])
    assert row["acled_event_type"] == "Violence against civilians"
    assert row["inter2"] == 7 and row["acled_actor2"].startswith("Civilians")
    assert row["inter1"] == 3 and row["interaction"] == 37 and row["civilian_targeting"] == "Civilian targeting"


def test_unnamed_protesters_still_make_a_protest():
    row = max(code_text("Thousands of teachers marched peacefully through Accra to demand higher wages."), key=lambda r: r["confidence"])
    assert row["acled_sub_event_type"] == "Peaceful protest" and row["acled_actor1"].startswith("Protesters") and row["interaction"] == 60


def test_the_packaged_cue_lexicon_loads_with_unique_ids():
    cues = default_cues()
    assert len(cues) > 20 and len({c.id for c in cues}) == len(cues)
    assert all(c.id.startswith("acled.") for c in cues)


@pytest.mark.parametrize(
    "text, code",
    [
        ("- id: a.b\n  when: [Peaceful protest]\n  then: [Protests, Peaceful protest\n", "E201"),
        ("- id: a.b\n  when: [Nonsense]\n  then: [Protests, Peaceful protest]\n", "E202"),
        ("- id: a.b\n  when: [Attack]\n  then: [Protests, Attack]\n", "E202"),
        ("- id: a.b\n  when: [Attack]\n  target: [aliens]\n  then: [Battles, Armed clash]\n", "E202"),
        ("- id: a.b\n  when: [Attack]\n  then: null\n- id: a.b\n  when: [Attack]\n  then: null\n", "E203"),
        ("- id: a.b\n  cues: [x]\n  then: [Battles, Armed clash]\n", "E204"),
        ("- id: a.b\n  when: [Attack]\n  colour: red\n  then: null\n", "E204"),
        ("- id: a.b\n  when: [Attack]\n  window: 9\n  then: null\n", "E204"),
    ],
)
def test_cue_lexicon_errors_carry_stable_codes(tmp_path, text, code):
    path = tmp_path / "acled_cues.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_acled_cues(path)
    assert err.value.code.value == code and str(path) in str(err.value)
