"""Find event triggers in a parsed sentence and their source and target arguments.

Three trigger forms come from the lexicon: verbs (with particles or prepositions,
"pull back", "close in on"), light verbs with a noun object ("hold talks"), and nouns
("shelling", "a visit"). Arguments come from the dependency parse: the subject (or the
agent of a passive), the object, and prepositional objects; nominal triggers take their
source from a possessive or adjective ("Russian shelling") or a "by" phrase.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from spacy.tokens import Span, Token

from coding.actors import ALLIANCE_NOUNS, COUNT_NOUNS, STATE_COERCERS, Actor, StoryActors
from coding.geo.mentions import PART_NOUNS
from coding.lexicon import EventRule, Lexicon
from coding.modality import hedged_identity
from coding.petrarch.verbs import NounPhrase, is_petrarch, word_forms
from coding.periods import long_ago, summarised_since
from coding.vocabulary import PERSON_NOUNS, ACCUSATION_VERBS, EVENT_CARRIERS, CHARGE_VERBS, CONTINUATION_VERBS, FACILITY_NOUNS, GATHERING_PURPOSES, PLACE_PREPOSITIONS, PROTEST_PARTICIPANTS, REPORTING_VERBS, STANCE_VERBS

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {"against", "on", "with", "to", "at", "toward", "towards", "into", "upon", "for"}
PLACE_NOUNS = {"town", "city", "village", "region", "province", "district", "area", "territory", "capital", "port",
               "base", "airport", "border", "enclave", "state", "county", "oblast", "governorate", "locality", "settlement"}
QUANTITY_NOUNS = COUNT_NOUNS | {"array", "range", "batch", "shipment", "package", "number", "lot", "supply", "consignment", "wave", "series", "campaign",
                  "team", "mission", "delegation", "contingent", "third", "half", "quarter", "majority", "part", "member",
                  "some", "most", "many", "all", "rest", "remainder", "patch", "unit", "tons", "ton", "tonne",
                  "lots", "amount", "quantity", "assortment", "variety", "haul", "stockpile", "pile", "load", "truckload"}
# Light pairs that only say force was used ("use gas", "open fire", "launch an attack"): a more
# specific weapon or attack named by the object's own phrase decides the code.
FORCE_USE_PREFIXES = ("175", "19")
FORCE_ROOTS = ("18", "19", "20")  # assault, fight, mass violence
# Consultations and mediation: their target may be the parties "between" whom they take place.
BETWEEN_PREFIXES = ("04",)
# A nominal event in a time frame ("after a raid", "amid shelling") is background to the verb's event and
# does not share its subject.
FRAME_PREPOSITIONS = {"after", "before", "following", "since", "amid", "despite", "ahead"}
CLAUSE_DEPS = {"xcomp", "advcl", "conj", "acl", "relcl", "ccomp", "pcomp"}


@dataclass
class Candidate:
    """One event found in a sentence, before codes and dates are attached."""

    rule: EventRule
    form: str  # verb | light | noun
    trigger: Token
    trigger_text: str
    source: Actor | None
    target: Actor | None
    target_place: Token | None  # a place argument, when the target stands for a place's country


def _children_words(tok: Token) -> list[str]:
    words = []
    for c in tok.children:
        if c.dep_ in {"prt", "prep", "advmod", "dobj"}:
            words.append(c.lower_)
            if c.dep_ == "prep":  # "took to the streets": the object of the preposition may be part of the phrase
                words.extend(g.lower_ for g in c.children if g.dep_ == "pobj")
                words.extend(_state_of(c))
            if c.dep_ == "dobj":  # "set a door on fire": the parser hangs the phrase's preposition on the object
                for p in (g for g in c.subtree if g.dep_ == "prep" and g.i > c.i):  # "set a door of the embassy on fire"
                    named = [o.lower_ for o in p.children if o.dep_ == "pobj" and o.lower_ in OBJECT_PHRASE_WORDS]
                    named += _state_of(p)
                    if named:
                        words += [p.lower_, *named]
    return words


def _state_of(prep: Token) -> list[str]:
    """'on the highest state of alert', 'on a war footing': the phrase word named through 'of'."""
    return [g.lower_ for o in prep.children if o.dep_ == "pobj" for q in o.children if q.dep_ == "prep" and q.lower_ == "of"
            for g in q.children if g.dep_ == "pobj" and g.lower_ in OBJECT_PHRASE_WORDS]


OBJECT_PHRASE_WORDS = {"fire", "alert", "hold", "notice", "trial"}  # "set X on fire", "put X on alert", "put X on trial"


def base_form_guesses(form: str) -> list[str]:
    """Possible base forms of an inflected verb, for when the lemmatizer misses ("staged" -> "stag").

    Tried only after the lemmatizer's own lemma, and only against the lexicon's verbs, so a
    wrong guess matches nothing.
    """
    guesses: list[str] = []
    for suffix in ("ied", "ies"):
        if form.endswith(suffix) and len(form) > 4:
            guesses.append(form[: -len(suffix)] + "y")
    for suffix in ("ed", "ing", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            guesses += [stem + "e", stem] if suffix in ("ed", "ing") else [stem]
            if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:  # "stopped" -> "stop"
                guesses.append(stem[:-1])
    return guesses


def _known_lemma(tok: Token, known: set[str] | frozenset[str]) -> str:
    """spaCy's lemma, else a base form of the word that is in ``known`` ("raged" -> "rage", not "rag")."""
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    return next((g for g in base_form_guesses(tok.lower_) if g in known), lemma)


def _match_verb(tok: Token, lex: Lexicon) -> tuple[EventRule, str, str] | None:
    # the lexicon's verbs, also where the lemmatizer misses; "a motorcycle shot dead a chief": 'dead' is 'shoot'
    lemma = "shoot" if _misparsed_shot_dead(tok) else _known_lemma(tok, lex.verb_lemmas)
    # Light verbs: "hold talks", "launch an offensive", "sent an array of arms".
    # "called the strike a war crime": what it is called, not what is called (no strike is called)
    naming = lemma in CALLING_VERBS and any(_names_what(c) for c in tok.children)
    # "sanctions were imposed"; "held staff hostage" (the parser's object predicate)
    for obj in (c for c in tok.children if (_names_what(c) if naming else c.dep_ in {"dobj", "attr", "nsubjpass", "oprd"})):
        for noun in _object_nouns(obj):
            if obj.dep_ == "nsubjpass" and noun.pos_ == "PROPN" and noun.text[:1].isupper() and noun.i != noun.sent.start:
                continue  # "Islamic State was declared defeated": a name as the passive subject is an actor, no light
                # noun ('a state of emergency was declared'); a name as the object still is ('blocked the Pan-American Highway')
            rule = lex.light_index.get((lemma, noun.lemma_.lower())) or lex.light_index.get((lemma, noun.lower_))
            if rule is not None:
                own = match_noun(noun, lex)
                if own is not None and " " in own[2] and own[0].cameo != rule.cameo and (
                        own[0].cameo[:2] == rule.cameo[:2]
                        or (rule.cameo.startswith(FORCE_USE_PREFIXES) and own[0].cameo.startswith(FORCE_ROOTS))):
                    # "staged a hunger strike", "used mustard gas", "opened artillery fire": the noun's own
                    # phrase is more specific than the light pair; not so for "seized a car bomb"
                    continue
                return rule, "light", f"{tok.text} {noun.text}"
    # The surface form is a fallback for words the lemmatizer gets wrong ("raped" -> "rap").
    options = lex.verb_index.get(lemma) or lex.verb_index.get(tok.lower_)
    if not options:
        return None
    words = _children_words(tok)
    has_object = any(c.dep_ in {"dobj", "ccomp", "nsubjpass"} and not _qualifier_as_object(c) for c in tok.children)
    objects = {c.lemma_.lower() for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}}
    if _actor_strikes_place(tok, lex):
        objects.add(PLACE_OBJECT)
    if any(c.dep_ in {"dobj", "nsubjpass"} and _names_people(c, lex) for c in tok.children):
        objects.add(PERSON_OBJECT)
    for extra, rule in options:
        if (rule.intransitive and has_object) or (rule.transitive and not has_object):
            continue
        if rule.subject_in and not _subject_lemmas(tok) & rule.subject_in:
            continue
        if rule.object_in and (not objects & rule.object_in or _subject_lemmas(tok) & WEAPON_SUBJECTS):
            continue  # "the strikes hit an oil depot": a weapon or an attack as subject is its own noun's event
        if objects & rule.object_not:
            continue
        if rule.with_in:
            if not _instruments(tok) & rule.with_in:
                continue
            words = [*words, "with"]  # "met the teachers with water cannon": the parser hangs 'with' on the object
        if all(w in words for w in extra):
            return rule, "verb", " ".join([tok.text, *extra])
    return None


def _qualifier_as_object(tok: Token) -> bool:
    """'protested outside the ministry in Tegucigalpa, Francisco Morazán department, demanding ...': the region after
    a comma is the place's qualifier, parsed as the verb's object; nothing is protested."""
    from coding.geo.mentions import ADMIN_NOUNS, DISTRICT_NOUNS

    return tok.dep_ == "dobj" and _after_comma(tok) and tok.lemma_.lower() in ADMIN_NOUNS | DISTRICT_NOUNS


def _after_comma(tok: Token) -> bool:
    """The phrase of ``tok`` follows a comma in its sentence (an apposition or a qualifier the parser took for an object)."""
    return tok.left_edge.i > tok.sent.start and tok.doc[tok.left_edge.i - 1].text == ","


def _instruments(verb: Token) -> set[str]:
    """Lemmas of what the verb is done with: "charged them with batons and dogs", "responded with tear gas"."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    out: set[str] = set()
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            for noun in (pobj, *pobj.conjuncts):
                out |= {noun.lemma_.lower(), noun.lower_}
    return out


PETR_OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "acomp", "dative", "advmod", "npadvmod", "xcomp"}
PETR_PREP_DEPS = {"prep", "prt", "agent", "dative", "advmod"}


# weapons and attacks as the subject of 'hit' (the forces that use them, 'fighters', 'units', are actors)
WEAPON_SUBJECTS = {"jet", "warplane", "plane", "aircraft", "bomber", "gunship", "drone", "helicopter", "warship", "tank", "artillery", "missile", "rocket", "strike",
                   "airstrike", "shell", "bomb", "shelling", "attack", "explosion", "blast", "barrage", "fire", "projectile",
                   "munition", "mortar", "grenade", "ied"}


def _words_of(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def _phrase_matches(noun: Token, phrase: NounPhrase) -> bool:
    """The noun is the phrase's head and its modifiers name the phrase's other words ("humanitarian aid")."""
    mods: set[str] = set()
    for t in noun.subtree:
        if t.i < noun.i:
            mods |= _words_of(t)
    head = _words_of(noun)
    *before, last = phrase.positions
    if not any(set(word_forms(alt[-1])) & head and set(alt[:-1]) <= mods for alt in last):
        return False
    return all(any(set(alt) <= mods for alt in pos) for pos in before)


def _petrarch_slots(tok: Token) -> tuple[list[Token], dict[str, list[Token]]]:
    """A verb's object nouns and its particles and prepositions (word -> their objects), also those on its object."""
    objects = [n for c in tok.children if c.dep_ in PETR_OBJECT_DEPS for n in _object_nouns(c)]
    preps: dict[str, list[Token]] = {}
    for head in [tok, *objects]:
        for c in head.children:
            if c.dep_ in PETR_PREP_DEPS or (head.i == tok.i and c.pos_ == "ADP"):
                preps.setdefault(c.lower_, []).extend(n for g in c.children if g.dep_ in {"pobj", "pcomp"} for n in _object_nouns(g))
    return objects, preps


