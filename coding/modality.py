"""Decide whether a trigger is reported as having happened.

Walk from the trigger up its chain of heads to the sentence root and look at each
step's auxiliaries, negations and governing words. Reported speech by a source ("X said
Y did Z") stays asserted; expectations, speculation and unconfirmed reports do not.
"""

from __future__ import annotations

from spacy.tokens import Token

from coding.vocabulary import (ACCUSATION_VERBS, ANTICIPATION_HEADS, ANTICIPATION_MODIFIERS, COMMITMENT_VERBS, IDENTITY_HEDGES,
                               DEPLOYMENT_VERBS, HABITUAL_ADVERBS, HABITUAL_VERBS, KIND_MODIFIERS, REPORTING_VERBS, REPUTATION_WORDS,
                               SCHEDULE_WORDS, SPECULATION_MODIFIERS, STRIVING_VERBS)

NEGATION_WORDS = {"not", "n't", "never", "no"}
DENIAL_LEMMAS = {"deny", "reject", "dismiss", "refute"}
FUTURE_AUX = {"will", "shall", "'ll"}
HYPOTHETICAL_AUX = {"could", "may", "might", "would", "should", "must", "can", "cannot", "ca"}  # "police can hold suspects": a power, no event
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


PRESENT_TAGS = {"VBZ", "VBP"}
PERSONAL_PRONOUNS = {"he", "she", "they", "i", "we"}
TESTIMONY_NOUNS = {"victim", "survivor", "witness"}


def _standing_description(tok: Token) -> bool:
    """A relative clause in the simple present describes a standing policy or state, not an event:
    "Turkey, which backs some factions", "the group, which is backed by Iran"."""
    if tok.dep_ != "relcl":
        return False
    auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    if tok.tag_ in PRESENT_TAGS:
        return not auxes
    return tok.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ in PRESENT_TAGS


RELATIVE_WORDS = {"who", "whom", "whose", "which", "that", "where", "when"}


def _past_description(tok: Token) -> bool:
    """A non-restrictive relative clause in the past on a clause's subject that gives no day describes
    the subject's history, not an event of the story: "the United States, which brokered a short-lived truce", "the insurgents,
    who pledged allegiance to Islamic State in 2019". One with a day still reports ("the rebels, who
    crossed from Libya on April 11")."""
    start = tok.left_edge.i
    # "Dawlah Islamiyah, a small group that has pledged allegiance to ...": on an apposition of the subject,
    # the apposition's own comma makes the clause as non-restrictive as one after a comma
    on_apposition = tok.head.dep_ == "appos" and tok.head.head.dep_ in {"nsubj", "nsubjpass"}
    if tok.dep_ != "relcl" or start == 0 or (tok.doc[start - 1].text != "," and not on_apposition):
        return False
    if tok.head.dep_ not in {"nsubj", "nsubjpass"} and not on_apposition \
            and not (tok.head.dep_ == "conj" and tok.head.head.dep_ in {"nsubj", "nsubjpass"}):
        return False  # "fired by militants, who fired several shells": on a participant, the clause goes on with the story
    if not any(t.lower_ in RELATIVE_WORDS for t in tok.doc[start:tok.i]):
        return False  # "Security forces, some in plain clothes, beat demonstrators": no 'who' or 'which', a misparse of the main clause
    auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    past = tok.tag_ == "VBD" or (tok.tag_ == "VBN" and any(a.lemma_.lower() == "have" for a in auxes))
    if not past or any(a.lower_ in {"will", "would", "is", "are", "was", "were", "be"} and a.dep_ == "aux" for a in auxes):
        return False
    # a year alone ("in 2019") dates history; a day, a weekday or "last week" dates news
    times = [t for t in tok.subtree if t.ent_type_ in {"DATE", "TIME"}]
    return all(t.like_num and len(t.text) == 4 and t.text.isdigit() for t in times)


