"""The library entry point: Documents in, event rows (dicts keyed by the contract's columns) out.

    from coding.coder import code_documents
    rows = list(code_documents(documents))

Parsing is streamed through ``nlp.pipe`` in batches; the model and lexicons load once per
process. Nothing here imports Prefect or Great Expectations.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from collections import Counter
from typing import Any, Callable, Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from coding import timing
from coding.acled import acled_view
from coding.actors import (FORCE_SECTORS, GROUP_NOUNS, NON_STATE_ARMED, STATE_COERCERS, STATELESS_SECTORS, Actor, StoryActors,
                           is_location_mention, placed_in)
from coding.ahead import parse_stream
from coding.dates import event_date, full_date
from coding.document import Document
from coding.events import AIM_LEMMAS, CASUALTY_LEMMAS, FORCE_ROOTS, Candidate, coerces, extract, is_reported_happening, match_noun, noun_source, protest_aim_tokens
from coding.fatalities import adds_to_toll, deaths_in_sentence, is_toll_update, share, split_among, victim_nouns, victim_phrases
from coding.fingerprint import coder_build
from coding.geo import locate
from coding.geo.locate import choose, story_state
from coding.geo.mentions import is_destination
from coding.lexicon import EventRule, Lexicon, default_lexicon
from coding.modality import modality_of, speaker_of
from coding.nlp import DEFAULT_BATCH_SIZE, load_nlp, phrase_text
from coding.periods import is_period_total
from coding.tables import cameo_table, plover_for
from coding.transforms import agreed_to, statement_code
from coding.vocabulary import ACT_NOUNS, FACILITY_NOUNS, INHABITED_PLACES, MILITARY_OBJECTS, PERSON_NOUNS, PROTEST_PARTICIPANTS, WATER_NOUNS

MILITARY_PREFIXES = ("087", "15", "17", "18", "19", "20")
COOPERATIVE_PREFIXES = ("02", "03", "04", "05", "06", "07")
CONTEXT_SENTENCES = 2
VENUE_ROOTS = {"04"}  # consultations: meetings, visits and talks take place at a venue, often abroad
DESTROY_CODE = "1712"
DOMESTIC_MEASURES = ("172",)  # curfews, states of emergency, bans: imposed by a state on its own people
# PLOVER codes cooperative actions reported in the future tense as AGREE (an intention). Announced
# retreats and concessions ("will release the hostages", "will evacuate the settlements", "will allow
# refugees to return") are AGREE too, as the PLOVER gold standard records code them and as CAMEO's
# 03 intent codes map; the PLOVER notes would make a future retreat a CONCEDE.
PLOVER_FUTURE_AS_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
# Military actions whose report by the acting side itself is a claim ("Ukraine said its troops recaptured ...").
CLAIMABLE_PREFIXES = ("18", "19", "20")
PARTY_SECTORS = {None, "GOV", "MIL", "REB", "SPY", "COP"}
PLOVER_COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
# Speculation ("observers expect", "could", "if") and what did not happen ("denied shelling", "failed to
# disarm") are no reported events; announced plans (future) and claims are kept with their modality.
# code_documents(keep_speculative=True) keeps them all.
SPECULATIVE = "hypothetical"
NOT_HAPPENED = {SPECULATIVE, "negated"}


def code_documents(documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE,
                   lexicon: Lexicon | None = None, keep_speculative: bool = False,
                   parse_ahead: bool | str | None = None) -> Iterator[dict[str, Any]]:
    """Stream event rows for a stream of documents (speculative rows only with ``keep_speculative``).

    ``parse_ahead``: parse on another core while coding, in a child process or a thread
    (None: when a core is free; see ``coding.ahead.parse_ahead_mode``).
    """
    lex = lexicon or default_lexicon()
    nlp = load_nlp()
    pairs = ((d.text, d) for d in documents)
    parsed = parse_stream(nlp, pairs, batch_size, parse_ahead)
    if not timing.ENABLED:
        for doc, document in parsed:
            yield from code_parsed(doc, document, lex, keep_speculative)
        return
    for doc, document in timing.timed_iter(parsed, "parse"):  # the benchmark's time-by-stage
        with timing.stage("code"):
            rows = list(code_parsed(doc, document, lex, keep_speculative))
        yield from rows


def code_text(text: str, doc_id: str = "text", keep_speculative: bool = False, **fields: Any) -> list[dict[str, Any]]:
    """Convenience for one string (tests, `eventcoder explain`)."""
    return list(code_documents([Document(doc_id=doc_id, text=text, **fields)], keep_speculative=keep_speculative))


def content_sentences(doc: Doc) -> list[Span]:
    """Sentences with text in them (blanked headers and crossheads are whitespace-only)."""
    return [s for s in doc.sents if s.text.strip()]


def code_parsed(doc: Doc, document: Document, lex: Lexicon, keep_speculative: bool = False) -> Iterator[dict[str, Any]]:
    story = StoryActors.build(doc, lex, doc_date=document.doc_date)
    sentences = content_sentences(doc)
    context = StoryContext(story, sentences)
    reported: set[tuple[str, str]] = set()  # (CAMEO root, source code) of events reported in earlier sentences
    story_rows: list[dict[str, Any]] = []  # held until the story ends: a later sentence may add to a row's toll
    last_attack: tuple[int, dict[str, Any]] | None = None  # (sentence index, row) of the latest asserted violence
    counted: dict[int, set[str]] = {}  # id of a row -> the victims' nouns of the counts in its toll
    for index, sent in enumerate(sentences):
        best: dict[tuple, dict[str, Any]] = {}
        causes: list[tuple[int, int]] = []  # spans (in the sentence's text) of clauses giving a cause, not a toll
        cands = list(extract(sent, story, lex))
        framed = framed_killings(cands)
        for cand in cands:
            if cand.trigger.i in framed:
                continue  # "air strikes killed 14 people", "killed 46 inmates in a riot": the noun's event
            row = build_row(cand, sent, index, document, context)
            if row is None or (row["modality"] in NOT_HAPPENED and not keep_speculative):
                continue
            if _refers_back(cand, row, reported):
                continue  # "Baerbock's visit follows ...": the story's earlier report of the same visit
            if _bare_casualty(row) and is_period_total(cand.trigger):
                continue  # "300 soldiers have been killed since January": a running total, no event of its own
            if cand.form == "noun" and not row["actor1_code"] and (toll := toll_verb(cand.trigger)) is not None \
                    and is_period_total(toll):
                continue  # "fighting has killed more than 6,000 people since 2017": nobody's event, the conflict's total
            if row["actor1_code"] is None and row["cameo_code"].startswith(VIOLENT_PREFIXES) and is_cause_clause(cand.trigger):
                # "protested after a shopkeeper was murdered": the protest's cause, no killer, no day; its dead are no toll
                clause = cand.trigger
                causes.append((clause.left_edge.idx - sent.start_char,
                               clause.right_edge.idx + len(clause.right_edge.text) - sent.start_char))
                continue
            key = (row["cameo_root"], row["actor1_country"], row["actor2_country"], row["modality"])
            if key not in best or row["confidence"] > best[key]["confidence"]:
                best[key] = row
        rows = drop_untargeted_twins(sorted(best.values(), key=lambda r: (r["evidence_start"], r["cameo_code"])))
        rows = drop_own_toll(rows)
        deaths = lambda: _outside(context.of_sentence(index, "deaths", lambda: deaths_in_sentence(sent)), causes)  # noqa: E731
        if last_attack is not None and index - last_attack[0] <= TOLL_SENTENCES:
            own_place = bool(story_state(context, document.dateline_place).places.by_sentence[index])
            rows = fold_toll(rows, deaths, last_attack[1], updated=is_toll_update(sent.text), text=sent.text,
                             counted=counted.setdefault(id(last_attack[1]), set()), own_place=own_place)
        attached = attach_fatalities(rows, sent.start_char, deaths)
        if attached is not None:  # the nouns each row's toll counted, for tolls of other sides in later sentences
            found = deaths()
            counted.setdefault(id(attached), set()).update(victim_nouns(sent.text[found[1]:found[2]]) if found else {""})
        reported.update((r["cameo_root"], r["actor1_code"]) for r in rows if r["actor1_code"] and r["modality"] == "asserted")
        attacks = [r for r in rows if r["modality"] == "asserted" and r["cameo_code"].startswith(VIOLENT_PREFIXES)]
        if attacks:
            last_attack = (index, attacks[-1])
        story_rows += rows
    events = split_among(doc.text)
    if events:  # "fatalities split among 3 events": each event has its share of the reported toll
        for r in story_rows:
            if r["fatalities"]:
                r["fatalities"] = share(r["fatalities"], events)
    yield from story_rows


REPRESSION_CODE = "175"
OCCUPATION_CODE = "192"
OCCUPATION_CODES = {OCCUPATION_CODE}
SIT_IN_CODE = "141"
CIVIC_SECTORS = {"CVL", "OPP", "LAB", "EDU", "AGR", "REL", "NGO", "MED", "HLH", "BUS"}  # people who occupy in protest
TAKING_VERBS = {"capture"}  # taking a place, or people
ARREST_CODE, ABDUCTION_CODE = "173", "181"
FORCE_ON_CROWDS = {"180", "182", "190", "193"}  # shooting, beating, firing on: what state forces do to a crowd


RIOT_CODE = "145"
SEIZURE_CODE = "171"


def _names_protesters(actor: Actor) -> bool:
    """Whether an actor's words name a protest's people ('protesters', 'a crowd of demonstrators')."""
    return any(word.rstrip("s") in PROTEST_PARTICIPANTS or word in PROTEST_PARTICIPANTS for word in actor.name.lower().split())


def _protesters(actor: Actor | None) -> bool:
    """An actor named as a protest's people, not an organisation or a force."""
    return actor is not None and not actor.org_code and actor.sector in {None, "OPP", "CVL"} and _names_protesters(actor)