def _match_petrarch(tok: Token, lex: Lexicon) -> tuple[EventRule, str, str, list[Token]] | None:
    """The most specific PETRARCH pattern (coding/petrarch/verbs.py) for a verb no hand-written rule matched,
    and the verb's object and prepositional-object nouns. Candidates come by dict lookups: the verb's lemma,
    then the head words of its objects and prepositional objects, its particles and prepositions, and the
    bare verb."""
    index = lex.petrarch_verbs
    if index is None:
        return None
    if any(not extra for extra, _rule in lex.verb_index.get(_known_lemma(tok, lex.verb_index.keys()), ())):
        # A hand-written rule for the bare verb owns it, also in the uses it refuses ("demonstrated support");
        # a phrase ("set on fire", "take over") leaves the verb's other uses to the fallback.
        return None
    by_anchor = index.by_lemma.get(tok.lemma_.lower()) or index.by_lemma.get(_known_lemma(tok, index.by_lemma.keys()))
    if not by_anchor:
        return None
    objects, preps = _petrarch_slots(tok)
    anchors = {w for n in objects for w in _words_of(n)} | {w for ns in preps.values() for n in ns for w in _words_of(n)}
    anchors |= set(preps) | {""}
    candidates = sorted({id(p): p for a in anchors for p in by_anchor.get(a, ())}.values(),
                        key=lambda p: (-p.rank[0], -p.rank[1], p.rule.line))
    for pattern in candidates:
        if pattern.particle and pattern.particle not in preps:
            continue
        words = [tok.text] + ([pattern.particle] if pattern.particle else [])
        if pattern.object is not None:
            pool = objects + (preps.get(pattern.particle, []) if pattern.particle else [])  # "called on Iran"
            named = next((n for n in pool if _phrase_matches(n, pattern.object)), None)
            if named is None:
                continue
            words.append(named.text)  # the trigger text names the pattern's words: "set deadline"
        if pattern.prep:
            pobjs = preps.get(pattern.prep)
            if pobjs is None:
                continue
            if pattern.pobj is not None:
                pobj = next((n for n in pobjs if _phrase_matches(n, pattern.pobj)), None)
                if pobj is None:
                    continue
                words += [pattern.prep, pobj.text]
            else:
                words.append(pattern.prep)
        return pattern.rule, "verb", " ".join(words), objects + [n for ns in preps.values() for n in ns]
    return None


RELATIVE_PRONOUN_WORDS = {"who", "whom", "whose", "which", "that"}
CROSSING_LEMMAS = {"enter", "cross", "penetrate", "breach", "invade"}  # "drones entered its airspace": no advance
PLACE_OBJECT = "<place>"  # object_in: a named place as the object ("Russia struck Kyiv")
PERSON_OBJECT = "<person>"  # object_in: people as the object ("hanged a man", "two protesters were hanged")


def _names_people(tok: Token, lex: Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    return tok.ent_type_ == "PERSON" or lemma in PERSON_NOUNS or lemma in lex.agent_index or tok.lower_ in PERSON_NOUNS
PLACE_ENTS = {"GPE", "LOC", "FAC"}
ACTOR_ENTS = {"GPE", "NORP", "ORG"}


def _actor_strikes_place(verb: Token, lex: Lexicon) -> bool:
    """The verb's object is a named place and its subject names an actor (a country, a people, an organisation
    or an agent noun such as 'forces'): 'Russia struck Kyiv', 'Israeli forces pounded Rafah'; not 'inflation
    hit Argentina'."""
    def named_place(tok: Token) -> bool:
        entry = lex.actors.get(tok.text) if tok.pos_ == "PROPN" else None
        return tok.ent_type_ in PLACE_ENTS or (entry is not None and entry.kind in {"place", "country", "capital"})

    def part_of_named_place(tok: Token) -> bool:  # "struck the centre of Kostiantynivka", "shelled Kharkiv's outskirts"
        if tok.lemma_.lower() not in PART_NOUNS:
            return False
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return any(named_place(o) or (o.pos_ == "PROPN" and o.ent_type_ not in {"NORP", "PERSON"}) for o in owners)

    if not any(c.dep_ == "dobj" and (named_place(c) or part_of_named_place(c)) for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and (c.ent_type_ in ACTOR_ENTS or c.lemma_.lower() in lex.agent_index) for c in verb.children)


def _subject_lemmas(verb: Token) -> set[str]:
    """Lemmas naming the verb's subject ('Israeli jets', 'a squadron of jets', 'the air force')."""
    out: set[str] = set()
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} \
            and not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"auxpass"} for c in verb.children):
        verb = verb.head  # "youths set tyres ablaze and stoned a police truck": the first verb's subject
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUN_WORDS and verb.dep_ == "relcl":
                child = verb.head  # "drones that entered its airspace": the drones
            for noun in _object_nouns(child):
                out.add(noun.lemma_.lower())
                out.update(f"{c.lower_} {noun.lemma_.lower()}" for c in noun.lefts if c.dep_ in {"compound", "amod"})
    return out


def _resolve_phrase(head: Token, story: StoryActors) -> Actor | None:
    """The actor a phrase names, its 'of' phrase first: "thousands of Kenyan protesters" are the protesters."""
    for noun in reversed(_object_nouns(head)):
        actor = story.resolve(noun)
        if actor is not None:
            return actor
    return None


def _object_nouns(obj: Token) -> list[Token]:
    nouns = [obj]
    # "400 of the supporters"; "the home of a senior lawmaker", "the offices of the party": the owner
    if obj.lemma_.lower() in QUANTITY_NOUNS | OWNED_PLACES or obj.like_num:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                nouns.extend(p for p in prep.children if p.dep_ == "pobj")
    return nouns


# ... and "an alliance of ethnic armed groups", "a coalition of rebel factions": its members (as actors.py reads them)
OWNED_PLACES = {"home", "house", "residence", "office", "compound", "palace", "headquarters", "homestead", "farm",
                "union"} | ALLIANCE_NOUNS


