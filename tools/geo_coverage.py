"""Gazetteer coverage and look-up speed on the place names of the development inputs.

    python tools/geo_coverage.py [--eval-dir ../shared/eval] [--cache DIR] [--json]

The place names are the GPE and LOC entities spaCy finds in every ``*.input.jsonl`` text. A
name is covered when the gazetteer holds a place, a first- or second-level division or a
country of that name. Prints counts and shares only (no names): the figures compare builds
of the gazetteer, they are not something to tune on. The look-up time is the mean over the
distinct names of a cold gazetteer (memoised per string afterwards, as within a batch).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coding.actors import StoryActors  # noqa: E402
from coding.coder import content_sentences  # noqa: E402
from coding.geo.gazetteer import Gazetteer, load_gazetteer  # noqa: E402
from coding.geo.resolve import StoryPlaces  # noqa: E402
from coding.lexicon import default_lexicon  # noqa: E402
from coding.nlp import parse  # noqa: E402

SHARED_EVAL = ROOT.parent / "shared" / "eval"
_ARTICLE = re.compile(r"^(the)\s+", re.I)


def read_docs(eval_dir: Path) -> list:
    texts = []
    for path in sorted(eval_dir.glob("*.input.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return list(parse(texts))


def place_names(docs: list) -> Counter[str]:
    names: Counter[str] = Counter()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in {"GPE", "LOC"}:
                names[_ARTICLE.sub("", ent.text.strip())] += 1
    return names


def geocoding_ms_per_mention(docs: list, gaz: Gazetteer) -> tuple[float, int]:
    """Mean time to resolve one place mention, the stories' place resolution timed alone."""
    lex = default_lexicon()
    seconds, mentions = 0.0, 0
    for doc in docs:
        story = StoryActors.build(doc, lex)
        sentences = content_sentences(doc)
        start = time.perf_counter()
        places = StoryPlaces(sentences, story, gaz)
        seconds += time.perf_counter() - start
        mentions += sum(len(m) for m in places.mentions)
    return (1000 * seconds / mentions if mentions else 0.0), mentions


def covered(gaz: Gazetteer, name: str) -> bool:
    admin2s = getattr(gaz, "admin2s", None)  # absent from gazetteers before second-level divisions
    return bool(gaz.places(name) or gaz.admin1s(name) or (admin2s and admin2s(name)) or gaz.country_named(name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=SHARED_EVAL)
    parser.add_argument("--cache", type=Path, default=None, help="gazetteer cache directory (default: the user's)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"no development sets at {args.eval_dir}", file=sys.stderr)
        return 2
    docs = read_docs(args.eval_dir)
    names = place_names(docs)
    gaz = load_gazetteer(args.cache)
    start = time.perf_counter()
    found = {name: covered(gaz, name) for name in names}
    seconds = time.perf_counter() - start
    distinct = len(names)
    mentions = sum(names.values())
    figures = {
        "distinct_names": distinct,
        "distinct_covered": round(sum(found.values()) / distinct, 3) if distinct else None,
        "mentions": mentions,
        "mentions_covered": round(sum(n for name, n in names.items() if found[name]) / mentions, 3) if mentions else None,
        "ms_per_distinct_name": round(1000 * seconds / distinct, 3) if distinct else None,
    }
    ms, resolved = geocoding_ms_per_mention(docs, gaz)
    figures.update({"place_mentions_resolved": resolved, "geocoding_ms_per_mention": round(ms, 3)})
    print(json.dumps(figures) if args.json else "\n".join(f"{k}: {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