def _seized_place(trigger: Token, story: StoryActors) -> bool:
    """'seized most of Aleppo', 'seized the town': the object is a place, not property."""
    def place(tok: Token) -> bool:
        entry = story.entry_at(tok)
        return (is_location_mention(tok) or tok.ent_type_ in {"GPE", "LOC"} or tok.lemma_.lower() in SETTLEMENT_NOUNS
                or (entry is not None and entry.kind in {"place", "capital", "country"}))

    for obj in (c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}):  # also "the town was seized by ..."
        heads = [obj] + [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if any(place(h) for h in heads):
            return True
    return False


SETTLEMENT_NOUNS = {"town", "city", "village", "district", "province", "region", "territory", "area", "airport", "base", "hill",
                    "capital"}


EXPEL_CODE = "1663"  # the lexicon's reduce.expel
LEAVING_LEMMAS = {"leave", "quit", "depart", "exit"}


def ordered_out(trigger: Token) -> bool:
    """'ordered the diplomats to leave the country', 'told the envoy to leave within 72 hours'."""
    return any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in LEAVING_LEMMAS for c in trigger.children) \
        and any(c.dep_ == "dobj" for c in trigger.children)


SHOW_OF_FORCE_CODE = "150"


def fired_into_water(trigger: Token) -> bool:
    """Weapons fired 'into the sea', 'into waters off the coast', 'over the ocean': their only destination is water."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"into", "over", "toward", "towards", "in"}):
            if any(g.dep_ == "pobj" and g.lower_ in WATER_NOUNS for g in prep.children):
                return True
    return False


def fire_on_crowd(code: str, source: Actor | None, target: Actor | None, protesting: bool = False) -> bool:
    """'Security forces opened fire on demonstrators', 'soldiers shot at protesters', 'police fired at students
    protesting against quotas': state forces using force on a crowd of protesters is violent repression
    (CAMEO 175; ACLED's excessive force against protesters), not a battle."""
    if code not in FORCE_ON_CROWDS or source is None or target is None or source.sector not in STATE_COERCERS:
        return False
    return protesting or _names_protesters(target)


def protesting_object(trigger: Token, lex: Lexicon) -> bool:
    """Whether the people the trigger acts on are described by a protest participle ('at students protesting
    against job quotas', 'on men demonstrating outside the barracks')."""
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        for part in (c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG"):
            rules = lex.verb_index.get(part.lemma_.lower(), [])
            if any(rule.cameo.startswith("14") for _extra, rule in rules):
                return True
    return False


PERSONAL_PRONOUNS = {"he", "she", "him", "her", "they", "them"}
SEIZING_VERBS = {"seize", "grab", "snatch"}


def _seized_people(trigger: Token, story: StoryActors) -> Token | None:
    """What a seizing verb takes when it is people ('seized two aid workers', 'they were seized from their homes'),
    not property ('seized weapons', 'seized a truck') nor a building an agent noun names ('looted the palace')."""
    if trigger.lemma_.lower() not in SEIZING_VERBS:
        return None
    for arg in (c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}):
        if arg.lower_ in PERSONAL_PRONOUNS or arg.ent_type_ == "PERSON" or arg.lemma_.lower() in PERSON_NOUNS:
            return arg
        if arg.lemma_.lower() not in GROUP_NOUNS | FACILITY_NOUNS and story.agent_sector(arg) is not None:
            return arg
    return None


def _taken_people(trigger: Token, story: StoryActors) -> Token | None:
    """The verb's direct object when it is people ('captured a cartel leader', 'captured two soldiers'), not
    a place, a position or a unit ('captured the town', 'captured rebel positions')."""
    if trigger.lemma_.lower() not in TAKING_VERBS:
        return None  # "drove the militants out of the area" is about the area
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() in GROUP_NOUNS or is_location_mention(obj):
        return None
    return obj if obj.ent_type_ == "PERSON" or story.agent_sector(obj) is not None else None


def killing_outcome(verb: Token) -> Token | None:
    """The participle that gives a violent verb's toll ('shelled the town, killing two'): its victims were the target."""
    return next((c for c in verb.children if c.dep_ in {"advcl", "xcomp", "conj"} and c.tag_ == "VBG"
                 and c.lemma_.lower() in CASUALTY_LEMMAS), None)


def toll_verb(noun: Token) -> Token | None:
    """The killing verb an attack noun is the frame of ('killed 12 soldiers in an ambush') or the
    subject of ('air strikes killed 14 people')."""
    misparsed = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in CASUALTY_LEMMAS
                      and any(g.dep_ == "dobj" for g in c.children)), None)
    if misparsed is not None:
        return misparsed  # "Israeli air strikes killed 14 people, officials said" parsed as a reduced relative
    if noun.dep_ == "nsubj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during"}:
        verb = noun.head.head
    else:
        return None
    return verb if verb.lemma_.lower() in CASUALTY_LEMMAS else None


ENEMY_SECTORS = {"REB", "INS", "UAF", "SEP"}  # whom a state's forces fight
STATE_SPEAKERS = {"GOV", "MIL", "COP", "SPY"}
SIDE_NOUNS = {"country", "side", "neighbour", "neighbor", "nation", "party", "government", "army", "rival", "foe", "enemy"}


def _inhabited_object(trigger: Token) -> Token | None:
    """The place where people live or gather that an attack is on: its object ('attacked a market'), or the noun
    of its 'on' phrase ('an attack on a village'), also where the parser hangs that phrase on the verb whose
    object the attack is ('carried out air strikes on a village', 'launched strikes on villages')."""
    heads = [trigger]
    if trigger.dep_ == "dobj" and trigger.pos_ in {"NOUN", "PROPN"}:
        heads.append(trigger.head)
    else:
        heads += [c for c in trigger.children if c.dep_ == "dobj"]
    for child in (c for h in heads for c in h.children):
        if child.dep_ == "dobj":
            nouns = [child]
        elif child.dep_ == "prep" and child.lower_ == "on":
            nouns = [g for g in child.children if g.dep_ == "pobj"]
        else:
            continue
        found = next((noun for noun in nouns if noun.lemma_.lower() in INHABITED_PLACES), None)
        if found is not None:
            return found
    return None


def acts_on_told_violence(trigger: Token, lex: Lexicon) -> bool:
    """The trigger acts on a violent event the story told already ('repelled the assault', 'thwarted the attack'):
    a definite violent event noun as its object."""
    for obj in (c for c in trigger.children if c.dep_ == "dobj"):
        hit = match_noun(obj, lex)
        if hit is not None and hit[0].cameo.startswith(VIOLENT_PREFIXES) and any(
                c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in obj.children):
            return True
    return False


def _names_both_sides(noun: Token, determiners: frozenset[str] = frozenset({"both"})) -> bool:
    """'both', 'both sides', 'the two countries' (with ``determiners`` such as 'all': 'all parties')."""
    if noun.lower_ == "both" and not any(c.dep_ == "prep" for c in noun.children):
        return True
    return noun.lemma_.lower() in SIDE_NOUNS and noun.tag_ == "NNS" and any(
        (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in {"det", "predet"} and c.lower_ in determiners)
        for c in noun.children)


def addresses_both_sides(trigger: Token) -> bool:
    """The event's object is 'both sides', 'the two sides', 'all parties' ('urged both sides to cease hostilities')."""
    for obj in (c for c in trigger.children if c.dep_ in {"dobj", "pobj", "dative", "prep"}):
        noun = next((g for g in obj.children if g.dep_ == "pobj"), None) if obj.dep_ == "prep" else obj
        if noun is not None and _names_both_sides(noun, frozenset({"both", "all"})):
            return True
    return False


def both_sides(trigger: Token) -> bool:
    """The event's subject is 'the two countries', 'both sides', 'the two armies': the story's two sides. For a
    noun, the subject of the verb it is the object of ('the two countries agreed a ceasefire')."""
    verb = trigger.head if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ == "dobj" else trigger
    return any(_names_both_sides(subj) for subj in verb.children if subj.dep_ == "nsubj")


ASSAULT_CODE, CONVENTIONAL_CODE = "180", "190"
ASSAULT_ROOT = "18"
CONDUCTING_LEMMAS = {"conduct", "carry", "launch", "stage", "mount", "claim"}
MILITARY_SITES = {"base", "barracks", "garrison", "outpost", "checkpoint", "post", "camp", "airbase"}


def _at_military_site(trigger: Token) -> bool:
    """The event happened at a military site with no owner named ('at the gate of a military base', 'at an army
    checkpoint'): a site of the armed forces of the country where it is."""
    verb = trigger.head if trigger.dep_ in {"nsubj", "nsubjpass"} else trigger
    for prep in (c for c in [*trigger.children, *verb.children] if c.dep_ == "prep" and c.lower_ in {"at", "outside", "near"}):
        for noun in (t for t in prep.subtree if t.pos_ == "NOUN"):
            if noun.lemma_.lower() in MILITARY_SITES and any(c.lower_ in {"military", "army"} for c in noun.children):
                return True
    return False


def said_by_whom(tok: Token, ctx: StoryContext, also: Token | None = None) -> Actor | None:
    """The actor of the reporting verb whose complement holds ``tok`` ('X said Y did Z' -> X), or None; when
    ``tok`` is in no reported clause, that of ``also``."""
    speaker = speaker_of(tok) or (speaker_of(also) if also is not None else None)
    return ctx.story.resolve(speaker, register=False) if speaker is not None else None


