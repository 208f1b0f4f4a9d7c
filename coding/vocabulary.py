"""Shared word lists (coding/lexicons/vocabulary.yaml): each concept once, loaded and checked once.

Modules import the named lists from here instead of keeping their own copies, so that, say,
the reporting verbs that decide modality are the same ones that find a pronoun's speaker.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from coding.errors import ErrorCode, LexiconError
from coding.lexicon import LEXICON_DIR, _load_yaml_list, _new_id

VOCABULARY_PATH = LEXICON_DIR / "vocabulary.yaml"
POS_TAGS = {"VERB", "NOUN", "ADJ", "ADV", "ADP"}


@lru_cache(maxsize=1)
def vocabulary(path: Path = VOCABULARY_PATH) -> dict[str, frozenset[str]]:
    """List name (the id without 'vocab.') -> lower-case words; LexiconError (file:line) on bad data."""
    out: dict[str, frozenset[str]] = {}
    seen: set[str] = set()
    for entry in _load_yaml_list(path):
        line = entry.pop("__line__", 0)
        vid = _new_id(path, line, entry, seen, "vocabulary")
        unknown = set(entry) - {"id", "pos", "words"}
        if unknown:
            raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY, f"{path}:{line}: '{vid}': unknown key(s) {sorted(unknown)}")
        if entry.get("pos") not in POS_TAGS:
            raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY, f"{path}:{line}: '{vid}': pos must be one of {sorted(POS_TAGS)}")
        words = entry.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() == w and w for w in words):
            raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY, f"{path}:{line}: '{vid}': words must be a non-empty list of words")
        if not vid.startswith("vocab."):
            raise LexiconError(ErrorCode.E204_LEXICON_BAD_ENTRY, f"{path}:{line}: '{vid}': vocabulary ids start with 'vocab.'")
        out[vid.removeprefix("vocab.")] = frozenset(w.lower() for w in words)
    return out


def words(name: str) -> frozenset[str]:
    """One named list, e.g. ``words("reporting_verbs")``; KeyError names the lists there are."""
    vocab = vocabulary()
    if name not in vocab:
        raise KeyError(f"no vocabulary list {name!r} in {VOCABULARY_PATH}; there are {sorted(vocab)}")
    return vocab[name]


REPORTING_VERBS = words("reporting_verbs")
COMMITMENT_VERBS = words("commitment_verbs")
CHARGE_VERBS = words("charge_verbs")
INHABITED_PLACES = words("inhabited_places")
SPEECH_VERBS = REPORTING_VERBS | COMMITMENT_VERBS
PLACE_PREPOSITIONS = words("place_prepositions")
LOCATION_PREPOSITIONS = words("location_prepositions")
STANCE_VERBS = words("stance_verbs")
ACCUSATION_VERBS = words("accusation_verbs")
PREPARATION_WORDS = words("preparation_words")
REPUTATION_WORDS = words("reputation_words")
HABITUAL_ADVERBS = words("habitual_adverbs")
HABITUAL_VERBS = words("habitual_verbs")
CONTINUATION_VERBS = words("continuation_verbs")
SCHEDULE_WORDS = words("schedule_words")
ANTICIPATION_MODIFIERS = words("anticipation_modifiers")
SPECULATION_MODIFIERS = words("speculation_modifiers")
KIND_MODIFIERS = words("kind_modifiers")
ANTICIPATION_HEADS = words("anticipation_heads")
DEPLOYMENT_VERBS = words("deployment_verbs")
STRIVING_VERBS = words("striving_verbs")
FACILITY_NOUNS = words("facility_nouns")
GATHERING_PURPOSES = words("gathering_purposes")
MILITARY_OBJECTS = words("military_objects")
PROTEST_PARTICIPANTS = words("protest_participants")
WATER_NOUNS = words("water_nouns")
ACT_NOUNS = words("act_nouns")
PERSON_NOUNS = words("person_nouns")
IDENTITY_HEDGES = words("identity_hedges")
COMPASS_WORDS = words("compass_words")
NAME_PARTICLES = words("name_particles")
EVENT_CARRIERS = words("event_carriers")