AIDING_PURPOSES = {"support", "help", "assist", "back", "aid", "reinforce", "defend", "protect"}
FORCE_VERBS_OF_AID = {"strike", "bomb", "shell", "hit", "attack", "pound", "fire", "launch", "carry", "conduct"}


def _purpose_of_deployment(tok: Token) -> bool:
    """'troops deployed to fight jihadists', 'flew to Doha to attend talks': the purpose of sending or
    moving people is an intention, not a reported event; so is the aim of an effort ('battling the
    militants to regain control of the town')."""
    head = tok.head.lemma_.lower()
    # "a clan travelling to attack a rival clan": a participle of moving has its purpose as xcomp
    deployment = (tok.dep_ == "advcl" or (tok.dep_ == "xcomp" and tok.head.tag_ == "VBG")) and head in DEPLOYMENT_VERBS
    striving = tok.dep_ in {"advcl", "xcomp"} and head in STRIVING_VERBS
    aiding = tok.dep_ == "advcl" and tok.lemma_.lower() in AIDING_PURPOSES and tok.head.lemma_.lower() in FORCE_VERBS_OF_AID
    if aiding and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return True  # "warplanes struck rebel positions to support government forces": the strike's aim
    return ((deployment or striving) and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children))


def anticipated(noun: Token) -> str | None:
    """An event noun that is still to come or only possible: 'an expected invasion', 'a possible strike',
    'ahead of the vote', 'in the run-up to the election'."""
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}}
    if modifiers & SPECULATION_MODIFIERS:
        return "hypothetical"
    if noun.tag_ == "NNS" and any(c.dep_ in {"amod", "det", "predet"} and c.lower_ in KIND_MODIFIERS for c in noun.children):
        return "hypothetical"  # "similar attacks", "such raids": a kind of event, not one ("a similar attack" is one)
    if modifiers & ANTICIPATION_MODIFIERS:
        return "future"
    if noun.dep_ == "pobj" and noun.head.lower_ in {"of", "to", "for"} and noun.head.head.lower_ in ANTICIPATION_HEADS:
        return "future"
    if noun.dep_ in {"nsubj", "nsubjpass"} and (noun.head.lower_ in SCHEDULE_WORDS or any(
            c.dep_ in {"acomp", "xcomp"} and (c.lower_ in SCHEDULE_WORDS or c.lemma_.lower() in SCHEDULE_WORDS) for c in noun.head.children)):
        return "future"  # "talks are due to resume next month", "the vote is scheduled for June"
    return None


def _misparsed_suspected(tok: Token) -> bool:
    """'suspected' as a verb with no subject of its own right before the subject of its complement ('suspected
    Kuki militants fired ...'): the adjective of the noun after it, misparsed; nobody is said to suspect anything."""
    if tok.lower_ != "suspected" or any(c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux"} for c in tok.children):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "ADJ"} and any(
        c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.left_edge.i == tok.i + 1 for g in c.children) for c in tok.children)


def _attributed_to_reports(according: Token) -> bool:
    """'according to (unconfirmed) reports / claims / rumours', not 'according to police'."""
    nouns = [g for c in according.children for g in ([c] + list(c.children)) if g.dep_ == "pobj"]
    return any(n.lemma_.lower() in CLAIM_NOUNS or n.lower_ in CLAIM_NOUNS for n in nouns)


def _victim_account(trigger: Token) -> bool:
    """'a man who said he had been kidnapped': what people say was done to them is their claim."""
    patient = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
    if patient is None or patient.lower_ not in PERSONAL_PRONOUNS:
        return False
    tok = trigger
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING_VERBS:
            speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            return speaker is not None and (speaker.pos_ == "PRON" or speaker.ent_type_ == "PERSON"
                                            or speaker.lemma_.lower() in TESTIMONY_NOUNS)
        if tok.dep_ not in {"conj", "ccomp"}:
            return False
        tok = tok.head
    return False


