"""The tolerant comparisons every gold format relies on."""

import pytest

from coding.evaluation.matching import admin1_key, country_key, haversine_km, mostly_contains, word_set, words
from coding.evaluation.metrics import class_scores, macro_f1, weighted_f1


def test_words_ignore_case_punctuation_and_curly_quotes():
    assert words("Kyiv’s “difficult” battles!") == words("KYIV'S \"difficult\" battles")
    assert words("Kyiv’s troops") == ["kyivs", "troops"]


def test_mostly_contains_needs_more_than_half_of_the_evidence_words():
    evidence = word_set("alpha beta gamma delta")
    assert not mostly_contains(word_set("alpha beta and more"), evidence)  # exactly half
    assert mostly_contains(word_set("gamma, alpha; beta"), evidence)


@pytest.mark.parametrize("code, key", [
    ("JAP", "JPN"), ("ITL", "ITA"), ("USAGOV", "USA"), ("UNO", "IGO"), ("IGOEUREEC", "IGO"),
    ("---REB", "REB"), ("---", None), ("", None), (None, None),
])
def test_country_key(code, key):
    assert country_key(code) == key


def test_admin1_key_drops_division_words_but_not_city():
    assert admin1_key("Kharkiv Oblast") == admin1_key("kharkiv") == "kharkiv"
    assert admin1_key("Donetsk region") == admin1_key("Donétsk")
    assert admin1_key("Kyiv City") != admin1_key("Kyiv Oblast")


def test_haversine_one_degree_of_latitude():
    assert haversine_km(49.0, 36.0, 50.0, 36.0) == pytest.approx(111.195, abs=0.01)


def test_class_scores_and_averages_by_hand():
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "NONE"]
    s = class_scores(gold, pred, ["a", "b", "c", "d"])
    assert (s["a"]["precision"], s["a"]["recall"], s["a"]["f1"]) == (1.0, 0.5, pytest.approx(2 / 3))
    assert (s["b"]["precision"], s["b"]["recall"], s["b"]["f1"]) == (0.5, 1.0, pytest.approx(2 / 3))
    assert s["c"]["f1"] == 0.0 and s["d"]["support"] == 0
    assert weighted_f1(s) == pytest.approx((2 * 2 / 3 + 2 / 3 + 0) / 4)
    assert macro_f1(s) == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)  # d is absent from the gold: not averaged
