"""The PETRARCH CAMEO verb patterns (coding/lexicons/petrarch/verbs.tsv) as a fallback index for the coder.

The table is written by tools/petrarch_verbs.py. Each row is a verb pattern: verb lemmas, and
optionally a particle, an object noun phrase and a preposition with its object, giving a
CAMEO code. The index is keyed by verb lemma and then by an *anchor* word (the object's head,
else the prepositional object's head, else the particle or preposition; "" for a bare verb),
so matching a verb token is a few dict lookups, never a scan of the table.

The coder tries it only on verbs no hand-written verb rule (coding/lexicons/events.yaml) knows,
and keeps a pattern's row only with both actors (coding/events.py); its rules carry a lower
confidence, so a hand-written row wins where both code a sentence.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from coding.errors import ErrorCode, LexiconError
from coding.lexicon import EventRule
from coding.tables import cameo_table

HEADER = ["id", "verbs", "particle", "object", "prep", "pobj", "cameo"]
CONFIDENCE = 0.5  # below the hand-written rules' 0.7: where both code a sentence, the hand-written row is kept
ID_PREFIX = "petr."


@dataclass(frozen=True)
class NounPhrase:
    """A pattern's noun phrase: positions, each a set of alternatives (tuples of words), the head position last.

    ``heads`` are the head words of the last position, with naive singulars ("sanctions" -> "sanction").
    """

    positions: tuple[tuple[tuple[str, ...], ...], ...]
    heads: frozenset[str]


@dataclass(frozen=True)
class VerbPattern:
    rule: EventRule
    particle: str
    object: NounPhrase | None
    prep: str
    pobj: NounPhrase | None

    @cached_property
    def rank(self) -> tuple[int, int]:
        """Most specific first: verb+particle/prep+object, verb+object, verb+particle/prep, bare verb."""
        nouns = self.object is not None or self.pobj is not None
        words = bool(self.particle or self.prep)
        level = 3 if nouns and words else 2 if nouns else 1 if words else 0
        size = sum(len(p.positions) for p in (self.object, self.pobj) if p is not None)
        return level, size


@dataclass
class VerbIndex:
    """lemma -> anchor word -> patterns, most specific first (file order among equals)."""

    by_lemma: dict[str, dict[str, list[VerbPattern]]] = field(default_factory=dict)
    size: int = 0

    def lemmas(self) -> set[str]:
        return set(self.by_lemma)


def is_petrarch(rule: EventRule) -> bool:
    """Whether a rule comes from the PETRARCH verb table (its rows need both actors, coding/events.py)."""
    return rule.id.startswith(ID_PREFIX)


def word_forms(word: str) -> tuple[str, ...]:
    """A pattern word and its naive singular: patterns spell nouns as they were seen ("rallies", "troops")."""
    if word.endswith("ies") and len(word) > 4:
        return word, word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word, word[:-1]
    return (word,)


def _phrase(text: str, cache: dict[str, NounPhrase]) -> NounPhrase | None:
    """The phrase a table cell spells; synsets repeat across rows, so each spelling is built once."""
    if not text:
        return None
    if text not in cache:
        positions = tuple(tuple(tuple(w for w in alt.split("_") if w) for alt in pos.split("|")) for pos in text.split(" "))
        if any(not pos or any(not alt for alt in pos) for pos in positions):
            raise ValueError(f"malformed noun phrase {text!r}")
        cache[text] = NounPhrase(positions, frozenset(f for alt in positions[-1] for f in word_forms(alt[-1])))
    return cache[text]


def _bad(path: Path, line: int, message: str, code: ErrorCode = ErrorCode.E204_LEXICON_BAD_ENTRY) -> LexiconError:
    return LexiconError(code, f"{path}:{line}: {message}")


def load_verb_patterns(path: Path) -> VerbIndex:
    """Read and check verbs.tsv: known codes, unique ids, well-formed phrases; LexiconError names file and line."""
    codes = cameo_table()
    index = VerbIndex()
    ids: dict[str, int] = {}
    phrases: dict[str, NounPhrase] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        got = next(reader, None)
        if got != HEADER:
            raise _bad(path, 1, f"header must be {HEADER}, got {got}", ErrorCode.E201_LEXICON_SYNTAX)
        for lineno, row in enumerate(reader, start=2):
            if not row or not any(row):
                continue
            if len(row) != len(HEADER):
                raise _bad(path, lineno, f"expected {len(HEADER)} tab-separated fields, got {len(row)}", ErrorCode.E201_LEXICON_SYNTAX)
            rid, verbs, particle, obj, prep, pobj, code = row
            if not rid.startswith(ID_PREFIX) or not rid.islower() or " " in rid:
                raise _bad(path, lineno, f"rule id {rid!r} must be lower-case and start with {ID_PREFIX!r}")
            if rid in ids:
                raise _bad(path, lineno, f"duplicate rule id '{rid}' (first at line {ids[rid]})", ErrorCode.E203_LEXICON_DUPLICATE_ID)
            ids[rid] = lineno
            if code not in codes:
                raise _bad(path, lineno, f"rule '{rid}': unknown CAMEO code {code!r}", ErrorCode.E202_LEXICON_UNKNOWN_CODE)
            lemmas = [v for v in verbs.split("|") if v]
            if not lemmas:
                raise _bad(path, lineno, f"rule '{rid}' names no verb")
            try:
                pattern = VerbPattern(EventRule(rid, code, confidence=CONFIDENCE, line=lineno), particle, _phrase(obj, phrases), prep,
                                      _phrase(pobj, phrases))
            except ValueError as exc:
                raise _bad(path, lineno, f"rule '{rid}': {exc}") from exc
            anchors = (pattern.object.heads if pattern.object else pattern.pobj.heads if pattern.pobj
                       else {particle or prep})
            for lemma in lemmas:
                by_anchor = index.by_lemma.setdefault(lemma, {})
                for anchor in anchors:
                    by_anchor.setdefault(anchor, []).append(pattern)
            index.size += 1
    for by_anchor in index.by_lemma.values():
        for patterns in by_anchor.values():
            patterns.sort(key=lambda p: (-p.rank[0], -p.rank[1], p.rule.line))
    return index
