"""Choose an event's place and fill its location columns.

In order: the place the report says it is coded to ("(coded to X)", ACLED's notes); a
place attached to the trigger or its arguments in the parse (nearest in the tree first);
else the nearest place named in the sentence; else the story's coded-to place; else where the event's source
person was last placed by the story ("Baerbock arrived in the capital ... Baerbock
pledged"); else, for a material event in a story local to its dateline, the dateline
place; else the country of the target. Places are resolved once per story
(``StoryPlaces``) and kept for the story's lifetime.
"""

from __future__ import annotations

from typing import Any, Protocol
from weakref import WeakKeyDictionary

from spacy.tokens import Span, Token

from coding.geo.gazetteer import Gazetteer, load_gazetteer
from coding.geo.resolve import NEAR, Location, Resolved, StoryPlaces, from_country
from coding.vocabulary import COMPASS_WORDS

EMPTY = Location(None, None)
MATERIAL_QUADS = (2, 4)


class ActorLike(Protocol):
    name: str
    country: str | None
    is_person: bool


class StoryContextLike(Protocol):
    """What locating needs from the coder's per-story context (``coding.coder.StoryContext``)."""

    story: Any
    sentences: list[Span]


class _StoryState:
    def __init__(self, places: StoryPlaces) -> None:
        self.places = places
        self.whereabouts: dict[str, Location] = {}  # a person's last known place in the story


_STATES: "WeakKeyDictionary[object, _StoryState]" = WeakKeyDictionary()


def story_state(ctx: StoryContextLike, dateline_place: str | None, gazetteer: Gazetteer | None = None) -> _StoryState:
    state = _STATES.get(ctx)
    if state is None:
        places = StoryPlaces(ctx.sentences, ctx.story, gazetteer or load_gazetteer(), dateline_place)
        state = _STATES[ctx] = _StoryState(places)
    return state


def _ancestors(tok: Token) -> list[int]:
    out = [tok.i]
    while tok.head.i != tok.i:
        tok = tok.head
        out.append(tok.i)
    return out


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence's parse."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    common = set(up_a) & set(up_b)
    if not common:
        return 99
    return min(up_a.index(c) + up_b.index(c) for c in common)


def _in_arguments(anchor: Token, trigger: Token, target_place: Token | None) -> bool:
    if target_place is not None and anchor.i == target_place.i:
        return True
    return anchor.i in {t.i for t in trigger.subtree}


def _in_subject(anchor: Token, trigger: Token) -> bool:
    return any(anchor.i in {t.i for t in c.subtree} for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"})


def _person_key(actor: ActorLike | None) -> str | None:
    if actor is None or not actor.is_person or not actor.name:
        return None
    return actor.name.split()[-1]


def is_reference_point(anchor: Token) -> bool:
    """'south-east of Tripoli', '40 km north of Baghdad': the place a bearing is taken from, outside which the event
    lies (vocab.compass_words). 'In the north of Mali' (with an article) is a part of Mali, not a bearing."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        bearing = anchor.head.head
    elif any(c.dep_ == "prep" and c.lower_ == "of" for c in anchor.children):
        bearing = anchor  # the mention anchored on its bearing word ('east' of 'south-east of Tripoli')
    else:
        return False
    words = {bearing.lower_, bearing.lemma_.lower()}
    if bearing.i >= 2 and bearing.doc[bearing.i - 1].text == "-":  # 'south-east' split into three tokens
        words.add(f"{bearing.doc[bearing.i - 2].lower_}-{bearing.lower_}")
    return bool(words & COMPASS_WORDS) and not any(c.dep_ in {"det", "poss"} for c in bearing.children)


def choose(resolved: list[Resolved], trigger: Token, target_place: Token | None) -> Location | None:
    """The sentence's place for this trigger: attached to it first, else the nearest one named."""
    if not resolved:
        return None
    coded = [r for r in resolved if r.mention.coded]
    if coded:
        return coded[0].location
    resolved = [r for r in resolved if r.mention.border != "other"]  # the far side of a border area is no event place
    # a border area ('near the border between Kharkiv region and Russia') only when no other place is named
    towns = [r for r in resolved if r.location.precision is not None and r.mention.border is None] \
        or [r for r in resolved if r.location.precision is not None]
    countries = [r for r in resolved if r.location.precision is None]
    # a bearing's reference point ('near Tarhuna, south-east of Tripoli') only when no other place is named
    towns = [r for r in towns if not is_reference_point(r.mention.anchor)] or towns
    attached = [r for r in towns if _in_arguments(r.mention.anchor, trigger, target_place)]
    # 'rebels in Papua region shot two soldiers in an ambush in Intan Jaya regency': a place in the subject's
    # phrase says where the actor is; a place of the action's own phrases, where it happened
    attached = [r for r in attached if not _in_subject(r.mention.anchor, trigger)] or attached
    if attached:
        best = min(attached, key=lambda r: (tree_distance(r.mention.anchor, trigger), abs(r.mention.anchor.i - trigger.i)))
        return best.location
    if towns:
        return min(towns, key=lambda r: abs(r.mention.anchor.i - trigger.i)).location
    attached = [r for r in countries if _in_arguments(r.mention.anchor, trigger, target_place)]
    return attached[0].location if attached else None


def locate(trigger: Token, target_place: Token | None, index: int, ctx: StoryContextLike, dateline_place: str | None,
           source: ActorLike | None, target: ActorLike | None, quad_class: int | None,
           gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """The location columns for one event of sentence ``index`` of the story."""
    state = story_state(ctx, dateline_place, gazetteer)
    places = state.places
    loc = choose(places.by_sentence[index], trigger, target_place)
    if (loc is None or loc.precision is None) and places.coded is not None:
        loc = places.coded
    person = _person_key(source)
    if loc is not None and loc.precision is not None:
        if person:
            state.whereabouts[person] = loc
        return loc.columns()
    if person and person in state.whereabouts:
        return state.whereabouts[person].columns()
    if loc is None and places.dateline is not None and quad_class in MATERIAL_QUADS and _local(places, dateline_place) \
            and places.dateline.iso3 in {a.country for a in (source, target) if a is not None}:
        dl = places.dateline
        return Location(dl.name, dl.iso3, dl.admin1, dl.admin2, dl.lat, dl.lon, dl.gid, NEAR, dl.a1_id, True).columns()
    if loc is not None:
        return loc.columns()
    place_entry = ctx.story.entry_at(target_place) if target_place is not None else None
    for iso3 in (place_entry.country if place_entry is not None and place_entry.kind in {"country", "capital"} else None,
                 target.country if target is not None else None):
        country = places.gaz.country(iso3)
        if country is not None:
            return from_country(country).columns()
    return EMPTY.columns()


def _local(places: StoryPlaces, dateline_place: str | None) -> bool:
    """The story is local to its dateline place when its body names that place (or its region) again."""
    dl = places.dateline
    if dl is None:
        return False
    for sentence in places.by_sentence:
        for r in sentence:
            if r.location.gid == dl.gid or (r.location.a1_id is not None and r.location.a1_id == dl.a1_id):
                return True
    return False
