"""The PETRARCH verb patterns: converter, loader checks, and the coder's fallback on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from coding.coder import code_text
from coding.errors import ErrorCode, LexiconError
from coding.lexicon import LEXICON_DIR, default_lexicon
from coding.petrarch.verbs import HEADER, load_verb_patterns

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch" / "CAMEO.2.0.txt"
DOC_DATE = date(2023, 3, 12)


def _converter():
    spec = importlib.util.spec_from_file_location("petrarch_verbs", ROOT / "tools" / "petrarch_verbs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["petrarch_verbs"] = module
    spec.loader.exec_module(module)
    return module


CONVERTER = _converter()

# A small dictionary in the CAMEO.2.0 format, written for these tests.
FIXTURE = """\
# header comment
####### SYNONYM SETS #######

&GRAIN
# a comment inside the synset does not end it
+WHEAT
+RICE
+MAIZE_FLOUR

&ENVOY
+AMBASSADOR
+ENVOY

####### VERB PATTERNS #######

---  SHIP   [---]  ---
SHIP
FERRY {FERRIES FERRYING FERRIED }
+HAND_OVER [0871]
- * &GRAIN                                   [073]   # SHIP
- * {MILITARY HARDWARE}                      [072]   # FERRY
- * TROOPS (TO BORDER)                       [154]   # SHIP
- * (TO FRONT)                               [154]   # SHIP
- * BACK                                     [0874]  # FERRY
- &MILITARY * TANKS                          [072]   # SHIP
- * (TO {BANNED PARTIES}) $                  [1722]  # SHIP
- * TOYS                                     [---]   # SHIP
- * PRISONERS                                [:173]  # SHIP
- * WEAPONS                                  [190:190]  # SHIP
- * GOLD                                     [999]   # SHIP
- * (BY)                                     [012]   # SHIP
- * &UNDEFINED                               [073]   # SHIP
- * OUT &ENVOY (FROM CAPITAL) (WITH HASTE)    [161]   # SHIP

---  SCOLD   [---]  ---
SCOLD [111]
+IS_SCOLDED [111]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def _rows(text: str = FIXTURE):
    return CONVERTER.convert(text)


def test_synsets_expand_and_patterns_parse():
    rows, skipped = _rows()
    by_id = {r.id: r for r in rows}
    grain = by_id["petr.073.ship.grain"]
    assert grain.verbs == "ship|ferry" and grain.object == "wheat|rice|maize_flour" and grain.cameo == "073"
    assert by_id["petr.072.ferry.military-hardware"].object == "military hardware"
    troops = by_id["petr.154.ship.troops.to.border"]
    assert (troops.object, troops.prep, troops.pobj) == ("troops", "to", "border")
    assert (by_id["petr.154.ship.to.front"].prep, by_id["petr.154.ship.to.front"].pobj) == ("to", "front")
    assert by_id["petr.0874.ferry.back"].particle == "back"
    assert by_id["petr.190.ship.weapons"].cameo == "190"  # [a:b] keeps the source-to-target code
    assert by_id["petr.111.scold"].verbs == "scold" and by_id["petr.111.scold"].object == ""
    # the phrasal verb of the block gets its own code and the block's patterns with its particle
    assert by_id["petr.0871.hand.over"].particle == "over"
    assert by_id["petr.073.hand.over.grain"].verbs == "hand"
    for reason in ("subject-words", "source-after-verb", "no-code", "reverse-code", "unknown-code", "passive-by",
                   "undefined-synset", "shallow", "aux-verb"):
        assert skipped[reason] >= 1, reason
    assert not any(r.object in {"tanks", "toys", "prisoners", "gold"} for r in rows)
    assert len({r.id for r in rows}) == len(rows)


def test_converter_writes_a_table_the_loader_reads(tmp_path):
    rows, _ = _rows()
    out = tmp_path / "verbs.tsv"
    CONVERTER.write(rows, out)
    index = load_verb_patterns(out)
    assert index.size == len(rows)
    assert {"ship", "ferry", "hand", "scold"} <= index.lemmas()
    assert "rice" in index.by_lemma["ferry"] and "" in index.by_lemma["scold"]