def hyphenated(tok: Token) -> str | None:
    """'shoot-out', 'sit-in', 'cease-fire': the tokenizer splits these; the word ending at ``tok``."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return None


def match_noun(tok: Token, lex: Lexicon) -> tuple[EventRule, str, str] | None:
    joined = hyphenated(tok)
    if joined is not None:  # "shoot-out" as the lexicon's "shootout" or "shoot-out"
        for form in (joined, joined.replace("-", "")):
            for extra, rule in lex.noun_index.get(form, []):
                if not extra and not rule.subject_of:
                    return rule, "noun", joined
    options = list(lex.noun_index.get(tok.lemma_.lower(), []))
    if tok.lower_ != tok.lemma_.lower():  # "shelling" (lemma "shell") is a noun of its own
        options += lex.noun_index.get(tok.lower_, [])
    if not options:
        return None
    options.sort(key=lambda o: -len(o[0]))
    left = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    # with their conjuncts before the noun: "tear gas and stun grenades" is parsed as (gas and stun) grenades
    mods = [c.lower_ for c in left] + [g.lower_ for c in left for g in c.conjuncts if g.i < tok.i]
    for extra, rule in options:
        if rule.subject_of and not (tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and tok.head.lemma_.lower() in rule.subject_of):
            continue
        if all(w in mods for w in extra):
            return rule, "noun", " ".join([*extra, tok.text])
    return None


HAPPENING_LEMMAS = {"hold", "take", "erupt", "occur", "happen", "break", "continue", "resume", "begin", "start", "spread",
                    "rage", "intensify", "escalate", "turn", "go", "explode", "detonate"}  # "two car bombs exploded"
CASUALTY_LEMMAS = {"kill", "injure", "wound", "die", "hurt", "destroy", "damage", "maim"}
CAUSING_LEMMAS = {"leave", "kill", "injure", "wound", "claim", "destroy", "damage", "rock", "shake", "hit", "displace", "force"}
PROVOKING_LEMMAS = {"fuel", "spark", "trigger", "provoke", "prompt", "ignite", "inflame"}  # what a told event caused
TAKING_PLACE_LEMMAS = {"hold", "take", "occur", "happen", "erupt", "break"}
PARTICIPATING_LEMMAS = {"participate", "take", "join", "attend", "lead", "organise", "organize", "stage", "hold", "launch",
                        "carry", "conduct", "mount", "call"}
EVENT_VERB_LEMMAS = HAPPENING_LEMMAS | CAUSING_LEMMAS | PARTICIPATING_LEMMAS


def is_reported_happening(tok: Token) -> bool:
    """A nominal trigger that the sentence reports as happening, not one it merely mentions.

    'protesters staged a demonstration', 'protests were held', 'clashes erupted', 'took part in
    peaceful marches': the noun is the object of a verb with a subject, the subject of a verb of
    happening, or the object of a verb of taking part. 'months of fighting' is none of these.
    """
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":  # "took part in peaceful marches"
        verb = head.head
        if head.lower_ in {"during", "amid"}:
            return True  # "were detained during a protest": what happened during it happened
        if head.lower_ in {"in", "by"} and verb.lemma_.lower() in CASUALTY_LEMMAS:
            return True  # "were killed in an airstrike", "injured by shelling"
        return verb.pos_ == "VERB" and verb.lemma_.lower() in PARTICIPATING_LEMMAS
    if head.i == tok.i or head.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = _known_lemma(head, EVENT_VERB_LEMMAS)
    if tok.dep_ == "dobj":
        return any(c.dep_ in SUBJECT_DEPS for c in head.children) or lemma in PARTICIPATING_LEMMAS
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        if tok.dep_ == "nsubj" and lemma in CAUSING_LEMMAS:
            return True  # "gun attacks have left seven people dead", "the blast rocked the city"
        if tok.dep_ == "nsubj" and head.lemma_.lower() in PROVOKING_LEMMAS:
            return True  # "the arrest of the lawmaker had fuelled anger", "the killing sparked protests"
        if tok.dep_ == "nsubjpass" and head.lemma_.lower() in (REPORTING_VERBS - {"allege", "claim"}) \
                and any(c.dep_ == "agent" for c in head.children):
            return True  # "the abduction of two drivers was reported by the transport union"
        return lemma in HAPPENING_LEMMAS
    return False


AIM_PREPS = {"against", "over", "about", "for"}
AIM_IN_NOUNS = {"protest", "support", "solidarity", "opposition", "response", "reaction", "memory", "honour", "honor", "defence",
                "defense"}  # "in protest against ...", "in solidarity with ..."
AIM_LEMMAS = {"protest", "denounce", "demand", "condemn", "call", "oppose", "decry", "mark", "honour", "honor", "commemorate",
              "express", "show", "voice", "urge", "reject", "support", "defend", "seek"}


def protest_aim_tokens(trigger: Token) -> frozenset[int]:
    """Tokens saying what a protest is about: 'against gun violence', 'over the killing of ...',
    'to protest police violence', 'demanding ...'. Not evidence of how the protest went."""
    heads = [trigger]
    if trigger.dep_ in {"dobj", "pobj"} and trigger.head.pos_ in {"VERB", "ADP"}:  # "staged a rally against ..."
        heads.append(trigger.head if trigger.dep_ == "dobj" else trigger.head.head)
    masked: set[int] = set()
    for head in heads:
        for child in head.children:
            aim_prep = child.lower_ in AIM_PREPS or (child.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in AIM_IN_NOUNS for g in child.children))
            aim = (child.dep_ == "prep" and aim_prep and child.i > trigger.i) or (
                child.dep_ in {"xcomp", "advcl", "acl"} and child.lemma_.lower() in AIM_LEMMAS)
            if aim and child.i != trigger.i:
                masked.update(t.i for t in child.subtree)
    masked.discard(trigger.i)
    return frozenset(masked)


def is_nominal(tok: Token) -> bool:
    if tok.pos_ in {"NOUN", "PROPN"}:
        return True
    # Gerunds used as nouns: "Russian shelling had left two dead", "a campaign of shelling".
    return tok.tag_ == "VBG" and (tok.dep_ in {"nsubj", "csubj", "pobj", "pcomp", "dobj"} or any(c.dep_ in {"det", "amod", "poss"} for c in tok.children))


def _is_verb(tok: Token) -> bool:
    return ((tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB")) and tok.dep_ not in {"amod", "compound"}) \
        or _misparsed_shot_dead(tok)


def _misparsed_shot_dead(tok: Token) -> bool:
    """'gunmen on a motorcycle shot dead a village chief' parsed with 'motorcycle shot' as a noun and 'dead' as the
    verb of the clause (its subject and object hang on it): 'dead' stands for 'shot dead'."""
    if tok.lower_ != "dead" or tok.i == 0 or not any(c.dep_ == "dobj" for c in tok.children):
        return False
    shot = tok.doc[tok.i - 1]
    return shot.lower_ == "shot" and shot.pos_ in {"NOUN", "PROPN"}


def find_triggers(sent: Span, lex: Lexicon) -> Iterator[tuple[Token, EventRule, str, str]]:
    hits: dict[int, tuple[Token, EventRule, str, str]] = {}
    consumed: set[int] = set()  # objects of light verbs: "lift the sanctions" is one event, not two
    fallback: dict[int, tuple[tuple[Token, EventRule, str, str], list[Token]]] = {}  # PETRARCH hits, their verb's nouns
    for tok in sent:
        if tok.is_space or tok.is_punct:
            continue
        hit = None
        if (is_nominal(tok) or hyphenated(tok)) and not _in_proper_name(tok) and not _modifies_agent(tok, lex) \
                and not _modifies_thing(tok, lex):
            hit = match_noun(tok, lex)
        if hit is None and _is_verb(tok):
            hit = _match_verb(tok, lex)
        if hit is None and _is_verb(tok):  # the PETRARCH fallback: only where no hand-written rule matched
            petr = _match_petrarch(tok, lex)
            if petr is not None:
                fallback[tok.i] = ((tok, *petr[:3]), petr[3])
        if hit is not None:
            hits[tok.i] = (tok, *hit)
            neutralises = hit[0].acled is not None and hit[0].acled[1] == "Disrupted weapons use"
            if hit[1] == "light" or neutralises:  # "defused landmines": the mines are not an attack
                for obj in (c for c in tok.children if c.dep_ in {"dobj", "attr", "nsubjpass"}):
                    consumed.update(n.i for n in _object_nouns(obj))  # the object, "sent an array of arms"
                    # and its modifiers: "ended mediation efforts" is one event
                    consumed.update(c.i for c in obj.children if c.dep_ in {"compound", "amod", "nmod"})
    # The hand-written hits are judged among themselves, as if there were no fallback; a fallback hit
    # is judged among all hits, and gives way where a hand-written rule codes one of its verb's nouns
    # ("took part in marches": the marches are the event).
    every = {**hits, **{i: hit for i, (hit, _nouns) in fallback.items()}}
    # an announcing verb yields to an announced action also when a PETRARCH pattern codes it ("vowed to wage war")
    kept = [hit for i, hit in hits.items() if _keep(hit, hits, consumed) and not _announces_coded_action(hit, every)]
    # (a verb in its clause is what is asked or done, not a noun that codes the event: "asked Somalia to hand over")
    kept += [hit for hit, nouns in fallback.values()
             if not any(n.i in hits and n.pos_ not in {"VERB", "AUX"} and not _summing_up(n) for n in nouns)
             and _keep(hit, every, consumed)]
    yield from sorted(kept, key=lambda hit: hit[0].i)


def _summing_up(noun: Token) -> bool:
    """'asked Venezuela to act, a request Caracas did not answer': a noun after a comma that sums up the clause
    before it (the parser makes it a second object), not another object of the verb."""
    return noun.dep_ == "dobj" and _after_comma(noun) and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)


def _keep(hit: tuple, hits: dict, consumed: set[int]) -> bool:
    """Whether a trigger reports an event of its own (not a consequence, aim, background or announcement)."""
    if hit[0].i in consumed and hit[2] == "noun":
        return False
    if _is_reduced_relative(hit[0]) or _is_consequence(hit[0], hits) or _is_protest_aim(hit, hits) or _is_long_state(hit[0]) \
            or _is_document_content(hit[0]) or _text_provides(hit[0]) or _characterises(hit[0]) or _describes_the_repressed(hit, hits) or _protest_as_purpose(hit, hits) \
            or _describes_a_standing_actor(hit[0]) or _starts_a_period(hit[0]) or _gathering_for_something_else(hit) \
            or _charged_with(hit[0]) or (hit[2] == "noun" and _names_a_speaker(hit[0], hits)) or _frames_an_arrest(hit, hits):
        return False
    return not _announces_coded_action(hit, hits)


def _object_event_source(verb: Token, story: StoryActors, lex: Lexicon, source: Actor | None) -> Actor | None:
    """The actor of a violent event noun the verb acts on ('repelled an assault by X', 'thwarted a Russian
    attack'), when it is someone other than the verb's own subject."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        hit = match_noun(obj, lex)
        if hit is None or not hit[0].cameo.startswith(FORCE_ROOTS):
            continue
        own = noun_source(obj, story)
        if own is not None and (source is None or own.code != source.code):
            return own
    return None


EXPLOSIVE_PREFIX = "183"  # bombings, roadside bombs, landmines
RUN_INTO_VERBS = {"hit", "strike", "trigger"}  # "the convoy hit an IED"
RUN_ONTO_VERBS = {"step", "run", "drive", "ride", "hit"}  # "stepped on a landmine", "drove over a mine"


def _runs_into(tok: Token) -> bool:
    """Whether an explosive device is what someone ran into: the object of 'hit' or 'trigger', or of 'step on',
    'drive over' (not 'planted' or 'detonated', whose subject laid or set it off)."""
    head = tok.head
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in RUN_INTO_VERBS
    return tok.dep_ == "pobj" and head.lower_ in {"on", "over", "into"} and head.head.lemma_.lower() in RUN_ONTO_VERBS


def _charged_with(tok: Token) -> bool:
    """'charged a police chief with kidnapping', 'convicted of murder', 'jailed for the bombing': the act named as
    a charge is an allegation or a past crime, not an event of the story (the charge itself is the event)."""
    if tok.head.lower_ not in {"with", "of", "for"}:
        return False
    verb = tok.head.head
    # a noun or a gerund ('convicted of killing two policemen'); what someone is accused of or blamed for stays
    # their accuser's claim ('accused Turkey of shelling villages', 'blamed the rebels for the attack')
    named = (tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj") or (tok.pos_ == "VERB" and tok.dep_ == "pcomp")
    return named and verb.pos_ == "VERB" and verb.lemma_.lower() in CHARGE_VERBS - ALLEGING_VERBS


ALLEGING_VERBS = {"accuse", "blame", "suspect"}  # charge verbs that allege rather than try or sentence


def _announces_coded_action(hit: tuple, hits: dict) -> bool:
    """'agreed to lift the sanctions', 'pledged to send arms', 'threatened to attack': the announced action is
    coded itself (as intent, threat or PLOVER AGREE, coding/transforms.py); the announcing verb adds nothing."""
    tok, rule = hit[0], hit[1]
    if rule.cameo.startswith("10") and hit[2] == "verb" and tok.lemma_.lower() in ANNOUNCING_LEMMAS:
        # "the junta ordered the expulsion of French troops": the ordered act is the orderer's event; so is
        # "ordered the army to patrol the cities" (the act of the ordered, on the orderer's word)
        own_forces = any(c.dep_ == "dobj" and c.lemma_.lower() in ORDERED_FORCES for c in tok.children)
        return any((c.dep_ == "dobj" and c.i in hits and hits[c.i][2] == "noun")
                   or (c.dep_ == "xcomp" and c.i in hits and tok.lemma_.lower() == "order" and own_forces)
                   for c in tok.children)  # ("ordered the newspaper to suspend publication" stays an order)
    if not rule.cameo.startswith(("03", "13")) or hit[2] != "verb":
        return False
    # Only where the action's own row says the same: cooperation after an intent verb, force after a threat,
    # and force after a vow ("vowed to retaliate", "vowed revenge"), which the action's row codes as a threat.
    # A vow to protest ("vowed to keep up the protests") is a threat of dissent (133), not cooperation.
    force = ("14", "15", "16", "17", "18", "19", "20")
    same = ("04", "05", "06", "07", "08") + force if rule.cameo.startswith("03") else force
    # the action itself, or the object of a verb of going on with it ("vowed to step up attacks")
    actions = [(c, c.dep_) for c in tok.children if c.dep_ in {"xcomp", "dobj"}]
    actions += [(g, "dobj") for c, dep in list(actions) if dep == "xcomp" and c.i not in hits
                and c.lemma_.lower() in CONTINUATION_VERBS for g in c.children if g.dep_ == "dobj"]
    return any(c.i in hits and hits[c.i][1].cameo.startswith(same)
               and (dep == "xcomp" or hits[c.i][1].cameo.startswith(force)) for c, dep in actions)


COMPLEMENT_TARGET_ROOTS = ("03", "13")  # intents and threats announce an action on someone
REPRESSION_ROOTS = ("17", "18", "19")


def _gathering_for_something_else(hit: tuple) -> bool:
    """'crowds gathered in the main squares to celebrate', 'gathered to mourn the dead': no protest."""
    tok, rule = hit[0], hit[1]
    if not rule.cameo.startswith("14") or hit[2] != "verb":
        return False
    return any(c.dep_ in {"advcl", "xcomp", "conj"} and c.lemma_.lower() in GATHERING_PURPOSES for c in tok.children)


def _protest_as_purpose(hit: tuple, hits: dict) -> bool:
    """'summoned the ambassador to protest against the violation': a diplomatic act's purpose, not a demonstration."""
    tok, rule = hit[0], hit[1]
    return (rule.cameo.startswith("14") and hit[2] == "verb" and tok.dep_ in {"advcl", "xcomp"}
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and tok.head.i in hits and not hits[tok.head.i][1].cameo.startswith("14"))


def _thing_moves(verb: Token, story: StoryActors) -> bool:
    """The verb's subject is a thing, not an actor: a noun no lexicon names and that is no agent ('trucks')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (subject is not None and subject.pos_ == "NOUN" and story.agent_sector(subject) is None
            and story.entry_at(subject) is None and subject.lemma_.lower() not in MILITARY_MOVERS)


MILITARY_MOVERS = {"tank", "convoy", "column", "vehicle", "armour", "armor", "unit", "battalion", "brigade", "division"}


def _starts_a_period(tok: Token) -> bool:
    """'attacks since ending a ceasefire in November', 'since the start of the offensive': the event a period is
    counted from is the story's background, not its news."""
    for anc in [tok, *list(tok.ancestors)[:3]]:
        if anc.dep_ == "prep" and anc.lower_ == "since":
            return anc.i < tok.i
        if anc.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in anc.children):
            return True  # "has declined since international navies began patrolling the area"
        if anc.dep_ in {"ROOT", "relcl", "ccomp"}:
            return False
    return False


STATE_VERBS = {"have", "be", "keep", "maintain", "station"}


def _describes_a_standing_actor(tok: Token) -> bool:
    """'Kenya has troops in Somalia as part of a force fighting the Islamists': a participle describing an actor
    in a sentence that states a standing fact, not an event."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG":
        return False
    root = tok
    while root.head.i != root.i:
        root = root.head
    return root.lemma_.lower() in STATE_VERBS and root.tag_ in {"VBZ", "VBP"}


def _describes_the_repressed(hit: tuple, hits: dict) -> bool:
    """'fired tear gas at students protesting against job quotas': the participle says who was repressed;
    ACLED codes one event (a protest met with force), the force's row, not a second protest row."""
    tok, rule = hit[0], hit[1]
    if not rule.cameo.startswith("14") or tok.tag_ != "VBG":
        return False
    if tok.dep_ in {"pcomp", "dobj"} and any(c.dep_ == "nsubj" for c in tok.children):
        # parsed as a gerund clause: "fired tear gas at [farmers marching on the capital]"
        holder = tok.head.head if tok.dep_ == "pcomp" else tok.head
        return holder.i in hits and hits[holder.i][1].cameo.startswith(REPRESSION_ROOTS)
    if tok.dep_ != "acl":
        return False
    people = tok.head
    if people.dep_ in SUBJECT_DEPS:  # "students protesting against the fee rise marched": the march is the protest
        return people.head.i in hits and hits[people.head.i][1].cameo.startswith("14")
    holder = people.head.head if people.dep_ == "pobj" else people.head
    return people.dep_ in {"dobj", "pobj", "nsubjpass"} and any(
        h[1].cameo.startswith(REPRESSION_ROOTS) and i in {holder.i, people.head.i} for i, h in hits.items())


def _is_protest_aim(hit: tuple, hits: dict) -> bool:
    """'staged demonstrations to demand reforms', 'began a hunger strike to protest': the demand or complaint
    is the protest's aim; the protest is the event."""
    tok, rule = hit[0], hit[1]
    if not rule.cameo.startswith(("02", "03", "05", "10", "11", "12")) or tok.dep_ not in {"advcl", "xcomp", "acl"}:
        return False  # also "took to the streets to reject the result": a protest's aim
    if not (any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) or tok.tag_ == "VBG"):
        return False  # "to demand reforms", "urging lawmakers to act"
    head = tok.head
    if tok.dep_ == "acl" and head.lemma_.lower() in PROTEST_PARTICIPANTS:
        return True  # "protesters demanding cheaper electricity": what the protesters want, not an event
    near = [head] + [c for c in head.children if c.dep_ in {"dobj", "attr"}]
    near += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]  # "took part in marches"
    return any(t.i in hits and hits[t.i][1].cameo.startswith("14") for t in near)


