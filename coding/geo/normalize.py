"""Comparable forms of place names, tolerant of diacritics and of transliteration.

Two keys per name: ``name_key`` folds case, accents, apostrophes and punctuation
("Kup’yans’k" -> "kupyansk"); ``loose_key`` also merges the spellings that different
romanisations of the same Cyrillic (or other) name produce (y/i/j, kh/h, zh/z, doubled
letters), so "Kupiansk", "Kupyansk" and "Kup'jans'k" meet. Look-ups try the exact key
first and the loose one only when it finds nothing.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not split into a base letter plus a mark.
_SPECIAL = str.maketrans({
    "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "ŧ": "t",
})
# Apostrophes and primes that transliterations use for soft signs and glottal stops: dropped.
_APOSTROPHES = re.compile(r"['’‘ʼʹʻ`´′]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Anything outside Latin letters, combining marks and punctuation: the name is in another script.
_NON_LATIN = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u02b0-\u02ff]")
_LOOSE_PAIRS = (("kh", "h"), ("zh", "z"), ("ch", "c"), ("ou", "u"), ("w", "v"), ("j", "i"), ("y", "i"))
_REPEATS = re.compile(r"([a-z])\1+")


def name_key(text: str) -> str | None:
    """Lower-case ASCII form with accents, apostrophes and punctuation removed; None for non-Latin script."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _NON_LATIN.search(text):
            return None
        text = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text.translate(_SPECIAL)))
        text = text.encode("ascii", "ignore").decode("ascii")  # drops the combining marks
    key = _NON_ALNUM.sub(" ", text.lower().replace("'", "").replace("`", "")).strip()
    return key or None


def loose_key(key: str) -> str:
    """Merge romanisation variants of a ``name_key``: 'kupyansk', 'kupjansk' and 'kupiansk' give one key."""
    for old, new in _LOOSE_PAIRS:
        key = key.replace(old, new)
    return _REPEATS.sub(_first_letter, key) if _REPEATS.search(key) else key


def _first_letter(match: re.Match[str]) -> str:
    return match.group(1)
