"""Text and code comparisons shared by the gold formats.

Gold evidence and coder sentences differ in quotes, case and punctuation, and gold actor
codes come from older CAMEO dictionaries; these helpers make the comparisons tolerant of
that so the scores measure coding, not typography.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

from coding.ingest.dates import parse_date

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
})
_WORD = re.compile(r"[^\W_]+")

# Old CAMEO country codes that differ from ISO 3166 alpha-3 (as used by the contract).
LEGACY_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR"}
# CAMEO / PLOVER non-state "country" codes, collapsed to the contract's IGO / NGO.
NONSTATE_COUNTRIES = {
    "IGO": "IGO", "UNO": "IGO", "EUR": "IGO", "IMG": "IGO", "INT": "IGO",
    "NGO": "NGO", "NGM": "NGO", "ISM": "NGO", "MNC": "NGO",
}

# Words that name the kind of first-level division rather than the division itself.
ADMIN_WORDS = frozenset({
    "oblast", "oblasts", "region", "province", "governorate", "prefecture", "state", "krai", "kray",
    "raion", "county", "district", "department", "municipality", "of", "the",
})

EARTH_RADIUS_KM = 6371.0088


def words(text: str | None) -> list[str]:
    """Lower-case word tokens, with curly quotes straightened and apostrophes dropped ("Kyiv’s" -> "kyivs")."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower().replace("'", "")
    return _WORD.findall(text)


def word_set(text: str | None) -> frozenset[str]:
    return frozenset(words(text))


def overlap(sentence_words: frozenset[str], evidence_words: frozenset[str]) -> float:
    """Share of the evidence's distinct words found in the sentence (0 when the evidence has none)."""
    if not evidence_words:
        return 0.0
    return len(evidence_words & sentence_words) / len(evidence_words)


def mostly_contains(sentence_words: frozenset[str], evidence_words: frozenset[str]) -> bool:
    """True when the sentence holds more than half of the evidence's words."""
    return overlap(sentence_words, evidence_words) > 0.5


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code and len(code) >= 2 else None


def country_key(code: str | None) -> str | None:
    """First three letters of a CAMEO actor code as a contract country ("JAP" -> "JPN", "UNO" -> "IGO").

    Leading dashes (PETRARCH's "unknown country", e.g. "---REB") are dropped first, so "---REB"
    compares as "REB" and a bare "---" as no actor at all.
    """
    if not code:
        return None
    code = code.strip().lstrip("-").upper()
    if not code:
        return None
    head = code[:3]
    return NONSTATE_COUNTRIES.get(head) or LEGACY_COUNTRIES.get(head, head)


def admin1_key(name: str | None) -> str:
    """Comparable form of an admin-1 name: accents, case and words like 'oblast' / 'region' removed."""
    if not name:
        return ""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    tokens = words(plain)
    kept = [t for t in tokens if t not in ADMIN_WORDS]
    return " ".join(kept or tokens)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def as_date(value: object) -> date | None:
    """A date from a Parquet date, a datetime or an ISO string; None when there is none."""
    return parse_date(value)