SPEAKING_ROOTS = ("01", "02", "03", "04", "05", "10", "11", "12", "13")  # statements, appeals, meetings, demands, threats


def _speaks(tok: Token, hits: dict) -> bool:
    """Whether a trigger is speech, a stance or a meeting: its subject is who speaks, never an event it reports
    ('the U.N. peacekeeping mission, MINUSCA, condemned the attack': the mission is the condemner)."""
    return tok.i in hits and hits[tok.i][1].cameo.startswith(SPEAKING_ROOTS)


def _names_a_speaker(tok: Token, hits: dict) -> bool:
    """An event noun that is the subject of speech names the speaker ('the peacekeeping mission condemned ...')."""
    return tok.dep_ in SUBJECT_DEPS and tok.head.i != tok.i and _speaks(tok.head, hits)


SEARCH_NOUNS = {"raid", "search", "sweep", "operation", "crackdown", "swoop"}


def _frames_an_arrest(hit: tuple, hits: dict) -> bool:
    """'arrested 17 people in raids', 'detained two suspects during a raid on a plantation': the raid is how the
    arrest was made, one event (ACLED codes the arrest), not an attack of its own."""
    tok = hit[0]
    if hit[2] != "noun" or tok.lemma_.lower() not in SEARCH_NOUNS or tok.dep_ != "pobj" \
            or tok.head.lower_ not in {"in", "during", "after"}:
        return False
    verb = tok.head.head
    return verb.i in hits and hits[verb.i][1].cameo.startswith("173")


def _is_consequence(tok: Token, hits: dict) -> bool:
    """'Russian shelling killed two', 'bombarded the city, killing eight': the second verb reports the
    outcome of the first event (its death toll goes to that event), not a new event."""
    if not _is_verb(tok):
        return False
    if any(c.dep_ in SUBJECT_DEPS and c.i in hits for c in tok.children) and not _speaks(tok, hits):
        return True
    if tok.i in hits and hits[tok.i][1].id == "assault.kill_generic":
        # "three civilians were killed in a coalition airstrike": the strike is the event, the deaths its toll
        # (also through a conjunct: "killed and five injured in an airstrike", "..., while one was killed")
        anchors = {tok.i} | ({tok.head.i} if tok.dep_ in {"advcl", "conj"} else set())
        for i, hit in hits.items():
            g = hit[0]
            if i == tok.i or not hit[1].cameo.startswith(FORCE_ROOTS) or g.dep_ != "pobj":
                continue
            if g.head.lower_ in {"in", "by", "during"} and any(a.i in anchors for a in list(g.ancestors)[:6]):
                return True
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i in hits:
        return True  # "an attack targeting non-Muslims": the participle describes the attack
    if tok.dep_ == "conj" and tok.head.i in hits and tok.lemma_.lower() in CASUALTY_LEMMAS \
            and hits[tok.head.i][1].cameo.startswith(FORCE_ROOTS) \
            and not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in tok.children):
        return True  # "shot and killed a village chief", "attacked and wounded": one attack and its toll
    if tok.tag_ != "VBG" or tok.dep_ not in {"advcl", "xcomp", "conj"} or tok.head.i == tok.i:
        return False
    # "shelled the town, killing two"; also through the event noun of the head verb: "carried out air
    # strikes on villages, killing 20", "a missile hit a building, killing two"
    head = tok.head
    if tok.dep_ == "conj" and head.tag_ == "VBG" and head.dep_ in {"advcl", "xcomp"} and head.i not in hits:
        head = head.head  # "pounded Odesa, damaging grain terminals and killing two": both are its outcome
    return head.i in hits or any(c.i in hits and c.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} for c in head.children)


CONTENT_NOUNS = {"resolution", "plan", "proposal", "bill", "law", "draft", "initiative", "motion", "measure", "blueprint",
                 "roadmap", "strategy", "policy", "legislation", "amendment", "decree",
                 # purposes: "in its bid to capture Ukrainian territory"
                 "bid", "ambition", "aim", "goal", "quest", "desire", "intention", "hope", "dream", "vision", "decision"}

# Meetings whose 'on' phrase is their subject, not a second event
TALK_NOUNS = {"talk", "talks", "negotiation", "negotiations", "discussion", "consultation", "dialogue", "meeting", "summit",
              "conference", "debate"}


def _names_what(tok: Token) -> bool:
    """The predicate noun of a calling verb: 'called the strike a war crime' (oprd), 'branded the attack a
    massacre' (which the parser may attach as npadvmod); not a time ('called Monday')."""
    return tok.dep_ in {"oprd", "npadvmod"} and tok.pos_ == "NOUN" and tok.ent_type_ not in {"DATE", "TIME"}


def _characterises(tok: Token) -> bool:
    """'in what the president called a massacre', 'condemned the arrests as an attack on democracy': a
    noun that names what a speaker calls an event already told is a judgment, not a second event."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if (tok.dep_ == "attr" or _names_what(tok)) and tok.head.lemma_.lower() in CALLING_VERBS:
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ != "as":
        return False
    verb = tok.head.head
    if verb.pos_ != "VERB" and verb.dep_ == "dobj":
        verb = verb.head  # "described the raid as a massacre": 'as' hangs on the object
    return verb.pos_ == "VERB" and verb.lemma_.lower() in CALLING_VERBS | DISAPPROVING_VERBS


CALLING_VERBS = {"call", "term", "dub", "brand", "label", "describe", "characterise", "characterize", "deem", "consider",
                 "regard", "see", "view", "denounce", "decry"}
DISAPPROVING_VERBS = {"condemn", "criticise", "criticize", "slam", "reject", "blast", "castigate"}


def _text_provides(tok: Token) -> bool:
    """'U.N. resolutions ban North Korea from ...', 'the constitution bars him from ...': what a text in force
    says, in the present tense, is a standing rule, not an event; its adoption or signing is the event."""
    if tok.tag_ not in {"VBZ", "VBP"}:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in CONTENT_NOUNS | INSTRUMENT_NOUNS for c in tok.children)


# Texts in force that say what is allowed (besides the plans and bills of CONTENT_NOUNS)
INSTRUMENT_NOUNS = {"constitution", "treaty", "charter", "convention", "accord", "agreement", "rule", "regulation",
                    "statute", "code", "ordinance", "mandate", "sanction", "embargo", "ban"}


def _is_document_content(tok: Token) -> bool:
    """'a resolution that aims to tighten sanctions', 'a plan to withdraw troops': what a text or plan
    provides for is not an event; supporting, adopting or rejecting the text is."""
    child = tok
    for _ in range(6):
        head = child.head
        if head.i == child.i:
            return False
        if child.dep_ in {"acl", "relcl"} and head.pos_ == "NOUN" and head.lemma_.lower() in CONTENT_NOUNS:
            return True
        if child.dep_ in {"pobj", "pcomp"} and head.dep_ == "prep" and head.lower_ in {"for", "of", "on"} \
                and head.head.lemma_.lower() in CONTENT_NOUNS and head.head.pos_ == "NOUN":
            return True  # "its plan for mass arrests", "a bill on sanctions"
        if child.dep_ in {"pobj", "pcomp"} and head.dep_ == "prep" and head.lower_ in {"on", "about", "over"} \
                and head.head.lemma_.lower() in TALK_NOUNS and head.head.pos_ == "NOUN":
            return True  # "talks on a new truce", "negotiations over a prisoner exchange": the subject of the talks
        if child.dep_ not in {"xcomp", "acl", "relcl", "conj", "ccomp", "advcl", "pobj", "prep"}:
            return False
        child = head
    return False


def _modifies_agent(tok: Token, lex: Lexicon) -> bool:
    """'riot police', 'protest leaders', 'attack helicopters': a noun modifying an agent noun names a
    kind of actor, not an event ('grenade attack', 'mediation mission' still are events)."""
    head = tok.head
    if tok.dep_ != "compound" or head.i <= tok.i or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return head.lemma_.lower() in lex.agent_index or head.lower_ in lex.agent_index


def _modifies_thing(tok: Token, lex: Lexicon) -> bool:
    """'liberation war songs', 'protest posters', 'massacre memorial': an event noun that modifies a noun which is
    itself no event names a kind of thing, not an event. A head that carries the event still lets it through:
    'coup attempt', 'kidnapping victims', 'bomb attack' (the head is an event itself), 'ceasefire deal'."""
    def carries(noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in EVENT_CARRIERS or lemma in lex.noun_index or noun.lower_ in lex.noun_index

    if tok.dep_ != "compound" or tok.head.i <= tok.i or tok.head.pos_ != "NOUN":
        return False
    head = tok.head
    while not carries(head) and head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
        head = head.head  # a chain of modifiers: 'chlorine gas south-west of the city' is a use of chlorine gas
    return not carries(head)


def _in_proper_name(tok: Token) -> bool:
    """'Palestine Liberation Organization', 'Operation Protective Edge': a word of a name is not an event;
    nor is a capitalised word of a date ('On 12 March 2024': the month, not a march)."""
    if tok.ent_type_ in {"DATE", "TIME"} and tok.text[:1].isupper():
        return True
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ in {"ORG", "WORK_OF_ART", "EVENT", "FAC", "LAW", "NORP"}


def _is_reduced_relative(tok: Token) -> bool:
    """'civilians imprisoned for ...', 'a report released Tuesday', 'one village captured by ...':
    a past participle describing a noun is background to the sentence, not its reported action."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return not _misparsed_main_verb(tok)
    if tok.dep_ == "advcl" and tok.tag_ in {"VBN", "VBD"} and any(c.dep_ == "agent" for c in tok.children) \
            and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "mark"} for c in tok.children):
        return True  # "..., captured by Russian troops in July": a participial description, parsed as a clause
    return _misparsed_passive_conj(tok) is not None