@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/reference/petrarch/CAMEO.2.0.txt is not on this machine")
def test_converter_is_deterministic(tmp_path):
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"run{n}.tsv"
        assert CONVERTER.main(["--source", str(SOURCE), "--output", str(out)]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0] == (LEXICON_DIR / "petrarch" / "verbs.tsv").read_bytes()  # the committed table is up to date


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "verbs.tsv"
    path.write_text("\t".join(HEADER) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "rows, line, code, message",
    [
        (["petr.999.x\tx\t\t\t\t\t999"], 2, ErrorCode.E202_LEXICON_UNKNOWN_CODE, "unknown CAMEO code '999'"),
        (["petr.073.x\tx\t\tfood\t\t\t073", "petr.073.x\ty\t\tfood\t\t\t073"], 3, ErrorCode.E203_LEXICON_DUPLICATE_ID,
         "first at line 2"),
        (["petr.073.x\tx\t\tfood\t\t073"], 2, ErrorCode.E201_LEXICON_SYNTAX, "expected 7"),
        (["Petr 073\tx\t\t\t\t\t073"], 2, ErrorCode.E204_LEXICON_BAD_ENTRY, "rule id"),
        (["petr.073.x\t\t\t\t\t\t073"], 2, ErrorCode.E204_LEXICON_BAD_ENTRY, "names no verb"),
        (["petr.073.x\tx\t\tfood\t\t\t073", "petr.073.y\tx\t\tfood||\t\t\t073"], 3, ErrorCode.E204_LEXICON_BAD_ENTRY,
         "malformed noun phrase"),
    ],
)
def test_loader_refuses_bad_rows_with_file_and_line(tmp_path, rows, line, code, message):
    path = _write(tmp_path, *rows)
    with pytest.raises(LexiconError) as err:
        load_verb_patterns(path)
    assert err.value.code is code
    assert f"{path}:{line}" in str(err.value) and message in str(err.value)


