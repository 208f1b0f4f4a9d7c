"""The PETRARCH/Phoenix actor and agent dictionaries as lexicon fallbacks: converter, loader, dates, guards.

The sentences are written for these tests; they go through the real spaCy model.
"""

from datetime import date
from pathlib import Path

import pytest

from coding.actors import StoryActors
from coding.coder import code_text
from coding.errors import ErrorCode, LexiconError
from coding.lexicon import LEXICON_DIR, Lexicon, default_lexicon
from coding.nlp import load_nlp
from coding.petrarch.actors import ACTOR_HEADER, DatedActorEntry, load_petrarch_actors, read_actors

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch"
PACKAGED = LEXICON_DIR / "petrarch"


def rows_for(sentence: str, day: date) -> list[dict]:
    return code_text(sentence, doc_date=day)


def actor_codes(sentence: str, day: date) -> set[str | None]:
    return {code for r in rows_for(sentence, day) for code in (r["actor1_code"], r["actor2_code"])}


# --- converter ------------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not (SOURCE / "Phoenix.agents.txt").is_file(), reason="../shared/reference/petrarch is not on this machine")
def test_converter_is_deterministic_and_matches_the_packaged_tables(tmp_path):
    from tools.petrarch_actors import main

    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["--source", str(SOURCE), "--out", str(first)]) == 0
    assert main(["--source", str(SOURCE), "--out", str(second)]) == 0
    for name in ("actors.tsv", "agents.tsv"):
        data = (first / name).read_bytes()
        assert data == (second / name).read_bytes(), name
        assert data == (PACKAGED / name).read_bytes(), f"{name}: re-run tools/petrarch_actors.py"


def test_packaged_tables_have_no_common_one_word_names_or_one_word_people():
    for _line, forms, entry in read_actors(PACKAGED / "actors.tsv"):
        for form in forms:
            assert form not in {"Will", "Hope", "Rose", "Job", "Gen", "May"}, (form, entry.id)
            if entry.kind == "person":
                assert len(form.split()) >= 2, (form, entry.id)


