"""The ACLED cue lexicon (``coding/lexicons/acled_cues.yaml``): loaded once, checked at load.

Each entry turns a row's current ACLED sub-event type into another one when its
conditions hold: cue words in the sentence, the ACLED kind of the source or target
actor, the CAMEO code. Entries apply in file order and chain (a peaceful protest can
become a protest with intervention, and then excessive force). A failing check raises
:class:`LexiconError` with the file and line, like the other lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from coding.errors import ErrorCode, LexiconError
from coding.lexicon import ID_RE, LEXICON_DIR, _load_yaml_list
from coding.tables import acled_type_pairs, cameo_table

CUES_PATH = LEXICON_DIR / "acled_cues.yaml"
# The ACLED actor kinds a condition may name (coding/acled/actors.py decides them).
ACTOR_KINDS = frozenset({"state", "foreign_state", "rebel", "militia", "identity_militia", "rioter", "protester",
                         "civilian", "external", "country", "none"})
NONE = "none"  # `when: [none]` matches a row that has no ACLED type yet
ENTRY_KEYS = {"id", "when", "cameo", "rule", "trigger", "cues", "unless", "source", "target", "window", "then", "note"}


@dataclass(frozen=True)
class AcledCue:
    """One refinement: if the row's type is in ``when`` and the conditions hold, it becomes ``then``."""

    id: str
    when: frozenset[str]  # current sub-event types (or "none"); empty = any
    cameo: tuple[str, ...]  # CAMEO code prefixes; empty = any
    rules: frozenset[str]  # event rule ids (events.yaml); empty = any
    triggers: frozenset[str]  # trigger head lemmas; empty = any
    cues: tuple[str, ...]  # lemma phrases, " a b " padded; any one must occur (empty = no cue needed)
    unless: tuple[str, ...]  # lemma phrases that block the entry
    source: frozenset[str]  # ACLED kinds of the source actor; empty = any
    target: frozenset[str]
    window: int  # sentences searched for cues, from the trigger's sentence on
    then: tuple[str, str] | None  # (event type, sub-event type); None removes the ACLED type
    line: int = 0


def _bad(path: Path, line: int, message: str, code: ErrorCode = ErrorCode.E204_LEXICON_BAD_ENTRY) -> LexiconError:
    return LexiconError(code, f"{path}:{line}: {message}")


def _phrases(path: Path, line: int, rid: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad(path, line, f"'{rid}': '{key}' must be a list of non-empty strings")
    return tuple(f" {' '.join(v.lower().split())} " for v in value)


def _kinds(path: Path, line: int, rid: str, entry: dict[str, Any], key: str) -> frozenset[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not set(value) <= ACTOR_KINDS:
        raise _bad(path, line, f"'{rid}': '{key}' must list ACLED actor kinds from {sorted(ACTOR_KINDS)}, got {value!r}",
                   ErrorCode.E202_LEXICON_UNKNOWN_CODE)
    return frozenset(value)


def _entry(path: Path, line: int, entry: dict[str, Any], pairs: frozenset[tuple[str, str]]) -> AcledCue:
    rid = entry.get("id")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        raise _bad(path, line, f"ACLED cue id {rid!r} must be lower-case letters, digits, '.', '_' or '-'")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise _bad(path, line, f"'{rid}': unknown key(s) {sorted(unknown)}")
    subs = {sub for _etype, sub in pairs}
    when = entry.get("when") or []
    if not isinstance(when, list) or not all(w in subs or w == NONE for w in when):
        raise _bad(path, line, f"'{rid}': 'when' must list ACLED sub-event types (or 'none'), got {when!r}",
                   ErrorCode.E202_LEXICON_UNKNOWN_CODE)
    cameo = [str(c) for c in entry.get("cameo") or []]
    codes = cameo_table()
    if not all(any(code.startswith(c) for code in codes) for c in cameo):
        raise _bad(path, line, f"'{rid}': 'cameo' must list CAMEO code prefixes, got {cameo!r}", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
    then = entry.get("then", "missing")
    if then == "missing" or (then is not None and (not isinstance(then, list) or tuple(then) not in pairs)):
        raise _bad(path, line, f"'{rid}': 'then' must be a known [event type, sub-event type] or null, got {then!r}",
                   ErrorCode.E202_LEXICON_UNKNOWN_CODE)
    window = entry.get("window", 1)
    if not isinstance(window, int) or not 1 <= window <= 3:
        raise _bad(path, line, f"'{rid}': 'window' must be 1, 2 or 3 sentences")
    rules = entry.get("rule") or []
    triggers = entry.get("trigger") or []
    for key, value in (("rule", rules), ("trigger", triggers)):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise _bad(path, line, f"'{rid}': '{key}' must be a list of non-empty strings")
    cue = AcledCue(rid, frozenset(when), tuple(cameo), frozenset(rules), frozenset(t.lower() for t in triggers), _phrases(path, line, rid, entry, "cues"),
                   _phrases(path, line, rid, entry, "unless"), _kinds(path, line, rid, entry, "source"),
                   _kinds(path, line, rid, entry, "target"), window, tuple(then) if then else None, line)
    if not (cue.when or cue.cameo or cue.rules):
        raise _bad(path, line, f"'{rid}' needs 'when', 'cameo' or 'rule': an entry must say which rows it refines")
    return cue


def load_acled_cues(path: Path = CUES_PATH) -> tuple[AcledCue, ...]:
    """Read and check the cue lexicon; ids are unique and every type is one of ACLED's."""
    pairs = acled_type_pairs()
    seen: dict[str, int] = {}
    cues = []
    for entry in _load_yaml_list(path):
        line = entry.pop("__line__", 0)
        cue = _entry(path, line, entry, pairs)
        if cue.id in seen:
            raise _bad(path, line, f"duplicate ACLED cue id '{cue.id}' (first at line {seen[cue.id]})", ErrorCode.E203_LEXICON_DUPLICATE_ID)
        seen[cue.id] = line
        cues.append(cue)
    return tuple(cues)


@lru_cache(maxsize=1)
def default_cues() -> tuple[AcledCue, ...]:
    return load_acled_cues()