def test_loader_checks_the_header(tmp_path):
    path = tmp_path / "verbs.tsv"
    path.write_text("id\tverb\tcameo\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=f"{path}:1: header"):
        load_verb_patterns(path)


def test_packaged_table_loads_into_the_lexicon():
    index = default_lexicon().petrarch_verbs
    assert index is not None and index.size > 3000
    # hand-written rules stay apart: the fallback is not in lex.rules
    assert not any(rid.startswith("petr.") for rid in default_lexicon().rules)


def rows_for(sentence: str):
    return code_text(sentence, doc_date=DOC_DATE)


# Verbs the hand-written lexicon does not know, each in three phrasings: active, passive, another pair.
CASES = [
    # verb, sentence, CAMEO root, actor1 country, actor2 code prefix
    ("greet", "The Japanese prime minister greeted the South Korean delegation in Tokyo.", "05", "JPN", "KOR"),
    ("greet", "The South Korean delegation was greeted by the Japanese prime minister.", "05", "JPN", "KOR"),
    ("greet", "Mexico's president greeted a Cuban delegation on Friday.", "05", "MEX", "CUB"),
    ("censor", "Syria censored Lebanese newspapers last year.", "17", "SYR", "LBN"),
    ("censor", "Lebanese newspapers were censored by the Syrian authorities.", "17", "SYR", "LBN"),
    ("censor", "The Turkish government censored Greek broadcasters.", "17", "TUR", "GRC"),
    ("mock", "Russia mocked Estonia over its energy policy.", "11", "RUS", "EST"),
    ("mock", "Estonia was mocked by Russia on state television.", "11", "RUS", "EST"),
    ("mock", "Hungary's foreign minister mocked the Romanian government.", "11", "HUN", "ROU"),
    ("interrogate", "Thai police interrogated two Cambodian soldiers.", "09", "THA", "KHM"),
    ("interrogate", "Two Cambodian soldiers were interrogated by Thai police.", "09", "THA", "KHM"),
    ("interrogate", "Moroccan officials interrogated Algerian fishermen for hours.", "09", "MAR", "DZA"),
    ("repatriate", "France repatriated Malian refugees this week.", "08", "FRA", "MLI"),
    ("repatriate", "Malian refugees were repatriated by France.", "08", "FRA", "MLI"),
    ("repatriate", "Kenya repatriated Somali refugees on Tuesday.", "08", "KEN", "SOM"),
]


def test_the_verbs_under_test_are_unknown_to_the_hand_written_lexicon():
    lex = default_lexicon()
    for verb in {c[0] for c in CASES}:
        assert verb not in lex.verb_index and verb not in lex.verb_lemmas, verb


@pytest.mark.parametrize("verb, sentence, root, actor1, actor2", CASES)
def test_fallback_codes_verbs_the_hand_written_lexicon_lacks(verb, sentence, root, actor1, actor2):
    rows = rows_for(sentence)
    hits = [r for r in rows if r["rule_id"].startswith("petr.")]
    assert hits, [(r["cameo_code"], r["rule_id"]) for r in rows]
    row = hits[0]
    assert row["cameo_root"] == root, row["rule_id"]
    assert row["actor1_country"] == actor1
    assert (row["actor2_code"] or "").startswith(actor2), row["actor2_code"]
    assert row["confidence"] < 0.7  # below a hand-written rule's


def test_hand_written_rule_wins_where_both_match():
    # "impose sanctions" is both a hand-written light verb and a PETRARCH pattern
    assert "sanction" in default_lexicon().petrarch_verbs.by_lemma["impose"]
    rows = rows_for("Canada imposed sanctions on Iran on Monday.")
    assert rows and all(not r["rule_id"].startswith("petr.") for r in rows)
    assert rows[0]["rule_id"].startswith("reduce.sanction")


def test_a_hand_written_verb_owns_the_uses_it_refuses():
    # "demonstrate" is a hand-written protest verb without an object; "demonstrate support" is not re-coded by PETRARCH
    assert "support" in default_lexicon().petrarch_verbs.by_lemma["demonstrate"]
    rows = rows_for("Germany demonstrated its support for Ukraine.")
    assert not any(r["rule_id"].startswith("petr.") for r in rows)


@pytest.mark.parametrize("sentence", [
    "The Chilean minister said the talks in Lima were long.",
    "Peru made a decision about its budget on Monday.",
    "The Bolivian delegation took part in the ceremony.",
    "Argentina's president contributed to the debate.",
    # bare codes the converter leaves out for generic verbs (acknowledge 015, fail 120)
    "Egypt acknowledged the Sudanese delegation at the start of the meeting.",
    "Spain failed Morocco in the World Cup qualifier.",
])
def test_generic_verbs_do_not_code_an_event_alone(sentence):
    rows = rows_for(sentence)
    assert not [r for r in rows if r["rule_id"].startswith("petr.")], [(r["cameo_code"], r["rule_id"]) for r in rows]


def test_no_petrarch_row_without_a_named_source():
    rows = rows_for("Lebanese newspapers were censored last year.")
    assert not [r for r in rows if r["rule_id"].startswith("petr.")]


def test_explain_names_the_petrarch_entry():
    from coding.explain import explain

    text = explain("Russia mocked Estonia over its energy policy.", "2023-03-12")
    assert "petr.111.mock:verb" in text


def test_no_petrarch_row_without_a_target_or_against_its_own_side():
    assert not [r for r in rows_for("Russia mocked the idea on Monday.") if r["rule_id"].startswith("petr.")]
    # the object's possessor is the subject's own country: no target, no row; another country's is one
    own = rows_for("The Ukrainian prime minister repeated Ukraine's call for weapons.")
    assert not [r for r in own if r["rule_id"].startswith("petr.")]
    other = [r for r in rows_for("The Ukrainian prime minister repeated Poland's call for weapons.") if r["rule_id"].startswith("petr.")]
    assert [(r["cameo_root"], r["actor1_country"], r["actor2_country"]) for r in other] == [("02", "UKR", "POL")]


def test_a_hand_written_phrase_leaves_the_verbs_other_uses_to_the_fallback():
    # "set on fire" is hand-written; "set a deadline" is PETRARCH's (139, an ultimatum)
    assert any(extra for extra, _rule in default_lexicon().verb_index["set"])
    rows = [r for r in rows_for("India set a deadline for Pakistan.") if r["rule_id"].startswith("petr.")]
    assert [(r["cameo_root"], r["actor1_country"], r["actor2_country"]) for r in rows] == [("13", "IND", "PAK")]
    fire = rows_for("Rioters set the Indian embassy on fire.")
    assert fire and not any(r["rule_id"].startswith("petr.") for r in fire)