LONG_PERIODS = {"week", "month", "year", "decade"}
AGGREGATE_PERIODS = LONG_PERIODS - {"week"}  # "protests have spread over the past week" still reports protests


def _is_long_state(tok: Token) -> bool:
    """'has been shelled by its artillery for months', 'have fought for years': a state of affairs over
    weeks or more is background, not an event of the story's day ('shelled for hours' still is one).
    So is a count of events over such a period: 'attacks have increased in recent months', 'has carried
    out dozens of attacks this year' (a plural event noun under a perfect verb with a long period)."""
    if tok.tag_ in {"NNS", "NNPS"}:
        return _is_aggregate(tok)
    if tok.pos_ in {"NOUN", "PROPN"}:
        # "have enforced a boycott of schools for years": the object of a verb that has lasted; "fighting has
        # displaced 300,000 people since October": the subject of one
        if tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.pos_ in {"VERB", "AUX"}:
            return _is_long_state(tok.head.head)  # "has been under house arrest since March"
        return tok.dep_ in {"dobj", "attr", "nsubj"} and tok.head.pos_ in {"VERB", "AUX"} and _is_long_state(tok.head)
    verbs = [tok] + ([tok.head] if tok.dep_ == "conj" else [])  # "controlled by Russia or shelled ... for months"
    perfect = any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() == "have" for v in verbs for c in v.children)
    if not perfect:  # "plans to impose restrictions for two years" is not a state that has lasted
        return False
    if any(summarised_since(v) for v in verbs):
        return True  # "the junta, which seized power in 2023, has since ordered French troops out": a summary since then
    if _since_anything(verbs) and _tallied(verbs) and not any(_counted_toll(v) for v in verbs):
        return True  # "more than 85,000 people have been detained since the measure was imposed": a tally, no event
    # "has deployed troops to fight crime since 2006": the span may hang on the purpose clause
    verbs += [c for v in verbs for c in v.children if c.dep_ in {"advcl", "xcomp"} and c.tag_ == "VB"]
    for verb in verbs:
        for since in (c for t in [verb, *_own_clause_tokens(verb)] for c in t.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)):
            if any(long_ago(g) for g in since.subtree):
                return True  # "have accused each other of targeting civilians since fighting broke out on Sept. 27"
        for prep in (c for c in _own_clause_tokens(verb) if c.dep_ == "prep" and c.lower_ in {"for", "since"}):
            span = list(prep.subtree)[1:]  # "for more than a decade", "since 2015", "since last year"
            if any(g.lemma_.lower() in LONG_PERIODS for g in span):
                return True
            if prep.lower_ == "since" and any(g.like_num and len(g.text) == 4 and g.text.isdigit() for g in span):
                return True
            if prep.lower_ == "since" and any(long_ago(g) for g in span) and not _counted_toll(verb):
                # "have repeatedly attacked the camps since April": a series, not an event; a count of dead
                # with a named side ("the army has killed 200 militants since January") stays (coding/periods.py)
                return True
    return False


TALLY_MIN = 100  # a count this large under a perfect verb with 'since' is a running tally


def _since_anything(verbs: list[Token]) -> bool:
    """A 'since' phrase or clause on the verbs, whatever it dates ('since the measure was imposed', 'since March')."""
    return any((c.dep_ == "prep" and c.lower_ == "since")
               or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
               for v in verbs for c in v.children)


def _tallied(verbs: list[Token]) -> bool:
    """A count of TALLY_MIN or more on the verbs' subject or object ('more than 85,000 people', 'thousands')."""
    for v in verbs:
        for arg in (c for c in v.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}):
            for tok in arg.subtree:
                if tok.lower_ in {"thousands", "hundreds", "millions", "tens"}:
                    return True
                if tok.like_num:
                    try:
                        if float(tok.text.replace(",", "")) >= TALLY_MIN:
                            return True
                    except ValueError:
                        continue
    return False


def _own_clause_tokens(verb: Token) -> list[Token]:
    """The verb's clause without the clauses nested in it: 'fighting for a state called Ambazonia since 2017'
    (the span hangs on the participle), not 'fighting after rebels who have held the town since 2015'."""
    out, stack = [], list(verb.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in {"ccomp", "relcl", "advcl", "parataxis", "conj"} and tok.pos_ in {"VERB", "AUX"}:
            continue
        out.append(tok)
        stack.extend(tok.children)
    return out


def _counted_toll(verb: Token) -> bool:
    """'has killed 200 militants': a casualty verb with a counted object."""
    return verb.lemma_.lower() in CASUALTY_LEMMAS and any(
        c.dep_ == "dobj" and any(g.dep_ == "nummod" or g.like_num for g in c.children) for c in verb.children)


def _is_aggregate(noun: Token) -> bool:
    """A plural event noun counted over weeks or more: the governing verb is perfect and its clause
    names a long period ('in recent months', 'this year', 'since 2020')."""
    verb = noun.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if noun.dep_ == "dobj" and noun.head.i == verb.i and verb.lemma_.lower() in TREND_VERBS and verb.dep_ != "xcomp":
        return True  # "have stepped up cross-border attacks", "intensified raids": a trend, not one event
    if not any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() == "have" for c in verb.children):
        return False
    own = {t.i for t in noun.subtree}
    if any(t.lemma_.lower() in AGGREGATE_PERIODS for t in verb.subtree if t.i not in own):
        return True
    # "have carried out a string of attacks on police since ending a ceasefire in November"; a counted toll with
    # a named side stays ("US drone attacks have killed eight al-Qaeda leaders since last July", coding/periods.py)
    return not _counted_toll(verb) and any(c.dep_ == "prep" and c.lower_ == "since" and any(long_ago(g) for g in c.subtree)
                                           for c in verb.children)


# Verbs of a rising or falling count: their plural event object is a trend ("stepped up attacks")
TREND_VERBS = CONTINUATION_VERBS - {"continue", "resume", "keep", "maintain", "sustain"} | {"increase", "reduce", "double"}


def _misparsed_main_verb(tok: Token) -> bool:
    """'Separatist fighters killed 20 people in an attack' is sometimes parsed with the noun as the root (or
    as a second subject of a trailing 'officials said') and 'killed' as a participle describing it. A
    participle with a direct object on such a noun is the sentence's main verb and the noun its subject."""
    return _misparsed_subject(tok) is not None


INTRANSITIVE_ACTS = {"protest", "demonstrate", "march", "rally", "riot", "clash", "gather", "strike"}


def _misparsed_subject(tok: Token) -> Token | None:
    """The subject of a main verb parsed as a participle (see ``_misparsed_main_verb``): the noun it hangs on,
    or the noun that noun's preposition hangs on ('Gunmen on motorbikes killed 14 villagers, officials said':
    'killed' parsed as describing the motorbikes)."""
    head = tok.head
    if tok.dep_ == "acl" and tok.i > head.i and tok.lemma_.lower() in INTRANSITIVE_ACTS and tok.i > 0 \
            and tok.doc[tok.i - 1].text == "," and tok.sent.root.pos_ in {"NOUN", "PROPN"} \
            and not any(c.dep_ in {"dobj", "agent", "aux", "auxpass"} for c in tok.children):
        # "around 2,000 people, many of them students, protested in central Kyiv": after an apposition the
        # parser makes the main verb a participle on it; a verb with no passive reading is the main verb (its
        # subject the apposition's noun, the same people: 'students')
        return head if head.pos_ in {"NOUN", "PROPN"} and head.dep_ == "appos" else tok.sent.root
    if tok.dep_ != "acl" or head.pos_ not in {"NOUN", "PROPN"} or tok.i < head.i or not any(c.dep_ == "dobj" for c in tok.children):
        return None
    nouns = [head]
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in {"NOUN", "PROPN"}:
        nouns.append(head.head.head)  # the noun a preposition phrase describes: 'gunmen on motorbikes'
    for noun in nouns:
        if noun.dep_ == "ROOT" or hedged_identity(tok) is not None:
            return noun  # also "gunmen suspected to be bandits abducted 20 passengers": hung on the identity
        # "... killed 20 people in an attack, officials said": the noun hung on the reporting verb as a subject,
        # beside the reporters ('officials said') or with the reporters joined to it ('gunmen ..., a local official
        # and a community leader said'), the report trailing the participle
        speech = noun.head
        if noun.dep_ == "nsubj" and speech.lemma_.lower() in REPORTING_VERBS and (
                any(c.dep_ == "nsubj" and c.i != noun.i for c in speech.children)
                or (speech.i > tok.i and any(c.dep_ == "conj" and c.i > tok.i for c in noun.children))):
            return noun
    return None


def _misparsed_passive_conj(tok: Token) -> Token | None:
    """'The civilians imprisoned for X were released by Y' is often parsed with 'imprisoned' as the main
    verb and 'were released' as its conjunct with no 'and': then 'imprisoned' describes the subject,
    and the subject is the passive subject of 'released'. Returns that conjunct."""
    if tok.dep_ != "ROOT" or any(c.dep_ in {"cc", "aux", "auxpass"} for c in tok.children):
        return None
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return None
    for conj in (c for c in tok.children if c.dep_ == "conj"):
        if any(g.dep_ == "auxpass" for g in conj.children) and not any(g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for g in conj.children):
            return conj
    return None