def _simple_present_state(trigger: Token) -> bool:
    """'troops are stationed at a base, from which drones monitor jihadist groups': a verb in the simple present
    with a subject of its own, joined to a clause in the present, states a standing fact or habit; a wire story
    reports events in the past. (A main verb in the present may be a headline's, 'Rebels attack town': kept.)"""
    if trigger.pos_ != "VERB" or trigger.tag_ not in PRESENT_TAGS:
        return False
    # "Demonstrators accuse the mission of failing ...", "critics accuse the government ...": a group named by a
    # common noun holding a grievance ("Iran accuses Israel ..." is a statement made, kept)
    grievance = trigger.dep_ == "ROOT" and trigger.lemma_.lower() in ACCUSATION_VERBS and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.tag_ == "NNS" for c in trigger.children)
    if not grievance and (trigger.dep_ != "conj" or trigger.head.tag_ not in PRESENT_TAGS | {"VBN"}):
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in trigger.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ not in {"it", "this", "that"} for c in trigger.children)


def identity_hedge(tok: Token) -> Token | None:
    """'gunmen suspected to be OLA members', 'men believed to be ISWAP fighters': a participle hedging who
    someone is (vocab.identity_hedges) with its 'to be' complement. Returns the 'to be' verb (whose
    attribute names the identity), or None. The hedge is on the actor's identity, not on the event."""
    if tok.lemma_.lower() not in IDENTITY_HEDGES or tok.tag_ not in {"VBN", "VBD"} or any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() == "be"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def hedged_identity(verb: Token) -> Token | None:
    """The phrase naming the actor of an event verb whose subject the parser hid under an identity hedge:
    'gunmen suspected to be OLA members killed' ('killed' hung on 'suspected': 'members', else 'gunmen'),
    'gunmen suspected to be bandits abducted' ('abducted' hung on 'bandits': 'bandits')."""
    head = verb.head
    if verb.dep_ == "ccomp" and (be := identity_hedge(head)) is not None:
        named = next((c for c in be.children if c.dep_ in {"attr", "nsubj"} and c.i < verb.i), None)
        return named if named is not None else next((c for c in head.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "acl" and head.dep_ == "attr" and head.head.lemma_.lower() == "be" and head.head.dep_ == "xcomp" \
            and identity_hedge(head.head.head) is not None:
        return head
    return None


DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
             "overnight", "tonight", "morning", "afternoon", "evening", "night"}


def _ongoing_campaign(trigger: Token) -> bool:
    """'has been fighting the army', 'have been clashing for weeks': the present perfect progressive tells an
    activity that goes on, not an event of a day; one with a day ('have been clashing since Monday') still reports."""
    if trigger.tag_ != "VBG":
        return False
    auxes = {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    if "been" not in auxes or not auxes & {"has", "have", "'ve", "'s"}:
        return False
    return not any(t.lower_ in DAY_WORDS for t in trigger.subtree)


def _standing_allegation(trigger: Token) -> bool:
    """'The RSF have been accused of ethnically targeted killings': a charge that stands, by nobody named, is
    no accusation made in the story ('Sudan accused the RSF of ...' is one)."""
    if trigger.lemma_.lower() not in ACCUSATION_VERBS or trigger.tag_ != "VBN":
        return False
    deps = {(c.dep_, c.lower_) for c in trigger.children}
    perfect = ("auxpass", "been") in deps and bool({("aux", "has"), ("aux", "have")} & deps)
    return perfect and not any(c.dep_ == "agent" for c in trigger.children)


def modality_of(trigger: Token, cameo: str, source_is_party: bool = False) -> str:
    """One of asserted, claimed, negated, future, hypothetical.

    Habitual and generic statements ("bandits often kidnap villagers"), standing descriptions and
    purposes of a deployment are no report of an event: they are hypothetical, which the coder drops
    unless asked to keep speculation.
    """
    if trigger.pos_ in {"NOUN", "PROPN"}:
        ahead = anticipated(trigger)
        if ahead is not None:
            return ahead
    if _victim_account(trigger):
        return "claimed"
    if _simple_present_state(trigger) and not cameo.startswith(SELF_MODAL_PREFIXES):
        return "hypothetical"
    if trigger.tag_ in PRESENT_TAGS and any(c.dep_ == "dobj" and c.tag_ == "NNS" and any(
            a.dep_ == "amod" and a.lower_ in KIND_MODIFIERS for a in c.children) for c in trigger.children):
        return "hypothetical"  # "gangs launch frequent raids on villages": a habit told in the present
    if _ongoing_campaign(trigger) or _standing_allegation(trigger):
        return "hypothetical"  # "the group has been fighting the army for control of coca-growing areas"
    found = _walk(trigger, cameo)
    if found in {"future", "asserted"} and not cameo.startswith(SELF_MODAL_PREFIXES) and _unsaid_condition(trigger):
        return "hypothetical"  # "if talks fail, the army will resume its offensive": nobody said so
    return found


def _unsaid_condition(trigger: Token) -> bool:
    """The trigger's clause has an 'if'/'unless' condition and no speaker commits to it (a reporting or
    commitment verb above it makes it a threat or a promise: "Hezbollah vowed to retaliate if ...")."""
    conditional = False
    tok = trigger
    for _ in range(8):
        for child in tok.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in child.children):
                conditional = True
        if tok.lemma_.lower() in REPORTING_VERBS | COMMITMENT_VERBS and tok.i != trigger.i:
            return False
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return conditional


def reported_would(trigger: Token) -> bool:
    """'said it would withdraw', 'confirmed it would tighten the blockade': an act someone said would come. It is
    reported as future, and stays the act (not a threat or an intent): what was said is not yet done, and
    wire stories report such words as news about the act, not as a threat made."""
    tok = trigger
    for _ in range(4):  # the trigger or the verb it hangs from: "would treat any attack as terrorism"
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children):
            return _reported_future(tok)
        if tok.head.i == tok.i or tok.dep_ in {"ccomp", "relcl", "advcl"}:
            return False
        tok = tok.head
    return False


