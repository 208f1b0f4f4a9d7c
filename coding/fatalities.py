"""Read reported death counts from a sentence: digits and number words, ranges, "at least".

ACLED's conventions: the lowest figure reported ("between 10 and 15" is 10, "at least 12"
is 12); vague counts map to fixed numbers ("several" 3, "dozens" 12, "hundreds" 100), and so does a count
the report leaves open ("an unspecified number of soldiers were killed": 3, as for "several");
years beside a month or after "in" are never counts ("in March 2021, five soldiers...": five);
injured people are never counted, so a number is only taken when the words around it
say death (killed, dead, died, death toll), never wounded or injured. Armies report the enemy
dead as "neutralised"; a count of them is a count of the dead, but only of people ("neutralised
two IEDs" is none). Separate counts of different sides in one sentence add up ("8 soldiers were
killed ... about 20 assailants were neutralised": 28), as ACLED's fatalities count every side.
Counts of another side in a later sentence of the same event add to its toll too ("5 soldiers were
killed. 12 militants were also killed.": 17; ``adds_to_toll``). A note that spreads a toll over several events ("fatalities split among 3 events") gives each
its share (``split_among``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from coding.periods import is_period_total
from coding.vocabulary import CHARGE_VERBS, PERSON_NOUNS

UNITS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
VAGUE = {"several": 3, "some": 3, "a few": 3, "few": 3, "a dozen": 12, "dozen": 12, "dozens": 12, "tens": 10,
         "scores": 20, "hundreds": 100, "thousands": 1000, "an unspecified number": 3, "an unknown number": 3,
         "an undisclosed number": 3, "an unconfirmed number": 3}
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
# Digits with thousands separators ("1,200"), never a number running into a comma ("In March 2021, five ...").
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?![\d,]))"
NUMBER = (r"(?:" + DIGITS + r"|an (?:unspecified|unknown|undisclosed|unconfirmed) number|a dozen|a few|dozens|tens|hundreds|thousands|several|scores|" + _TENS +
          r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
          r"|eighteen|nineteen)")
QUALIFIER = (r"(?:(?:all|at least|at most|some|about|around|nearly|almost|more than|over|up to|an estimated|approximately"
             r"|roughly|as many as|no fewer than|no less than|a total of|between)\s+){0,2}")  # "a total of at least 30"
# A range gives its lowest figure: "10 to 15", "10-15", "three or four", "between 10 and 15".
RANGE = rf"(?:\s*(?:-|–|to|or|and)\s*(?P<m>{NUMBER}))?"
VICTIMS = (r"(?:\s+(?:of\s+(?:the\s+)?)?(?:[A-Za-z\-]+\s+){0,2}?(?:people|persons|person|individuals|civilians|civilian|"
           r"soldiers|soldier|troops|fighters|militants|rebels|insurgents|terrorists|jihadists|police(?:men)?|officers|"
           r"personnel|guards|rangers|marines|children|women|men|residents|villagers|protesters|demonstrators|others|"
           r"members|gunmen|bandits|worshippers|pilgrims|students|passengers|workers|farmers|migrants|"
           r"policemen|servicemen|attackers|assailants|bodies|child|woman|man|boy|girl|officer|villager|resident|farmer|"
           r"student|worker|passenger|militant|fighter|rebel|protester|policeman|guard|teacher|trader|journalists|journalist|"
           r"reporters|reporter|doctors|doctor|nurses|nurse|officials|official|drivers|driver|rioters|rioter|youths|youth|"
           r"looters|mourners|inmates|prisoners|detainees|fishermen|herders|miners|"
           # a force named by its acronym, uninflected ("seven VDP", "3 FAMa", "two SNA"), never a weapon's
           r"(?-i:(?!(?:IED|VBIED|UAV|RPG|MLRS|APC)\b)[A-Z]{2,}a?)(?![A-Za-z])))?")
DEATH_VERBS = r"(?:killing|killed|kills|kill|murdering|murdered|massacring|massacred|executing|executed|slaying|slew|slain|hanged)"
# A manner of killing put before its victims: "shot dead nine demonstrators", "hacked to death at least 18 villagers"
MANNER_FIRST = (r"(?:shot|shooting|shoots|shoot|hacked|hacking|stabbed|stabbing|beat|beaten|beating|burned|burnt|burning|"
                r"stoned|stoning|clubbed|clubbing)\s+(?:dead|to death)")
INCLUDING = r"(?:\s*,\s*(?:including|among them)\s[^,.;]*,)?"  # "30 people, including 11 civilians, were killed"
ALSO = r"(?:(?:also|reportedly|allegedly|later|subsequently|reported|confirmed)\s+)?"  # "3 attackers were also killed", "were reported killed"
NEUTRALISED = r"(?:neutrali[sz](?:ed|ing|es|e))"  # armies' word for enemies killed; only ever of people

_PATTERNS = [
    # "killing at least 12", "killed 30 civilians", "left two dead", "leaving one person dead"
    re.compile(rf"\b(?:{DEATH_VERBS}|{MANNER_FIRST}|left|leaving|leaves)\s+{QUALIFIER}(?P<n>{NUMBER}){RANGE}{VICTIMS}(?P<tail>\s+(?:dead|killed))?", re.I),
    # "two people were killed", "a dozen people died", "12 dead", "at least five soldiers lost their lives"
    re.compile(rf"\b{QUALIFIER}(?P<n>{NUMBER}){RANGE}{VICTIMS}{INCLUDING}\s+(?:(?:were|was|have been|has been|had been|are|being|got)\s+)?{ALSO}"
               rf"(?:(?:shot|gunned|beaten|hacked|burned|stabbed)\s+(?:to death|dead|down)|killed|dead|died|lost their lives|"
               rf"perished|murdered|massacred|executed|slain)\b", re.I),
    # "a death toll of 15", "the death toll rose to 20"
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,5}}?(?:of|to|at|reached|hit)\s+{QUALIFIER}(?P<n>{NUMBER}){RANGE}", re.I),
    # "15 deaths", "20 fatalities", "between 6 and 9 civilian deaths"
    re.compile(rf"\b{QUALIFIER}(?P<n>{NUMBER}){RANGE}\s+(?:[a-z]+\s+)?(?:deaths|fatalities)\b", re.I),
    # "claimed the lives of 12 people", "the bodies of 30 villagers"
    re.compile(rf"\b(?:claim(?:ed|ing|s)? the lives of|bodies of)\s+{QUALIFIER}(?P<n>{NUMBER}){RANGE}", re.I),
    # "neutralised 20 terrorists", "eleven insurgents were neutralised": people only, so the noun is required
    re.compile(rf"\b{NEUTRALISED}\s+{QUALIFIER}(?P<n>{NUMBER}){RANGE}{VICTIMS[:-1]}", re.I),
    re.compile(rf"\b{QUALIFIER}(?P<n>{NUMBER}){RANGE}{VICTIMS[:-1]}\s+(?:(?:were|was|have been|has been|had been)\s+)?{ALSO}{NEUTRALISED}\b", re.I),
]
_LEFT_WORDS = ("left", "leaving", "leaves")
_SIDE_PATTERNS = (_PATTERNS[0], _PATTERNS[1], _PATTERNS[5], _PATTERNS[6])  # killing clauses, not tolls or totals
# "No fatalities were reported", "no one was killed", "without casualties": a report of none is a count of zero.
ZERO = re.compile(r"\b(?:no (?:one|fatalities|casualties|deaths|lives were lost)|nobody|none)\b(?:\s+(?:was|were|had been|has been|have been))?"
                  r"(?:\s+(?:reported|killed|dead|died|recorded)|(?=\s*(?:were|was)?\s*(?:reported|recorded)))|"
                  r"\bwithout (?:casualties|fatalities|loss of life)\b|\bno (?:fatalities|casualties|deaths)\b", re.I)


def number_value(text: str) -> int | None:
    """The value of a number written in digits, words ("forty-two") or a vague word ("dozens")."""
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


YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_CONTEXT = re.compile(r"(?:\b(?:in|since|of|by|until|during)|" + "|".join(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]) + r")\.?,?\s*$", re.I)


def _is_year(m: re.Match[str], text: str) -> bool:
    """'in 2020', 'March 2021': a year is never a count of the dead."""
    return bool(YEAR.fullmatch(m.group("n"))) and bool(YEAR_CONTEXT.search(text[:m.start("n")]))


def _value(m: re.Match[str]) -> int | None:
    n = m.group("n")
    if n.lower() in {"a", "an"}:
        return None
    value = number_value(n)
    other = m.group("m") if "m" in m.groupdict() else None
    if other and value is not None:
        second = number_value(other)
        if second is not None:
            value = min(value, second)  # ACLED: the lowest reported figure
    return value


_NAMED_VICTIMS = VICTIMS[:-1]  # the victims' noun required: "10 and 15 people" is a range, not two groups
_GROUP = rf"{QUALIFIER}(?:{NUMBER}|an?){_NAMED_VICTIMS}"
# "15 civilians and 2 soldiers were killed", "three police officers, two soldiers and a child died": the groups add up
CONJOINED = re.compile(rf"\b(?P<all>{_GROUP}(?:\s*,\s*{_GROUP})*,?\s+and\s+{_GROUP})\s+(?:(?:were|was|have been|had been)\s+)?"
                       rf"(?:killed|dead|died|lost their lives|perished|murdered|slain|{NEUTRALISED})\b", re.I)
# "killed 11 civilians and a journalist", "shot dead two soldiers and a police officer"
CONJOINED_ACTIVE = re.compile(rf"\b(?:{DEATH_VERBS}|{MANNER_FIRST})\s+(?P<all>{_GROUP}(?:\s*,\s*{_GROUP})*,?\s+and\s+{_GROUP})(?![A-Za-z])", re.I)
_ONE_GROUP = re.compile(rf"{QUALIFIER}(?P<n>{NUMBER}|an?){_NAMED_VICTIMS}", re.I)


def _conjoined(text: str) -> tuple[int, int, int] | None:
    m = CONJOINED.search(text) or CONJOINED_ACTIVE.search(text)
    if m is None:
        return None
    values = [number_value(g.group("n")) for g in _ONE_GROUP.finditer(m.group("all"))]
    if len(values) < 2 or any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None), m.start(), m.end()


def fatalities_in(text: str) -> tuple[int, int, int] | None:
    """(count, start, end) of the first death count in ``text`` (0 for "no fatalities were reported"), or
    None when it reports none."""
    zero = ZERO.search(text)
    if zero is not None:
        return 0, zero.start(), zero.end()
    summed = _conjoined(text)
    if summed is not None:
        return summed
    best: tuple[int, int, int] | None = None
    sides: list[tuple[int, int, int, str]] = []  # (count, start, end, victims' noun) of each killing clause
    for pattern in _PATTERNS:
        first = True
        for m in pattern.finditer(text):
            if pattern is _PATTERNS[0] and m.group(0).lower().startswith(_LEFT_WORDS) and not m.group("tail"):
                continue  # "left two injured" / "left the city" is not a death count
            value = None if _is_year(m, text) else _value(m)
            if value is None:
                continue
            if first and (best is None or m.start() < best[1]):
                best = (value, m.start(), m.end())
            first = False
            if pattern in _SIDE_PATTERNS:
                sides.append((value, m.start(), m.end(), _victim_word(m)))
    return _sides_total(sides, text) or best


def _victim_word(m: re.Match[str]) -> str:
    """The noun after the count ('soldiers' in '8 soldiers were killed'), '' when the count stands alone."""
    after = m.string[m.end("m") if m.group("m") else m.end("n"):m.end()].split()
    return after[0].lower() if after and after[0].lower() not in {"were", "was", "have", "has", "had", "dead", "killed"} else ""


def _sides_total(sides: list[tuple[int, int, int, str]], text: str) -> tuple[int, int, int] | None:
    """The sum of killing clauses that count different people ('8 soldiers were killed and about 20
    assailants were neutralised'), or None when the sentence has fewer than two. A count introduced as a
    part ('including 3 children') or without its noun is never added."""
    kept: list[tuple[int, int, int, str]] = []
    for side in sorted(sides, key=lambda s: s[1]):
        if not side[3] or PART_OF.search(text[:side[1]]) or any(side[1] < k[2] for k in kept):
            continue
        if any(side[3] == k[3] for k in kept):
            return None  # the same people counted twice is a restatement, not another side
        kept.append(side)
    if len(kept) < 2:
        return None
    return sum(k[0] for k in kept), kept[0][1], kept[-1][2]


PART_OF = re.compile(r"\b(?:including|among them|among whom|of them|of whom|incl\.)\s*(?:at least\s+|some\s+)?$", re.I)


DEATH_LEMMAS = {"kill", "murder", "slay", "execute", "behead", "assassinate", "lynch", "die", "massacre", "neutralise", "neutralize",
                "hang"}  # 'hanged a man'; 'hung banners' names no victim
DEATH_MANNER_LEMMAS = {"shoot", "gun", "beat", "hack", "stab", "burn", "club", "stone"}  # "... dead", "... to death"
SINGULAR_PRONOUNS = {"he", "him", "she", "her"}


def _deadly(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
        return False
    if lemma in DEATH_LEMMAS:
        return True
    return lemma in DEATH_MANNER_LEMMAS and any(
        c.lower_ == "dead" or (c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
        for c in tok.children)


def _victim_count(victim: Token) -> int | None:
    """How many the victim phrase counts: its number ('two policemen'), else one for a singular noun or
    pronoun ('a farmer', 'the victim', 'he')."""
    number = next((c for c in victim.children if c.dep_ == "nummod"), None)
    if number is not None:
        return number_value(number.text)
    if victim.like_num:
        return number_value(victim.text)
    if victim.lower_ in SINGULAR_PRONOUNS or victim.ent_type_ == "PERSON":
        return 1
    if victim.tag_ == "NN" and (victim.lemma_.lower() in HUMAN_NOUNS or _agent_noun(victim)):
        return 1  # 'a farmer', 'the victim', 'a policeman'; not 'killed the peace deal'
    return None


HUMAN_NOUNS = PERSON_NOUNS  # people words that name no sector (vocabulary.yaml: vocab.person_nouns)


def _agent_noun(tok: Token) -> bool:
    from coding.lexicon import default_lexicon  # the lexicon is loaded once per process

    return tok.lemma_.lower() in default_lexicon().agent_index


def victim_phrases(verb: Token) -> list[Token]:
    """Heads of the phrases naming whom a killing or wounding verb hit: its object ('killing two
    policemen'), its passive subject ('a farmer was killed') or, for 'die', its subject."""
    die = verb.lemma_.lower() == "die"
    return [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} or (die and c.dep_ == "nsubj")]


TOLL_UPDATE = re.compile(r"\b(?:death toll|toll|number of (?:the )?dead)\b[^.;]*?\b(?:rose|risen|rises|climbed|increased|jumped|reached)\b", re.I)


def is_toll_update(text: str) -> bool:
    """'The death toll later rose to 6': a revised count for an event already reported, which replaces the first."""
    return bool(TOLL_UPDATE.search(text))


def _counted_over_period(sent: Span, found: tuple[int, int, int]) -> bool:
    """Whether the written count belongs to a clause that totals a period ("have been killed since
    January"): such a total is nobody's toll."""
    _count, start, end = found
    inside = [t for t in sent if start <= t.idx - sent.start_char < end]
    verbs = {t if t.pos_ in {"VERB", "AUX"} else t.head for t in inside}
    return any(is_period_total(v) for v in verbs)


def _counted_in_charge(sent: Span, found: tuple[int, int, int]) -> bool:
    """Whether the count lies in what someone is charged with ('convicted of killing two members of the security
    forces', 'accused of murdering five villagers'): a past killing alleged, not this event's toll."""
    _count, start, _end = found
    first = next((t for t in sent if t.idx - sent.start_char >= start), None)
    if first is None:
        return False
    for tok in [first, *first.ancestors]:
        if tok.dep_ == "pcomp" and tok.head.lower_ in {"of", "for"} and tok.head.head.lemma_.lower() in CHARGE_VERBS:
            return True
    return False


def deaths_in_sentence(sent: Span) -> tuple[int, int, int] | None:
    """(count, start, end) of the sentence's death count, offsets within the sentence text: the written
    count when there is one ('at least 12 were killed'), else the victims of a killing read from the
    parse, so that singular reports count one ('a farmer was killed', 'the victim died', 'shot him dead')."""
    found = fatalities_in(sent.text)
    if found is not None and _counted_in_charge(sent, found):
        found = None  # "hanged a man convicted of killing two policemen": the charge's dead, not this event's
    if found is not None:
        return None if _counted_over_period(sent, found) else found
    for tok in sent:
        if not _deadly(tok) or is_period_total(tok):
            continue
        for child in victim_phrases(tok):
            count = _victim_count(child)
            if count:
                # 'killed a rural workers' leader and his son': each conjoined victim counts
                count += sum(_victim_count(c) or 0 for c in child.conjuncts if c.i > child.i)
                first, last = sorted((child.left_edge.idx, tok.idx))
                return count, first - sent.start_char, last + len(tok.text) - sent.start_char
    return None


SPLIT = re.compile(rf"\b(?:fatalities|deaths|casualties|the toll)\s+(?:were\s+|are\s+|was\s+|is\s+)?(?:split|divided|distributed|spread)"
                   rf"\s+(?:evenly\s+|equally\s+)?(?:among|across|between|over)\s+(?P<n>{NUMBER})\s+(?:separate\s+)?events\b", re.I)


def split_among(text: str) -> int | None:
    """'fatalities split among 3 events': how many events a reported toll is shared by (ACLED divides it
    as the report does), or None when the text spreads no toll."""
    m = SPLIT.search(text)
    value = number_value(m.group("n")) if m else None
    return value if value and value > 1 else None


def share(total: int, events: int) -> int:
    """One event's part of a toll split among ``events``: the total divided, rounded down (ACLED gives
    the remainder to the first events; a note's one event is one of the equal parts)."""
    return total // events


GENERIC_VICTIMS = {"people", "person", "individual", "victim", "other", "others", "body", "resident"}  # nouns that may count everyone another toll counted
ADDITIVE = re.compile(r"\b(?:also|too|as well|in addition|additionally|another|further|other)\b", re.I)


def victim_nouns(text: str) -> set[str]:
    """The nouns a death count counts ({'soldier'} in '5 soldiers were killed', {'soldier', 'militant'} in
    '2 soldiers and 5 militants died', {'farmer'} in 'a farmer was killed'), singular and lower-case; {''}
    when the count names none."""
    found = set()
    for m in _ONE_GROUP.finditer(text):
        word = m.group(0).split()[-1].lower()
        found.add(word if word in {"others", "police", "troops", "personnel"} or len(word) <= 3 else word.removesuffix("s"))
    return found or {""}


def adds_to_toll(text: str, found: tuple[int, int, int], counted: set[str]) -> bool:
    """Whether a later sentence's count is of other people than the toll already counted for the event ('5 soldiers
    were killed. 12 militants were also killed.': 17, as ACLED adds every side's dead): its nouns differ from
    those counted, and either the sentence says so ('also', 'another') or no noun could count everyone."""
    nouns = victim_nouns(text[found[1]:found[2]])
    if "" in nouns or not counted or nouns & counted:
        return False
    if ADDITIVE.search(text):
        return True
    return not (nouns | counted) & (GENERIC_VICTIMS | {""})
