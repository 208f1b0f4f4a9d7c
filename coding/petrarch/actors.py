"""Load the converted PETRARCH actor and agent tables (tools/petrarch_actors.py) into the lexicon as fallbacks.

The hand-written lexicons are loaded first and win: a PETRARCH surface form the lexicon already
has, a longer one holding a hand-written person or organisation ("Russian President Vladimir Putin",
which would shadow person.putin), or an agent noun whose head word agents.yaml already defines, is
skipped, never an error. PETRARCH agent nouns never act as modifiers (coding/actors.py).
Every row is still checked (codes, sectors, dates), and a bad one raises LexiconError with file
and line, like the other loaders.

A PETRARCH entry is a :class:`DatedActorEntry`: its own fields are the role used when the story
has no date (the undated default role, else the latest one); :meth:`DatedActorEntry.on` gives the
role that covers a story's date. Entries are ``guarded``: the coder accepts a match only on
words the parser takes for a name (coding/actors.py), so a listed name that is also an ordinary
word does not become an actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from functools import lru_cache
from typing import NamedTuple

from coding.errors import ErrorCode
from coding.lexicon import ID_RE, ActorEntry, Lexicon, _bad, first_chunk
from coding.tables import agent_code_set

PETRARCH_DIR = Path(__file__).resolve().parent.parent / "lexicons" / "petrarch"
ACTOR_HEADER = ["id", "names", "code", "country", "sector", "kind", "roles"]
AGENT_HEADER = ["id", "words", "sector"]
KINDS = frozenset({"person", "igo", "ngo", "institution", "armed_group", "country", "place"})
_ROLE = r"(?:[A-Z]{3}){1,4}:(?:\d{4}-\d{2}-\d{2})?:(?:\d{4}-\d{2}-\d{2})?"
ROLES_RE = re.compile(rf"{_ROLE}(?:;{_ROLE})*")
ROLE_CODE_RE = re.compile(r"(?:^|;)([A-Z]+):")
DATED_RE = re.compile(r"(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})")
# The whole roles column in one pass (codes of 3-letter segments, ISO dates); a role's sector is the first
# agent code in its code (_split_code), so a well-formed code is a valid one.
ROLES_BLOCK_RE = re.compile(rf"(?:{_ROLE}(?:;{_ROLE})*\n)*")
IDS_RE = re.compile(r"(?:petr\.actor\.[a-z0-9][a-z0-9_.\-]*\n)*")
PERSON_LIKE = frozenset({"person"})
GEO_KINDS = frozenset({"country", "capital", "adjective"})


class Role(NamedTuple):
    """One dated (or undated) role of an entry."""

    code: str
    country: str
    sector: str | None
    start: str  # ISO date or "" (open)
    until: str

    def covers(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.until or day <= self.until)


@dataclass(frozen=True)
class DatedActorEntry(ActorEntry):
    """A PETRARCH entry: the default role in the inherited fields, its dated roles as written in the table.

    The roles are parsed when a story names the entry, not at load: tens of thousands of people are
    listed and a story names a handful (they are checked at load all the same).
    """

    roles: str = ""  # "CODE:from:until;..." in file order, "" when the entry has one undated role
    has_default: bool = True
    guarded: bool = True  # match only on proper nouns or named entities (coding/actors.py)

    def on(self, day: date | None) -> ActorEntry | None:
        """The entry as of ``day``: the first dated role that covers it, else the undated default; None if neither."""
        if day is None or not self.roles:
            return self
        iso = day.isoformat()
        for role in parse_roles(self.roles):
            if (role.start or role.until) and role.covers(iso):
                return DatedActorEntry(self.id, role.country, role.sector, _code(self.kind, role), self.kind, "", True, self.guarded)
        return self if self.has_default else None


def parse_roles(text: str) -> list[Role]:
    roles = []
    for part in text.split(";"):
        code, start, until = part.split(":")
        roles.append(Role(code, *_split_code(code), start, until))
    return roles


@lru_cache(maxsize=None)
def _split_code(code: str) -> tuple[str, str | None]:
    """(country, sector) of a role code: the first agent code after the country (IGO and NGO are their own)."""
    sectors = agent_code_set()
    sector = next((code[i:i + 3] for i in range(3, len(code), 3) if code[i:i + 3] in sectors),
                  code[:3] if code[:3] in sectors else None)
    return code[:3], sector


def _code(kind: str, role: Role) -> str:
    """People carry country + sector like people.tsv, unless they serve an IGO or NGO (IGOUNO)."""
    if kind == "person" and role.country not in {"IGO", "NGO"}:
        return role.country + (role.sector or "")
    return role.code


def _rows(path: Path, header: list[str]) -> list[tuple[int, list[str]]]:
    """Tab-separated rows with their line numbers (the tables have no quoting: plain splits are fast)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[0].split("\t") != header:
        raise _bad(path, 1, f"header must be {header}, got {lines[0].split(chr(9))}", ErrorCode.E201_LEXICON_SYNTAX)
    rows = []
    for lineno, text in enumerate(lines[1:], start=2):
        if not text.strip():
            continue
        fields = text.split("\t")
        if len(fields) != len(header):
            raise _bad(path, lineno, f"expected {len(header)} tab-separated fields, got {len(fields)}", ErrorCode.E201_LEXICON_SYNTAX)
        rows.append((lineno, fields))
    return rows


