"""`make bench`: throughput of spaCy alone vs the library coder, on the seed and dev inputs.

Writes bench/results.md. A first version: the orchestration issue extends it to the whole
flow, memory and scaling. Run from the project root.
"""

from __future__ import annotations

import itertools
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
TARGET_DOCS = 2000


def corpus() -> list:
    from coding.document import Document
    from coding.ingest import read_documents

    paths = [ROOT / "seeds"] + sorted(EVAL.glob("*.input.jsonl"))
    base = [d for d in read_documents(paths) if isinstance(d, Document)]
    if not base:
        sys.exit("no documents to benchmark")
    docs = []
    for i, d in enumerate(itertools.islice(itertools.cycle(base), max(TARGET_DOCS, len(base)))):
        docs.append(Document(doc_id=f"{d.doc_id}#{i}", text=d.text, doc_date=d.doc_date, source=d.source))
    return docs


def main() -> int:
    t0 = time.perf_counter()
    from coding.coder import code_documents
    from coding.lexicon import default_lexicon
    from coding.nlp import DEFAULT_BATCH_SIZE, load_nlp

    nlp = load_nlp()
    default_lexicon()
    startup = time.perf_counter() - t0
    docs = corpus()
    tokens = 0
    t = time.perf_counter()
    for doc in nlp.pipe((d.text for d in docs), batch_size=DEFAULT_BATCH_SIZE):
        tokens += len(doc)
    spacy_s = time.perf_counter() - t
    t = time.perf_counter()
    rows = sum(1 for _ in code_documents(docs))
    code_s = time.perf_counter() - t
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(docs)
    lines = [
        "# Benchmark",
        "",
        f"Corpus: {n} documents ({tokens} tokens): seeds/ plus the development inputs, repeated.",
        "",
        "| stage | seconds | docs/s | tokens/s | ratio to spaCy alone |",
        "|---|---|---|---|---|",
        f"| spaCy `nlp.pipe` alone | {spacy_s:.1f} | {n / spacy_s:.1f} | {tokens / spacy_s:.0f} | 1.00 |",
        f"| `code_documents` (parse + code) | {code_s:.1f} | {n / code_s:.1f} | {tokens / code_s:.0f} | {spacy_s / code_s:.2f} |",
        "",
        f"Coding time beyond the parse: {(code_s - spacy_s) / n * 1000:.2f} ms per document; rows: {rows}.",
        f"Start-up (imports, model, lexicons): {startup:.1f} s. Peak RSS: {rss_mb:.0f} MB.",
    ]
    out = ROOT / "bench" / "results.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
