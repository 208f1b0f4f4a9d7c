"""Load the data files under ``coding/lexicons`` once, check them, and index them for matching.

Every check failure raises :class:`LexiconError` naming the file and line, so that a
domain expert who adds a verb or an actor sees exactly what to fix.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from coding.errors import ErrorCode, LexiconError
from coding.tables import acled_type_pairs, agent_code_set, cameo_table

if TYPE_CHECKING:
    from coding.petrarch.verbs import VerbIndex

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
ID_RE = re.compile(r"^[a-z][a-z0-9_.\-]*$")
TRIGGER_FORMS = ("verbs", "light", "nouns")
RULE_KEYS = {"id", "cameo", *TRIGGER_FORMS, "source_sector", "target_sector", "target_from_place", "acled", "confidence", "intransitive", "object_is_source", "cues",
             "transitive", "clause_target", "object_not", "modal", "subject_of", "subject_in", "reciprocal", "unnamed_source", "object_in", "with_in"}


@dataclass(frozen=True)
class EventRule:
    id: str
    cameo: str
    source_sector: str | None = None
    target_sector: str | None = None
    target_from_place: bool = False
    acled: tuple[str, str] | None = None
    confidence: float = 0.7
    line: int = 0
    intransitive: bool = False  # verb forms fire only without a direct object ("protesters demonstrated")
    object_is_source: bool = False  # the moved forces are the mover: "regroup Russian troops" -> source RUSMIL
    cues: tuple[tuple[frozenset[str], str], ...] = ()  # (cue words, code): a cue nearby refines the code
    transitive: bool = False  # verb forms fire only with an object or a clause ("protested the decision")
    clause_target: bool = False  # the target may be the subject of the verb's clause ("demanded that Israel ease")
    object_not: frozenset[str] = frozenset()  # object lemmas that make the verb mean something else ("release a report")
    modal: bool = False  # the trigger is a modal in reported speech: "X said Y must hand over" (X demands of Y)
    subject_of: frozenset[str] = frozenset()  # noun forms fire only as the subject of these verbs ("rockets struck")
    subject_in: frozenset[str] = frozenset()  # verb forms fire only with one of these subjects ("jets struck")
    reciprocal: bool = False  # coordinated subjects act on each other ("X and Y met", "clashed", "signed a deal")
    unnamed_source: str | None = None  # who acts when nobody is named: "107 people were detained" (police, COP)
    object_in: frozenset[str] = frozenset()  # verb forms fire only with one of these objects ("struck an airbase")
    with_in: frozenset[str] = frozenset()  # verb forms fire only with one of these as what it is done with ("charged them with batons")


# organizations.tsv kinds that name an organisation (never a place): its words are no place name, nor is a
# shorter organisation's name inside its own
ORGANISATION_KINDS = frozenset({"igo", "ngo", "armed_group", "regional_armed_group", "institution", "home_institution",
                                "party", "media"})


@dataclass(frozen=True)
class ActorEntry:
    """A named actor (country, organisation, armed group, institution) and the code it gives."""

    id: str
    country: str | None
    sector: str | None
    code: str
    kind: str  # country | capital | adjective | igo | ngo | armed_group | regional_armed_group | institution | home_institution | party | media


@dataclass
class Lexicon:
    rules: dict[str, EventRule] = field(default_factory=dict)
    verb_index: dict[str, list[tuple[tuple[str, ...], EventRule]]] = field(default_factory=dict)
    light_index: dict[tuple[str, str], EventRule] = field(default_factory=dict)
    verb_lemmas: set[str] = field(default_factory=set)  # heads of verb and light-verb forms
    causes: dict[str, frozenset[str]] = field(default_factory=dict)  # kind (natural|accident|attack) -> words
    cause_verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> verb lemmas that report that cause
    # kind -> (its one-word entries, matched against a sentence's words; its phrases, matched as substrings)
    cause_split: dict[str, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict)
    noun_index: dict[str, list[tuple[tuple[str, ...], EventRule]]] = field(default_factory=dict)
    agent_index: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)  # head -> (mods, sector, id)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # title text -> (sector, id)
    actors: dict[str, ActorEntry] = field(default_factory=dict)  # surface form -> entry
    max_actor_words: int = 1
    actor_first_word: dict[str, list[str]] = field(default_factory=dict)  # first word chunk -> surface forms, longest first
    petrarch_verbs: VerbIndex | None = None  # PETRARCH verb patterns, the fallback for verbs no rule matches


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when PyYAML has it: 5x faster
    """A YAML loader that records the line of every mapping as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load_yaml_list(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise LexiconError(ErrorCode.E201_LEXICON_SYNTAX, f"{where}: YAML syntax error: {getattr(exc, 'problem', exc)}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise LexiconError(ErrorCode.E201_LEXICON_SYNTAX, f"{path}:1: expected a list of entries")
    for item in data:
        if not isinstance(item, dict):
            raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY, f"{path}: every entry must be a mapping, got {item!r}")
    return data


def _bad(path: Path, line: int, message: str, code: ErrorCode = ErrorCode.E204_LEXICON_BAD_ENTRY) -> LexiconError:
    return LexiconError(code, f"{path}:{line}: {message}")


def _phrases(path: Path, line: int, entry: dict[str, Any], key: str) -> list[tuple[str, ...]]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad(path, line, f"'{key}' must be a list of non-empty strings")
    return [tuple(v.strip().split()) for v in value]


def load_event_rules(path: Path, lex: Lexicon) -> None:
    codes = cameo_table()
    sectors = agent_code_set()
    claimed: dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]] = {}
    for entry in _load_yaml_list(path):
        line = entry.pop("__line__", 0)
        rid = entry.get("id")
        if not isinstance(rid, str) or not ID_RE.match(rid):
            raise _bad(path, line, f"rule id {rid!r} must be lower-case letters, digits, '.', '_' or '-'")
        if rid in lex.rules:
            raise _bad(path, line, f"duplicate rule id '{rid}' (first at line {lex.rules[rid].line})", ErrorCode.E203_LEXICON_DUPLICATE_ID)
        unknown = set(entry) - RULE_KEYS
        if unknown:
            raise _bad(path, line, f"rule '{rid}': unknown key(s) {sorted(unknown)}")
        code = str(entry.get("cameo", ""))
        if code not in codes:
            raise _bad(path, line, f"rule '{rid}': unknown CAMEO code {code!r}", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
        for key in ("source_sector", "target_sector", "unnamed_source"):
            if entry.get(key) is not None and entry[key] not in sectors:
                raise _bad(path, line, f"rule '{rid}': {key} {entry[key]!r} is not a CAMEO agent code")
        acled = entry.get("acled")
        if acled is not None and (not isinstance(acled, list) or len(acled) != 2):
            raise _bad(path, line, f"rule '{rid}': acled must be [event type, sub-event type]")
        if acled is not None and tuple(acled) not in acled_type_pairs():
            raise _bad(path, line, f"rule '{rid}': acled {acled!r} is not an ACLED event type and sub-event type",
                       ErrorCode.E202_LEXICON_UNKNOWN_CODE)
        confidence = float(entry.get("confidence", 0.7))
        if not 0 < confidence <= 1:
            raise _bad(path, line, f"rule '{rid}': confidence must be in (0, 1]")
        cues = []
        for cue in entry.get("cues") or []:
            if not isinstance(cue, dict) or not cue.get("words") or str(cue.get("cameo")) not in codes:
                raise _bad(path, line, f"rule '{rid}': each cue needs 'words' and a known 'cameo' code", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
            cues.append((frozenset(w.lower() for w in cue["words"]), str(cue["cameo"])))
        forms = {key: _phrases(path, line, entry, key) for key in TRIGGER_FORMS}
        if not any(forms.values()):
            raise _bad(path, line, f"rule '{rid}' has no trigger: give verbs, light or nouns")
        if entry.get("transitive") and entry.get("intransitive"):
            raise _bad(path, line, f"rule '{rid}': a rule cannot be both transitive and intransitive")
        object_not = entry.get("object_not") or []
        if not isinstance(object_not, list) or not all(isinstance(w, str) for w in object_not):
            raise _bad(path, line, f"rule '{rid}': object_not must be a list of lemmas")
        subject_of = entry.get("subject_of") or []
        if not isinstance(subject_of, list) or not all(isinstance(w, str) for w in subject_of):
            raise _bad(path, line, f"rule '{rid}': subject_of must be a list of verb lemmas")
        if subject_of and (forms.get("verbs") or forms.get("light")):
            raise _bad(path, line, f"rule '{rid}': subject_of applies to nouns only; put verbs and light forms in another rule")
        subject_in = entry.get("subject_in") or []
        if not isinstance(subject_in, list) or not all(isinstance(w, str) for w in subject_in):
            raise _bad(path, line, f"rule '{rid}': subject_in must be a list of noun lemmas")
        object_in = entry.get("object_in") or []
        if not isinstance(object_in, list) or not all(isinstance(w, str) for w in object_in):
            raise _bad(path, line, f"rule '{rid}': object_in must be a list of noun lemmas")
        if object_in and subject_in:
            raise _bad(path, line, f"rule '{rid}': give subject_in or object_in, not both")
        with_in = entry.get("with_in") or []
        if not isinstance(with_in, list) or not all(isinstance(w, str) for w in with_in):
            raise _bad(path, line, f"rule '{rid}': with_in must be a list of noun lemmas")
        rule = EventRule(rid, code, entry.get("source_sector"), entry.get("target_sector"),
                         bool(entry.get("target_from_place", False)), tuple(acled) if acled else None, confidence, line,
                         bool(entry.get("intransitive", False)), bool(entry.get("object_is_source", False)), tuple(cues),
                         bool(entry.get("transitive", False)), bool(entry.get("clause_target", False)),
                         frozenset(w.lower() for w in object_not), bool(entry.get("modal", False)),
                         frozenset(w.lower() for w in subject_of), frozenset(w.lower() for w in subject_in),
                         bool(entry.get("reciprocal", False)), entry.get("unnamed_source"),
                         frozenset(w.lower() for w in object_in), frozenset(w.lower() for w in with_in))
        # A verb may be claimed twice when one rule takes it with an object and the other without one.
        valency = ("subject" if rule.subject_in else "object" if rule.object_in or rule.with_in else "transitive" if rule.transitive
                   else "intransitive" if rule.intransitive else "")
        lex.rules[rid] = rule
        for form, phrases in forms.items():
            for words in phrases:
                if form == "light" and len(words) != 2:
                    raise _bad(path, line, f"rule '{rid}': light form {' '.join(words)!r} must be 'verb object'")
                key = (form, tuple(w.lower() for w in words))
                mode = valency if form == "verbs" else ""
                for other_mode, other in claimed.get(key, []):
                    # a verb may be shared by rules that need different arguments: with and without an object,
                    # or with a given subject ("jets struck") and with a given object ("struck an airbase")
                    restricted = {"subject", "object"}
                    shared = {mode, other_mode} == {"transitive", "intransitive"} or {mode, other_mode} == restricted \
                        or (mode in restricted) != (other_mode in restricted)
                    if other != rid and not shared:
                        raise _bad(path, line, f"rule '{rid}': {form} {' '.join(words)!r} is already claimed by rule '{other}'",
                                   ErrorCode.E203_LEXICON_DUPLICATE_ID)
                claimed.setdefault(key, []).append((mode, rid))
                low = tuple(w.lower() for w in words)
                if form == "verbs":
                    lex.verb_index.setdefault(low[0], []).append((low[1:], rule))
                    lex.verb_lemmas.add(low[0])
                elif form == "light":
                    lex.light_index[(low[0], low[1])] = rule
                    lex.verb_lemmas.add(low[0])
                else:
                    lex.noun_index.setdefault(low[-1], []).append((low[:-1], rule))
    for index in (lex.verb_index, lex.noun_index):
        for options in index.values():
            # most specific first, bound to a subject or an instrument first
            options.sort(key=lambda o: (-len(o[0]), not (o[1].subject_in or o[1].with_in)))


def _new_id(path: Path, line: int, entry: dict[str, Any], seen: set[str], what: str) -> str:
    """The entry's id, checked for form and uniqueness among ``seen`` (which it joins)."""
    eid = entry.get("id")
    if not isinstance(eid, str) or not ID_RE.match(eid):
        raise _bad(path, line, f"{what} id {eid!r} is not a valid id")
    if eid in seen:
        raise _bad(path, line, f"duplicate {what} id '{eid}'", ErrorCode.E203_LEXICON_DUPLICATE_ID)
    seen.add(eid)
    return eid


def load_agents(path: Path, lex: Lexicon) -> None:
    sectors = agent_code_set()
    seen: set[str] = set()
    for entry in _load_yaml_list(path):
        line = entry.pop("__line__", 0)
        gid = _new_id(path, line, entry, seen, "agent")
        sector = entry.get("sector")
        if sector not in sectors:
            raise _bad(path, line, f"agent '{gid}': sector {sector!r} is not a CAMEO agent code", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
        for words in _phrases(path, line, entry, "words"):
            low = tuple(w.lower() for w in words)
            lex.agent_index.setdefault(low[-1], []).append((low[:-1], sector, gid))
        for title in entry.get("titles") or []:
            lex.titles[str(title)] = (sector, gid)
    for options in lex.agent_index.values():
        options.sort(key=lambda o: -len(o[0]))


def _read_tsv(path: Path, header: list[str]) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        got = next(reader, None)
        if got != header:
            raise _bad(path, 1, f"header must be {header}, got {got}", ErrorCode.E201_LEXICON_SYNTAX)
        rows = []
        for lineno, row in enumerate(reader, start=2):
            if not row or not any(row):
                continue
            if len(row) != len(header):
                raise _bad(path, lineno, f"expected {len(header)} tab-separated fields, got {len(row)}", ErrorCode.E201_LEXICON_SYNTAX)
            rows.append((lineno, dict(zip(header, row))))
        return rows


def _add_actor(lex: Lexicon, path: Path, line: int, surface: str, entry: ActorEntry) -> None:
    surface = surface.strip()
    if not surface:
        return
    existing = lex.actors.get(surface)
    if existing is not None and existing.code != entry.code:
        raise _bad(path, line, f"surface form {surface!r} is already used by '{existing.id}'", ErrorCode.E203_LEXICON_DUPLICATE_ID)
    lex.actors[surface] = entry
    lex.max_actor_words = max(lex.max_actor_words, len(surface.split()))
    options = lex.actor_first_word.setdefault(first_chunk(surface), [])
    if surface not in options:
        options.append(surface)
        options.sort(key=len, reverse=True)


CHUNK_SEPARATOR = re.compile(r"[\s\-’']")  # space, hyphen or apostrophe: where a surface form's words split


def first_chunk(text: str) -> str:
    """The text before the first space, hyphen or apostrophe: how a surface form is indexed for matching."""
    return CHUNK_SEPARATOR.split(text, maxsplit=1)[0]


def load_countries(path: Path, lex: Lexicon) -> None:
    ids: set[str] = set()
    for line, row in _read_tsv(path, ["id", "iso3", "names", "adjectives", "capitals"]):
        if row["id"] in ids:
            raise _bad(path, line, f"duplicate id '{row['id']}'", ErrorCode.E203_LEXICON_DUPLICATE_ID)
        ids.add(row["id"])
        iso3 = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise _bad(path, line, f"iso3 {iso3!r} must be three upper-case letters")
        for kind, column, sector in (("country", "names", None), ("adjective", "adjectives", None), ("capital", "capitals", "GOV")):
            for surface in filter(None, row[column].split("|")):
                _add_actor(lex, path, line, surface, ActorEntry(row["id"], iso3, sector, iso3 + (sector or ""), kind))


def load_organizations(path: Path, lex: Lexicon) -> None:
    sectors = agent_code_set()
    ids: set[str] = set()
    for line, row in _read_tsv(path, ["id", "names", "code", "country", "sector", "kind"]):
        if row["id"] in ids:
            raise _bad(path, line, f"duplicate id '{row['id']}'", ErrorCode.E203_LEXICON_DUPLICATE_ID)
        ids.add(row["id"])
        if not re.fullmatch(r"[A-Z]{3,12}", row["code"]):
            raise _bad(path, line, f"code {row['code']!r} must be upper-case letters")
        if row["sector"] and row["sector"] not in sectors:
            raise _bad(path, line, f"sector {row['sector']!r} is not a CAMEO agent code", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
        entry = ActorEntry(row["id"], row["country"] or None, row["sector"] or None, row["code"], row["kind"])
        for surface in filter(None, row["names"].split("|")):
            _add_actor(lex, path, line, surface, entry)


@dataclass(frozen=True)
class PersonEntry(ActorEntry):
    """A person of people.tsv: the fields are the latest role (used when the story has no date); ``roles``
    holds every row of the person as (from, until, role entry), ISO dates, "" when open, earliest first."""

    roles: tuple[tuple[str, str, ActorEntry], ...] = ()

    def on(self, day: date | None) -> ActorEntry:
        """The role that covers ``day`` (the later-starting one where two meet in a year), else the
        nearest: the last role that ended before ``day``, or the first one when ``day`` precedes them all."""
        if day is None or len(self.roles) < 2:
            return self
        iso = day.isoformat()
        covering = [entry for start, until, entry in self.roles if start <= iso and (not until or iso <= until)]
        if covering:
            return covering[-1]
        before = [(until, entry) for _start, until, entry in self.roles if until and until < iso]
        return max(before, key=lambda b: b[0])[1] if before else self.roles[0][2]


PERSON_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _person_date(path: Path, line: int, text: str, end: bool) -> str:
    """A from/until cell as an ISO day: a year (or year-month) starts on its first day and ends on its last."""
    if not text:
        return ""
    match = PERSON_DATE_RE.match(text)
    if not match:
        raise _bad(path, line, f"date {text!r} must be a year, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    return f"{year}-{month or ('12' if end else '01')}-{day or ('31' if end else '01')}"


def load_people(path: Path, lex: Lexicon) -> None:
    """Well-known people: a name gives the country and sector of the role they held on the story's date.

    A person may have several rows, one per role, under one id (names may be repeated or left empty on
    the later rows); ``from`` and ``until`` are years (or YYYY-MM, YYYY-MM-DD), either one empty when open.
    """
    sectors = agent_code_set()
    rows: dict[str, list[tuple[int, dict[str, str], str, str]]] = {}
    for line, row in _read_tsv(path, ["id", "names", "country", "sector", "role", "from", "until"]):
        if not ID_RE.match(row["id"]):
            raise _bad(path, line, f"person id {row['id']!r} is not a valid id")
        if not re.fullmatch(r"[A-Z]{3}", row["country"]):
            raise _bad(path, line, f"country {row['country']!r} must be three upper-case letters")
        if row["sector"] not in sectors:
            raise _bad(path, line, f"sector {row['sector']!r} is not a CAMEO agent code", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
        start, until = _person_date(path, line, row["from"], False), _person_date(path, line, row["until"], True)
        if until and start > until:
            raise _bad(path, line, f"the role starts ({row['from']}) after it ends ({row['until']})")
        earlier = rows.setdefault(row["id"], [])
        if any(other[2] == start for other in earlier):
            raise _bad(path, line, f"duplicate id '{row['id']}': a person's rows need different 'from' dates (first at line {earlier[0][0]})",
                       ErrorCode.E203_LEXICON_DUPLICATE_ID)
        if not earlier and not row["names"]:
            raise _bad(path, line, f"person '{row['id']}' has no names")
        earlier.append((line, row, start, until))
    for pid, person in rows.items():
        person.sort(key=lambda r: r[2])
        roles = tuple((start, until, ActorEntry(pid, row["country"], row["sector"], row["country"] + row["sector"], "person"))
                      for _line, row, start, until in person)
        latest = roles[-1][2]
        entry = PersonEntry(pid, latest.country, latest.sector, latest.code, "person", roles)
        names = dict.fromkeys(surface for _line, row, _s, _u in person for surface in row["names"].split("|") if surface)
        for surface in names:
            other = lex.actors.get(surface)
            if other is not None and other.kind != "person":  # a country or organisation name wins over a person's
                continue
            if other is not None:
                raise _bad(path, person[0][0], f"name {surface!r} of '{pid}' is already a name of '{other.id}': leave it out of both",
                           ErrorCode.E203_LEXICON_DUPLICATE_ID)
            _add_actor(lex, path, person[0][0], surface, entry)


CAUSE_KINDS = ("natural", "accident", "illness", "attack")


def load_causes(path: Path, lex: Lexicon) -> None:
    """Disaster, accident and attack words (causes.yaml): a killing by an earthquake is not an event."""
    seen: set[str] = set()
    for entry in _load_yaml_list(path):
        line = entry.pop("__line__", 0)
        cid = _new_id(path, line, entry, seen, "cause")
        unknown = set(entry) - {"id", "kind", "words", "verbs"}
        if unknown:
            raise _bad(path, line, f"cause '{cid}': unknown key(s) {sorted(unknown)}")
        kind, words = entry.get("kind"), entry.get("words")
        if kind not in CAUSE_KINDS:
            raise _bad(path, line, f"cause '{cid}': kind must be one of {', '.join(CAUSE_KINDS)}")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise _bad(path, line, f"cause '{cid}': words must be a non-empty list of words")
        verbs = entry.get("verbs") or []
        if not isinstance(verbs, list) or not all(isinstance(w, str) and w.strip() and " " not in w.strip() for w in verbs):
            raise _bad(path, line, f"cause '{cid}': verbs must be a list of single verb lemmas")
        lex.causes[kind] = lex.causes.get(kind, frozenset()) | frozenset(" ".join(w.lower().split()) for w in words)
        lex.cause_verbs[kind] = lex.cause_verbs.get(kind, frozenset()) | frozenset(w.strip().lower() for w in verbs)
        lex.cause_split[kind] = (frozenset(w for w in lex.causes[kind] if " " not in w),
                                 tuple(sorted(w for w in lex.causes[kind] if " " in w)))


def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    lex = Lexicon()
    load_event_rules(directory / "events.yaml", lex)
    load_agents(directory / "agents.yaml", lex)
    if (directory / "causes.yaml").exists():
        load_causes(directory / "causes.yaml", lex)
    if (directory / "countries.tsv").exists():
        load_countries(directory / "countries.tsv", lex)
    if (directory / "organizations.tsv").exists():
        load_organizations(directory / "organizations.tsv", lex)
    if (directory / "parties.tsv").exists():  # political parties and movements, after (and disjoint from) the organisations
        load_organizations(directory / "parties.tsv", lex)
    if (directory / "people.tsv").exists():
        load_people(directory / "people.tsv", lex)
    if (directory / "petrarch" / "verbs.tsv").exists():
        from coding.petrarch.verbs import load_verb_patterns  # imports EventRule from here
        lex.petrarch_verbs = load_verb_patterns(directory / "petrarch" / "verbs.tsv")
    from coding.petrarch.actors import load_petrarch_actors  # fallbacks, after the hand-written files (which win)

    load_petrarch_actors(lex, directory / "petrarch")
    return lex


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded and checked once per process."""
    return load_lexicon()