def _check_code(path: Path, line: int, code: str, country: str, sector: str, kind: str, sectors: frozenset[str]) -> None:
    if not re.fullmatch(r"(?:[A-Z]{3}){1,4}", code):
        raise _bad(path, line, f"code {code!r} must be one to four 3-letter codes", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
    if not re.fullmatch(r"[A-Z]{3}", country) or not code.startswith(country):
        raise _bad(path, line, f"country {country!r} must be the first three letters of the code", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
    if sector and sector not in sectors:
        raise _bad(path, line, f"sector {sector!r} is not a CAMEO agent code", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
    if kind not in KINDS:
        raise _bad(path, line, f"kind {kind!r} must be one of {', '.join(sorted(KINDS))}")


def _check_roles(path: Path, line: int, text: str, sectors: frozenset[str], checked: set[str]) -> bool:
    """Check a roles column (its form, each code once, date order); True when one role is undated (the default)."""
    if not ROLES_RE.fullmatch(text):
        raise _bad(path, line, f"roles {text!r} must be CODE:from:until joined by ';' (dates YYYY-MM-DD or empty)")
    for code in ROLE_CODE_RE.findall(text):
        if code not in checked:
            country, sector = _split_code(code)
            _check_code(path, line, code, country, sector or "", "person", sectors)
            checked.add(code)
    for start, until in DATED_RE.findall(text):
        if start > until:
            raise _bad(path, line, f"a role starts ({start}) after it ends ({until})")
    return text.endswith("::") or "::;" in text  # "CODE::" is an undated role


def read_actors(path: Path) -> list[tuple[int, list[str], DatedActorEntry]]:
    """(line, surface forms, entry) for every entry of actors.tsv, checked."""
    sectors = agent_code_set()
    out: list[tuple[int, list[str], DatedActorEntry]] = []
    rows = _rows(path, ACTOR_HEADER)
    ids = [fields[0] for _line, fields in rows]
    if not IDS_RE.fullmatch("\n".join(ids) + "\n"):  # every id at once; find the bad one only on failure
        line, fields = next((line, f) for line, f in rows if not ID_RE.match(f[0]) or not f[0].startswith("petr.actor."))
        raise _bad(path, line, f"id {fields[0]!r} must look like petr.actor.<slug>")
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        line, eid = next((line, f[0]) for line, f in rows if f[0] in seen or seen.add(f[0]))
        raise _bad(path, line, f"duplicate id '{eid}'", ErrorCode.E203_LEXICON_DUPLICATE_ID)
    dated = [(line, fields[6]) for line, fields in rows if fields[6]]
    joined = "".join(text + "\n" for _line, text in dated)
    if not ROLES_BLOCK_RE.fullmatch(joined) or any(start > until for start, until in DATED_RE.findall(joined)):
        checked_roles: set[str] = set()  # the whole column at once; row by row only to name the bad line
        for line, text in dated:
            _check_roles(path, line, text, sectors, checked_roles)
    checked: set[tuple[str, ...]] = set()
    for line, (eid, names, code, country, sector, kind, roles) in rows:
        key = (code, country, sector, kind)
        if key not in checked:  # a few hundred distinct codes among tens of thousands of rows: check each once
            _check_code(path, line, code, country, sector, kind, sectors)
            checked.add(key)
        if not names:
            raise _bad(path, line, f"'{eid}': an entry needs its names")
        has_default = True
        if roles:  # "CODE::" is an undated role: the default
            has_default = roles.endswith("::") or "::;" in roles or kind not in PERSON_LIKE
        default = Role(code, country, sector or None, "", "")
        entry = DatedActorEntry(eid, country, sector or None, _code(kind, default), kind, roles, has_default)
        out.append((line, names.split("|"), entry))
    return out


def load_petrarch_actors(lex: Lexicon, directory: Path = PETRARCH_DIR) -> None:
    """Add the PETRARCH actors and agent nouns to ``lex`` where the hand-written lexicons say nothing."""
    actors, agents = directory / "actors.tsv", directory / "agents.tsv"
    if actors.exists():
        own_names = {surface for surface, entry in lex.actors.items() if entry.kind not in GEO_KINDS}
        own_first = {name.split()[0] for name in own_names}
        touched: set[str] = set()
        for _line, forms, entry in read_actors(actors):
            for surface in forms:
                if surface and surface not in lex.actors and not _names_inside(surface, own_names, own_first):
                    _add_fallback(lex, surface, entry, touched)
        for chunk in touched:
            lex.actor_first_word[chunk].sort(key=len, reverse=True)
    if agents.exists():
        load_petrarch_agents(agents, lex)


def _add_fallback(lex: Lexicon, surface: str, entry: ActorEntry, touched: set[str]) -> None:
    """lexicon._add_actor for a form known to be new, with the index sorted once at the end rather than per form."""
    lex.actors[surface] = entry
    lex.max_actor_words = max(lex.max_actor_words, len(surface.split()))
    chunk = surface.split(" ", 1)[0]
    if "-" in chunk or "'" in chunk or "’" in chunk:
        chunk = first_chunk(chunk)
    lex.actor_first_word.setdefault(chunk, []).append(surface)
    touched.add(chunk)


def _names_inside(surface: str, names: set[str], first_words: set[str]) -> bool:
    """A hand-written person or organisation named inside a longer dictionary form ("Russian President Vladimir
    Putin", "Harakat al-Shabaab al-Mujahideen"): the longer form would shadow the hand-written entry, so it is skipped."""
    words = surface.split()
    if first_words.isdisjoint(words):
        return False
    return any(" ".join(words[i:j]) in names for i in range(len(words)) if words[i] in first_words
               for j in range(i + 1, len(words) + 1))


def load_petrarch_agents(path: Path, lex: Lexicon) -> None:
    """Agent nouns whose head word agents.yaml does not define ('riot police' stays with police -> COP)."""
    sectors = agent_code_set()
    own_heads = set(lex.agent_index)
    seen: set[str] = set()
    for line, fields in _rows(path, AGENT_HEADER):
        row = dict(zip(AGENT_HEADER, fields))
        aid = row["id"]
        if not ID_RE.match(aid) or not aid.startswith("petr.agent."):
            raise _bad(path, line, f"id {aid!r} must look like petr.agent.<slug>")
        if aid in seen:
            raise _bad(path, line, f"duplicate id '{aid}'", ErrorCode.E203_LEXICON_DUPLICATE_ID)
        seen.add(aid)
        if row["sector"] not in sectors:
            raise _bad(path, line, f"sector {row['sector']!r} is not a CAMEO agent code", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
        for phrase in row["words"].split("|"):
            words = tuple(phrase.split())
            if not words or phrase != phrase.lower():
                raise _bad(path, line, f"'{aid}': words must be lower-case phrases, got {phrase!r}")
            if words[-1] in own_heads:
                continue
            lex.agent_index.setdefault(words[-1], []).append((words[:-1], row["sector"], aid))
    for head, options in lex.agent_index.items():
        if head not in own_heads:
            options.sort(key=lambda o: -len(o[0]))