ANNOUNCING_LEMMAS = {"announce", "confirm", "order", "complete", "begin", "start", "launch", "conduct", "carry", "make", "repeat",
                     "reiterate", "issue", "renew"}


COERCIVE_ROOTS = ("17", "18", "19", "20")


def coerces(word: Token, nouns: bool = False) -> bool:
    """A verb (or with ``nouns``, a noun) of repression or force ('disperse', 'attack', 'battle')."""
    from coding.lexicon import default_lexicon  # the lexicon is loaded once per process

    lex = default_lexicon()
    rules = (lex.noun_index if nouns else lex.verb_index).get(word.lemma_.lower(), ())
    return any(rule.cameo.startswith(COERCIVE_ROOTS) for _words, rule in rules)


def _protest_noun(word: Token) -> bool:
    """A noun that only ever names a protest ('protests', 'a rally'; not 'strikes', which may be air strikes)."""
    from coding.lexicon import default_lexicon

    rules = default_lexicon().noun_index.get(word.lemma_.lower(), ()) if word.pos_ in {"NOUN", "PROPN"} else ()
    return bool(rules) and all(rule.cameo.startswith("14") for _words, rule in rules)


def _governing_verb(tok: Token, through_frames: bool = False) -> Token | None:
    """The verb whose subject a non-finite or nominal trigger shares (never a reporting verb)."""
    head = tok.head
    steps = 0
    protest = _protest_noun(tok)
    while head.i != tok.i and steps < 6:
        if head.pos_ in {"VERB", "AUX"}:
            if protest and tok.dep_ == "prep" and tok.lower_ in {"during", "amid", "at"} and coerces(head):
                return None  # "police arrested 95 people during protests": the police do not protest
            if head.lemma_.lower() in ANNOUNCING_LEMMAS and tok.dep_ == "dobj":
                return head  # "Russia announced the withdrawal of its troops": Russia withdraws
            if head.lemma_.lower() in STANCE_VERBS:
                return None  # "France condemned the attack": France did not attack
            if tok.dep_ == "dobj" and coerces(head) and not coerces(tok, nouns=True):
                return None  # "police dispersed the rally": the rally is not the police's ("fought battles" is theirs)
            if tok.dep_ == "prep" and tok.lower_ in FRAME_PREPOSITIONS and not through_frames:
                return None  # "residents clashed with soldiers after a raid": the raid is not theirs
            if head.lemma_.lower() in ACCUSATION_VERBS and tok.dep_ == "prep":
                return None  # "Iraq accused Turkey of shelling": the accused acted (noun_source)
            if head.lemma_.lower() in REPORTING_VERBS:
                # "In a meeting with X, Blinken said": the speaker took part in the meeting.
                return head if tok.dep_ == "prep" and tok.lower_ in {"in", "during", "at", "after"} else None
            return head
        tok, head = head, head.head
        steps += 1
    return None


DOCUMENT_NOUNS = {"report", "statement", "study", "communique", "communiqué", "document", "paper", "resolution", "declaration",
                  "letter", "note", "survey", "investigation", "inquiry", "probe", "ruling", "verdict"}


def _subject_of(verb: Token, story: StoryActors, depth: int = 0) -> Actor | None:
    # "Obama is scheduled to attend": a passive head's subject is the subject of its infinitive.
    subject_deps = SUBJECT_DEPS | (PASSIVE_SUBJECT_DEPS if depth > 0 else set())
    # "it was dispatching ...": the parser sometimes hangs the subject on the auxiliary
    children = list(verb.children) + [g for c in verb.children if c.dep_ == "aux" for g in c.children]
    for child in children:
        if child.dep_ in subject_deps:
            # "Thousands of Kenyan protesters marched": the quantity's 'of' phrase names the actor.
            actor = _resolve_phrase(child, story)
            if actor is not None:
                return actor
            if child.lemma_.lower() in DOCUMENT_NOUNS:
                return _document_author(child, story)
            return None
    for child in verb.children:
        if child.dep_ == "agent":  # passive: "captured by Russian troops"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return story.resolve(pobj)
    if depth == 0 and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None  # "protested after a shopkeeper was murdered": a passive clause of its own, its agent unsaid
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL_LEMMAS:
        # "ordered the army to patrol the cities": the one ordered acts
        obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        ordered = _resolve_phrase(obj, story) if obj is not None else None
        if ordered is not None:
            orderer = _subject_of(verb.head, story, depth + 1)
            if not ordered.country and not ordered.org_code and orderer is not None and orderer.country:
                ordered = replace(ordered, country=orderer.country)  # "Putin ordered troops to withdraw": his troops
            return ordered
    if depth < 3 and verb.dep_ in {"xcomp", "conj", "advcl", "acomp"} and verb.head.i != verb.i:
        # "it is prepared to impose martial law": through the adjective to the subject of "is"
        return _subject_of(verb.head, story, depth + 1)
    misparsed = _misparsed_subject(verb)
    if misparsed is not None:  # "Separatist fighters killed 20 people" parsed with 'fighters' as the root
        return _resolve_phrase(misparsed, story)
    hedged = hedged_identity(verb) if depth == 0 else None
    if hedged is not None:  # "gunmen suspected to be OLA members killed ..." parsed with 'suspected' as the root
        return _resolve_phrase(hedged, story)
    if depth < 3 and verb.dep_ in {"acl"}:  # "Kyiv's claim to have entered": the noun's possessor
        for child in verb.head.children:
            if child.dep_ == "poss":
                return story.resolve(child)
    return None


ORDERED_FORCES = {"army", "troop", "soldier", "police", "force", "military", "officer", "guard", "navy", "unit", "commander",
                  "policeman", "gendarme", "gendarmerie", "militia"}
OBJECT_CONTROL_LEMMAS = {"order", "instruct", "command", "direct", "authorize", "authorise", "allow", "permit"}


def _document_author(doc_noun: Token, story: StoryActors) -> Actor | None:
    """'A report released in the Rwandan capital alleged ...': a document speaks for the country named in it."""
    for tok in doc_noun.subtree:
        entry = story.entry_at(tok)
        if entry is not None and entry.country and entry.kind in {"country", "capital", "adjective"}:
            return Actor(tok.text, entry.country, None, tok.idx, tok.idx + len(tok.text))
    return None


def _agent_of(tok: Token, story: StoryActors) -> Actor | None:
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return story.resolve(pobj)
    return None


def _state_announcer(tok: Token, story: StoryActors) -> Actor | None:
    """'The arrest of two men was announced by police': a state force announcing an act with nobody named
    for it announces its own act. Only 'announce': who confirms or reports an attack is a witness."""
    verb = tok.head
    if tok.dep_ != "nsubjpass" or verb.lemma_.lower() != "announce":
        return None
    by = _agent_of(verb, story)
    return by if by is not None and by.sector in STATE_COERCERS and not by.is_person else None


def _accused(tok: Token, story: StoryActors) -> Actor | None:
    """'accused Turkey of shelling villages', 'blamed the rebels for the attack': the accused is the actor."""
    head = tok.head
    if tok.dep_ not in {"pobj", "pcomp"} or head.dep_ != "prep" or head.lower_ not in {"of", "for"}:
        return None
    verb = head.head
    if verb.dep_ in {"dobj", "nsubjpass"} and verb.head.lemma_.lower() in ACCUSATION_VERBS:
        return story.resolve(verb)  # "accused [the rebels [of attacking]]": the charge hangs on the accused
    if verb.lemma_.lower() not in ACCUSATION_VERBS:
        return None
    accused = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    return story.resolve(accused) if accused is not None else None


def noun_source(tok: Token, story: StoryActors, mutual: bool = False) -> Actor | None:
    """The actor of a nominal event. ``mutual`` events (battles, talks) are shared by the verb's subject even
    through a time frame ("captured by Russian troops after fierce battles"); one-sided ones are not."""
    # "Russia's shelling", "Russian shelling", "the shelling by Russian forces"
    parts = [tok]
    if hyphenated(tok) is not None:
        parts.append(tok.doc[tok.i - 2])  # "its counter-offensive", split by the parser: 'its' hangs on 'counter'
    for child in (c for part in parts for c in part.children):
        if child.dep_ in {"poss", "amod", "compound", "nmod", "advcl", "npadvmod"} and child.i < tok.i:
            entry = story.entry_at(child)
            if entry is not None and entry.country:
                actor = story.resolve(child)
                if actor is not None:
                    return actor
            if child.dep_ in {"poss", "nmod"}:
                actor = story.resolve(child)
                if actor is not None:
                    return actor
    # "Moscow's announcement of the pullback": the possessor of the noun that governs the trigger.
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        for child in tok.head.head.children:
            if child.dep_ == "poss":
                actor = story.resolve(child)
                if actor is not None:
                    return actor
    # Parser quirk: an adjective of nationality right before the trigger ("Russian shelling").
    if tok.i > tok.sent.start:
        prev = tok.doc[tok.i - 1]
        entry = story.entry_at(prev)
        if entry is not None and entry.country and entry.kind == "adjective":
            return Actor(prev.text, entry.country, None, prev.idx, prev.idx + len(prev.text))
    by = _agent_of(tok, story)
    if by is not None:
        return by
    announcer = _state_announcer(tok, story)
    if announcer is not None:
        return announcer
    accused = _accused(tok, story)
    if accused is not None:
        return accused
    # "arrived ... for a surprise visit", "launched a campaign of shelling": the governing verb's subject.
    verb = _governing_verb(tok, through_frames=mutual)
    if verb is not None:
        return _subject_of(verb, story)
    return None


def _is_own_forces(actor: Actor, rule: EventRule, source: Actor | None) -> bool:
    """'Russia pulled back troops': country-less forces moved by the source are not a target; 'cartel gunmen
    battled soldiers': forces are the own forces of a state only, not of an armed group."""
    if rule.object_is_source:
        return True
    return actor.country is None and not actor.is_person and actor.org_code is None and actor.sector == rule.source_sector \
        and (source is None or source.sector in {None, "GOV"})