def told_attack_as_subject(verb: Token, lex: Lexicon) -> bool:
    """The verb's subject is a definite attack noun ('the strikes', 'the attack', 'these raids'): an attack the
    story has told already, now with its toll."""
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        # any violent sense of the noun: 'the strikes' that killed are air strikes, not labour strikes
        senses = lex.noun_index.get(subj.lemma_.lower(), ())
        if any(rule.cameo.startswith(VIOLENT_PREFIXES) for _words, rule in senses) \
                and any(c.dep_ == "det" and c.lower_ in {"the", "these", "this", "those"} for c in subj.children):
            return True
    return False


KILLING_RULES = {"assault.kill_generic"}  # a killing told by its verb alone: no weapon, no kind of attack


def framed_killings(cands: list[Candidate]) -> set[int]:
    """Token indices of killing verbs whose subject or frame is a violent event noun of the same sentence
    ('air strikes killed 14 people', 'gang members killed 46 inmates in a riot'): one event, told by the
    noun, which names what kind it was; the noun's row takes the verb's killers and victims (``toll_verb``)."""
    nouns = {c.trigger.i for c in cands if c.form == "noun" and c.rule.cameo.startswith(VIOLENT_PREFIXES)}
    if not nouns:
        return set()
    return {c.trigger.i for c in cands if c.form == "verb" and c.rule.id in KILLING_RULES
            and any((verb := toll_verb(c.trigger.doc[i])) is not None and verb.i == c.trigger.i for i in nouns)}


PROTEST_ROOT = "14"


PROTESTER_SECTOR = "OPP"  # the agents lexicon's sector for protesters and demonstrators
CROWD_COUNTS = {"thousand", "hundred", "dozen", "score", "million", "crowd", "throng"}


def counted_crowd(verb: Token) -> bool:
    """The verb's subject is a count of people with no noun ('thousands took to the streets', 'about 500 marched')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        return False  # "thousands of farmers": the farmers are named
    return subject.lemma_.lower() in CROWD_COUNTS or subject.like_num


def protest_people(noun: Token, story: StoryActors) -> Actor | None:
    """Who a protest noun's protesters are: 'a rally of opposition supporters', 'a march by teachers'."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "by"}):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            actor = story.resolve(obj, register=False)
            if actor is not None and (actor.sector or actor.org_code):
                return actor
    return None


COMMEMORATING_LEMMAS = frozenset({"mark", "honour", "honor", "commemorate", "support", "show", "express", "defend"})


def commemorates(trigger: Token) -> bool:
    """'marched to mark the anniversary', 'rallied in support of the president': no demand of the state."""
    return any(c.dep_ in {"xcomp", "advcl", "acl"} and c.lemma_.lower() in COMMEMORATING_LEMMAS for c in trigger.children) \
        or any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in {"support", "solidarity", "memory", "honour",
                                                                                     "honor"} for g in c.children)
               for c in trigger.children)


def repressed_during(noun: Token) -> bool:
    """'arrested 95 people during protests', 'fired tear gas at a rally': the protest is the object of repression."""
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ not in {"during", "amid", "at"}:
        return False
    return head.head.pos_ == "VERB" and coerces(head.head)


def protest_aim(trigger: Token, story: StoryActors, source: Actor | None) -> Actor | None:
    """Whom a protest's own clause is aimed at: 'protests demanding that President X step down', 'rallies
    denouncing the junta', 'marched to demand better protection from the army'."""
    clauses = [c for c in trigger.children if c.dep_ in {"acl", "xcomp", "advcl"}]
    if trigger.dep_ in {"dobj", "pobj"}:  # "joined rallies in Bamako on Friday denouncing the junta": on the verb
        verb = trigger.head if trigger.dep_ == "dobj" else trigger.head.head
        clauses += [c for c in verb.children if c.dep_ == "advcl" and c.i > trigger.i]
    for verb in (c for c in clauses if c.lemma_.lower() in AIM_LEMMAS - COMMEMORATING_LEMMAS):
        args = [g for g in verb.children if g.dep_ in {"dobj", "dative"}]
        # "demanded better protection from the army": the phrase may hang on the verb or on its object
        args += [p for h in [verb, *args] for g in h.children if g.dep_ == "prep" and g.lower_ in {"on", "against", "from"}
                 for p in g.children if p.dep_ == "pobj"]
        args += [p for g in verb.children if g.dep_ in {"ccomp", "xcomp"}
                 for p in g.children if p.dep_ in {"nsubj", "nsubjpass"}]
        for arg in args:
            actor = story.resolve(arg, register=False)
            if actor is not None and actor != source:
                return actor
    return None


PROTEST_SITES = {"blockade", "barricade", "roadblock", "camp", "encampment", "sit-in"}  # "cleared a blockade": its protesters


def repressed_protest(trigger: Token, lex: Lexicon) -> Token | None:
    """The protest a repressive act is done to: its object ('dispersed the rally'), or the object of its
    purpose ('used tear gas to disperse a demonstration')."""
    verbs = [trigger] + [c for c in trigger.children if c.dep_ in {"xcomp", "advcl"}]
    for verb in verbs:
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            rules = lex.noun_index.get(obj.lemma_.lower(), ())
            if any(rule.cameo.startswith(PROTEST_ROOT) for _words, rule in rules) or obj.lemma_.lower() in PROTEST_SITES:
                return obj
    return None


def armed_not_media(actor: Actor | None, where: str | None) -> Actor | None:
    """A news agency does not fight: a media acronym as a party to force is the acronym of the armed
    forces of the country where it happens ('NPA militants clashed with the AFP' in the Philippines:
    the Armed Forces of the Philippines, not Agence France-Presse)."""
    if actor is None or actor.sector != "MED" or not actor.org_code:
        return actor
    return replace(actor, country=where, sector="MIL", org_code=None)


