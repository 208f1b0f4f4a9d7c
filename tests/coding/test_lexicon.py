"""The lexicon loader refuses bad data with a message that names the file and line."""

from pathlib import Path

import pytest

from coding.errors import ErrorCode, LexiconError
from coding.lexicon import LEXICON_DIR, Lexicon, default_lexicon, load_agents, load_event_rules, load_lexicon


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_lexicon_loads_and_every_rule_has_a_trigger():
    lex = default_lexicon()
    assert len(lex.rules) >= 40
    triggered = {rule.id for opts in lex.verb_index.values() for _, rule in opts}
    triggered |= {rule.id for opts in lex.noun_index.values() for _, rule in opts}
    triggered |= {rule.id for rule in lex.light_index.values()}
    assert triggered == set(lex.rules)
    # every CAMEO root that the first coder covers has at least one rule
    roots = {rule.cameo[:2] for rule in lex.rules.values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}  # every CAMEO root has rules


def test_unknown_cameo_code(tmp_path):
    path = write(tmp_path, "- id: a.b\n  cameo: \"999\"\n  verbs: [x]\n")
    with pytest.raises(LexiconError) as err:
        load_event_rules(path, Lexicon())
    assert err.value.code is ErrorCode.E202_LEXICON_UNKNOWN_CODE
    assert f"{path}:1" in str(err.value) and "'999'" in str(err.value)


def test_duplicate_rule_id_names_both_lines(tmp_path):
    path = write(tmp_path, "- id: a.b\n  cameo: \"190\"\n  verbs: [fight]\n- id: a.b\n  cameo: \"194\"\n  verbs: [shell]\n")
    with pytest.raises(LexiconError) as err:
        load_event_rules(path, Lexicon())
    assert err.value.code is ErrorCode.E203_LEXICON_DUPLICATE_ID
    assert f"{path}:4" in str(err.value) and "line 1" in str(err.value)


def test_same_trigger_in_two_rules(tmp_path):
    path = write(tmp_path, "- id: a.one\n  cameo: \"190\"\n  verbs: [fight]\n- id: a.two\n  cameo: \"193\"\n  verbs: [fight]\n")
    with pytest.raises(LexiconError, match="already claimed by rule 'a.one'"):
        load_event_rules(path, Lexicon())


def test_malformed_entries(tmp_path):
    cases = {
        "- id: a.b\n  cameo: \"190\"\n": "has no trigger",
        "- id: A B\n  cameo: \"190\"\n  verbs: [x]\n": "rule id",
        "- id: a.b\n  cameo: \"190\"\n  verbs: fight\n": "must be a list",
        "- id: a.b\n  cameo: \"190\"\n  light: [hold]\n": "must be 'verb object'",
        "- id: a.b\n  cameo: \"190\"\n  verbs: [x]\n  colour: red\n": "unknown key",
        "- id: a.b\n  cameo: \"190\"\n  verbs: [x]\n  source_sector: XYZ\n": "not a CAMEO agent code",
        "- id: a.b\n  cameo: \"194\"\n  verbs: [x]\n  subject_of: [hit]\n": "subject_of applies to nouns only",
        "- id: a.b\n  cameo: \"194\"\n  nouns: [x]\n  subject_of: hit\n": "subject_of must be a list",
        "- id: a.b\n  cameo: \"194\"\n  verbs: [x]\n  subject_in: jet\n": "subject_in must be a list",
    }
    for text, message in cases.items():
        with pytest.raises(LexiconError, match=message) as err:
            load_event_rules(write(tmp_path, text), Lexicon())
        assert err.value.code is ErrorCode.E204_LEXICON_BAD_ENTRY



def test_unknown_acled_pair(tmp_path):
    path = write(tmp_path, "- id: a.b\n  cameo: \"190\"\n  verbs: [x]\n  acled: [Battles, Peaceful protest]\n")
    with pytest.raises(LexiconError, match="not an ACLED event type") as err:
        load_event_rules(path, Lexicon())
    assert err.value.code is ErrorCode.E202_LEXICON_UNKNOWN_CODE


