"""Read reported death counts from a sentence: digits and number words, ranges, "at least".

ACLED's conventions: the lowest figure reported; vague counts map to fixed numbers
("several" 3, "dozens" 12, "hundreds" 100); injured people are never counted.
"""

from __future__ import annotations

import re

UNITS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
VAGUE = {"several": 3, "some": 3, "a few": 3, "few": 3, "a dozen": 12, "dozen": 12, "dozens": 12, "scores": 20,
         "hundreds": 100, "thousands": 1000}
NUMBER = r"(?:\d[\d,]*|a dozen|a few|dozens|hundreds|thousands|several|scores|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
QUALIFIER = r"(?:(?:at least|at most|some|about|around|nearly|almost|more than|over|up to|an estimated|approximately)\s+)?"
VICTIMS = r"(?:\s+(?:[a-z\-]+\s+){0,2}?(?:people|persons|person|civilians|civilian|soldiers|soldier|troops|fighters|militants|rebels|police(?:men)?|officers|children|women|men|residents|villagers|protesters|others|members|gunmen|worshippers|students|passengers|workers|migrants))?"

_PATTERNS = [
    # "killing at least 12", "killed 30 civilians", "left two dead", "leaving one person dead"
    re.compile(rf"\b(?:killing|killed|kills|kill|left|leaving|leaves)\s+{QUALIFIER}(?P<n>{NUMBER})(?:\s*(?:-|to|and)\s*(?P<m>{NUMBER}))?{VICTIMS}(?P<tail>\s+(?:dead|killed))?", re.I),
    # "two people were killed", "a dozen people died", "12 dead", "at least five soldiers lost their lives"
    re.compile(rf"\b{QUALIFIER}(?P<n>{NUMBER})(?:\s*(?:-|to)\s*(?P<m>{NUMBER}))?{VICTIMS}\s+(?:(?:were|was|have been|had been|are|being)\s+)?(?:killed|dead|died|lost their lives|perished)\b", re.I),
    # "a death toll of 15", "the death toll rose to 20"
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,5}}?(?:of|to|at)\s+{QUALIFIER}(?P<n>{NUMBER})", re.I),
    # "15 deaths", "20 fatalities"
    re.compile(rf"\b{QUALIFIER}(?P<n>{NUMBER})\s+(?:deaths|fatalities)\b", re.I),
]


def number_value(text: str) -> int | None:
    low = text.lower().strip()
    if low in VAGUE:
        return VAGUE[low]
    digits = low.replace(",", "")
    if digits.isdigit():
        return int(digits)
    total = 0
    for part in re.split(r"[- ]", low):
        if part not in UNITS:
            return None
        total += UNITS[part]
    return total


def fatalities_in(text: str) -> tuple[int, int, int] | None:
    """(count, start, end) of the first death count in ``text``, or None."""
    best = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            n = m.group("n")
            if pattern is _PATTERNS[0] and m.group(0).lower().startswith(("left", "leaving", "leaves")) and not m.groupdict().get("tail"):
                continue  # "left two injured" / "left the city" is not a death count
            if n.lower() in {"a", "an"}:
                continue
            value = number_value(n)
            if m.groupdict().get("m"):
                other = number_value(m.group("m"))
                if other is not None and value is not None:
                    value = min(value, other)
            if value is None:
                continue
            if best is None or m.start() < best[1]:
                best = (value, m.start(), m.end())
            break
    return best