def drop_untargeted_twins(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """'Police fired tear gas to disperse the protesters': two triggers of one action by one actor, one
    with a target and one without. The sentence reports one event: the row that says whom it hit."""
    targeted = {(r["cameo_code"][:3], r["actor1_code"], r["modality"]) for r in rows if r["actor2_code"]}
    return [r for r in rows if r["actor2_code"] or not r["actor1_code"]
            or (r["cameo_code"][:3], r["actor1_code"], r["modality"]) not in targeted]


def drop_own_toll(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """'Two people were killed when police opened fire on protesters': a killing with no killer beside a violent
    act of a named actor in the same sentence is that act's toll (``attach_fatalities`` gives it the count),
    not an event of its own."""
    acts = [r for r in rows if r["cameo_code"].startswith(VIOLENT_PREFIXES + (REPRESSION_CODE,)) and not _bare_casualty(r)
            and r["actor1_code"] and r["modality"] == "asserted"]
    return [r for r in rows if not (acts and _bare_casualty(r))]


TOLL_SENTENCES = 3  # a toll reported up to three sentences after its attack (a short event note), with no other attack between


def _bare_casualty(row: dict[str, Any]) -> bool:
    """A killing with no named killer: the wording of a toll ("nine people were killed", "the man was
    beaten to death")."""
    return row["rule_id"].startswith(TOLL_RULES) and row["actor1_code"] is None


TOLL_RULES = ("assault.kill_generic:", "assault.beat:")


def fold_toll(rows: list[dict[str, Any]], deaths: Callable[[], tuple[int, int, int] | None],
              attack: dict[str, Any], updated: bool = False, text: str = "",
              counted: set[str] | None = None, own_place: bool = True) -> list[dict[str, Any]]:
    """'The RSF shelled a market. At least 15 civilians were killed.': when a sentence reports deaths and
    no attack of its own, the deaths are the toll of the story's latest attack, not a new event, unless
    they happened at another place or on another day ("four more were killed in Kharkiv on Monday")."""
    if any(r["cameo_code"].startswith(VIOLENT_PREFIXES) and not _bare_casualty(r) for r in rows):
        return rows
    for r in filter(_bare_casualty, rows):
        # a town or region of its own (a country-level fallback names no place, nor does a place the row took from
        # the story or the dateline: "One soldier was killed and two were wounded, the army said")
        elsewhere = own_place and r["geo_precision"] is not None and r["geonames_id"] != attack["geonames_id"]
        dated = r["event_date"] is not None and r["event_date"] != r["doc_date"]  # the document's date is the default
        another_day = dated and attack["event_date"] is not None and r["event_date"] != attack["event_date"]
        if elsewhere or another_day:
            return rows
    found = deaths()
    if found is None:
        return rows
    counted = set() if counted is None else counted
    if attack["fatalities"] is None or updated:
        attack["fatalities"] = found[0]  # a later toll ("the death toll later rose to 6") replaces the first
        counted.clear()
        counted.update(victim_nouns(text[found[1]:found[2]]))
    elif adds_to_toll(text, found, counted):
        attack["fatalities"] += found[0]  # "5 soldiers were killed. 12 militants were also killed.": every side's dead
        counted.update(victim_nouns(text[found[1]:found[2]]))
    return [r for r in rows if not _bare_casualty(r)]


BACKGROUND_PENALTY = 0.1
BACKGROUND_PREPS = {"after", "since", "following", "before", "amid", "despite"}
MAIN_CLAUSE_BONUS = 0.05


def is_main_assertion(trigger: Token) -> bool:
    """The sentence's main verb (or one conjoined with it): what the sentence is chiefly reporting."""
    tok = trigger
    if tok.dep_ == "conj" and tok.head.dep_ == "ROOT":
        tok = tok.head
    return tok.dep_ == "ROOT" and tok.pos_ in {"VERB", "AUX"}


def is_circumstance(trigger: Token) -> bool:
    """'took control of the town in fierce clashes', 'were arrested during the protest': a nominal event
    framing a verb's event; the verb's event is the sentence's report."""
    return (trigger.dep_ == "pobj" and trigger.head.lower_ in {"in", "during", "amid"}
            and trigger.head.head.pos_ == "VERB" and trigger.head.head.dep_ in {"ROOT", "conj"}
            and trigger.head.head.lemma_.lower() not in CASUALTY_LEMMAS)  # "killed in an airstrike": the strike is it


def _outside(found: tuple[int, int, int] | None, spans: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """A sentence's death count unless it lies inside one of ``spans`` (a cause clause's dead are no toll)."""
    if found is None or any(start <= found[1] < end for start, end in spans):
        return None
    return found


CAUSE_MARKS = {"after", "since", "because"}


def is_cause_clause(trigger: Token) -> bool:
    """'residents protested after a shopkeeper was murdered', 'traders struck because a colleague was killed':
    a clause giving the reported event's cause (a subordinate clause with 'after', 'since' or 'because'),
    not an event the sentence reports."""
    return trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in trigger.children)


def is_background(trigger: Token) -> bool:
    """An event the sentence mentions as background rather than reports: inside a relative clause
    ('a town that was the scene of a 2017 attack') or a prepositional time frame ('after days of
    fighting'). Such rows stay, with less confidence."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in BACKGROUND_PREPS:
        return True
    return any(t.dep_ == "relcl" for t in [trigger, *trigger.ancestors][:8])


VIOLENT_PREFIXES = ("145", "18", "19", "20")
ACLED_CUE_BONUS = 0.1
# ACLED codes violence and demonstrations whose actors go unnamed ("Unidentified Armed Group", "Protesters (X)").
UNNAMED_ACTOR_PREFIXES = VIOLENT_PREFIXES + ("14",)
COMBATANT_SECTORS = {"MIL", "COP", "SPY", "REB", "SEP", "INS", "UAF", "CRM"}  # the dead of these sectors are no civilians
ARMED_SECTORS = COMBATANT_SECTORS - {"CRM"}  # the forces that make a country a side in the story's conflict
CASUALTY_WORDS = {"dead", "kill", "killed", "injure", "injured", "wound", "wounded", "die", "died", "death", "casualty"}


NON_POLITICAL_CAUSES = ("natural", "accident", "illness")
NO_CAUSE_WORDS: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())


def not_a_political_cause(sent: Span, lex: Lexicon) -> bool:
    """The sentence names a natural, accidental or medical cause (coding/lexicons/causes.yaml) and no attack.

    Sense before lexicon: a natural or accident word counts as a noun or adjective only ("a storm",
    not "tried to storm parliament"), a verb only when the entry lists it ("the plane crashed")."""
    if not lex.causes:
        return False
    words = [t for t in sent if t.pos_ != "PROPN"]  # "North Korea's Storm Corps" names no storm
    any_sense = phrase_text(words)
    not_verbs = phrase_text(t for t in words if t.pos_ not in {"VERB", "AUX"})
    verb_lemmas = {t.lemma_.lower() for t in words if t.pos_ == "VERB"}

    def found(kind: str, text: str) -> bool:
        # one-word entries by set membership (the text's words), phrases of several words as substrings
        single, multi = lex.cause_split.get(kind, NO_CAUSE_WORDS)
        return (not single.isdisjoint(text.split()) or any(f" {w} " in text for w in multi)
                or bool(verb_lemmas & lex.cause_verbs.get(kind, frozenset())))

    if not any(found(kind, not_verbs) for kind in NON_POLITICAL_CAUSES):
        return False
    for kind in NON_POLITICAL_CAUSES:  # "a heart attack", "a gas explosion": the phrase is not an attack word
        for phrase in lex.cause_split.get(kind, NO_CAUSE_WORDS)[1]:
            any_sense = any_sense.replace(f" {phrase} ", " ")
    return not found("attack", any_sense)


def _victims(sent: Span) -> list[Token]:
    """Who the sentence says was killed or hurt: objects of 'killing', subjects of 'were killed', with
    the 'of' phrase of a number ('12 of the passengers')."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in CASUALTY_LEMMAS:
            continue
        for child in victim_phrases(tok):
            out.append(child)
            out += [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return out


def _civilian_casualties(sent: Span, story: StoryActors) -> bool:
    """The sentence counts dead or injured people and they are civilians (by the agents lexicon), not
    combatants; with no parsed victim ("left one person dead"), by the sentence's agent nouns."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if not lemmas & CASUALTY_WORDS:
        return False
    people = _victims(sent) or [t for t in sent if t.pos_ == "NOUN"]
    sectors = {story.agent_sector(t) for t in people}
    return "CVL" in sectors and not sectors & COMBATANT_SECTORS


CLAIMING_LEMMAS = {"carry", "conduct", "claim", "perpetrate", "commit", "stage", "mount", "execute"}


def _refers_back(cand: Candidate, row: dict[str, Any], reported: set[tuple[str, str]]) -> bool:
    """A definite or possessive event noun ('Baerbock's visit', 'the talks') for a verbal or cooperative
    event the same source already did earlier in the story. Violence is left alone: a story often
    reports several shellings by the same side."""
    if cand.form == "noun" and row["cameo_root"] in FORCE_ROOTS and any(root in FORCE_ROOTS for root, _src in reported) \
            and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in cand.trigger.children) \
            and cand.trigger.dep_ == "dobj" and cand.trigger.head.lemma_.lower() in CLAIMING_LEMMAS:
        return True  # "the group said it had carried out the attack": a claim for the attack already told
    if cand.form != "noun" or not row["actor1_code"] or row["cameo_root"] >= "14":
        return False
    marked = any(c.dep_ == "poss" or any(g.dep_ == "case" for g in c.children) or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) for c in cand.trigger.children)
    return marked and (row["cameo_root"], row["actor1_code"]) in reported


def attach_fatalities(rows: list[dict[str, Any]], sent_start: int,
                      deaths: Callable[[], tuple[int, int, int] | None]) -> dict[str, Any] | None:
    """Give the sentence's death count (``deaths``, read once per sentence; offsets from ``sent_start``) to
    the violent event whose trigger is nearest to it; that row, or None."""
    violent = [r for r in rows if r["cameo_code"].startswith(VIOLENT_PREFIXES + (REPRESSION_CODE,))]
    if not violent:
        return None
    found = deaths()
    if found is None:
        return None
    count, start, _end = found
    at = sent_start + start
    nearest = min(violent, key=lambda r: abs(r["evidence_start"] - at))
    nearest["fatalities"] = count
    return nearest


class StoryContext:
    """Story-level facts used when a sentence leaves an argument implicit."""

    def __init__(self, story: StoryActors, sentences: list[Span]) -> None:
        self.story = story
        self.sentences = sentences
        self._dyad: tuple[str, ...] | None = None
        self.last_violence: Actor | None = None  # the source of the latest violent event coded in the story
        self.last_act: Actor | None = None  # the source of the latest act (no statement) coded in the story
        self.violence: list[tuple[str, Actor]] = []  # (rule id, source) of the story's violent events, as told
        self.last_protest: tuple[int, Actor] | None = None  # (sentence index, protesters) of the latest protest told
        self.protest_target: Actor | None = None  # whom the story's latest protest with a named target was against
        self.last_violence_geo: dict[str, Any] | None = None  # the location columns of the latest violence with a place
        self._per_sentence: dict[tuple[int, str], Any] = {}
        self._story_date: tuple[date | None] | None = None

    def condemned_violence(self, rule_id: str, condemner: Actor | None) -> Actor | None:
        """Whose violence 'the attack', 'the raid', 'the killings' a condemnation names: the first event the story
        told of the same kind (the same rule: 'raided' ... 'denounced the raid'), else the story's first violent
        event, its lead ('gunmen attacked a village ... soldiers clashed with them ... the UN condemned the
        attack'); never the condemner's own. Else the latest violence, as before any event was listed."""
        others = [(rid, src) for rid, src in self.violence if condemner is None or src.code != condemner.code]
        same = next((src for rid, src in others if rid == rule_id), None)
        return same or (others[0][1] if others else self.last_violence)

    def one_country_at_war(self) -> str | None:
        """The one country of every side in the story's violence so far (a civil war), if there is one."""
        countries = {src.country for _rid, src in self.violence}
        return next(iter(countries)) if len(countries) == 1 and None not in countries else None

    def story_date(self, doc: Doc) -> date | None:
        """The story's first full date ("On 16 February 2024, ..."): the reference date of a document that
        carries none of its own. Read once per story, only when needed."""
        if self._story_date is None:
            self._story_date = (full_date(doc.text),)
        return self._story_date[0]

    def of_sentence(self, index: int, what: str, compute: Callable[[], Any]) -> Any:
        """A fact about sentence ``index`` computed once, however many candidates the sentence has."""
        key = (index, what)
        if key not in self._per_sentence:
            self._per_sentence[key] = compute()
        return self._per_sentence[key]

    def dyad(self) -> tuple[str, ...]:
        """The two countries most mentioned in the story as armed sides: the sides of its main conflict.
        A country that only mediates, hosts talks or urges restraint ("Saudi Arabia urged both sides to
        return to talks in Jeddah") is no side, however often it is named."""
        if self._dyad is None:
            counts: Counter[str] = Counter()
            armed: set[str] = set()
            for sent in self.sentences:
                for tok, country in self.story.countries_in(sent):
                    counts[country] += 1
                    if country not in armed and self._armed(tok):
                        armed.add(country)
            self._dyad = tuple(c for c, n in counts.most_common(2) if n >= 2 and c in armed)
        return self._dyad

    def two_sides(self, index: int) -> tuple[str, ...]:
        """The sides 'the two countries' or 'both sides' of sentence ``index`` mean: the story's armed dyad, else
        the two countries named most often up to that sentence (first named first where counts tie)."""
        if len(self.dyad()) == 2:
            return self.dyad()
        counts: Counter[str] = Counter()
        for sent in self.sentences[:index + 1]:
            for _tok, country in self.story.countries_in(sent):
                counts[country] += 1
        top = counts.most_common(2)
        return tuple(c for c, _n in top) if len(top) == 2 else ()

    def _armed(self, mention: Token) -> bool:
        """Whether a country's mention names a side in a fight: its forces ('Russian troops', 'Israel's
        army'), or the country itself attacking or attacked ('Russia shelled', 'an attack on Ukraine')."""
        lex = self.story.lex
        near = [mention.head, mention.head.head] if mention.dep_ in {"amod", "compound", "poss", "nmod"} else [mention.head]
        for tok in [mention, *near]:
            if self.story.agent_sector(tok) in ARMED_SECTORS or (tok.i != mention.i and tok.lemma_.lower() in MILITARY_OBJECTS):
                return True
            rules = (lex.verb_index if tok.pos_ in {"VERB", "AUX"} else lex.noun_index).get(tok.lemma_.lower(), ())
            if any(rule.cameo.startswith(FORCE_ROOTS) for _words, rule in rules):
                return True
        return False

    def adversary(self, country: str | None) -> str | None:
        dyad = self.dyad()
        if country is None or len(dyad) < 2 or country not in dyad:
            return None
        return dyad[1] if dyad[0] == country else dyad[0]

    def recent_other_country(self, trigger: Token, sent_index: int, exclude: str | None) -> tuple[Token, str] | None:
        """The nearest country mentioned before the trigger (this or the previous sentences), other than ``exclude``
        and other than the trigger's own subjects ("Saudi Arabia and the US hosted talks": not each other)."""
        sent = self.sentences[sent_index]
        subjects = {t.i for verb in [trigger, *trigger.ancestors][:3] for c in verb.children
                    if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
        before = [(tok, c) for tok, c in self.story.countries_in(trigger.doc[sent.start:trigger.i]) if tok.i not in subjects]
        for tok, country in reversed(before):
            if country != exclude:
                return tok, country
        for prev in reversed(self.sentences[max(0, sent_index - CONTEXT_SENTENCES):sent_index]):
            for tok, country in reversed(self.story.countries_in(prev)):
                if country != exclude:
                    return tok, country
        return None


def _place_country(place: Token, story: StoryActors) -> str | None:
    entry = story.entry_at(place)
    if entry is not None and entry.country and entry.kind in {"country", "capital", "adjective", "place"}:
        return entry.country  # a place from the PETRARCH dictionaries ("Deir Ez-Zor") names its country
    return story._country_of_np(place)


def _gazetteer_country(place: Token, index: int, ctx: StoryContext, document: Document) -> str | None:
    """The country of a place the gazetteer knows ('shelling in Kharkiv' -> UKR), resolved with the story's context."""
    with timing.stage("place"):
        resolved = story_state(ctx, document.dateline_place).places.by_sentence[index]
    for r in resolved:
        start, end = r.mention.tokens
        if (r.mention.anchor.i == place.i or start <= place.i < end) and r.location.iso3:
            return r.location.iso3
    return None


def _stateless(actor: Actor | None) -> bool:
    return actor is not None and (actor.country in STATELESS_SECTORS or actor.sector in STATELESS_SECTORS)


def _in_subject(anchor: Token, trigger: Token) -> bool:
    """'The U.N. human rights office in Geneva called on the authorities': the place is inside the speaker's phrase."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.left_edge.i <= anchor.i <= c.right_edge.i for c in trigger.children)


def event_place(cand: Candidate, index: int, ctx: StoryContext, document: Document,
                venue: bool = False, seat: bool = False) -> tuple[str | None, str]:
    """The country whose unnamed actors ("police", "the army") an event involves: where it happens, as
    far as the sentence and story tell before coding it (the town or region attached to the trigger,
    else the sentence's nearest one, or a country named as where it happened, "in Mali"), else the
    town or region the story last named ("Gunmen attacked a church in Kaduna. Police arrested two
    suspects."), else the dateline's. A country named as an argument ("help Iran") is an actor, not a place. Talks and visits
    happen at a venue, often abroad ("talks between the army and the RSF in Jeddah"): for them
    (``venue``) only the dateline counts. With the country, what it was read from: "place" (this
    sentence), "story" (an earlier sentence), "dateline" or "none"."""
    with timing.stage("place"):
        places = story_state(ctx, document.dateline_place).places
        dateline = places.dateline.iso3 if places.dateline is not None else None
        if venue:
            return dateline, "dateline" if dateline else "none"
        where = [r for r in places.by_sentence[index]
                 if (r.location.precision is not None or is_location_mention(r.mention.anchor))
                 and not is_destination(r.mention.anchor)  # where someone is posted is not where actors are from
                 # an organisation's seat ("the U.N. office in Geneva called on the authorities") is not where they are
                 and not (seat and _in_subject(r.mention.anchor, cand.trigger))]
        loc = choose(where, cand.trigger, cand.target_place)
    if loc is not None and loc.iso3:
        return loc.iso3, "place"
    story = story_country(places.by_sentence[:index], dateline)
    if story is not None and story != dateline:
        return story, "story"
    return dateline, "dateline" if dateline else "none"


DOMESTIC_FORCE_ROOTS = {"14", "15", "17", "18", "19", "20"}  # what a state's forces do to its own people
DATELINE_WEIGHT = 0.5  # a dateline may be a foreign bureau ("DUBAI" for Iran, "NAIROBI" for Somalia)


def story_country(earlier: list[list[Any]], dateline: str | None) -> str | None:
    """The country the story has been about so far: the one whose towns and regions its earlier sentences
    name most, with the dateline as half a mention; a tie goes to the latest named. One venue abroad
    ("talks in Havana") or a dateline bureau does not outweigh the places the story keeps returning to."""
    weight: dict[str, float] = {}
    latest: dict[str, int] = {}
    if dateline:
        weight[dateline], latest[dateline] = DATELINE_WEIGHT, -1
    order = 0
    for sentence in earlier:
        for resolved in sentence:
            iso3 = resolved.location.iso3
            if resolved.location.precision is not None and iso3:
                weight[iso3] = weight.get(iso3, 0.0) + 1.0
                latest[iso3] = order
                order += 1
    if not weight:
        return None
    return max(weight, key=lambda c: (weight[c], latest[c]))


HISTORY_YEARS = 2  # "in 2021" in a 2023 story; last year's events ("in 2022" in January 2023) may still be news
HISTORY_MONTHS = 3  # "in September" in a December story; "last month" or "in October" may still be news


def history(when: date | None, precision: str | None, doc_date: date | None) -> bool:
    """An event dated only by a year well before the report's year, or only by a month some months before the
    report's, is the story's background, not its news (PETRARCH and ACLED leave such sentences uncoded)."""
    if when is None or doc_date is None:
        return False
    if precision == "month":
        # "protests erupted in September" in a December story: the background of the news
        return (doc_date.year - when.year) * 12 + doc_date.month - when.month >= HISTORY_MONTHS
    return precision == "year" and doc_date.year - when.year >= HISTORY_YEARS


def _year(tok: Token) -> int | None:
    return int(tok.text) if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100 else None


def old_years(trigger: Token, doc_date: date | None) -> bool:
    """Years the date reader leaves out that still date the trigger's own clause well before the report:
    'killed thousands between 1999 and 2003', 'since 2012, when jihadists hijacked an uprising' (the year the
    'when' clause describes). Only the trigger's own time phrases count, not those of clauses inside it."""
    if doc_date is None:
        return False
    years = [_year(trigger.head)] if trigger.dep_ == "relcl" and any(c.lower_ == "when" for c in trigger.children) else []
    toll = toll_verb(trigger)  # "fighting killed thousands between 1999 and 2003"
    heads = [trigger] + ([toll] if toll is not None else [])
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "dobj"]  # the parser may hang the time on the object
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"between", "in", "during", "from"}):
            years += [_year(t) for t in prep.subtree]
        # a year naming the event or its object: "signed a 2019 peace deal", "the 2021 coup"
        years += [_year(c) for c in head.children if c.dep_ in {"nummod", "compound", "amod", "npadvmod"} and c.i < head.i]
    years = [y for y in years if y is not None]
    return bool(years) and all(doc_date.year - y >= HISTORY_YEARS for y in years)


def home_country_of_state_side(source: Actor | None, target: Actor | None) -> str | None:
    """The country of the one state force or government in an event whose other side is named by its
    sector alone ("Iranian security forces clashed with protesters", "Ethiopian police arrested
    journalists"): with no place named, those people are the state's own, wherever the story was filed
    (a story from the Dubai bureau about Iran). With neither place nor dateline, they stay unnamed."""
    if source is None or target is None or not source.country or source.org_code or source.is_person \
            or source.sector not in STATE_COERCERS | {None}:
        return None  # the state force acts ("Iran hanged a man": the country itself as the state); "the junta
        # expelled the French ambassador" makes no junta French
    unnamed = not target.country and not target.org_code and target.sector and target.sector not in STATELESS_SECTORS
    return source.country if unnamed else None


CONDEMNING_ROOTS = {"11"}
TOLD = {"asserted", "claimed"}  # events a later sentence can refer back to ("denounced the raid")
VERBAL_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "13"}  # statements, appeals, meetings: no act to condemn


def condemned_actor(trigger: Token, ctx: StoryContext, condemner: Actor | None = None) -> Actor | None:
    """Who a condemnation of an event is aimed at: the event noun's own source ("condemned the RSF's
    shelling of the market"), else the source of the story's latest violent event ("the UN condemned the
    attack" after the attack was reported); an act named by a general noun ("condemned the launch",
    "denounced the move") is aimed at whoever did the story's latest act, unless that was the condemner itself."""
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "pobj"} or (c.dep_ == "prep" and c.lower_ in {"of", "over"})]
    named: set[int] = set()
    for called in (c for c in trigger.children if c.dep_ == "ccomp" and any(g.lower_ == "what" for g in c.children)):
        # "condemned what it called a cowardly attack": the attack (told already, so as good as definite)
        found = [g for g in called.children if g.dep_ in {"oprd", "npadvmod", "attr"} and g.pos_ == "NOUN"]
        objects += found
        named |= {g.i for g in found}
    for obj in objects:
        noun = next((g for g in obj.children if g.dep_ == "pobj"), None) if obj.dep_ == "prep" else obj
        if noun is None:
            continue
        hit = match_noun(noun, ctx.story.lex)
        definite = noun.i in named or any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these"} for c in noun.children)
        own = noun_source(noun, ctx.story)
        if own is not None and condemner is not None and own.code == condemner.code:
            own = None  # "Kyiv called the strike a war crime": the verb's subject is the condemner, not the striker
        if hit is not None and hit[0].cameo.startswith(VIOLENT_PREFIXES):
            found = own or ctx.condemned_violence(hit[0].id, condemner)
            if found is not None or not definite:
                return found
        if definite and (noun.lemma_.lower() in ACT_NOUNS or (hit is not None and hit[0].cameo[:2] not in VERBAL_ROOTS)):
            # "condemned the launch", "denounced the expulsions": an act the story told, by whoever did it
            act = own or ctx.last_act
            if act is not None and (condemner is None or act.code != condemner.code):
                return act
    return None


def _with_default_sector(actor: Actor | None, sector: str | None) -> Actor | None:
    if actor is None or sector is None or actor.sector is not None or actor.is_person or actor.org_code:
        return actor
    return Actor(actor.name, actor.country, sector, actor.start_char, actor.end_char)


def refined_code(cand: Candidate, index: int, ctx: StoryContext) -> str:
    """A cue word in the sentence or the next one refines the rule's code ('spoke with ... the call' -> 041)."""
    if not cand.rule.cues:
        return cand.rule.cameo
    window = ctx.sentences[index:index + 2]
    words = {t.lower_ for sent in window for t in sent}
    for cue_words, code in cand.rule.cues:
        if words & cue_words:
            return code
    return cand.rule.cameo


def build_row(cand: Candidate, sent: Span, index: int, document: Document, ctx: StoryContext) -> dict[str, Any] | None:
    """One event row, or None when the event names no actor and is not violence (nothing to code)."""
    rule = cand.rule
    code = cameo_table()[refined_code(cand, index, ctx)]
    seat = code.root in VERBAL_ROOTS and _stateless(cand.source)
    where, basis = event_place(cand, index, ctx, document, venue=code.root in VENUE_ROOTS, seat=seat)
    if where is None and seat:
        # with nothing else to go by, an organisation's seat ("the EU delegation in Harare") is where it acts
        where, basis = event_place(cand, index, ctx, document, venue=code.root in VENUE_ROOTS)
    if basis == "dateline" and code.root in DOMESTIC_FORCE_ROOTS:
        where = home_country_of_state_side(_with_default_sector(cand.source, rule.source_sector), cand.target) or where
    source = placed_in(_with_default_sector(cand.source, rule.source_sector), where)
    if source is None and rule.unnamed_source and cand.form != "noun":
        source = placed_in(Actor("", None, rule.unnamed_source, cand.trigger.idx, cand.trigger.idx), where)
    if where is None and code.root == "17" and source is not None and source.sector in STATE_COERCERS:
        where = source.country  # "a Tunisian court jailed a journalist": a state coerces people in its own country
    target = placed_in(cand.target, where)
    if code.root == PROTEST_ROOT and source is not None and not (source.country or source.org_code or source.is_person) and where:
        source = replace(source, country=where)  # "student groups marched through Dhaka": protesters of the place
    if code.root == PROTEST_ROOT and source is None and cand.form != "noun" and where and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in cand.trigger.children):
        # "Indigenous groups blocked roads across Guatemala": people no lexicon names protest where they are
        subj = next(c for c in cand.trigger.children if c.dep_ == "nsubj")
        source = Actor(subj.text, where, PROTESTER_SECTOR, subj.idx, subj.idx + len(subj.text))
    if code.root == PROTEST_ROOT and source is None and cand.form == "noun":
        source = placed_in(protest_people(cand.trigger, ctx.story), where)  # "a rally of opposition supporters"
    if code.root == PROTEST_ROOT and cand.form == "noun" and source is None and where and repressed_during(cand.trigger):
        # "police arrested 95 people during protests": unnamed protesters of the place
        source = Actor("", where, PROTESTER_SECTOR, cand.trigger.idx, cand.trigger.idx)
    addressed_to_state = None  # the state a protest's demands are addressed to when they name no one (CAMEO only)
    if code.root == PROTEST_ROOT and target is None:
        target = placed_in(protest_aim(cand.trigger, ctx.story, source), where)  # "protests demanding that X step down"
    if code.root == PROTEST_ROOT and target is None and where and source is not None and source.country in {None, where} \
            and protest_aim_tokens(cand.trigger) and not commemorates(cand.trigger):
        # "blocked the highway to protest against the killings", "marched against months of unpaid salaries": a
        # protest with demands that names no one to meet them is addressed to the state where it happens
        target = Actor("", where, "GOV", cand.trigger.idx, cand.trigger.idx)
        addressed_to_state = target
    if code.root == PROTEST_ROOT and source is None and cand.form != "noun" and counted_crowd(cand.trigger):
        # "thousands took to the streets", "hundreds marched": a crowd counted, not named, protests
        source = placed_in(Actor("", None, PROTESTER_SECTOR, cand.trigger.idx, cand.trigger.idx), where)
    if code.root == "17" and target is None:
        crowd = repressed_protest(cand.trigger, ctx.story.lex)
        if crowd is not None:  # "police dispersed a demonstration by teachers": the teachers
            people = protest_people(crowd, ctx.story) or Actor("", None, "OPP", crowd.idx, crowd.idx + len(crowd.text))
            target = placed_in(people, where)
    if code.code.startswith(REPRESSION_CODE) and target is None and ctx.last_protest is not None \
            and index - ctx.last_protest[0] <= 1:
        # "miners marched toward Congress ...; riot police fired tear gas to keep them away": the protesters just told
        target = ctx.last_protest[1]
    if target is None and source is not None and addresses_both_sides(cand.trigger):
        country = ctx.one_country_at_war()
        if country is not None and country != source.country:
            # "UNMISS urged both sides to cease hostilities" in a civil war: the sides are of one country
            target = Actor("", country, None, cand.trigger.idx, cand.trigger.idx)
    if cand.form == "noun" and code.code.startswith(VIOLENT_PREFIXES) and (source is None or target is None):
        killing = toll_verb(cand.trigger)  # "separatists killed 20 people in an attack": the attack is theirs, on them
        if killing is not None:
            victims = next(iter(victim_phrases(killing)), None)
            killer = next((c for c in killing.children if c.dep_ == "nsubj" and c.i != cand.trigger.i), None)
            if target is None and victims is not None:
                target = placed_in(ctx.story.resolve(victims, register=False), where)
            if source is None and killer is not None:
                source = placed_in(ctx.story.resolve(killer, register=False), where)
    if source is None and code.root in FORCE_ROOTS and target is not None and target.sector in ENEMY_SECTORS:
        # a noun's reporting verb is its verb's ("the army said air strikes killed ...")
        said_by = said_by_whom(cand.trigger, ctx, cand.trigger.head if cand.trigger.dep_ in {"nsubj", "dobj"} else None)
        if said_by is not None and said_by.country and said_by.sector in STATE_SPEAKERS and not said_by.org_code:
            # "the junta said air strikes had killed 15 militants": a state reporting strikes on its enemies reports its own
            source = Actor("", said_by.country, "MIL", cand.trigger.idx, cand.trigger.idx)
    sides = ctx.two_sides(index) if source is None and target is None and both_sides(cand.trigger) else ()
    if len(sides) == 2:
        # "the two countries agreed a ceasefire", "both sides exchanged fire": the story's two sides
        first, second = sides
        source = Actor("", first, None, cand.trigger.idx, cand.trigger.idx)
        target = Actor("", second, None, cand.trigger.idx, cand.trigger.idx)
    if source is None and cand.form == "verb" and code.root in FORCE_ROOTS and ctx.last_violence is not None \
            and told_attack_as_subject(cand.trigger, ctx.story.lex):
        source = ctx.last_violence  # "Turkish jets struck bases ... The strikes killed 11 civilians": the strikes' side
    if cand.form == "noun" and cand.trigger.dep_ == "pobj" and cand.trigger.head.lower_ == "under" \
            and cand.trigger.head.head.pos_ == "VERB":
        # "placed the president under house arrest", "put the region under siege": the verb's object undergoes it
        verb = cand.trigger.head.head
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if target is None and obj is not None:
            target = placed_in(ctx.story.resolve(obj, register=False), where)
        if source is None and subj is not None:
            source = placed_in(ctx.story.resolve(subj, register=False), where)
    if cand.form == "noun" and source is None:
        # "an air strike it conducted on Sunday", "the raid that the army carried out": the relative clause says whose
        for rel in (c for c in cand.trigger.children if c.dep_ == "relcl" and c.lemma_.lower() in CONDUCTING_LEMMAS):
            subj = next((c for c in rel.children if c.dep_ == "nsubj" and c.lower_ not in {"that", "which"}), None)
            if subj is not None:
                source = placed_in(ctx.story.resolve(subj, register=False), where)
    if target is None and code.root in FORCE_ROOTS and where and _at_military_site(cand.trigger):
        # "a car bomb exploded at the gate of a military base near Afgoye": the forces of the country it is in
        target = Actor("", where, "MIL", cand.trigger.idx, cand.trigger.idx)
    if cand.form == "noun" and code.root in FORCE_ROOTS and target is None and cand.trigger.dep_ == "dobj":
        outcome = killing_outcome(cand.trigger.head)  # "carried out air strikes on a village, killing 14 civilians"
        victims = next(iter(victim_phrases(outcome)), None) if outcome is not None else None
        if victims is not None:
            target = placed_in(ctx.story.resolve(victims, register=False), where)
    if cand.form != "noun" and code.root in FORCE_ROOTS and target is None:
        outcome = killing_outcome(cand.trigger)  # "detonated a bomb as a patrol passed, killing two officers"
        victims = next(iter(victim_phrases(outcome)), None) if outcome is not None else None
        if victims is not None:
            target = placed_in(ctx.story.resolve(victims, register=False), where)
    if code.root in FORCE_ROOTS:
        source, target = (armed_not_media(source, where or (target.country if target else None)),
                          armed_not_media(target, where or (source.country if source else None)))
    confidence = rule.confidence
    # "a ship in the Red Sea", "off the Gulf of Aden": a sea is nobody's territory
    sea = cand.target_place is not None and cand.target_place.lower_ in WATER_NOUNS
    place_country = _place_country(cand.target_place, ctx.story) if cand.target_place is not None and not sea else None
    if place_country is None and cand.target_place is not None and not sea:
        place_country = _gazetteer_country(cand.target_place, index, ctx, document)
    how = "explicit"
    if target is not None and source is not None and how == "explicit" and target.country and target.country == source.country \
            and target.sector is None and not target.is_person and not target.org_code and rule.target_from_place \
            and source.sector in STATE_COERCERS | {None}:
        target = None  # "Ukrainian troops liberated villages in Ukraine": the place is not the opponent
    # ("rebels shelled the town of Kitshanga": for rebels the town of their own country is the other side)
    # a seizure of a town is its occupation (coded 192 below), so the town stands for its side as for 'capture'
    takes_place = rule.target_from_place or (code.code == SEIZURE_CODE and _seized_place(cand.trigger, ctx.story))
    if target is None and takes_place and place_country and (
            source is None or place_country != source.country or source.sector not in STATE_COERCERS | {None}):
        place = cand.target_place
        target = Actor(place.text, place_country, None, place.idx, place.idx + len(place.text))
        how = "place"
    # (taking a town is no attack on its people: 'captured the village' is coded for its side below)
    inhabited = _inhabited_object(cand.trigger) if target is None and code.root in FORCE_ROOTS \
        and code.code not in {SEIZURE_CODE, OCCUPATION_CODE} and where else None
    if inhabited is not None:
        # "rebels attacked a village near Mpondwe", "the army carried out air strikes on a village", "shelled the
        # town of Kitshanga": force on where people live hits its people
        target = Actor(inhabited.text, where, "CVL", inhabited.idx, inhabited.idx + len(inhabited.text))
        how = "place"
    if target is None and source is not None and code.code.startswith(DOMESTIC_MEASURES) and source.country \
            and (source.sector in STATE_COERCERS or (source.sector is None and not source.org_code and not source.is_person)) \
            and where in {None, source.country}:
        # "the government declared a state of emergency", "imposed a curfew": a state's measure on its own country
        target = Actor("", source.country, None, cand.trigger.idx, cand.trigger.idx)
        how = "own country"
    if target is None and source is not None and code.code == DESTROY_CODE and (where or source.country) \
            and source.sector not in STATE_COERCERS:
        # "the attackers burned dozens of homes": property with no named owner belongs to the people where it stood
        target = Actor("", where or source.country, None, cand.trigger.idx, cand.trigger.idx)
        how = "owners"
    if target is None and source is not None and rule.cameo.startswith(MILITARY_PREFIXES):
        # a rebel group acting at home fights its own country, not the foreign side of the story's dyad ('ADF rebels
        # attacked a village near Mpondwe' in a story of Ugandan troops in Congo)
        at_home = source.sector in NON_STATE_ARMED and where is not None and where == source.country
        adversary = None if at_home else ctx.adversary(source.country)
        if adversary:
            # In a battle the other side is its forces ('liberated villages' from Russian troops).
            # (not for shelling and air strikes, which hit places and people as much as forces)
            sector = "MIL" if rule.cameo.startswith("19") and not rule.cameo.startswith(("194", "195")) else None
            target = Actor("", adversary, sector, cand.trigger.idx, cand.trigger.idx)
            how = "adversary"
        elif where is not None and where != source.country and source.sector in ARMED_SECTORS and cand.form != "noun":
            # foreign forces fighting on another country's soil ('Turkish troops pushed into the area' in Iraq)
            target = Actor("", where, None, cand.trigger.idx, cand.trigger.idx)
            how = "adversary"
    if target is None and source is not None and rule.cameo.startswith(COOPERATIVE_PREFIXES):
        hit = ctx.recent_other_country(cand.trigger, index, source.country)
        if hit is not None:
            tok, country = hit
            target = Actor(tok.text, country, None, tok.idx, tok.idx + len(tok.text))
            how = "context"
    if target is None and source is not None and code.root == PROTEST_ROOT and ctx.protest_target is not None \
            and source.country in {None, ctx.protest_target.country} and source.code != ctx.protest_target.code:
        # "protests demanding that the president step down ... several hundred demonstrators gathered near the
        # centre": a protest told with no target is the story's protest, against whom it was before
        target, how = ctx.protest_target, "context"
    if code.code.startswith(VIOLENT_PREFIXES + ("1712",)) and ctx.of_sentence(index, "cause", lambda: not_a_political_cause(sent, ctx.story.lex)):
        return None  # "a tsunami killed 222 people", "killed in a plane crash": a disaster, not an event
    if code.root in {"11", "12"} and cand.form == "verb" and cand.trigger.dep_ == "conj" and source is not None \
            and target is not None and source.country and source.country == target.country and not source.is_person:
        # "Kyrgyzstan said Tajik forces had shelled Batken, and accused Dushanbe of ...": parsed as the shellers'
        # second verb; nobody accuses their own capital, the speaker does
        said_by = said_by_whom(cand.trigger, ctx)
        if said_by is not None and said_by.country and said_by.country != target.country:
            source = said_by
    condemned = condemned_actor(cand.trigger, ctx, source) if code.root in CONDEMNING_ROOTS else None
    if condemned is not None:
        target, how = condemned, "condemned"  # the object was an event: the condemnation is of its actor
    target = _with_default_sector(target, rule.target_sector)
    if how in {"explicit", "place"}:
        target = placed_in(target, where)
    if target is not None and how in {"place", "adversary"} and target.sector in {None, "MIL"} and code.code.startswith(VIOLENT_PREFIXES) \
            and ctx.of_sentence(index, "civilian dead", lambda: _civilian_casualties(sent, ctx.story)):
        # "shelling on the district left one person dead": the victims of fire on a place are its residents
        target = Actor(target.name, target.country, "CVL", target.start_char, target.end_char)
    elif target is None and code.code.startswith(VIOLENT_PREFIXES) and ctx.of_sentence(index, "civilian dead", lambda: _civilian_casualties(sent, ctx.story)):
        # "carried out air strikes on villages, killing 20 people": the dead are the strike's victims
        target = Actor("", where, "CVL", cand.trigger.idx, cand.trigger.idx)
        how = "casualties"
    if source is None and target is None and not (
            (code.code.startswith(UNNAMED_ACTOR_PREFIXES) and (cand.form != "noun" or is_reported_happening(cand.trigger)))
            or rule.acled):
        # Nothing to code: no actor at all ('recent attacks', 'months of fighting'). Kept: violent and protest
        # verbs and the specific actions ACLED codes even when the actor is unnamed ('a roadside bomb').
        return None
    refinement = None  # a code changed by what the arguments are: named in the rule id (":repression")
    if code.root == "19" and cand.form != "noun" and fired_into_water(cand.trigger) and (
            target is None or how != "explicit" or not (target.country or target.org_code or target.is_person)):
        # "fired a ballistic missile into the sea": a launch that hits nobody shows force, it attacks no one
        code, refinement, target = cameo_table()[SHOW_OF_FORCE_CODE], "into water", None
    elif code.root == "10" and cand.form == "verb" and ordered_out(cand.trigger) and source is not None and target is not None \
            and target.country and target.country != source.country:
        # "ordered 45 Russian diplomats to leave the country": an expulsion, not a demand
        code, refinement = cameo_table()[EXPEL_CODE], "expel"
    elif fire_on_crowd(code.code, source, target, protesting_object(cand.trigger, ctx.story.lex)):
        code, refinement = cameo_table()[REPRESSION_CODE], "repression"
    elif code.code == ASSAULT_CODE and source is not None and target is not None \
            and source.sector in FORCE_SECTORS and target.sector in ENEMY_SECTORS:
        # "special forces raided an al Shabaab hideout, killing 17 militants": a state's forces attacking an
        # armed group use conventional force (19), not unconventional violence (18)
        code, refinement = cameo_table()[CONVENTIONAL_CODE], "state force"
    elif code.root in {"18", "19"} and _protesters(source):
        # "protesters stormed parliament", "demonstrators attacked the police": a violent protest, not a battle
        code, refinement = cameo_table()[RIOT_CODE], "riot"
    elif code.code == SEIZURE_CODE and _seized_place(cand.trigger, ctx.story):
        # "rebels seized most of Aleppo": a place is taken, not property
        code, refinement = cameo_table()[OCCUPATION_CODE], "territory"
    elif code.code in OCCUPATION_CODES and source is not None and source.sector in CIVIC_SECTORS:
        # "students occupied the university", "landless workers occupied a farm": a sit-in, not a conquest
        code, refinement = cameo_table()[SIT_IN_CODE], "sit-in"
    elif code.code == ARREST_CODE and source is not None and source.sector in NON_STATE_ARMED and not source.org_code \
            and target is not None and target.sector in {"CVL", None}:
        # "the assailants took away five women", "gunmen detained travellers": armed men hold no one lawfully, they abduct
        code, refinement = cameo_table()[ABDUCTION_CODE], "abduction"
    elif code.code == SEIZURE_CODE and cand.form == "verb" and (seized := _seized_people(cand.trigger, ctx.story)) is not None:
        # "they were seized from their homes by ELN fighters", "gunmen seized two aid workers": people are taken
        taken = ARREST_CODE if source is not None and source.sector in STATE_COERCERS else ABDUCTION_CODE
        code, refinement = cameo_table()[taken], "people"
        people = ctx.story.resolve(seized, register=False) or Actor(seized.text, None, "CVL", seized.idx,
                                                                     seized.idx + len(seized.text))
        target = placed_in(people if people.sector or people.is_person else replace(people, sector="CVL"), where)
    elif code.code in OCCUPATION_CODES and cand.form == "verb" and (taken_people := _taken_people(cand.trigger, ctx.story)):
        # "marines captured a cartel leader", "rebels captured two soldiers": people are taken, not territory
        taken = ARREST_CODE if source is not None and source.sector in STATE_COERCERS else ABDUCTION_CODE
        code, refinement = cameo_table()[taken], "people"
        target = target or placed_in(ctx.story.resolve(taken_people, register=False), where)
    if source is None:
        confidence -= 0.2
    if target is None:
        confidence -= 0.1
    elif how != "explicit":
        confidence -= 0.1
    # A modal demand ("X said Y must ...") is as real as the saying of it.
    modality = modality_of(cand.trigger.head.head if rule.modal else cand.trigger, rule.cameo)
    statement = statement_code(code.code, modality, cand.trigger) if source is not None else None
    if statement is not None:
        # CAMEO: an announced, threatened or refused action is coded as the statement (03 intent, 13 threat,
        # 12 reject), and the statement itself is asserted (coding/transforms.py).
        code, modality, statement_kind = cameo_table()[statement[0]], "asserted", statement[1]
    else:
        statement_kind = None
    threat = statement_kind is not None
    if modality == "asserted" and source is not None and source.country and code.code.startswith(CLAIMABLE_PREFIXES):
        said_by = said_by_whom(cand.trigger, ctx)
        if said_by is not None and said_by.country == source.country and said_by.sector in PARTY_SECTORS:
            # A party to the conflict reporting its own side's military success: a claim, not a fact.
            modality = "claimed"
    if modality != "asserted":
        confidence -= 0.1
    if is_background(cand.trigger) or is_circumstance(cand.trigger):
        confidence -= BACKGROUND_PENALTY
    elif is_main_assertion(cand.trigger):
        confidence += MAIN_CLAUSE_BONUS
    with timing.stage("date"):
        story_date = None if document.doc_date else ctx.story_date(sent.doc)
        evt_date, precision = event_date(cand.trigger, document.doc_date, modality, story_date)
    if history(evt_date, precision, document.doc_date) or old_years(cand.trigger, document.doc_date):
        return None  # "peace talks collapsed in 2017", "pledged allegiance to IS in 2019": the story's background
    with timing.stage("place"):
        geo = locate(cand.trigger, cand.target_place, index, ctx, document.dateline_place, source, target, code.quad_class)
    if not geo["location_name"] and ctx.last_violence_geo is not None and code.code.startswith(VIOLENT_PREFIXES) \
            and acts_on_told_violence(cand.trigger, ctx.story.lex):
        geo = dict(ctx.last_violence_geo)  # "RSF fighters attacked ... in Babanusa. The army said it repelled the assault"
    spans = [(cand.trigger.idx, cand.trigger.idx + len(cand.trigger.text))]
    for actor in (source, target):
        if actor is not None and actor.end_char > actor.start_char and sent.start_char <= actor.start_char < sent.end_char:
            spans.append((actor.start_char, actor.end_char))
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    plover_type, plover_mode = plover_for(code.code)
    if plover_type in PLOVER_COOPERATIVE and agreed_to(cand.trigger):
        plover_type, plover_mode = "AGREE", None  # PLOVER: a commitment to cooperate or concede is AGREE
    elif modality == "future" and plover_type in PLOVER_FUTURE_AS_AGREE:
        plover_type, plover_mode = "AGREE", None  # PLOVER: promised cooperation is an AGREE event
    row = {
        "doc_id": document.doc_id,
        "source_name": document.source,
        "doc_date": document.doc_date,
        "sentence_index": index,
        "sentence_text": sent.text.strip(),
        "evidence_start": start,
        "evidence_end": end,
        "trigger": cand.trigger_text,
        "event_date": evt_date,
        "date_precision": precision,
        **_actor_columns("actor1", source),
        **_actor_columns("actor2", target),
        "cameo_code": code.code,
        "cameo_root": code.root,
        "cameo_label": code.label,
        "quad_class": code.quad_class,
        "goldstein": code.goldstein,
        "plover_event_type": plover_type,
        "plover_mode": plover_mode,
        **geo,  # location_name, country_iso3, admin1, admin2, latitude, longitude, geonames_id, geo_precision
        "fatalities": None,
        "modality": modality,
        "confidence": round(max(0.05, min(1.0, confidence)), 3),
        "rule_id": f"{rule.id}:{cand.form}" + (f":{statement_kind or refinement}" if statement_kind or refinement
                                               else "" if code.code == rule.cameo else f":cue{code.code}"),
        "coder_version": coder_build(),
    }
    # ACLED names no target for a protest whose demands name no one (the CAMEO view addresses it to the state)
    _add_acled_view(row, cand, rule, source, None if target is addressed_to_state else target, ctx, index, threat)
    if source is not None and modality in TOLD and code.code.startswith(VIOLENT_PREFIXES):
        ctx.violence.append((rule.id, source))
    if modality in TOLD and code.code.startswith(VIOLENT_PREFIXES) and geo["location_name"]:
        ctx.last_violence_geo = geo
    if source is not None and modality == "asserted" and code.root == PROTEST_ROOT and not code.code.startswith(RIOT_CODE):
        ctx.last_protest = (index, source)  # a riot's own clashes with police are the riot (ACLED: violent demonstration)
    if source is not None and modality == "asserted" and code.root == PROTEST_ROOT and target is not None \
            and target.country and how != "context":
        ctx.protest_target = target
    if source is not None and modality == "asserted" and code.code.startswith(VIOLENT_PREFIXES):
        ctx.last_violence = source
    if source is not None and modality == "asserted" and code.root not in VERBAL_ROOTS:
        ctx.last_act = source
    row["event_id"] = event_id(row)
    return row


def _add_acled_view(row: dict[str, Any], cand: Candidate, rule: EventRule, source: Actor | None, target: Actor | None,
                    ctx: StoryContext, index: int, threat: bool) -> None:
    """The ACLED columns (coding/acled), decided once the row's code, modality and place are known."""
    masked = protest_aim_tokens(cand.trigger) if row["cameo_code"].startswith("14") else frozenset()
    acled = acled_view(row["cameo_code"], rule, cand.trigger.lemma_, source, target, ctx.sentences, index, ctx.story.lex,
                       threat=threat, modality=row["modality"], event_country=row["country_iso3"], when=row["event_date"],
                       masked=masked)
    row.update(acled.columns)
    row["rule_id"] += "".join(f"+{fired}" for fired in acled.fired)
    if acled.columns["acled_sub_event_type"] and (acled.cued or rule.acled):
        # The trigger and an independent ACLED cue (a weapon, a protest's police response) agree on the event.
        row["confidence"] = round(min(1.0, row["confidence"] + ACLED_CUE_BONUS), 3)


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_name": None, f"{prefix}_code": None, f"{prefix}_country": None, f"{prefix}_sector": None}
    return {
        f"{prefix}_name": actor.name or None,
        f"{prefix}_code": actor.code,
        f"{prefix}_country": actor.country or actor.home,
        f"{prefix}_sector": actor.sector,
    }


def event_id(row: dict[str, Any]) -> str:
    """Stable across runs: the same input always yields the same ids."""
    key = "|".join(str(row[k]) for k in ("doc_id", "sentence_index", "evidence_start", "evidence_end", "cameo_code",
                                         "actor1_code", "actor2_code", "rule_id"))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
