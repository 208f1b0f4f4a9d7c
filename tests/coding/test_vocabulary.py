"""The shared vocabulary: one list per concept, checked at load, used by every module."""

import pytest

from coding import actors, dates, events, modality, vocabulary
from coding.errors import LexiconError
from coding.geo import mentions
from coding.vocabulary import vocabulary as load_vocabulary


def test_packaged_lists_load_and_nest():
    vocab = load_vocabulary()
    assert {"reporting_verbs", "place_prepositions", "habitual_adverbs", "facility_nouns"} <= set(vocab)
    assert "say" in vocab["reporting_verbs"] and "on" in vocab["place_prepositions"]  # YAML's `on` stays a word
    # where something happened is a subset of where a place can be named
    assert vocabulary.LOCATION_PREPOSITIONS <= vocabulary.PLACE_PREPOSITIONS


def test_modules_share_the_same_lists():
    assert modality.REPORTING_VERBS is vocabulary.REPORTING_VERBS
    assert dates.REPORTING_VERBS is vocabulary.REPORTING_VERBS
    assert events.REPORTING_VERBS is vocabulary.REPORTING_VERBS
    assert events.PLACE_PREPOSITIONS is mentions.PLACE_PREPOSITIONS is vocabulary.PLACE_PREPOSITIONS
    assert actors.SPEECH_VERBS >= vocabulary.REPORTING_VERBS


@pytest.mark.parametrize("text, message", [
    ("- id: vocab.x\n  pos: VERB\n  words: []\n", "non-empty list"),
    ("- id: vocab.x\n  pos: THING\n  words: [a]\n", "pos must be"),
    ("- id: x.y\n  pos: VERB\n  words: [a]\n", "start with 'vocab.'"),
    ("- id: vocab.x\n  pos: VERB\n  words: [a]\n- id: vocab.x\n  pos: VERB\n  words: [b]\n", "duplicate"),
    ("- id: vocab.x\n  pos: VERB\n  words: [a]\n  extra: 1\n", "unknown key"),
])
def test_bad_vocabulary_names_file_and_line(tmp_path, text, message):
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_vocabulary.__wrapped__(path)
    assert message in str(err.value) and f"{path}:" in str(err.value)
