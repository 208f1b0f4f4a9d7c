"""Modal transforms: an announced, refused or threatened action is an event of its own.

CAMEO codes what an actor says it will do as a statement of intent, not as the act:
"Hungary will support the resolution" is an intent to cooperate (03), "NATO said it
would tighten the blockade" a threat (13), "the U.S. said it would not meet the
demands" a rejection (12). These statements are asserted: they did happen. The act
itself (support, blockade, meeting) did not, so it is not coded as such.

Each table maps a CAMEO prefix (longest first) to the code of the statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from coding.modality import anticipated, reported_would
from coding.vocabulary import PREPARATION_WORDS, SCHEDULE_WORDS

# Announced cooperation -> express intent to cooperate (03x).
INTENT = {
    "04": "036", "045": "039", "046": "036",
    "05": "032", "057": "030",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
    "08": "035", "081": "0351", "0811": "0351", "0813": "0351", "0814": "0351", "082": "0352", "083": "034",
    "0831": "0341", "084": "0353", "0841": "0353", "0842": "0353", "085": "0354", "086": "0355",
    "0861": "0355", "0862": "0355", "0863": "0355", "087": "0356", "0871": "0356", "0872": "0356",
    "0873": "0356", "0874": "0356",
}
# Refused or ruled-out cooperation -> reject (12x).
REJECT = {
    "03": "120", "04": "125", "045": "126", "046": "125",
    "05": "120", "057": "127",
    "06": "121", "061": "1211", "062": "1212", "063": "1213", "064": "1214",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "08": "124", "081": "1241", "083": "123", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}
# Announced coercion or force -> threaten (13x).
THREAT = {
    "14": "133",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "17": "137", "171": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "18": "138", "19": "138", "191": "1381", "192": "1382", "20": "138", "204": "1385", "2041": "1385",
}
REFUSAL_LEMMAS = {"refuse", "decline", "fail", "reject", "rule"}  # "ruled out", with its particle
# Failing is a refusal only of talks and agreement ("failed to reach agreement"); a failed act on others
# ("failed to disarm the militias", "failed to stop the attack") did not happen: negated, not rejected.
FAILURE_LEMMA = "fail"
FAILURE_REFUSES = ("03", "04", "05")


def lookup(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit
    return None


def refused(trigger: Token, code: str = "") -> bool:
    """'refused to release', 'failed to reach agreement', 'ruled out talks': the action is refused."""
    tok = trigger
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            return False
        lemma = head.lemma_.lower()
        if tok.dep_ in {"xcomp", "dobj", "pobj", "prep"} and lemma in REFUSAL_LEMMAS:
            if lemma == FAILURE_LEMMA:
                return code.startswith(FAILURE_REFUSES)
            if lemma != "rule" or any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children):
                return True
        tok = head
    return False


def statement_code(code: str, modality: str, trigger: Token) -> tuple[str, str] | None:
    """The code of the statement an unrealised action stands for, and its kind; None to keep the act."""
    if refused(trigger, code):
        hit = lookup(REJECT, code)
        return (hit, "reject") if hit else None
    if modality == "negated" and _announced(trigger):
        hit = lookup(REJECT, code)
        return (hit, "reject") if hit else None
    if modality == "future" and trigger.pos_ in {"NOUN", "PROPN"} and anticipated(trigger):
        return None  # "ahead of an expected invasion": nobody announced anything; the noun is only expected
    if modality == "future":
        # Cooperation is coded as a statement of intent only when an intent verb says so ("wants to help",
        # "pledged to send"); a scheduled or agreed action ("will supply arms", "agreed to lift sanctions")
        # keeps the act's code, with modality future. Announced force or coercion is always a threat.
        hit = lookup(INTENT, code) if expressed_intent(trigger) else None
        if hit:
            return hit, "intent"
        if code.startswith(FORCE_PREFIXES) and prepared_for(trigger):
            return POSTURE, "posture"  # "the army is preparing an offensive": a force posture, not a threat
        if scheduled(trigger) or reported_would(trigger):
            # "the court is set to hear", "the union is due to strike": a timetable threatens nobody; "said they
            # would march again": a reported future of the act, not yet done
            return None
        hit = lookup(THREAT, code)
        if hit:
            return hit, "threat"
    return None


FORCE_PREFIXES = ("18", "19", "20")


def scheduled(trigger: Token) -> bool:
    """Whether the trigger is on a timetable or expected ('is set to hear', 'is due to strike', 'is expected to
    attack'), not announced by its actor."""
    tok = trigger
    for _ in range(3):
        if tok.dep_ not in {"xcomp", "acomp", "ccomp"} or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lower_ in SCHEDULE_WORDS or tok.lemma_.lower() in SCHEDULE_WORDS or (
                tok.lemma_.lower() == "expect" and tok.tag_ == "VBN"):
            return True
    return False
POSTURE = "150"  # demonstrate military or police power


def prepared_for(trigger: Token) -> bool:
    """Whether the trigger is what someone gets ready for: 'preparing an offensive', 'prepared to resume
    shelling', 'poised to attack'."""
    tok = trigger
    for _ in range(3):
        if tok.dep_ not in {"xcomp", "dobj", "acomp", "pobj", "prep", "pcomp"} or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in PREPARATION_WORDS or tok.lower_ in PREPARATION_WORDS:
            return True
    return False


INTENT_LEMMAS = {"want", "wish", "intend", "vow", "pledge", "promise", "offer", "commit", "willing", "ready", "eager",
                 "determined", "swear", "hope", "seek"}


def expressed_intent(trigger: Token) -> bool:
    """Whether the trigger is the complement of an intent word ('wants to help', 'is willing to withdraw')."""
    tok = trigger
    for _ in range(3):
        if tok.dep_ not in {"xcomp", "ccomp", "acomp", "pcomp", "prep"} or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in INTENT_LEMMAS:
            return True
    return False


def _announced(trigger: Token) -> bool:
    """A negated action in the future or conditional ('will not meet', 'would not release')."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "wo"} for c in trigger.children)


AGREEMENT_LEMMAS = {"agree", "consent", "accept", "promise", "pledge", "vow", "offer", "commit", "willing", "ready", "undertake"}


def agreed_to(trigger: Token) -> bool:
    """'agreed to resign', 'willing to withdraw', 'promised to release': PLOVER codes the commitment as AGREE."""
    tok = trigger
    for _ in range(3):
        if tok.dep_ not in {"xcomp", "ccomp", "acomp", "pcomp", "pobj", "prep"} or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in AGREEMENT_LEMMAS:
            return True
    return False
