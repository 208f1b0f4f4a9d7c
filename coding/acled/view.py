"""The ACLED view of one coded event: event and sub-event type, disorder type, actors, inter codes.

The type starts from the rule (``acled:`` in events.yaml) or the CAMEO -> ACLED table, and
the cue lexicon (``acled_cues.yaml``) refines it from the sentence's words and the ACLED
kinds of the two actors: a protest the police dispersed is a protest with intervention,
an attack on soldiers is an armed clash, state forces capturing a town regain territory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from spacy.tokens import Span

from coding.actors import Actor
from coding.acled.actors import AcledActor, acled_actor, actor_kind, interaction
from coding.acled.cues import NONE, AcledCue, default_cues
from coding.nlp import phrase_text
from coding.lexicon import EventRule, Lexicon
from coding.tables import acled_for
from coding.vocabulary import MILITARY_OBJECTS

DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# ACLED files mob violence under political violence, and excessive force against protesters under both.
DISORDER_BY_SUB = {"Mob violence": "Political violence",
                   "Excessive force against protesters": "Political violence; Demonstrations"}
UNASSERTED = {"negated", "future", "hypothetical"}
EMPTY = {"acled_event_type": None, "acled_sub_event_type": None, "disorder_type": None, "acled_actor1": None,
         "acled_actor2": None, "inter1": None, "inter2": None, "interaction": None, "civilian_targeting": None}


@dataclass(frozen=True)
class AcledDecision:
    columns: dict[str, Any]  # the ACLED columns of the row
    fired: tuple[str, ...]  # ids of the cue entries that changed the type, in order
    cued: bool  # whether a cue word (not only the default table) decided the type


@lru_cache(maxsize=256)
def _sentence_text(sent: Span) -> str:
    """The sentence as space-padded lower-case lemmas and surface words, for phrase lookups; dates left out, whose
    words are no cues ('On 9 March 2023, police arrested 12 members ...' tells of no march)."""
    return phrase_text(t for t in sent if not t.is_space and not _date_word(t))


def _date_word(tok) -> bool:
    return tok.ent_type_ in {"DATE", "TIME"} and tok.text[:1].isupper()


def _masked_sentence_text(sent: Span, masked: frozenset[int]) -> str:
    if not masked:
        return _sentence_text(sent)
    return phrase_text(t for t in sent if not t.is_space and t.i not in masked and not _date_word(t))


def _window_text(sentences: Sequence[Span], index: int, window: int, masked: frozenset[int] = frozenset()) -> str:
    first = _masked_sentence_text(sentences[index], masked)
    return first + "".join(_sentence_text(s) for s in sentences[index + 1:index + window])


def _applies(cue: AcledCue, sub: str | None, event: tuple[str, str, str], kinds: tuple[str, str],
             texts: Callable[[int], str]) -> bool:
    cameo, rule_id, trigger = event
    if cue.when and (sub if sub is not None else NONE) not in cue.when:
        return False
    if cue.cameo and not cameo.startswith(cue.cameo):
        return False
    if cue.rules and rule_id not in cue.rules:
        return False
    if cue.triggers and trigger not in cue.triggers:
        return False
    if cue.source and kinds[0] not in cue.source:
        return False
    if cue.target and kinds[1] not in cue.target:
        return False
    text = texts(cue.window)
    if cue.cues and not any(c in text for c in cue.cues):
        return False
    return not any(c in text for c in cue.unless)


def decide_type(base: tuple[str | None, str | None], event: tuple[str, str, str], kinds: tuple[str, str],
                sentences: Sequence[Span], index: int, cues: Sequence[AcledCue] | None = None,
                masked: frozenset[int] = frozenset()) -> tuple[str | None, str | None, tuple[str, ...], bool]:
    """Apply the cue entries in order to the base (event type, sub-event type); ``event`` is (CAMEO code, rule id, trigger lemma).

    ``masked`` token indices are left out of the cue text: a protest's aim ("against gun violence")
    says what the protest is about, not how it went.
    """
    etype, sub = base
    fired: list[str] = []
    cued = False
    texts = lru_cache(maxsize=3)(lambda w: _window_text(sentences, index, w, masked))  # built when a cue needs it
    for cue in default_cues() if cues is None else cues:
        if _applies(cue, sub, event, kinds, texts):
            etype, sub = cue.then if cue.then else (None, None)
            fired.append(cue.id)
            cued = cued or bool(cue.cues)
    return etype, sub, tuple(fired), cued


def _ordered(etype: str, sub: str, one: AcledActor | None, two: AcledActor | None) -> tuple[AcledActor | None, AcledActor | None]:
    """ACLED's order: civilians are actor2 in violence against civilians; demonstrators are actor1 in protests and riots."""
    if etype == "Violence against civilians" or sub == "Mob violence":
        if one is not None and one.inter == 7 and (two is None or two.inter != 7):
            return two, one
    if etype in {"Protests", "Riots"} and two is not None and two.inter in {5, 6} and (one is None or one.inter not in {5, 6}):
        return two, one
    if one is None and two is not None and etype not in {"Violence against civilians"}:
        return two, None
    return one, two