def _reported_future(verb: Token) -> bool:
    """'said it would', 'announced it would', 'vowed they would': the reported clause of a speech verb, in
    the past tense, puts 'will' as 'would'; it is a future, not a hypothesis (unless a condition says so)."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS | COMMITMENT_VERBS:
        return False
    return not any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children) for c in verb.children)


def _denies_something_else(denial: Token, came_from: str, clause: Token) -> bool:
    """'Congo expelled the ambassador, a charge Rwanda denies', 'the army blamed the RSF; the RSF denied
    involvement': the parser hangs the earlier clause on the denial, but what is denied is the denial's own
    object, and the earlier clause stands."""
    if came_from != "ccomp" or clause.i > denial.i:
        return False
    return any(c.dep_ == "dobj" and c.lower_ not in {"it", "this", "that"} for c in denial.children)


def _walk(trigger: Token, cameo: str) -> str:
    """The modality read on the way from the trigger up to the sentence root."""
    if trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ == "without":
        return "negated"  # "took over the positions without fighting", "withdrew without a fight": none happened
    tok = trigger
    prev = trigger
    steps = 0
    first = True
    came_from = ""
    charged = False  # the path passed a charge preposition: "accused the rebels [of attacking]" (of -> rebels -> accused)
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
                if low == "would" and _reported_future(tok):
                    return "future"  # "France announced it would withdraw its troops": 'will', reported
                if low in HYPOTHETICAL_AUX:
                    return "hypothetical"
            if child.dep_ == "advmod" and low in {"reportedly", "allegedly", "purportedly", "apparently"}:
                return "claimed"
            if child.dep_ == "advmod" and low in HABITUAL_ADVERBS:
                return "hypothetical"  # "bandits often kidnap villagers": a habit, not an event
            if child.dep_ == "prep" and low in {"in", "over"} and any(
                    g.dep_ == "pobj" and g.lower_ in {"past", "years"} and any(d.lower_ == "the" for d in g.children)
                    for g in child.children):
                return "hypothetical"  # "has in the past retreated into Myanmar": a habit of the past, not an event
            if child.dep_ == "prep" and low == "according" and _attributed_to_reports(child):
                return "claimed"  # "..., according to unconfirmed reports"
            if child.dep_ in {"mark", "advmod"} and low in {"if", "unless", "whether"}:
                return "hypothetical"
        # "On 6 September, suspected Kuki militants fired a rocket": the adjective, parsed as the root, says nothing
        lemma = "" if _misparsed_suspected(tok) else tok.lemma_.lower()
        if not first and identity_hedge(tok) is not None and came_from in {"ccomp", "xcomp"}:
            pass  # "gunmen suspected to be OLA members killed ...": the identity is hedged, the killing reported
        elif not first:
            if lemma in UNCONFIRMED_NOUNS and any(c.lower_ == "no" or c.dep_ == "neg" for c in tok.children):
                return "claimed"
            if tok.pos_ == "NOUN" and (lemma in CLAIM_NOUNS or tok.lower_ in CLAIM_NOUNS):
                return "claimed"
            if any(c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in EXHORTATION_ADJECTIVES for c in tok.children):
                return "hypothetical"
            if (lemma in DENIAL_LEMMAS and not _denies_something_else(tok, came_from, prev)) \
                    or (lemma == "fail" and came_from == "xcomp"):
                return "negated"  # "denied shelling"; "failed to disarm the militias" (a failed act did not happen)
            if lemma in CLAIM_LEMMAS or (lemma in ACCUSATION_VERBS and (came_from in {"prep", "pcomp", "pobj"} or charged)):
                return "claimed"  # "accused Turkey of shelling": the shelling is Iraq's charge
            if lemma in HYPOTHETICAL_LEMMAS:
                return "hypothetical"
            if lemma == "open" and tok.pos_ == "ADJ" and came_from == "prep":
                return "future"  # "is open to talks": a readiness, like "ready for talks"
            if lemma in FUTURE_LEMMAS and not cameo.startswith(SELF_MODAL_PREFIXES) and (lemma != "set" or came_from == "xcomp"):
                return "future"  # "is set to sign" is future; "set off an IED" is not
            if tok.lower_ in REPUTATION_WORDS and came_from == "prep":
                return "hypothetical"  # "notorious for attacks on civilians": a reputation, not an event
            if came_from == "xcomp" and (tok.lower_ in SCHEDULE_WORDS or lemma in SCHEDULE_WORDS):
                return "future"  # "the mission is due to withdraw", "talks are slated to resume"
            if came_from == "xcomp" and lemma in HABITUAL_VERBS and tok.tag_ in {"VBD", "VBZ", "VBP"} \
                    and not any(c.dep_ == "dobj" for c in tok.children):  # not "used force to suppress"
                return "hypothetical"  # "gangs tend to kidnap", "rebels used to raid"
        if tok.head.i == tok.i:  # the root (Token objects are not identical across accesses)
            break
        if _standing_description(tok) or _past_description(tok):
            return "hypothetical"
        if _purpose_of_deployment(tok):
            # The purpose of an actual deployment is only intended; of a promised one ("willing to send
            # troops to help defend"), it is part of the promise and shares its modality.
            sending = modality_of(tok.head, cameo)
            if sending == "asserted" or cameo.startswith(("18", "19", "20")):
                return "hypothetical"  # "plan to deploy a force to fight armed groups": the fight is the plan's aim,
                # no threat of its own (the planned deployment is the event)
            return sending
        if _own_clause(tok):
            break  # "whom they had taken hostage", "as street battles raged": a clause with its own tense
        first = False
        came_from = tok.dep_
        prev = tok
        charged = charged or (tok.dep_ == "prep" and tok.lower_ in {"of", "for"})
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
