"""A small deterministic language identifier: writing system first, then stop-word profiles.

Why not a model: the coder only needs to know "English or not", offline and repeatably.
Non-Latin scripts decide on their own; for Latin-script text each language scores the
share of its most frequent function words. Short or ambiguous text stays undetermined
(None) and is treated as English, so a headline-length story is never set aside on a guess.
"""

from __future__ import annotations

import re
from collections import Counter

SAMPLE_CHARS = 5000
MIN_HITS = 4  # function words needed before a Latin-script language is named
MARGIN = 2.0  # how many times English's hits another language needs

_PROFILES: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": "the of and to in is was that for on with as by at from said has have had it are were be been this "
          "which after not will their they its an who would but or also there than",
    "fr": "le la les des du est une et dans pour sur pas qui par au aux avec sont été ont cette mais il elle ses "
          "leur selon lors ne plus ou nous vous",
    "de": "der die das und ist nicht von mit den dem ein eine sich auf für wurde auch bei nach sind zu im des "
          "werden hat wird einer noch aus",
    "es": "el los las del que y por con una para se es fue su sus al como más pero este esta según ha han "
          "entre sobre también",
    "it": "il della che di e non per una sono con del gli alla anche è nel delle dei ha stato come più ai "
          "dalla questo",
    "pt": "o os da do das dos que e em não uma um para com por foi são ao na no mais pelo pela segundo às "
          "ainda também",
    "nl": "de het een van en is niet op dat zijn met voor werd ook bij naar om aan heeft deze wordt door "
          "er maar nog",
    "tr": "ve bir bu da ile için olarak çok daha gibi olan ancak sonra kadar değil ise her",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga oleh ke telah adalah",
    "sv": "och att det som på är för med har inte till av om var den ett jag men",
}.items()}

# (language, character class) for scripts that name a language on their own.
_SCRIPTS = (
    ("uk", "іїєґІЇЄҐ"),  # Ukrainian-only Cyrillic letters, checked before Russian
    ("ru", "\u0400-\u04ff"),
    ("fa", "پچژگ"),  # Persian-only Arabic letters, checked before Arabic
    ("ar", "\u0600-\u06ff"),
    ("he", "\u0590-\u05ff"),
    ("el", "\u0370-\u03ff"),
    ("hi", "\u0900-\u097f"),
    ("th", "\u0e00-\u0e7f"),
    ("ja", "\u3040-\u30ff"),  # kana, checked before Han
    ("zh", "\u4e00-\u9fff"),
    ("ko", "\uac00-\ud7af"),
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _script_language(sample: str, letters: int) -> str | None:
    counts = {lang: len(re.findall(f"[{chars}]", sample)) for lang, chars in _SCRIPTS}
    non_latin = counts["ru"] + counts["ar"] + counts["he"] + counts["el"] + counts["hi"] + counts["th"] \
        + counts["ja"] + counts["zh"] + counts["ko"]
    if letters == 0 or non_latin / letters < 0.5:
        return None
    if counts["ru"] and counts["uk"] >= max(2, counts["ru"] // 100):
        counts["uk"] = counts["ru"] + 1
    if counts["ar"] and counts["fa"] >= max(2, counts["ar"] // 50):
        counts["fa"] = counts["ar"] + 1
    if counts["ja"] >= max(2, counts["zh"] // 20):
        counts["ja"] = counts["zh"] + counts["ja"] + 1
    return max(counts, key=counts.get)


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code, or None when the text is too short or too mixed to tell."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    letters = sum(len(w) for w in words)
    by_script = _script_language(sample, letters)
    if by_script:
        return by_script
    hits = Counter({lang: sum(1 for w in words if w in profile) for lang, profile in _PROFILES.items()})
    best, best_hits = max(hits.items(), key=lambda kv: (kv[1], kv[0] == "en"))
    if best == "en":
        return "en" if best_hits >= MIN_HITS else None
    if best_hits >= MIN_HITS and best_hits >= MARGIN * hits["en"]:
        return best
    return "en" if hits["en"] >= MIN_HITS else None