def test_yaml_syntax_error_reports_line(tmp_path):
    path = write(tmp_path, "- id: a.b\n  cameo: \"190\"\n  verbs: [fight\n")
    with pytest.raises(LexiconError) as err:
        load_event_rules(path, Lexicon())
    assert err.value.code is ErrorCode.E201_LEXICON_SYNTAX
    assert str(path) in str(err.value)


def test_agents_unknown_sector(tmp_path):
    path = tmp_path / "agents.yaml"
    path.write_text("- id: agent.x\n  sector: NOPE\n  words: [troop]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=f"{path}:1: agent 'agent.x'"):
        load_agents(path, Lexicon())


def test_country_table_errors(tmp_path):
    for name in ("events.yaml", "agents.yaml"):
        (tmp_path / name).write_text((LEXICON_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "countries.tsv").write_text("id\tiso3\tnames\tadjectives\tcapitals\ncountry.x\tXx\tXland\t\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="countries.tsv:2: iso3 'Xx'"):
        load_lexicon(tmp_path)
    (tmp_path / "countries.tsv").write_text("id\tiso3\tnames\tadjectives\tcapitals\n"
                                           "country.aaa\tAAA\tAland\t\t\ncountry.bbb\tBBB\tAland\t\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="countries.tsv:3: surface form 'Aland' is already used"):
        load_lexicon(tmp_path)


def test_a_verb_may_be_shared_by_a_transitive_and_an_intransitive_rule(tmp_path):
    path = write(tmp_path, "- id: a.b\n  cameo: \"141\"\n  verbs: [protest]\n  intransitive: true\n"
                           "- id: a.c\n  cameo: \"114\"\n  verbs: [protest]\n  transitive: true\n")
    lex = Lexicon()
    load_event_rules(path, lex)
    assert {rule.id for _, rule in lex.verb_index["protest"]} == {"a.b", "a.c"}


def test_same_verb_twice_needs_opposite_valency(tmp_path):
    path = write(tmp_path, "- id: a.b\n  cameo: \"141\"\n  verbs: [protest]\n  transitive: true\n"
                           "- id: a.c\n  cameo: \"114\"\n  verbs: [protest]\n")
    with pytest.raises(LexiconError) as err:
        load_event_rules(path, Lexicon())
    assert err.value.code is ErrorCode.E203_LEXICON_DUPLICATE_ID and "already claimed by rule 'a.b'" in str(err.value)


@pytest.mark.parametrize("extra, message", [
    ("  transitive: true\n  intransitive: true\n", "both transitive and intransitive"),
    ("  object_not: report\n", "object_not must be a list"),
])
def test_valency_and_object_filters_are_checked(tmp_path, extra, message):
    path = write(tmp_path, "- id: a.b\n  cameo: \"0841\"\n  verbs: [release]\n" + extra)
    with pytest.raises(LexiconError) as err:
        load_event_rules(path, Lexicon())
    assert message in str(err.value) and f"{path}:1" in str(err.value)


def test_causes_file_errors(tmp_path):
    from coding.lexicon import load_causes
    cases = {
        "- id: c.a\n  kind: weather\n  words: [storm]\n": "kind must be one of",
        "- id: c.a\n  kind: natural\n  words: []\n": "non-empty list",
        "- id: c.a\n  kind: natural\n  words: [storm]\n- id: c.a\n  kind: accident\n  words: [crash]\n": "duplicate cause id",
        "- id: c.a\n  kind: natural\n  words: [storm]\n  colour: red\n": "unknown key",
        "- id: c.a\n  kind: accident\n  words: [crash]\n  verbs: [run over]\n": "single verb lemmas",
    }
    for text, message in cases.items():
        path = tmp_path / "causes.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(LexiconError, match=message):
            load_causes(path, Lexicon())


def test_packaged_causes_have_every_kind():
    from coding.lexicon import CAUSE_KINDS, default_lexicon
    assert set(default_lexicon().causes) == set(CAUSE_KINDS)
