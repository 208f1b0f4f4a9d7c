"""Decide whether a trigger is reported as having happened.

Walk from the trigger up its chain of heads to the sentence root and look at each
step's auxiliaries, negations and governing words. Reported speech by a source ("X said
Y did Z") stays asserted; expectations, speculation and unconfirmed reports do not.
"""

from __future__ import annotations

from spacy.tokens import Token

from coding.vocabulary import REPORTING_VERBS

NEGATION_WORDS = {"not", "n't", "never", "no"}
DENIAL_LEMMAS = {"deny", "reject", "dismiss", "refute"}
FUTURE_AUX = {"will", "shall", "'ll"}
HYPOTHETICAL_AUX = {"could", "may", "might", "would", "should", "must"}
FUTURE_LEMMAS = {"plan", "intend", "prepare", "vow", "aim", "schedule", "expect_to", "threaten", "seek", "want", "hope", "propose", "consider", "mull", "set",
                 "bid", "attempt", "effort", "intention", "goal", "ambition", "decide", "agree", "promise", "pledge", "ready", "willing", "able",
                 "swear", "determined", "resolve", "commit", "offer", "prepared", "poised"}
# "It's crucial to keep sending arms": an exhortation, not a report.
EXHORTATION_ADJECTIVES = {"crucial", "important", "necessary", "vital", "essential", "imperative", "key", "time", "urgent"}
HYPOTHETICAL_LEMMAS = {"expect", "predict", "speculate", "fear", "warn", "believe", "suspect", "likely", "possible", "if", "unless", "whether"}
CLAIM_LEMMAS = {"claim", "allege", "appear", "seem", "purport", "rumor", "rumour", "reportedly", "allegedly", "purportedly", "unconfirmed", "unverified"}
UNCONFIRMED_NOUNS = {"confirmation", "evidence", "proof", "verification"}
CLAIM_NOUNS = {"claim", "claims", "report", "reports", "rumour", "rumours", "rumor", "rumors", "allegation", "allegations"}
# Pledges and threats are events in themselves (CAMEO 03, 13): their own trigger is asserted.
SELF_MODAL_PREFIXES = ("03", "13")


SUBORDINATORS = {"as", "while", "when", "whereas", "because", "since", "after", "although", "though"}


def _own_clause(tok: Token) -> bool:
    """A clause whose tense and modality are its own, not the governing clause's: a relative clause,
    a time or reason clause ("as battles raged"), or a conjunct with a subject of its own ("agreed to
    a ceasefire but clashes were continuing")."""
    if tok.dep_ == "relcl":
        return True
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in tok.children):
        return True
    return tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def modality_of(trigger: Token, cameo: str, source_is_party: bool = False) -> str:
    """One of asserted, claimed, negated, future, hypothetical."""
    tok = trigger
    steps = 0
    first = True
    came_from = ""
    while steps < 8:
        for child in tok.children:  # negation first: "would not meet" is negated, not hypothetical
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and not first):
                if first or tok.lemma_.lower() not in UNCONFIRMED_NOUNS:
                    return "negated"
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "aux":
                if low in FUTURE_AUX:
                    return "future"
                if low in HYPOTHETICAL_AUX:
                    return "hypothetical"
            if child.dep_ == "advmod" and low in {"reportedly", "allegedly", "purportedly", "apparently"}:
                return "claimed"
            if child.dep_ in {"mark", "advmod"} and low in {"if", "unless", "whether"}:
                return "hypothetical"
        lemma = tok.lemma_.lower()
        if not first:
            if lemma in UNCONFIRMED_NOUNS and any(c.lower_ == "no" or c.dep_ == "neg" for c in tok.children):
                return "claimed"
            if tok.pos_ == "NOUN" and (lemma in CLAIM_NOUNS or tok.lower_ in CLAIM_NOUNS):
                return "claimed"
            if any(c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in EXHORTATION_ADJECTIVES for c in tok.children):
                return "hypothetical"
            if lemma in DENIAL_LEMMAS:
                return "negated"
            if lemma in CLAIM_LEMMAS:
                return "claimed"
            if lemma in HYPOTHETICAL_LEMMAS:
                return "hypothetical"
            if lemma in FUTURE_LEMMAS and not cameo.startswith(SELF_MODAL_PREFIXES) and (lemma != "set" or came_from == "xcomp"):
                return "future"  # "is set to sign" is future; "set off an IED" is not
        if tok.head.i == tok.i:  # the root (Token objects are not identical across accesses)
            break
        if _own_clause(tok):
            break  # "whom they had taken hostage", "as street battles raged": a clause with its own tense
        first = False
        came_from = tok.dep_
        tok = tok.head
        steps += 1
    return "asserted"


def speaker_of(trigger: Token) -> Token | None:
    """The subject of the reporting verb whose complement holds the trigger ('X said Y did Z' -> X)."""
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ in {"ccomp", "parataxis", "xcomp"} and head.lemma_.lower() in REPORTING_VERBS:
            return next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if tok.dep_ not in {"conj", "xcomp", "advcl", "ccomp", "dobj", "pobj", "prep"}:
            return None
        tok = head
    return None
