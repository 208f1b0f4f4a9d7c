"""Convert the PETRARCH/Phoenix CAMEO verb dictionary (CAMEO.2.0.txt) into coding/lexicons/petrarch/verbs.tsv.

    python tools/petrarch_verbs.py [--source PATH] [--output PATH]

The source is read-only reference data (MIT, coding/lexicons/petrarch/NOTICE); the package never
reads it at run time. The output is one row per pattern of a verb block:

    id  verbs  particle  object  prep  pobj  cameo

``verbs`` lists the block's lemmas (``|``); ``object`` and ``pobj`` are noun phrases, head last:
positions separated by spaces, a position's alternatives by ``|`` (a ``&SYNSET`` is expanded into
its members), the words of a multi-word member by ``_``. Ids are ``petr.<code>.<verb>[.<slug>]``,
the verb being the one the pattern was written for (its comment) and the slug made from the
pattern as written (a synset keeps its name), so an id survives a re-run and an edit elsewhere.

What is kept, because a dependency parse can use it:
- a verb with a code of its own (``ASK [020]``): the bare verb;
- ``- * [PARTICLE] [OBJECT] [(PREP [OBJECT])] [code]`` patterns, for every verb of their block
  (PETRARCH's synonym blocks share their patterns); a ``+VERB_PARTICLE`` verb adds its particle;
  ``$`` before the verb (the subject is the source), ``+``, ``%`` and ``^`` (actor slots and
  skips: the parse says where the actors are) are dropped from the pattern.

What is left out, and why (counted in the summary the converter prints):
- ``no-code``: patterns with the null code ``[---]`` and verbs without a code of their own
  (every block code in this file is ``[---]``): no event;
- ``reverse-code``: ``[:code]``, an event only from target to source; ``[a:b]`` keeps ``a``;
- ``unknown-code``: codes not in the project's CAMEO table (coding/data/cameo_codes.tsv);
- ``subject-words``: words before the verb (``&MILITARY * EXERCISES``, ``POLICE *``): a
  condition on the subject's words, which the coder's actor resolution decides instead;
- ``source-after-verb``: ``$`` after the verb (the source is an object): the coder's argument
  finding takes the subject as source, so these would swap the actors;
- ``shallow``: more than one object phrase, more than one prepositional phrase, words after the
  prepositional phrase, an unknown preposition or a disjunction: leftovers of TABARI's shallow
  parsing that do not say how the words hang on the verb;
- ``passive-by``: a "by" phrase (``- * (BY)``): TABARI's way of finding passives; the parse
  finds the passive agent itself, and the pattern would code any passive of the verb;
- ``generic-verb``: bare and particle-only entries of the verbs in ``GENERIC_VERBS`` (below);
- ``aux-verb``: multi-word "verbs" that start with an auxiliary (``+IS_DETERMINED``);
- ``undefined-synset``: a pattern naming a synset the file does not define;
- ``duplicate``: the same verb and pattern again (the first code in the file wins).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coding.tables import cameo_table  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch" / "CAMEO.2.0.txt"
DEFAULT_OUTPUT = ROOT / "coding" / "lexicons" / "petrarch" / "verbs.tsv"
HEADER = ("id", "verbs", "particle", "object", "prep", "pobj", "cameo")

PARTICLES = {"up", "down", "off", "out", "back", "away", "aside", "forward", "together", "apart", "ahead", "over", "in", "on",
             "through", "around", "along"}
PREPOSITIONS = {"to", "for", "with", "against", "on", "in", "at", "of", "from", "into", "over", "by", "about", "under", "before",
                "behind", "after", "toward", "towards", "upon", "between", "among", "through", "across", "without", "near",
                "during", "until", "onto", "outside", "inside", "beyond", "as", "amid", "around", "along", "within", "off"}
# Verbs too frequent or too vague to code an event alone: their bare entries and their entries with
# only a particle or preposition ("take part", "come to", "head back", "leave for", "contribute")
# are left out; their patterns with an object noun ("give aid", "take hostage") stay. Chosen on the
# tune half of the development sets (README "PETRARCH verb patterns").
GENERIC_VERBS = frozenset(
    "be have do say tell state report make take give go get come put set leave stand head keep hold turn bring see look "
    "run move call open start begin add issue express expect want fail decline help contribute acknowledge aim apply "
    "determine decide seek injure address attend vote yield object demonstrate beat bar search outline doubt shelter "
    "use send fly meet".split())
AUXILIARIES = {"is", "was", "were", "are", "be", "been", "am", "has", "have", "had", "will", "would"}
DETERMINERS = {"a", "an", "the"}
TOKEN_RE = re.compile(r"\{[^}]*\}|\([^()]*\)|\S+")
CODE_RE = re.compile(r"\[([^\]]*)\]")
VERB_LINE_RE = re.compile(r"^(\+?)([A-Z0-9_'\-]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")

Phrase = tuple[str, ...]  # a synset member's words


@dataclass(frozen=True)
class Pattern:
    particle: str
    object: str  # "" when the pattern has no object
    object_slug: str
    prep: str
    pobj: str
    pobj_slug: str


@dataclass(frozen=True)
class Row:
    id: str
    verbs: str  # the lemmas the pattern applies to, separated by "|"
    particle: str
    object: str
    prep: str
    pobj: str
    cameo: str


def strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    return line.split("#", 1)[0].rstrip()


def read_synsets(lines: list[str]) -> dict[str, tuple[Phrase, ...]]:
    """``&NAME`` followed by ``+WORD`` lines: the members, words split on spaces and underscores."""
    synsets: dict[str, list[Phrase]] = {}
    current: list[Phrase] | None = None
    for raw in lines:
        line = strip_comment(raw).strip()
        if line.startswith("&"):
            current = synsets.setdefault(line.split()[0].rstrip("_").upper(), [])
        elif line.startswith("+") and current is not None:
            words = tuple(w for w in re.split(r"[\s_]+", line[1:].strip().lower()) if w)
            if words and words not in current:
                current.append(words)
        elif not raw.strip():  # a blank line ends the synset; a comment line does not
            current = None
    return {name: tuple(members) for name, members in synsets.items()}


def code_of(text: str) -> tuple[str | None, str]:
    """The code in ``[...]`` and the reason it is unusable: ``(code, "")`` or ``(None, reason)``."""
    raw = text.strip()
    if raw in {"", "---"}:
        return None, "no-code"
    first = raw.split(":", 1)[0].strip()
    if not first or first == "---":
        return None, "reverse-code" if ":" in raw and raw.split(":", 1)[1].strip() not in {"", "---"} else "no-code"
    if first not in cameo_table():
        return None, "unknown-code"
    return first, ""


class Skip(Exception):
    """A pattern left out, with the reason (a key of the converter's summary)."""


def _phrase(items: list[str], synsets: dict[str, tuple[Phrase, ...]]) -> tuple[str, str]:
    """A noun phrase's items (words and ``&SYNSET`` names) as the table writes them, and its slug.

    Positions are separated by spaces, the alternatives of a position (a synset's members) by
    ``|``, the words of a multi-word member by ``_``; the head is the last position.
    """
    positions: list[str] = []
    slug: list[str] = []
    for item in items:
        if item in {"+", "%", "^", "$"}:
            continue
        if item.startswith("&"):
            name = item.rstrip("_").upper()
            if not synsets.get(name):
                raise Skip("undefined-synset")
            positions.append("|".join("_".join(m) for m in synsets[name]))
            slug.append(name[1:].lower())
        else:
            words = [w for w in re.split(r"[\s_]+", item.lower()) if w and w not in DETERMINERS]
            positions.extend(words)
            slug.extend(words)
    return " ".join(positions), "-".join(slug)


def parse_pattern(body: str, synsets: dict[str, tuple[Phrase, ...]], verb_particle: str = "") -> Pattern:
    """The dependency view of a pattern's text (without its code): particle, object, preposition, its object."""
    if "|" in body:
        raise Skip("shallow")
    tokens = TOKEN_RE.findall(body)
    if "*" not in tokens:
        raise Skip("shallow")
    star = tokens.index("*")
    before = [t for t in tokens[:star] if t != "$"]
    if before:
        raise Skip("subject-words")
    after = tokens[star + 1:]
    if "$" in after or any(t.startswith(("{", "(")) and "$" in t for t in after):
        raise Skip("source-after-verb")
    after = [t for t in after if t not in {"+", "%", "^"}]
    particle = verb_particle
    if after and after[0].lower() in PARTICLES:  # "- * OFF EXPLOSIVE", "- * DOWN": a loose particle
        if particle:
            raise Skip("shallow")
        particle = after.pop(0).lower()
    objects: list[str] = []
    pp: list[str] | None = None
    for tok in after:
        if pp is not None:
            raise Skip("shallow")  # words or a second phrase after the prepositional phrase
        if tok.startswith("("):
            inner = TOKEN_RE.findall(tok[1:-1])
            if not inner:
                raise Skip("shallow")
            head = inner[0].lower()
            if head in PREPOSITIONS:
                pp = inner
            elif head in PARTICLES and not particle and not objects:
                particle, objects = head, inner[1:]  # "(ASIDE RIFT)": a particle and its object
                pp = []
            else:
                raise Skip("shallow")
        elif tok.startswith("{"):
            if objects:
                raise Skip("shallow")
            objects = TOKEN_RE.findall(tok[1:-1])
        elif not objects and tok.lower() in PREPOSITIONS - PARTICLES:
            pp = [tok]  # "- * FOR": a bare preposition
        else:
            if objects:
                raise Skip("shallow")  # two loose words: no telling how they hang together
            objects = [tok]
    obj, obj_slug = _phrase(objects, synsets)
    prep, pobj, pobj_slug = "", "", ""
    if pp:
        prep = pp[0].lower()
        if prep == "by":
            raise Skip("passive-by")
        rest = [w for t in pp[1:] for w in (TOKEN_RE.findall(t[1:-1]) if t.startswith("{") else [t])]
        pobj, pobj_slug = _phrase(rest, synsets)
    return Pattern(particle, obj, obj_slug, prep, pobj, pobj_slug)


def _slug(pattern: Pattern) -> str:
    parts = [p for p in (pattern.particle, pattern.object_slug, pattern.prep, pattern.pobj_slug) if p]
    return re.sub(r"[^a-z0-9.\-]", "", ".".join(parts).replace("'", ""))


def _block_verbs(lines: list[str], skipped: Counter[str]) -> list[tuple[list[tuple[str, str, str | None]], list[str]]]:
    """The verb blocks: each block's verbs (lemma, particle of a phrasal verb, own code) and its pattern lines."""
    blocks: list[tuple[list[tuple[str, str, str | None]], list[str]]] = []
    for raw in lines:
        line = strip_comment(raw)
        if line.startswith("---"):
            blocks.append(([], []))
            continue
        if not line.strip() or line.startswith("&") or not blocks:
            continue
        verbs, patterns = blocks[-1]
        if line.startswith("-"):
            patterns.append(raw[1:].strip())  # with its comment: the verb it was written for
            continue
        if line.startswith("+") and "_" not in line.split()[0]:
            continue  # a synset member outside a synset
        match = VERB_LINE_RE.match(line.strip())
        if match is None:
            skipped["shallow"] += 1
            continue
        words = [w for w in match.group(2).lower().split("_") if w]
        code, reason = code_of(match.group(4)[1:-1]) if match.group(4) else (None, "no-code")
        if words[0] in AUXILIARIES:
            skipped["aux-verb"] += 1
            continue
        particle = ""
        if len(words) == 2 and words[1] in PARTICLES | PREPOSITIONS:
            particle = words[1]
        elif len(words) > 1:
            skipped["shallow"] += 1  # "TAKE_LEAVE", "WIRE_TAP": an idiom, not a verb and its particle
            continue
        verbs.append((words[0], particle, code))
        if code is None:
            skipped[reason] += 1
    return blocks


def convert(text: str) -> tuple[list[Row], Counter[str]]:
    """The rows for a CAMEO.2.0 verb dictionary, and how many entries were left out for each reason.

    A pattern is written once for its block, with all the block's verbs (PETRARCH's synonym
    blocks share their patterns); a phrasal verb of the block ("+CALL_OFF") gets its own row.
    """
    lines = text.splitlines()
    skipped: Counter[str] = Counter()
    start = next((i for i, line in enumerate(lines) if "VERB PATTERNS" in line), 0)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line and i > start), len(lines))
    synsets = read_synsets(lines[:start] + lines[end:])
    synsets.update(read_synsets(lines[start:end]))  # synsets may be defined anywhere in the file
    rows: list[Row] = []
    seen: set[tuple[str, ...]] = set()
    ids: set[str] = set()

    def add(verbs: list[str], origin: str, pattern: Pattern, code: str) -> None:
        if not (pattern.object or pattern.pobj):
            kept = [v for v in verbs if v not in GENERIC_VERBS]
            skipped["generic-verb"] += len(verbs) - len(kept)
            if not kept:
                return
            verbs, origin = kept, origin if origin in kept else kept[0]
        key = ("|".join(verbs), pattern.particle, pattern.object, pattern.prep, pattern.pobj)
        if key in seen:
            skipped["duplicate"] += 1
            return
        seen.add(key)
        slug = _slug(pattern)
        base = re.sub(r"[^a-z0-9_.\-]", "", f"petr.{code}.{origin}" + (f".{slug}" if slug else ""))
        rid, n = base, 2
        while rid in ids:  # the same words in another block: numbered in file order
            rid, n = f"{base}.{n}", n + 1
        ids.add(rid)
        rows.append(Row(rid, *key, code))

    for verbs, patterns in _block_verbs(lines[start:end], skipped):
        for verb, particle, code in verbs:
            if code is not None:
                add([verb], verb, Pattern(particle, "", "", "", "", ""), code)
        groups: dict[str, list[str]] = {}  # particle of the block's verbs -> their lemmas
        for verb, particle, _code in verbs:
            if verb not in groups.setdefault(particle, []):
                groups[particle].append(verb)
        for body in patterns:
            code_match = CODE_RE.search(strip_comment(body))
            code, reason = code_of(code_match.group(1)) if code_match else (None, "no-code")
            if code is None:
                skipped[reason] += 1
                continue
            comment = body.split("#", 1)[1].split() if "#" in body else []
            for particle, lemmas in groups.items():
                try:
                    pattern = parse_pattern(strip_comment(body)[:code_match.start()], synsets, particle)
                except Skip as why:
                    skipped[str(why)] += 1
                    continue
                if not (pattern.particle or pattern.object or pattern.prep):
                    skipped["shallow"] += 1
                    continue
                written_for = comment[0].lower().split("_")[0] if comment else ""
                add(lemmas, written_for if written_for in lemmas else lemmas[0], pattern, code)
    return rows, skipped


def write(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            fh.write("\t".join((r.id, r.verbs, r.particle, r.object, r.prep, r.pobj, r.cameo)) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"petrarch_verbs: {args.source} not found (pass --source)", file=sys.stderr)
        return 2
    rows, skipped = convert(args.source.read_text(encoding="latin-1"))
    write(rows, args.output)
    print(f"{len(rows)} rows -> {args.output}")
    for reason, n in sorted(skipped.items()):
        print(f"  left out ({reason}): {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
