"""The hand-written lexicon of political parties and movements (coding/lexicons/parties.tsv).

The file loads and validates like organizations.tsv (one loader), its names collide with no country,
capital, demonym, organisation or person, the ambiguous names left out stay out, and sentences written
for these tests (active, passive, nominal and object phrasings) code the party's country through the
real spaCy model.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from coding.coder import code_documents
from coding.document import Document
from coding.errors import ErrorCode, LexiconError
from coding.ingest import read_documents
from coding.lexicon import LEXICON_DIR, Lexicon, default_lexicon, load_countries, load_organizations
from coding.tables import agent_code_set

PARTIES = LEXICON_DIR / "parties.tsv"
HEADER = ["id", "names", "code", "country", "sector", "kind"]


def _rows(name: str) -> list[dict[str, str]]:
    with (LEXICON_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _names(rows: list[dict[str, str]], column: str = "names") -> set[str]:
    return {n for r in rows for n in r[column].split("|") if n}


# --- the file ---------------------------------------------------------------------------------------------------------
def test_parties_load_and_validate():
    lex = Lexicon()
    load_organizations(PARTIES, lex)  # the organisations' loader: ids, codes and sectors checked at load
    rows = _rows("parties.tsv")
    assert list(rows[0]) == HEADER
    iso3 = {r["iso3"] for r in _rows("countries.tsv")}
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["kind"] == "party", r["id"]
        assert r["country"] in iso3, r["id"]
        assert r["sector"] in {"PTY", "OPP"} and r["sector"] in agent_code_set(), r["id"]
        assert r["code"] == r["country"] + r["sector"], r["id"]
        assert re.fullmatch(rf"party\.{r['country'].lower()}\.[a-z0-9_]+", r["id"]), r["id"]
        names = [n for n in r["names"].split("|")]
        assert names and all(n and n == n.strip() for n in names), r["id"]
    assert len({r["country"] for r in rows}) >= 100  # a worldwide lexicon
    assert 200 <= len(rows) <= 600  # a few hundred rows: the lexicon loads fast


def test_a_surface_form_names_one_party():
    seen: dict[str, str] = {}
    for r in _rows("parties.tsv"):
        for name in r["names"].split("|"):
            assert name not in seen, (name, r["id"], seen.get(name))
            seen[name] = r["id"]


def test_party_names_collide_with_no_country_organisation_or_person():
    parties = _names(_rows("parties.tsv"))
    countries = _rows("countries.tsv")
    geo = {n.lower() for column in ("names", "adjectives", "capitals") for n in _names(countries, column)}
    assert not {n for n in parties if n.lower() in geo}
    assert not parties & _names(_rows("organizations.tsv"))  # organizations.tsv keeps its own parties (ANC, Likud ...)
    assert not parties & _names(_rows("people.tsv"))  # an organisation name would silently hide the person


def test_the_packaged_lexicon_has_the_parties_next_to_the_organisations():
    lex = default_lexicon()
    assert lex.actors["Ennahda"].id == "party.tun.ennahda" and lex.actors["Ennahda"].code == "TUNPTY"
    assert lex.actors["PASTEF"].country == "SEN"
    assert lex.actors["Awami League"].id == "org.awami_league"  # the hand-written organisation, not a second entry
    assert lex.actors["ANC"].id == "org.anc"
    assert lex.actors["Hezbollah"].code == "LBNREB"  # an armed group stays one
    assert lex.actors["Sandinistas"].id == "party.nic.fsln"  # the parties win over the PETRARCH fallbacks
    # a longer name holding a shorter party of another country is listed itself, so the short one does not match in it
    assert lex.actors["Democratic Alliance"].country == "ZAF"
    assert lex.actors["National Democratic Alliance"].country == "IND"  # the BJP-led alliance
    assert lex.actors["National Resistance Movement"].country == "UGA"
    assert lex.actors["Mozambique National Resistance Movement"].id == "org.renamo"


def test_a_party_name_that_an_organisation_codes_otherwise_is_an_error(tmp_path: Path):
    lex = Lexicon()
    load_countries(LEXICON_DIR / "countries.tsv", lex)
    path = tmp_path / "parties.tsv"
    path.write_text("\t".join(HEADER) + "\nparty.fra.x\tFrance\tFRAPTY\tFRA\tPTY\tparty\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"parties.tsv:2: surface form 'France' is already used") as err:
        load_organizations(path, lex)
    assert err.value.code == ErrorCode.E203_LEXICON_DUPLICATE_ID


# Names left out on purpose: common words, other bodies' acronyms, or parties of the same name in several countries.
LEFT_OUT = ["APC", "PTI", "PPP", "BNP", "PAN", "PT", "PL", "PDP", "PP", "MAS", "DPP", "NPP", "NDC", "UDA", "RPF",
            "CCC", "PSL", "SLPP", "CPP", "DA", "Labour", "Labour Party", "Labor Party", "Conservative Party",
            "Conservatives", "Democratic Party", "Republican Party", "Democrats", "Republicans", "Workers' Party",
            "Law and Justice", "National Front", "Patriotic Front", "Broad Front", "Colorado Party", "Baath Party",
            "Socialist Party", "Social Democratic Party", "People's Party", "Liberal Party", "Freedom Party",
            "Forward", "Move Forward", "Renaissance", "Together", "Change", "Alliance", "Liberal", "Green", "Greens",
            "Vox", "Hirak", "Jubilee", "Jamaat-e-Islami", "Unity Party", "Good Party", "Liberal Democrats",
            "Podemos", "NDP"]


@pytest.mark.parametrize("name", LEFT_OUT)
def test_ambiguous_names_are_no_party(name):
    entry = default_lexicon().actors.get(name)
    assert entry is None or entry.kind != "party", (name, entry and entry.id)


# --- coder level: sentences written for these tests -------------------------------------------------------------------
# (country, sentence): for each party, an active subject, a passive agent or object, and a nominal (possessive).
SENTENCES = [
    ("TUN", "Ennahda condemned the arrest of its leader."),
    ("TUN", "Several Ennahda officials were arrested by police on Monday."),
    ("TUN", "Ennahda's boycott of the vote was announced on Monday."),
    ("SEN", "PASTEF denounced the arrest of its leader."),
    ("SEN", "A rally was staged by PASTEF supporters on Sunday."),
    ("SEN", "PASTEF's boycott of the vote was announced on Monday."),
    ("MEX", "Morena accused the opposition of fraud."),
    ("MEX", "Police were accused by Morena of beating protesters."),
    ("MEX", "Morena's boycott of the vote was announced on Monday."),
    ("THA", "Pheu Thai condemned the court ruling."),
    ("THA", "A protest was staged by Pheu Thai supporters on Sunday."),
    ("THA", "Police detained members of the Move Forward Party on Monday."),
    ("EGY", "The Muslim Brotherhood condemned the death sentences."),
    ("EGY", "Hundreds of Muslim Brotherhood members were arrested by police."),
    ("EGY", "The Muslim Brotherhood's boycott of the vote was announced on Monday."),
    ("ZWE", "The MDC condemned the arrest of its leader."),
    ("ZWE", "Dozens of MDC supporters were arrested by police on Sunday."),
    ("ZWE", "The MDC's boycott of the vote was announced on Monday."),
    ("GRC", "Syriza accused the government of corruption."),
    ("GRC", "A protest was staged by Syriza supporters on Sunday."),
    ("GRC", "Syriza's boycott of the vote was announced on Monday."),
    ("ARG", "The Peronists called a general strike."),
    ("ARG", "A general strike was called by the Peronists."),
    ("ARG", "The Peronists' boycott of the vote was announced on Monday."),
    ("IDN", "Gerindra accused the election commission of fraud."),
    ("IDN", "An appeal was filed by Gerindra on Monday."),
    ("IDN", "Gerindra's rejection of the results was announced on Monday."),
    ("KEN", "A rally was staged by ODM supporters on Sunday."),
    ("KEN", "The ODM's boycott of the vote was announced on Monday."),
    ("DEU", "The SPD criticised the government's budget."),
    ("DEU", "A protest was staged by SPD members on Saturday."),
]
# Left-out names in their other senses: no party, no country.
NEGATIVES = [
    "An APC was hit by a rocket near the border.",
    "Soldiers in an APC opened fire on the crowd.",
    "Labour condemned the attack on the embassy.",
    "The Democratic Party accused the president of lying.",
]


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    path = tmp_path_factory.mktemp("parties") / "stories.jsonl"
    texts = [s for _c, s in SENTENCES] + NEGATIVES
    path.write_text("".join(json.dumps({"id": f"p{i:02d}", "text": t, "date": "2024-05-06"}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    docs = list(read_documents([path]))
    assert len(docs) == len(texts) and all(isinstance(d, Document) for d in docs)
    rows: dict[str, list[dict]] = {d.doc_id: [] for d in docs}
    for row in code_documents(docs):
        rows[row["doc_id"]].append(row)
    return {d.text: rows[d.doc_id] for d in docs}


@pytest.mark.parametrize("country, sentence", SENTENCES)
def test_a_party_gives_its_country(coded, country, sentence):
    rows = coded[sentence]
    assert any(country in (r["actor1_country"], r["actor2_country"]) for r in rows), rows


def test_six_countries_in_three_phrasings():
    per_country: dict[str, int] = {}
    for country, _sentence in SENTENCES:
        per_country[country] = per_country.get(country, 0) + 1
    assert sum(1 for n in per_country.values() if n >= 3) >= 6


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_a_left_out_name_is_no_party(coded, sentence):
    for r in coded[sentence]:
        assert "PTY" not in (r["actor1_code"] or "") + (r["actor2_code"] or ""), r
        assert not {"NGA", "GBR", "AUS", "NZL", "ISR", "USA", "KOR", "ITA", "JPN"} & {r["actor1_country"], r["actor2_country"]}, r