def _country_kind(kind: str | None, etype: str) -> str | None:
    """A side named only by its country: its forces in battles and developments, its people where violence hits them."""
    if kind != "country":
        return kind
    return "civilian" if etype in {"Violence against civilians", "Explosions/Remote violence", "Riots"} else "state"


def _actors(etype: str, sub: str, source: Actor | None, target: Actor | None, kinds: tuple[str | None, str | None],
            country: str | None, lex: Lexicon, when: dt.date | None) -> tuple[AcledActor | None, AcledActor | None]:
    k1, k2 = (_country_kind(k, etype) for k in kinds)
    if etype in {"Protests", "Riots"} and k1 == "civilian":
        k1 = "protester"  # "students marched", "teachers rallied": people who demonstrate are demonstrators
    if etype == "Riots":  # demonstrators in a riot are rioters
        k1, k2 = ("rioter" if k1 == "protester" else k1), ("rioter" if k2 == "protester" else k2)
    if etype == "Protests" and k1 is None and k2 != "protester":
        k1 = "protester"  # a protest always has protesters, named or not
    if etype == "Riots" and k1 is None and k2 != "rioter":
        k1 = "rioter"
    if etype in {"Battles", "Explosions/Remote violence", "Violence against civilians"} and k1 is None:
        k1 = "militia"  # an unnamed perpetrator: ACLED's unidentified armed group
    if (etype == "Violence against civilians" or sub == "Mob violence") and k2 is None and k1 != "civilian":
        k2 = "civilian"  # the victims of violence against civilians are civilians
    c1 = (source.country if source is not None else None) or country or (target.country if target is not None else None)
    c2 = (target.country if target is not None else None) or country or c1
    one = acled_actor(k1, source if kinds[0] is not None else None, c1, lex, when)
    two = acled_actor(k2, target if kinds[1] is not None else None, c2, lex, when)
    return _ordered(etype, sub, one, two)


UNARMED_STATE_SECTORS = {"GOV", "JUD", "LEG"}
VIOLENT_ROOTS = ("18", "19", "20")


def _armed_thing(actor: Actor | None, kind: str | None) -> str | None:
    """'attacked Ukrainian positions', 'a Russian convoy': a country named on a thing only forces have is its forces."""
    if kind != "country" or actor is None or not actor.name:
        return kind
    last = actor.name.lower().split()[-1]
    return "state" if {last, last.removesuffix("s"), last.removesuffix("es")} & MILITARY_OBJECTS else kind


def _unarmed_official(actor: Actor | None, kind: str | None, cameo: str) -> str | None:
    """An official, a judge or a legislator attacked ('gunmen killed a workers' leader', 'a mayor was shot dead') is no
    armed side: ACLED codes violence on them as violence against civilians."""
    if kind == "state" and actor is not None and actor.sector in UNARMED_STATE_SECTORS and not actor.org_code \
            and cameo.startswith(VIOLENT_ROOTS):
        return "civilian"
    return kind


def acled_view(cameo: str, rule: EventRule, trigger: str, source: Actor | None, target: Actor | None,
               sentences: Sequence[Span], index: int, lex: Lexicon, *, threat: bool = False, modality: str = "asserted",
               event_country: str | None = None, when: dt.date | None = None,
               masked: frozenset[int] = frozenset()) -> AcledDecision:
    """The ACLED columns of a row coded ``cameo`` by ``rule`` (trigger head lemma ``trigger``) in sentence ``index``."""
    if threat or modality in UNASSERTED:
        return AcledDecision(dict(EMPTY), (), False)  # ACLED codes events that happened, not threats or plans
    event_country = event_country if event_country not in {"IGO", "NGO"} else None
    if event_country is None and target is not None and target.name and actor_kind(target, None, lex) == "country":
        # "captured the Ukrainian town of Lyman": a named place is the target (never a side inferred from the story)
        event_country = target.country
    raw_kinds = (_armed_thing(source, actor_kind(source, event_country, lex)),
                 _unarmed_official(target, _armed_thing(target, actor_kind(target, event_country, lex)), cameo))
    country = event_country or (source.country if source is not None and source.country not in {"IGO", "NGO"} else None)
    kinds = (raw_kinds[0] or "none", raw_kinds[1] or "none")
    base = rule.acled if rule.acled else acled_for(cameo)
    etype, sub, fired, cued = decide_type(base, (cameo, rule.id, trigger.lower()), kinds, sentences, index, masked=masked)
    if etype is None or sub is None:
        return AcledDecision(dict(EMPTY), fired, cued)
    one, two = _actors(etype, sub, source, target, raw_kinds, country, lex, when)
    disorder = DISORDER_BY_SUB.get(sub, DISORDER[etype])
    targeting = "Civilian targeting" if "Political violence" in disorder and two is not None and two.inter == 7 else None
    columns = {
        "acled_event_type": etype,
        "acled_sub_event_type": sub,
        "disorder_type": disorder,
        "acled_actor1": one.name if one else None,
        "acled_actor2": two.name if two else None,
        "inter1": one.inter if one else None,
        "inter2": two.inter if two else None,
        "interaction": interaction(one.inter if one else None, two.inter if two else None),
        "civilian_targeting": targeting,
    }
    return AcledDecision(columns, fired, cued)