# --- loader ---------------------------------------------------------------------------------------------------------
def _write_actors(tmp_path: Path, *rows: str) -> Path:
    folder = tmp_path / "petrarch"
    folder.mkdir()
    (folder / "actors.tsv").write_text("\t".join(ACTOR_HEADER) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return folder


def test_bad_code_names_file_and_line(tmp_path):
    folder = _write_actors(tmp_path, "petr.actor.good\tGood Front\tSYRREB\tSYR\tREB\tarmed_group\t",
                           "petr.actor.bad\tBad Front\tsyr-reb\tSYR\tREB\tarmed_group\t")
    with pytest.raises(LexiconError) as err:
        load_petrarch_actors(Lexicon(), folder)
    assert err.value.code == ErrorCode.E202_LEXICON_UNKNOWN_CODE
    assert f"{folder / 'actors.tsv'}:3:" in str(err.value)


def test_unknown_sector_bad_role_and_duplicate_id_are_errors(tmp_path):
    folder = _write_actors(tmp_path, "petr.actor.x\tX Front\tSYRREB\tSYR\tXYZ\tarmed_group\t")
    with pytest.raises(LexiconError, match=r"actors.tsv:2: sector 'XYZ'"):
        load_petrarch_actors(Lexicon(), folder)
    cases = {
        "role": ("petr.actor.a\tAa Bb\tSYRGOV\tSYR\tGOV\tperson\tSYRGOV:2001-01-01:2002-01-01\n"
                 "petr.actor.b\tCc Dd\tIRQGOV\tIRQ\tGOV\tperson\tIRQGOV:2003-01-01:2002-01-01\n", ErrorCode.E204_LEXICON_BAD_ENTRY),
        "code": ("petr.actor.a\tAa Bb\tSYRGOV\tSYR\tGOV\tperson\tSYRGOV::\n"
                 "petr.actor.b\tCc Dd\tIRQGOV\tIRQ\tGOV\tperson\tIRQGOVX::;IRQGOV::\n", ErrorCode.E204_LEXICON_BAD_ENTRY),
        "duplicate": ("petr.actor.a\tAa Bb\tSYRGOV\tSYR\tGOV\tperson\t\n"
                      "petr.actor.a\tCc Dd\tIRQGOV\tIRQ\tGOV\tperson\t\n", ErrorCode.E203_LEXICON_DUPLICATE_ID),
    }
    for name, (rows, code) in cases.items():
        folder = tmp_path / name / "petrarch"
        folder.mkdir(parents=True)
        (folder / "actors.tsv").write_text("\t".join(ACTOR_HEADER) + "\n" + rows, encoding="utf-8")
        with pytest.raises(LexiconError) as err:
            load_petrarch_actors(Lexicon(), folder)
        assert err.value.code == code and f"{folder / 'actors.tsv'}:3:" in str(err.value), (name, str(err.value))


def test_hand_written_entries_win():
    lex = default_lexicon()
    assert lex.actors["Al-Shabaab"].id == "org.alshabaab"
    assert lex.actors["Vladimir Putin"].id == "person.putin"
    # a longer dictionary form around a hand-written name would shadow it: left out
    assert "Harakat al-Shabaab al-Mujahideen" not in lex.actors
    assert all(not gid.startswith("petr.") for _mods, _sector, gid in lex.agent_index["police"])
    assert isinstance(lex.actors["Nusra Front"], DatedActorEntry)


# --- dated roles ----------------------------------------------------------------------------------------------------
def test_role_follows_the_document_date():
    karzai = default_lexicon().actors["Hamid Karzai"]
    assert karzai.on(date(1998, 5, 1)).code == "AFGELI"
    assert karzai.on(date(2005, 5, 1)).code == "AFGGOV"
    assert karzai.on(None).code == "AFGELI"  # undated role: the default
    annan = default_lexicon().actors["Kofi Annan"]
    assert annan.on(date(2003, 1, 1)).code == "IGOUNO"
    assert annan.on(date(2015, 1, 1)) is None  # no role then and no undated one


@pytest.mark.parametrize("sentence, day, code", [
    ("Hamid Karzai accused Pakistan of sheltering insurgents.", date(2006, 4, 2), "AFGGOV"),
    ("Hamid Karzai accused Pakistan of sheltering insurgents.", date(1999, 4, 2), "AFGELI"),
    ("Pervez Musharraf met Indian officials in Agra on Sunday.", date(2001, 7, 15), "PAKGOV"),
    ("Kofi Annan criticised the government of Zimbabwe over the evictions.", date(2005, 7, 22), "IGOUNO"),
])
def test_a_person_only_the_dictionary_knows_is_coded_by_date(sentence, day, code):
    assert code in actor_codes(sentence, day)


def test_the_story_title_says_the_role_when_there_is_no_date():
    rows = code_text("U.S. Secretary of State Warren Christopher telephoned the Russian foreign minister.")
    assert "USAGOV" in {r["actor1_code"] for r in rows}, [(r["actor1_code"], r["rule_id"]) for r in rows]


def test_a_person_outside_all_roles_is_not_an_actor():
    assert "IGOUNO" not in actor_codes("Kofi Annan criticised the government of Zimbabwe over the evictions.", date(2016, 3, 1))


# --- coder level: named groups and guards ---------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Ahrar al-Sham fighters attacked an army checkpoint near Hama.",
    "The Nusra Front kidnapped two aid workers in Idlib province on Friday.",
    "Jabhat al-Nusra militants shelled a government position outside Aleppo.",
])
def test_an_armed_group_only_the_dictionary_knows(sentence):
    rows = rows_for(sentence, date(2014, 6, 1))
    assert any(r["actor1_country"] == "SYR" and r["actor1_sector"] == "REB" for r in rows), \
        [(r["actor1_code"], r["rule_id"]) for r in rows]


def test_explain_names_the_dictionary_entry():
    from coding.explain import explain

    text = explain("Ahrar al-Sham fighters attacked an army checkpoint near Hama.", "2014-06-01")
    assert "via lexicon entry petr.actor.ahrar_al_sham" in text


@pytest.mark.parametrize("sentence", [
    "Will the rebels accept the truce?",
    "Hope faded on Monday as rebels shelled the town.",
    "Rose petals covered the street where protesters marched.",
])
def test_a_sentence_initial_common_word_is_no_actor(sentence):
    doc = load_nlp()(sentence)
    story = StoryActors.build(doc, default_lexicon(), doc_date=date(2014, 6, 1))
    assert 0 not in story.mention_at, story.mention_at.get(0)


def test_a_city_is_a_place_not_an_actor_but_names_the_country_of_its_police():
    doc = load_nlp()("Kandahar police arrested two men after a bomb exploded in Helmand.")
    story = StoryActors.build(doc, default_lexicon(), doc_date=date(2010, 1, 1))
    police = next(t for t in doc if t.text == "police")
    helmand = next(t for t in doc if t.text == "Helmand")
    assert story.entry_at(helmand) is not None and story.entry_at(helmand).kind == "place"
    assert story.resolve(helmand) is None
    assert story.resolve(police).code == "AFGCOP"


def test_a_place_before_a_position_is_not_its_owner():
    doc = load_nlp()("Rebels overran an army checkpoint and a Helmand outpost overnight.")
    story = StoryActors.build(doc, default_lexicon(), doc_date=date(2010, 1, 1))
    outpost = next(t for t in doc if t.text == "outpost")
    actor = story.resolve(outpost)
    assert actor is not None and actor.org_code is None and actor.code == "AFGMIL"
