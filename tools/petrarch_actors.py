"""Convert the PETRARCH / Phoenix *actor* and *agent* dictionaries into the project's lexicon tables.

    python tools/petrarch_actors.py [--source ../shared/reference/petrarch] [--out coding/lexicons/petrarch]

Writes two tab-separated tables (deterministic: same input, same bytes):

``actors.tsv``  ``id names code country sector kind roles``
    One row per entry: its ``|``-separated surface forms, its default role (``code country
    sector``: the undated role, else the latest), and, when it has dated roles, all its roles in
    file order as ``CODE:from:until`` joined by ``;`` (ISO dates, either may be empty; both empty
    is an undated role). One row per entry, roles in one column: the table loads fast. A person
    is coded by the role covering the story's date, else by the undated role; a person with no
    undated role is no actor outside their dates (a group keeps its latest code).
    Kinds: ``person`` (named people, with dated roles), ``igo``/``ngo`` (International file),
    ``institution`` (national bodies in the Countries file: "Afghan National Army"),
    ``armed_group`` (MilNonState file, and REB/SEP/INS/UAF entries of the others), ``country``
    (a country block's own name) and ``place`` (the other names of a country block: cities,
    provinces, old or foreign spellings; and territories). A ``place`` gives its country to a
    phrase it modifies ("Kandahar police" -> AFGCOP) and to a place argument ("a base at Deir
    Ez-Zor"), but is never an actor or an organisation on its own: PETRARCH codes "Mosul" as
    Iraq, but in news text a city is nearly always where something happened. Capitals as
    metonyms stay with the hand-written countries.tsv.
``agents.tsv``  ``id words sector``
    Agent nouns (lower case, head last) and the sector they give ("riot police" -> COP).

Surface forms are written in normal case because the coder matches names case-sensitively:
each word is capitalised ("Boko Haram"), with variants for name particles ("al-Shabaab" beside
"Al-Shabaab", "Ban Ki-moon" beside "Ban Ki-Moon"), and for organisations a short word is also
kept in capitals ("UN Mission", "ETA").

Left out, and why:
- multinational companies (``MNC`` codes) and other codes without a country or IGO/NGO/INT
  prefix: not political actors in the events the coder reports, and company names are often
  common words ("Shell", "Apple");
- one-word people ("HAMMARSKJOLD"), and single-word surface forms that are common English words
  (spaCy's verb, adjective and adverb lemma lists: "Will", "Hope", "Rose", "Job"): a name that
  is also a capitalised word at the start of a sentence would make false actors. People need
  their full name (two words or more); a later bare surname still resolves through the
  coder's own person memory once the full name was seen. The loader adds a second guard at
  match time (coding/petrarch/actors.py): the matched words must be a proper noun or an entity;
- national institutions named only by ordinary words ("Senate", "Secretary of State", "National
  Security Council"): many countries have one, and PETRARCH pins each to one country; the name
  has to hold a country word, an acronym or a word that is not an English noun ("US Senate",
  "Knesset" if spaCy's noun list lacks it). Territories ("Guam", "Gaza") become ``place``;
- one-word forms of fewer than four letters ("FPS", "Sur"): short acronyms and names that collide
  with too many other things;
- any surface form two entries give different codes (e.g. two people of one name): ambiguous;
- roles with malformed dates (a 7-digit date, month 13) and role codes that are a bare sector
  ("[ELI]" with no country);
- agent nouns of social groups (EDU, LAB, HLH, BUS, AGR, religions, CVL ...): only state, armed and
  opposition sectors are kept (coding/acled/actors.py's sets), and not JUD, which in PETRARCH is
  mostly lawyers and attorneys (the hand-written agents.yaml has the courts and judges). A social
  sector on an otherwise unnamed crowd ("teachers marched") makes it named civilians rather than ACLED's protesters, and
  the hand-written agents.yaml already lists the common social nouns (students, workers, farmers);
- agent phrases whose head is one of the coder's own place, quantity or group nouns ("village",
  "small town", "crowd"): the coder handles those words itself; and bare "man", "women", "people":
  they name no sector, and the coder's event rules give a default one when the phrase has none;
- one-word agent nouns that do not look like words for people (agent suffixes: -er, -or, -ist,
  -ian, -ant, -ent, -man, -person, -ee, -ary): "intelligence" (SPY) is mostly information,
  "deputy" (COP) mostly a deputy minister, "uprising" (REB) an event; phrases of two words or
  more are specific enough and stay;
- agent phrases with a preposition or article ("head of national police"): the coder matches an
  agent noun with its modifiers before it, so these can never match; the ``{plural}`` forms and
  ``!PERSON!`` macros are expanded;
- comments, the TABARI-era annotations and the discards file (sports and entertainment filters
  belong to the event coder, not to actors).
Codes are kept to three 3-letter segments ("IGOUNOHRIHCH" -> "IGOUNOHRI"), like the project's
own organisation codes.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch"
DEFAULT_OUT = ROOT / "coding" / "lexicons" / "petrarch"
ACTOR_FILES = (("Phoenix.Countries.actors.txt", "countries"), ("Phoenix.International.actors.txt", "international"),
               ("Phoenix.MilNonState.actors.txt", "milnonstate"))
ACTOR_HEADER = ["id", "names", "code", "country", "sector", "kind", "roles"]
AGENT_HEADER = ["id", "words", "sector"]
CODE_RE = re.compile(r"\[([^\]\[]*)\]?")
ROLE_RE = re.compile(r"^~?([A-Z]{3,})(?:\s+(.*))?$")
NON_STATE_PREFIXES = {"IGO", "NGO", "INT"}
ARMED_SECTORS = {"REB", "SEP", "INS", "UAF"}
PERSON_NOUN_RE = re.compile(r"(er|or|ist|ian|ant|ent|man|men|person|ee|ary|aries)s?$")
LOWER_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "da", "das", "do", "dos", "di", "del",
               "della", "van", "von", "der", "den", "la", "le", "y", "et", "e"}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "ul", "ud", "ad", "as", "ash", "at", "an", "az"}
AGENT_STOP = {"of", "the", "at", "for", "to", "in", "on", "a", "an", "and", "from", "with", "by"}


@dataclass
class Entry:
    names: list[str]
    roles: list[str] = field(default_factory=list)  # raw role texts: "AFGGOV 950101-960626"
    comment: str = ""
    source: str = ""


# --- reading the TABARI actor format ------------------------------------------------------------------------------
def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def read_entries(path: Path, source: str) -> list[Entry]:
    """Entries of one actor file: a name line, its ``+`` aliases, and the ``[code date]`` roles after them."""
    entries: list[Entry] = []
    current: Entry | None = None
    for raw in path.read_bytes().splitlines():
        line = _decode(raw).rstrip()
        text, _, comment = line.partition("#")
        if not text.strip():
            continue
        roles = CODE_RE.findall(text)
        name = CODE_RE.sub(" ", text).strip()
        if text.startswith("+") and current is not None:
            if name[1:].strip():
                current.names.append(name[1:].strip())
            current.roles.extend(roles)
        elif text[0] in " \t[":
            if current is not None:
                current.roles.extend(roles)
        else:
            current = Entry([name], list(roles), comment.strip(), source)
            entries.append(current)
    return entries


# --- roles ---------------------------------------------------------------------------------------------------------
def parse_date(text: str) -> str | None:
    """TABARI dates: YYMMDD (years up to 30 are 20xx) or YYYYMMDD, as ISO; None when malformed."""
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
    except ValueError:
        return None


def parse_role(raw: str, sectors: frozenset[str]) -> tuple[str, str, str, str, str] | None:
    """(code, country, sector, from, until) of one ``[CODE DATES]`` role, or None when unusable."""
    m = ROLE_RE.match(raw.strip().replace("}", ""))
    if not m:
        return None
    code, dates = m.group(1), (m.group(2) or "").strip()
    segments = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if len(code) % 3 or not segments:
        return None
    country = segments[0]
    if country in sectors and country not in NON_STATE_PREFIXES:
        return None  # a bare sector ("[ELI]") names no one's country
    sector = next((s for s in segments[1:] if s in sectors), country if country in sectors else "")
    start = until = ""
    if dates:
        if dates.startswith(">"):
            start = parse_date(dates[1:]) or "?"
        elif dates.startswith("<"):
            until = parse_date(dates[1:]) or "?"
        elif "-" in dates:
            a, _, b = dates.partition("-")
            start, until = parse_date(a) or "?", parse_date(b) or "?"
        else:
            return None
        if "?" in (start, until) or (start and until and start > until):
            return None
    return "".join(segments[:3]), country, sector, start, until


# --- surface forms -------------------------------------------------------------------------------------------------
def _cap(part: str) -> str:
    low = part.lower()
    if low.startswith("mc") and len(low) > 2:
        return "Mc" + low[2:].capitalize()
    head, *rest = low.split("'")
    return "'".join([head.capitalize()] + [p if len(p) < 2 else p.capitalize() for p in rest])  # O'Brien, Men's


def surface_forms(raw: str, organisation: bool) -> list[str]:
    """Normal-case spellings of an upper-case dictionary name, the usual one first."""
    text = raw.replace("_", " ")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = " ".join(text.split()).strip(" ,;:-")
    if text.upper().startswith("THE "):
        text = text[4:]
    if not text or not re.search(r"[A-Za-z]", text) or re.search(r"[^\w .'&,\-]", text):
        return []
    words = text.split()
    if len(words) == 1 and "." in text:
        return [text]  # U.N., U.S.: dotted acronyms keep their capitals
    forms = []
    usual, low_particles, low_hyphen, upper_short = [], [], [], []
    for n, word in enumerate(words):
        parts = word.split("-")
        capped = [p if re.fullmatch(r"([A-Z]\.){2,}", p) else _cap(p) for p in parts]  # U.S., U.N. keep capitals
        lowered = word.lower()
        if n and lowered in LOWER_WORDS:
            usual.append(lowered)
            low_particles.append(lowered)
            low_hyphen.append(lowered)
            upper_short.append(lowered)
            continue
        usual.append("-".join(capped))
        low_particles.append("-".join(p.lower() if p.lower() in PARTICLES else c for p, c in zip(parts, capped)))
        low_hyphen.append("-".join([capped[0]] + [c.lower() for c in capped[1:]]))
        short = len(word) <= 3 or (len(words) == 1 and len(word) <= 5)  # UN, EU, NATO, ANSF
        upper_short.append(word.upper() if short and word.isalpha() and lowered not in PARTICLES else "-".join(capped))
    candidates = [usual, low_particles, low_hyphen]
    if organisation:
        candidates.append(upper_short)
    for words_out in candidates:
        form = " ".join(words_out)
        if form not in forms and not re.search(r"\s\.|\.\w{2}", form):  # "A .medvedev": a broken spelling
            forms.append(form)
    return forms


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_") or "x"


def common_words(parts: tuple[str, ...] = ("verb", "adj", "adv")) -> frozenset[str]:
    """English words a capitalised sentence start could be ("Will", "Hope"): spaCy's verb, adjective and
    adverb lemma lists (its noun list holds proper names too, so it cannot tell)."""
    from coding.nlp import load_nlp

    table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in parts:
        words.update(w.lower() for w in table.get(pos, []))
    return frozenset(words)


# --- actors --------------------------------------------------------------------------------------------------------
def classify(entry: Entry, roles: list[tuple[str, str, str, str, str]]) -> str | None:
    """The kind of an entry, or None when the coder has no use for it."""
    dated = any(r[3] or r[4] for r in roles)
    person_note = "CountryInfo" in entry.comment or "rulers" in entry.comment
    country_block = all(len(r[0]) == 3 or (r[3] or r[4]) for r in roles) and any(len(r[0]) == 3 for r in roles)
    if entry.source == "countries" and country_block and not person_note:
        return "country"
    if person_note or (dated and entry.source != "milnonstate"):
        return "person"
    if entry.source == "milnonstate":
        return "armed_group"
    if entry.source == "international":
        prefix = roles[0][1]
        return "igo" if prefix == "IGO" else "ngo" if prefix == "NGO" else "armed_group" if roles[0][2] == "REB" else "institution"
    return "armed_group" if roles[0][2] in ARMED_SECTORS else "institution"


def descriptive(form: str, nouns: frozenset[str], names: frozenset[str]) -> bool:
    """'Senate', 'Secretary of State', 'National Security Council': a description many countries share, not a
    name; only ordinary words, no country name and no acronym in it."""
    for word in re.split(r"[\s\-]+", form):
        low = word.lower().strip(".,'")
        if word in names or (word.isupper() and len(word) > 1) or (low not in nouns and low not in LOWER_WORDS):
            return False
    return True


def country_words(root: Path = ROOT) -> frozenset[str]:
    """Country names, adjectives and capitals of the hand-written countries.tsv, word by word."""
    words: set[str] = set()
    for line in (root / "coding" / "lexicons" / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        for column in line.split("\t")[2:]:
            for name in column.split("|"):
                words.update(name.split())
    return frozenset(words)


def convert_actors(source: Path, sectors: frozenset[str], common: frozenset[str],
                   nouns: frozenset[str] = frozenset(), names: frozenset[str] = frozenset()) -> list[list[str]]:
    records: list[tuple[str, list[str], str, list[tuple[str, str, str, str, str]]]] = []  # (kind, forms, slug, roles)
    claims: dict[str, set[str]] = {}
    for filename, tag in ACTOR_FILES:
        for entry in read_entries(source / filename, tag):
            roles = [r for r in (parse_role(raw, sectors) for raw in entry.roles) if r is not None]
            roles = [r for r in roles if r[1] not in {"MNC"} and (r[1] in NON_STATE_PREFIXES or r[1] not in sectors)]
            if not roles:
                continue
            kind = classify(entry, roles)
            if kind is None:
                continue
            if kind == "institution" and not any(r[2] for r in roles):
                # A territory ("Guam" USAGUM, "Gaza" PSEGZA): a place of its country, like a city
                groups = [("place", entry.names, [(r[1], r[1], "", "", "") for r in roles[-1:]])]
            elif kind == "country":
                current = [r for r in roles if not r[4] and len(r[0]) == 3] or roles[-1:]
                country = current[-1][1]
                head, *aliases = entry.names
                groups = [("country", [head], [(country, country, "", "", "")]), ("place", aliases, [(country, country, "", "", "")])]
            else:
                groups = [(kind, entry.names, roles)]
            for kind_out, names, kept in groups:
                forms: list[str] = []
                organisation = kind_out not in {"person", "country", "place"}
                for name in names:
                    for form in surface_forms(name, organisation):
                        one_word = len(re.split(r"[\s\-]", form)) == 1
                        if kind_out == "person" and len(form.split()) < 2:
                            continue
                        if one_word and form.lower().strip(".") in common:
                            continue
                        if (one_word and len(form.strip(".")) < 4) or form in forms:
                            continue
                        if kind_out == "institution" and descriptive(form, nouns, names):
                            continue
                        forms.append(form)
                if not forms:
                    continue
                seen_roles = list(dict.fromkeys(kept))
                code_key = ";".join(sorted({r[0] for r in seen_roles}))
                for form in forms:
                    claims.setdefault(form, set()).add(code_key)
                records.append((kind_out, forms, _slug(forms[0]), seen_roles))
    rows: list[list[str]] = []
    used: dict[str, int] = {}
    written: set[str] = set()
    for kind, forms, slug, roles in records:
        forms = [f for f in forms if len(claims[f]) == 1 and f not in written]  # ambiguous or repeated: left out
        written.update(forms)
        if not forms:
            continue
        used[slug] = used.get(slug, 0) + 1
        eid = f"petr.actor.{slug}" if used[slug] == 1 else f"petr.actor.{slug}_{used[slug]}"
        undated = [r for r in roles if not r[3] and not r[4]]
        default = undated[0] if undated else max(roles, key=lambda r: (r[4] or "9999", r[3]))
        dated = "" if roles == undated[:1] else ";".join(f"{r[0]}:{r[3]}:{r[4]}" for r in roles)
        rows.append([eid, "|".join(forms), default[0], default[1], default[2], kind, dated])
    return rows


# --- agents --------------------------------------------------------------------------------------------------------
def convert_agents(path: Path, sectors: frozenset[str]) -> list[list[str]]:
    from coding.acled.actors import ARMED_SECTORS as ACLED_ARMED, STATE_SECTORS

    # The coder's own sector sets, less JUD: PETRARCH's judiciary nouns are mostly the legal profession
    # ("lawyer", "attorney", "barrister"), whom a state sector would make agents of the state; agents.yaml has the courts.
    AGENT_SECTORS = (STATE_SECTORS - {"JUD"}) | ACLED_ARMED | {"OPP"}  # noqa: N806
    from coding.actors import GROUP_NOUNS
    from coding.events import PLACE_NOUNS, QUANTITY_NOUNS
    from coding.geo.mentions import ADMIN_NOUNS, PART_NOUNS, TOWN_NOUNS

    # The coder's own place, quantity and group nouns: "the village", "a crowd" are places and amounts it
    # treats on purpose, not agents ("shelled a village" is fire on a place, not on civilians).
    skip_heads = set(PLACE_NOUNS) | set(QUANTITY_NOUNS) | set(GROUP_NOUNS) | TOWN_NOUNS | ADMIN_NOUNS | PART_NOUNS
    skip_heads |= {noun + "s" for noun in skip_heads}
    # Bare people words name no sector; the coder's event rules supply a default one ("armed men attacked": UAF).
    skip_heads |= {"man", "men", "woman", "women", "person", "persons", "people"}
    macros: dict[str, list[str]] = {}
    entries: list[tuple[list[str], str]] = []
    for raw in path.read_bytes().splitlines():
        text = _decode(raw).partition("#")[0].strip()
        if not text:
            continue
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", text)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]{3})", text)
        if not m or m.group(3) not in sectors or m.group(3) not in AGENT_SECTORS:
            continue
        names = [m.group(1)] + [p for p in (m.group(2) or "").split(",") if p.strip()]
        entries.append((names, m.group(3)))
    rows: list[list[str]] = []
    used: dict[str, int] = {}
    for names, sector in entries:
        words: list[str] = []
        for name in names:
            name = name.strip()
            expanded = [name]
            for key, values in macros.items():
                if key in name:
                    expanded = [e.replace(key, v) for e in expanded for v in values]
            for form in expanded:
                phrase = " ".join(form.replace("_", " ").lower().split())
                if not phrase or "!" in phrase or not re.fullmatch(r"[a-z][a-z' \-]*", phrase):
                    continue
                if set(phrase.split()) & AGENT_STOP or phrase in words or phrase.split()[-1] in skip_heads:
                    continue
                if " " not in phrase and not PERSON_NOUN_RE.search(phrase):
                    continue  # "intelligence", "deputy", "uprising": a lone word must look like a word for people
                words.append(phrase)
        if not words:
            continue
        slug = _slug(words[0])
        used[slug] = used.get(slug, 0) + 1
        aid = f"petr.agent.{slug}" if used[slug] == 1 else f"petr.agent.{slug}_{used[slug]}"
        rows.append([aid, "|".join(words), sector])
    return rows


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.source / "Phoenix.agents.txt").is_file():
        print(f"PETRARCH dictionaries not found at {args.source}", file=sys.stderr)
        return 2
    from coding.tables import agent_code_set

    sectors = agent_code_set()
    args.out.mkdir(parents=True, exist_ok=True)
    common = common_words()
    nouns = common | common_words(("noun",))
    actors = convert_actors(args.source, sectors, common, nouns, country_words())
    agents = convert_agents(args.source / "Phoenix.agents.txt", sectors)
    write_tsv(args.out / "actors.tsv", ACTOR_HEADER, actors)
    write_tsv(args.out / "agents.tsv", AGENT_HEADER, agents)
    roles = sum(len(r[6].split(";")) if r[6] else 1 for r in actors)
    print(f"actors.tsv: {len(actors)} entries, {roles} roles; agents.tsv: {len(agents)} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