def _targets(tok: Token, story: StoryActors, source: Actor | None, rule: EventRule) -> tuple[Actor | None, Token | None]:
    """The first actor among objects and prepositional objects, and the first place argument."""
    place: Token | None = None
    heads = [tok] + [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    # "accused neighbouring Eritrea": the parser makes the participle a clause and the country its object
    heads += [c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.lemma_.lower() in ADJECTIVE_PARTICIPLES]
    heads += [g for h in heads[1:] for g in h.conjuncts]  # "fired drones and missiles at Israel": on the last conjunct
    for head in heads:
        for child in ([head] if head.i != tok.i else []) + [c for c in head.children if c.dep_ in OBJECT_DEPS | {"prep", "prt"}]:
            if child.i == tok.i:
                continue
            cands: list[Token]
            if child.dep_ in {"prep", "prt"} or child.pos_ == "ADP":  # 'to' is sometimes parsed as a dative
                of_noun = child.lower_ == "of" and head.i == tok.i and is_nominal(tok)
                if child.lower_ not in TARGET_PREPS | PLACE_PREPOSITIONS and not of_noun:
                    continue
                cands = [p for p in child.children if p.dep_ in {"pobj", "pcomp"}]
                if not cands:  # "closing in on" -> prt 'in' then prep 'on'
                    continue
            else:
                cands = [child]
            for cand in list(cands):
                # "fought on the border with Russia": the other side; not "near Tinzaouaten on the border with
                # Algeria", where the border only says where a place lies
                if cand.lemma_.lower() in BORDER_NOUNS and not (cand.head.dep_ == "prep" and cand.head.head.pos_ == "PROPN"):
                    cands += [p for prep in cand.children if prep.dep_ == "prep" and prep.lower_ in {"with", "of"}
                              for p in prep.children if p.dep_ == "pobj"]
            for cand in cands:
                for noun in _object_nouns(cand):
                    actor = story.resolve(noun)
                    if actor is None and child.lower_ in {"against", "over"}:
                        # "rallied against the government's decision": against whoever decided
                        actor = next((a for a in (story.resolve(c) for c in noun.children if c.dep_ == "poss")
                                      if a is not None), None)
                    own_slot = child.dep_ in OBJECT_DEPS | {"dobj"} or child.lower_ == "of"
                    if actor is not None and own_slot and _is_own_forces(actor, rule, source):
                        continue
                    # (one government blaming another of the same country is still aimed at it: "the Kurdistan
                    # Regional Government blamed the federal finance ministry", both IRQGOV)
                    rival = rule.cameo[:2] in {"11", "12"} and source is not None and actor is not None \
                        and noun.pos_ != "PRON" and actor.name.lower() != source.name.lower()
                    if actor is not None and actor != source and (source is None or actor.code != source.code
                                                                  or actor.is_person or rival):
                        entry = story.entry_at(noun)
                        part_of_place = noun.dep_ == "pobj" and noun.head.lower_ == "of" \
                            and noun.head.head.lemma_.lower() in FACILITY_NOUNS and noun.i != cand.i
                        if part_of_place and entry is not None and entry.kind in {"country", "capital"}:
                            place = place or noun  # "marched in the streets of Caracas": where, not the government
                            continue
                        if child.pos_ == "ADP" and entry is None and noun.lemma_.lower() in FACILITY_NOUNS \
                                and actor.sector is None and not actor.org_code and not actor.is_person:
                            place = place or noun  # "took to the streets of Caracas": a place named after its city
                            continue
                        where = child.pos_ == "ADP" and child.lower_ in PLACE_PREPOSITIONS - TARGET_PREPS
                        if where and ((entry is not None and entry.kind in {"country", "capital"})
                                      or (entry is None and noun.lemma_.lower() in FACILITY_NOUNS
                                          and not any(story.agent_sector(c) for c in noun.children
                                                      if c.dep_ in {"compound", "amod"}))):
                            # "clashed in Ukraine", "clashed in Lima's central square": where, not whom
                            # (a "police station" or an "army barracks" stands for its force)
                            place = place or noun
                            continue
                        return actor, place
                    if place is None and child.pos_ == "ADP" and (child.lower_ in PLACE_PREPOSITIONS or of_noun) and _may_be_place(noun):
                        place = noun
                    elif place is None and child.dep_ == "dobj" and _may_be_place(noun):
                        place = noun  # "captured the Syrian town of Afrin", "shelled Kharkiv"
    return None, place


def _clause_subject(tok: Token, story: StoryActors, source: Actor | None) -> Actor | None:
    """'demanded that Israel ease', 'alleged that France was aware', 'wants Putin to attack': the clause's subject."""
    for clause in (c for c in tok.children if c.dep_ in {"ccomp", "xcomp", "acl"}):
        for subj in (c for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
            actor = story.resolve(subj)
            if actor is not None and actor != source:
                return actor
    return None


BORDER_NOUNS = {"border", "frontier", "boundary"}
ADJECTIVE_PARTICIPLES = {"neighbour", "neighbor", "neighbouring", "neighboring", "border", "bordering", "rival", "war"}


TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
              "april", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday"}


def _may_be_place(noun: Token) -> bool:
    """A noun the gazetteer may know: a place noun, a place entity, or a proper name (never a time word)."""
    if noun.ent_type_ in {"DATE", "TIME"} or noun.lower_ in TIME_WORDS:
        return False
    return noun.lemma_.lower() in PLACE_NOUNS or noun.ent_type_ in {"GPE", "LOC", "FAC"} or noun.pos_ == "PROPN"
DEFINITE = {"the", "this", "that", "these", "those"}
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our"}
DURATION_NOUNS = {"hour", "day", "week", "month", "year", "decade", "night", "weekend"}
# "a symbol of Russia's invasion", "the anniversary of the coup": a past event recalled, not reported;
# "attacked the base as part of an offensive": the campaign the act belongs to
PAST_FRAME_NOUNS = {"part", "symbol", "anniversary", "memory", "legacy", "history", "reminder", "commemoration", "memorial", "veteran",
                    "survivor", "lesson", "hallmark", "echo", "scar", "trauma", "remembrance"}


def _own_argument(tok: Token, story: StoryActors) -> bool:
    """Whether a nominal trigger names an actor inside its own phrase ('Russian shelling', 'a visit by X')."""
    for child in tok.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"} and (story.entry_at(child) is not None or child.ent_type_ == "PERSON"):
            return True
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "of", "against", "on", "with", "between"}:
            if any((story.entry_at(p) is not None or story.agent_sector(p)) and p.lower_ not in MEDIUM_NOUNS
                   for p in child.children if p.dep_ == "pobj"):
                return True
    return False


def _is_back_reference(tok: Token, story: StoryActors) -> bool:
    """'the pullback', 'the capture of urban hubs': a definite noun with no actor of its own refers back to
    an event the story already reported (or discusses one in the abstract); it is not a new event."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ANNOUNCING_LEMMAS:
        return False  # "Russia announced the withdrawal": news, not a back-reference
    if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in TAKING_PLACE_LEMMAS and is_reported_happening(tok):
        return False  # "the long-awaited protest was held in Blantyre": the sentence reports it taking place
    # 'the offensive', and 'its offensive': a possessive pronoun is as definite as 'the' (but 'resumed its
    # offensive', 'launched its counter-offensive' report the campaign's action)
    parts = [tok] + ([tok.doc[tok.i - 2]] if hyphenated(tok) is not None else [])
    framing = tok.dep_ == "pobj" and tok.head.lower_ in {"in", "during", "amid"}  # "gains in its counter-offensive"
    has_definite = any((c.dep_ == "det" and c.lower_ in DEFINITE)
                       or (c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS and framing)
                       for part in parts for c in part.children)
    if tok.dep_ in {"pobj", "pcomp"} and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in DURATION_NOUNS:
        return True  # "after months of fighting": background, not an event of the story's day
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PAST_FRAME_NOUNS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in {"to", "of"} and tok.head.head.lemma_.lower() in ENDING_NOUNS:
        return True  # "called for an end to the attacks": the attacks go on; ending them is what is asked
    if tok.dep_ == "pobj" and tok.head.lower_ in {"to", "for"} and tok.head.head.lemma_.lower() in RESPONSE_NOUNS:
        return True  # "struck Houthi targets in response to the group's attacks": the earlier event is the reason
    if tok.lemma_.lower() in RESPONSE_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        return True  # "bombed Gaza in retaliation for ...": the frame of the verb's event, not a second one
    if has_definite and (_dated_itself(tok) or (tok.dep_ == "nsubjpass" and is_reported_happening(tok))):
        return False  # "the arrest of the lawmaker late on Monday had fuelled anger", "the abduction of two drivers
        # was reported by the union": a new event told with its own day, or as reported news
    return has_definite and not _own_argument(tok, story)


def _dated_itself(noun: Token) -> bool:
    """Whether an event noun's own phrase dates it ('the arrest of X at his home late on Monday'), outside any
    clause inside the phrase ('the attack that killed 20 on Monday' dates the clause, parsed either way)."""
    stack = [c for c in noun.children if c.dep_ in {"prep", "npadvmod"}]
    while stack:
        tok = stack.pop()
        if tok.ent_type_ in {"DATE", "TIME"} and not (tok.like_num and len(tok.text) == 4):
            return True  # a day or a time of day, not a bare year ('the attack of 2019' is history)
        stack += [c for c in tok.children if c.pos_ not in {"VERB", "AUX"}]
    return False


# Where something is said, not who is hit: "denounced the attack on social media", "on state television"
MEDIUM_NOUNS = {"media", "television", "tv", "radio", "twitter", "facebook", "telegram", "website", "x", "broadcaster"}
ENDING_NOUNS = {"end", "halt", "stop", "cessation", "suspension"}
# "in response to", "in retaliation for", "in revenge for": the object is an earlier event the action answers
RESPONSE_NOUNS = {"response", "retaliation", "revenge", "reprisal", "reaction", "retribution"}


REQUEST_LEMMAS = {"urge", "ask", "call", "demand", "appeal", "press", "pressure", "want", "encourage", "invite", "request",
                  "implore", "plead", "push", "insist", "wish"}


REQUEST_NOUNS = {"invitation", "ultimatum", "plea", "request", "call", "demand", "appeal"}
# Verbs whose object is the thing asked for, refused or answered: "demanded the withdrawal", "rejected the demand".
ANSWERING_LEMMAS = REQUEST_LEMMAS | {"reject", "refuse", "dismiss", "rebuff", "oppose", "spurn", "ignore", "respond", "accept",
                                    "welcome", "answer", "heed", "defy"}


def is_requested(tok: Token) -> bool:
    """'urged Russia to withdraw', 'demanded that India release': the action is asked for, not reported.
    Also the object of a request or an answer to one ('demanded a truce', 'rejected the ultimatum'): the
    request or the answer is the event."""
    if is_nominal(tok) and tok.dep_ in {"dobj", "pobj"}:
        governor = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ not in {"to", "for", "of"}:
            governor = tok  # "in", "after": a circumstance, not the thing asked for
        if governor.i != tok.i and governor.lemma_.lower() in ANSWERING_LEMMAS:
            return True
    if is_nominal(tok) and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        tok = tok.head  # "an ultimatum to halt attacks": the attacks go with the requested halting
    for _ in range(3):
        if tok.dep_ not in {"xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "prep"} or tok.head.i == tok.i:
            return False
        clause, tok = tok, tok.head
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in REQUEST_NOUNS:
            return True  # "an invitation to attend", "his appeal to lay down their arms"
        if tok.lemma_.lower() in REQUEST_LEMMAS and (tok.pos_ == "NOUN" or clause.dep_ != "advcl" or
                                                     any(c.dep_ == "nsubjpass" for c in tok.children)):
            # Someone else is asked ("urged Russia to withdraw", "demanded that India release"); "Japan wants
            # to help" is an intent of the subject itself (coding/transforms.py).
            addressee = tok.pos_ == "NOUN" or any(c.dep_ in {"dobj", "dative", "nsubjpass"} or
                                                  (c.dep_ == "prep" and c.lower_ in {"on", "upon"}) for c in tok.children)
            own_subject = any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in clause.children)
            return addressee or own_subject or clause.dep_ in {"pobj", "pcomp"}
    return False


def _modal_demand(tok: Token, story: StoryActors) -> tuple[Actor | None, Actor | None]:
    """'Britain said Libya must hand over the suspects': the speaker (source) demands of the clause's subject."""
    clause = tok.head
    if tok.dep_ != "aux" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None, None
    speaker = _subject_of(clause.head, story)
    addressee = next((story.resolve(c) for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
    return speaker, addressee


def extract(sent: Span, story: StoryActors, lex: Lexicon) -> Iterator[Candidate]:
    for tok, rule, form, text in find_triggers(sent, lex):
        if rule.modal:
            source, target = _modal_demand(tok, story)
            if source is not None and target is not None and source != target:
                yield Candidate(rule, form, tok, text, source, target, None)
            continue
        if is_requested(tok):
            continue
        if form == "noun" and _is_back_reference(tok, story):
            continue
        if form == "noun":
            source = noun_source(tok, story, mutual=rule.reciprocal)
        else:
            source = _subject_of(tok, story) or _accused(tok, story)  # "soldiers are accused of killing ..."
        if source is None and rule.object_is_source:
            # "regrouped its troops", and passive: "troops were deployed to the border"
            obj = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            source = story.resolve(obj) if obj is not None else None
        if source is None and rule.cameo.startswith(FORCE_ROOTS):
            source = _fired_from(tok, story) or _weapon_owner(tok, story)
        if source is None and is_petrarch(rule):
            continue  # a PETRARCH pattern codes what a named actor does to another (both checked below)
        if form == "verb" and rule.target_from_place and (
                (_thing_moves(tok, story) and not rule.subject_in) if source is None  # "planes struck": a weapon's rule
                else tok.lemma_.lower() in CROSSING_LEMMAS and bool(_subject_lemmas(tok) & WEAPON_SUBJECTS)):
            # "drones entered its airspace": a weapon crossing is no advance
            continue  # "trucks carrying aid entered Gaza": a vehicle or goods moving is no advance
        sides = _between_parties(tok, story, None) if form == "noun" and rule.reciprocal and source is None else []
        if len(sides) == 1 and _one_kind_of_sides(tok):
            sides = sides * 2  # "fighting between rival gangs", "clashes between two armed factions": both sides
        if len(sides) >= 2:
            source = sides[0]  # "killed in clashes between police and protesters": the clash is theirs
        target, place = _targets(tok, story, source, rule)
        if len(sides) >= 2:
            target = sides[1]
        if form == "verb" and rule.cameo.startswith(FORCE_ROOTS) and target is None:
            # "repelled an assault by the White Army", "thwarted a Russian attack": the attack's own side is the target
            attacker = _object_event_source(tok, story, lex, source)
            target = attacker or target
        if form == "noun" and rule.cameo.startswith(EXPLOSIVE_PREFIX) and _runs_into(tok):
            # "their convoy hit an improvised explosive device", "a soldier stepped on a landmine": who ran into the
            # device is its victim; who laid it is unsaid
            source, target = None, source or target
        if target is None and form != "noun":
            # Passive: "The civilians ... were released by Putin" - the passive subject is the target.
            subj = next((c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
            misparsed = _misparsed_passive_conj(tok.head) if subj is None and tok.dep_ == "conj" else None
            if misparsed is not None and misparsed.i == tok.i:
                subj = next(c for c in tok.head.children if c.dep_ == "nsubj")
            if subj is not None:
                # "two of the country's most prominent activists have been detained": the 'of' phrase names them
                passive_target = _resolve_phrase(subj, story)
                if passive_target is not None and passive_target != source:
                    target = passive_target
                elif passive_target is None and place is None and _may_be_place(subj):
                    place = subj  # "Kharkiv was shelled": the place stands for its country
        if target is None and form == "verb" and rule.cameo.startswith(COMPLEMENT_TARGET_ROOTS):
            # "threatened to oust the prime minister", "vowed to punish the rebels": the target is the object of
            # the announced action when that action is coded by no rule of its own
            for comp in (c for c in tok.children if c.dep_ == "xcomp"):
                obj = next((c for c in comp.children if c.dep_ == "dobj"), None)
                actor = story.resolve(obj) if obj is not None else None
                if actor is not None and actor != source:
                    target = actor
                    break
        if target is None and form == "verb" and tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"} \
                and not any(c.dep_ in {"dobj", "nsubjpass"} for c in tok.children) \
                and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUN_WORDS for c in tok.children):
            # "lawmakers it accused of undermining democracy": the noun the clause describes is its object
            head_actor = story.resolve(tok.head, register=False)
            if head_actor is not None and head_actor != source:
                target = head_actor
        if target is None and rule.clause_target:
            target = _clause_subject(tok, story, source)
            if target is None and rule.transitive:
                continue  # "wants a ceasefire", "alleged corruption": no addressee, nothing to code
        if form == "noun" and target is None and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "by"}:
            # "three civilians were killed in an airstrike": the victims are the strike's target
            victims = next((a for a in list(tok.ancestors)[:4] if a.pos_ == "VERB" and a.lemma_.lower() in CASUALTY_LEMMAS), None)
            if victims is not None:
                for verb in [victims] + [a for a in victims.ancestors if a.pos_ == "VERB"][:1]:
                    subj = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
                    if subj is not None:
                        target = _resolve_phrase(subj, story)
                        break
        if form == "noun" and target is None and tok.head.pos_ == "VERB" and (
                rule.subject_of or (tok.dep_ == "nsubj" and rule.cameo.startswith(FORCE_ROOTS))):
            # "rockets slammed into the town of Kilis", "a roadside bomb hit a military convoy": the verb's
            # arguments are the strike's
            target, place2 = _targets(tok.head, story, source, rule)
            place = place or place2
        if form == "noun" and target is None and tok.dep_ in {"dobj", "attr"} and tok.head.pos_ in {"VERB", "AUX"}:
            # "carried out air strikes on Lebanon": the light verb's prepositions belong to the noun.
            target, place2 = _targets(tok.head, story, source, rule)
            place = place or place2
        if form == "light":
            obj = next((c for c in tok.children if c.dep_ in {"dobj", "attr"}), None)
            if target is None and obj is not None:
                target, place2 = _targets(obj, story, source, rule)
                place = place or place2
        if target is None and rule.cameo.startswith(BETWEEN_PREFIXES):
            parties = _between_parties(tok, story, source)
            if parties:
                # "hosted talks between the army and the RSF", "mediation between Israel and Hamas"
                for party in parties:
                    yield Candidate(rule, form, tok, text, source, party, place)
                continue
        partners = _conjoined_subjects(tok, story, source) if form != "noun" and source is not None else []
        if target is None and partners and rule.reciprocal:
            # "Government forces and rebels clashed", "Sudan and Chad signed a deal": each side acts on the other.
            yield Candidate(rule, form, tok, text, source, partners[0], place)
            for other in partners:
                yield Candidate(rule, form, tok, text, other, source, place)
            continue
        if is_petrarch(rule) and (target is None or _own_side(source, target)):
            # PETRARCH codes dyads: a pattern needs both actors in the sentence's own arguments ("repeated
            # Kyiv's call": the object's possessor is the subject itself, no target)
            continue
        yield Candidate(rule, form, tok, text, source, target, place)
        # "Russia and Belarus held drills": one row per conjoined source actor, same action and target.
        for other in partners:
            if other != target:
                yield Candidate(rule, form, tok, text, other, target, place)


RIVALRY_WORDS = {"rival", "opposing", "competing", "warring", "feuding", "two"}


def _one_kind_of_sides(tok: Token) -> bool:
    """'between rival gangs', 'between two armed factions': a plural party with a word saying it is both sides."""
    holders = [tok] + [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            if pobj.tag_ in {"NNS", "NNPS"} and not pobj.conjuncts and any(
                    c.lower_ in RIVALRY_WORDS for c in pobj.children if c.dep_ in {"amod", "nummod"}):
                return True
    return False


def _between_parties(tok: Token, story: StoryActors, source: Actor | None) -> list[Actor]:
    """The actors of a 'between A and B' phrase on the trigger or its object: the parties a host,
    mediator or meeting brings together."""
    holders = [tok] + [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    out: list[Actor] = []
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            for party in [pobj, *pobj.conjuncts]:
                actor = story.resolve(party)
                if actor is not None and actor != source and actor not in out:
                    out.append(actor)
    return out


def _own_side(source: Actor | None, target: Actor | None) -> bool:
    """The target is the source's own country, with no sector, organisation or person of its own."""
    return (source is not None and target is not None and target.country == source.country and not target.is_person
            and not target.org_code and target.sector in {None, source.sector})


def _weapon_owner(tok: Token, story: StoryActors) -> Actor | None:
    """'Air force planes struck', 'army helicopters fired on': a weapon as the subject, its owner named in a modifier."""
    for subj in (c for c in tok.children if c.dep_ in SUBJECT_DEPS):
        if subj.lemma_.lower() not in WEAPON_SUBJECTS:
            continue
        mods = [c for c in subj.children if c.dep_ in {"compound", "amod"} and c.i < subj.i]
        for mod in reversed(mods):  # the nearest first: 'force' of 'air force'
            sector = story.agent_sector(mod)
            if sector is not None:
                first = subj.doc[subj.left_edge.i]
                return Actor(subj.doc[first.i:subj.i + 1].text, None, sector, first.idx, subj.idx + len(subj.text))
    return None


def _fired_from(tok: Token, story: StoryActors) -> Actor | None:
    """'a mortar bomb was fired at Israel from the Gaza Strip', 'rockets launched from Lebanon': with no
    named shooter, the territory fired from stands for its side."""
    holders = [tok] + [c for c in tok.children if c.dep_ == "acl"]  # "rockets fired from Iran"
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            entry = story.entry_at(pobj)
            if entry is not None and entry.country and entry.kind in {"country", "capital"}:
                return story.resolve(pobj)
    return None


def _conjoined_subjects(verb: Token, story: StoryActors, first: Actor) -> list[Actor]:
    """The other actors of a coordinated subject ('Russia and Belarus', 'Obama and Putin')."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
        if subject is not None:
            out = []
            for conj in subject.conjuncts:
                actor = story.resolve(conj)
                if actor is not None and actor.code != first.code and actor not in out:
                    out.append(actor)
            # "Indian and Pakistani troops clashed": one noun, the countries of its conjoined adjectives
            for adj in (c for c in subject.children if c.dep_ in {"amod", "compound"}):
                for conj in adj.conjuncts:
                    entry = story.entry_at(conj)
                    if entry is not None and entry.kind in {"adjective", "country"} and entry.country \
                            and entry.country != first.country and all(a.country != entry.country for a in out):
                        out.append(replace(first, name=f"{conj.text} {subject.text}", country=entry.country))
            if not out and not subject.conjuncts:
                # "Fighters from the Fano militia and federal troops clashed": the parser joins the second side to
                # the first one's 'from' phrase; an agent of another sector there is the other side
                for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
                    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                        for conj in pobj.conjuncts:
                            actor = story.resolve(conj)
                            if actor is not None and actor.sector and actor.sector != first.sector \
                                    and actor.code != first.code and not any(c.dep_ == "det" for c in conj.children):
                                out.append(actor)
            return out
        if verb.dep_ not in {"xcomp", "conj", "advcl"} or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []
