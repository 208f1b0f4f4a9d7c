"""Find the place mentions in a parsed sentence, with the words that qualify them.

A mention is a proper name used as a place ("in Nova Kakhovka", "the town of Lyman",
"Kharkiv region", "liberated Vasylenkovo"), or a definite description that names no place
("the Ukrainian capital", "the city", "the region"). Names used as actors ("Kyiv's troops",
"Moscow announced") are not places. Each mention keeps the country and admin-1 words
attached to it ("the eastern Kharkiv region of Ukraine", "a town ... in the Kherson
region") because those constrain which same-named place it is.

Conflict reports also qualify a place by the name written after it: "Kalynivka, Kyiv",
"Ivanivka, Chernihiv region", "Kalynivka (Kyiv)", "in Gwoza district (Gwoza, Borno)". These
qualifiers are found on the token sequence (the small model parses them in many ways): a
name right after a comma or an opening bracket that follows a place name. A name in a list
("Kharkiv, Sumy and Chernihiv") qualifies only with a division word after it ("Sumy
region"). A qualifier is no event place of its own. "(coded to X)" marks the place the
report itself says the event is coded to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Span, Token

from coding.dates import MONTHS, WEEKDAYS
from coding.lexicon import ORGANISATION_KINDS
from coding.vocabulary import ACCUSATION_VERBS, COMPASS_WORDS, FACILITY_NOUNS, NAME_PARTICLES, PLACE_PREPOSITIONS, REPORTING_VERBS, STANCE_VERBS, WATER_NOUNS

TOWN_NOUNS = frozenset({"city", "town", "village", "capital", "port", "settlement", "locality", "hamlet", "municipality",
                        "suburb", "township"})
ADMIN_NOUNS = frozenset({"region", "oblast", "province", "governorate", "state", "prefecture", "krai", "county"})
# Second-level division words: after a name they make it a district qualifier ("Gwoza LGA", "Izium raion").
DISTRICT_NOUNS = frozenset({"district", "raion", "rayon", "lga", "municipality", "county", "department", "prefecture",
                            "territory", "cercle", "commune", "hromada", "regency", "zone"})  # DRC territories, Mali cercles, Sahel communes, Indonesian regencies
QUALIFIER_OPENERS = frozenset({",", "("})
# Lower-case words inside place names ('Duque de Caxias', 'Ras al Ain'): they join the capitalised words around them.

LIST_WORDS = frozenset({"and", "or", "&"})
# A part of a place, or its surroundings: the event is near or in part of it (precision 2).
PART_NOUNS = frozenset({"district", "neighbourhood", "neighborhood", "outskirts", "suburbs", "area", "part", "centre",
                        "center", "quarter", "edge", "vicinity", "environs", "outskirt", "south", "north", "east", "west",
                        "direction", "axis", "border", "frontier", "outpost", "approaches"})
AREA_NOUNS = frozenset({"area", "outskirts", "vicinity", "environs", "surroundings"})  # 'X area (Y district)': still X's qualifier
# People named by where they live: 'residents of X', 'villagers of X' say where the event is.
DWELLER_NOUNS = frozenset({"resident", "inhabitant", "villager", "people", "population", "citizen", "community", "youth",
                           "dweller", "native"})
NEAR_PREPS = frozenset({"near", "around", "outside", "beyond", "towards", "toward"})
NAME_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
ACTOR_KINDS = ORGANISATION_KINDS | {"person"}


class StoryLike(Protocol):
    """What mention finding needs from the story's actor analysis (``coding.actors.StoryActors``)."""

    people: dict

    def entry_at(self, token: Token): ...

    def agent_sector(self, tok: Token, own_only: bool = False) -> str | None: ...


@dataclass
class Mention:
    anchor: Token  # the token that stands for the mention in the parse (a place noun, else the name's head)
    name: str | None  # the proper name, None for a description ("the city")
    kind: str  # name | town | admin1 | country | capital | city_ref | region_ref
    near: bool = False  # part of the place or close to it
    country: str | None = None  # ISO-3 fixed by the words around it ("Ukrainian", "of Ukraine")
    linked: list["Mention"] = field(default_factory=list)  # admin-1 mentions that qualify this one
    tokens: tuple[int, int] = (0, 0)  # token range of the name (or of the description's noun)
    qualifiers: list["Mention"] = field(default_factory=list)  # names written after it: "X, Y", "X (Y region)"
    is_qualifier: bool = False  # this name only qualifies the place before it
    coded: bool = False  # "(coded to X)": the report says the event is coded to this place
    division: str | None = None  # "admin1" or "admin2" when a division word follows the name ("Y region", "Y district")
    border: str | None = None  # "chosen" for the side ACLED codes a border area to, "other" for the other side(s)


def _noun_kind(lemma: str) -> str | None:
    if lemma in TOWN_NOUNS:
        return "capital" if lemma == "capital" else "town"
    if lemma in ADMIN_NOUNS:
        return "admin1"
    if lemma in PART_NOUNS or lemma in DISTRICT_NOUNS:
        return "part"  # 'Tillia department', 'Gwoza LGA': the town, near it, or else the district
    return None


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _division_of(tok: Token) -> str | None:
    """'admin1' for a region word, 'admin2' for a district word, else None ('Kharkiv region', 'Gwoza LGA')."""
    word = tok.lower_ if tok.lower_ in DISTRICT_NOUNS or tok.lower_ in ADMIN_NOUNS else _lemma(tok)
    if word in DISTRICT_NOUNS - {"county", "prefecture"}:
        return "admin2"
    if word in ADMIN_NOUNS:
        return "admin1"
    return None


def _country_of(tok: Token, story: StoryLike) -> str | None:
    entry = story.entry_at(tok)
    if entry is not None and entry.country and entry.kind in {"country", "adjective"}:
        return entry.country
    return None


def _country_words(noun: Token, story: StoryLike, name: tuple[int, int] = (0, 0)) -> str | None:
    """A country fixed by an adjective, a possessive or an of/in phrase on a place noun or name (not a word of
    the name itself: 'Datu Saudi Ampatuan' is in the Philippines)."""
    held = _held_by(noun, story)
    if held:
        return held
    for child in noun.children:
        if name[0] <= child.i < name[1]:
            continue
        if child.dep_ in {"amod", "poss", "compound", "nmod", "npadvmod", "appos"}:
            country = _country_of(child, story)
            if country:
                return country
        if child.dep_ == "prep" and child.lower_ in {"of", "in"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and _country_of(obj, story):
                    return _country_of(obj, story)
    return None


CONTROL_WORDS = {"administered"}  # not "occupied", "held" or "controlled": ACLED keeps the country the place is in


def _held_by(noun: Token, story: StoryLike) -> str | None:
    """'Pakistan-administered Kashmir', 'Indian-administered Kashmir': the country that administers the place, even
    when the words are part of its name."""
    for mod in (c for c in noun.lefts if c.lower_ in CONTROL_WORDS):
        doc = noun.doc
        for i in range(max(mod.i - 3, 0), mod.i):
            if doc[i].text != "-" and _country_of(doc[i], story):
                return _country_of(doc[i], story)
    return None


def _particle_joins(tok: Token, sent: Span, story: StoryLike) -> bool:
    """A lower-case particle inside a place name: 'San Jose del Monte', 'Duque de Caxias', 'Rio de Janeiro'."""
    return (tok.lower_ in NAME_PARTICLES and tok.i > sent.start and tok.i + 1 < sent.end
            and _is_name_token(tok.doc[tok.i - 1], story) and tok.doc[tok.i + 1].text[:1].isupper()
            and _is_name_token(tok.doc[tok.i + 1], story))


def _name_heads(sent: Span, story: StoryLike) -> list[tuple[Token, int]]:
    """Heads of proper-name spans with their start token: 'Nova Kakhovka' -> (Kakhovka, i of Nova)."""
    out = []
    for tok in sent:
        if not _is_name_token(tok, story):
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if nxt is not None and _is_name_token(nxt, story) and tok.dep_ == "compound" and tok.head.i >= nxt.i:
            continue  # inside a longer name
        if _possessive_name_part(tok, sent, story):
            continue  # 'Cox' of "Cox's Bazar"
        if nxt is not None and _particle_joins(nxt, sent, story):
            continue  # 'San Jose' of 'San Jose del Monte'
        if nxt is not None and nxt.text == "-" and not tok.whitespace_ and tok.i + 2 < sent.end:
            continue  # 'Ivano-' of 'Ivano-Frankivsk'
        start = tok.i
        while start > sent.start:
            prev = tok.doc[start - 1]
            if _is_name_token(prev, story) and prev.dep_ == "compound":
                start -= 1
            elif _particle_joins(prev, sent, story):
                start -= 2
            elif prev.text == "-" and not prev.whitespace_ and start - 2 >= sent.start and not tok.doc[start - 2].whitespace_:
                start -= 2
            elif prev.text in {"'s", "’s"} and start - 2 >= sent.start and _possessive_name_part(tok.doc[start - 2], sent, story):
                start -= 2  # "Cox's Bazar", "King's Lynn": a possessive inside the name
            else:
                break
        out.append((tok, start))
    return out


def _possessive_name_part(tok: Token, sent: Span, story: StoryLike) -> bool:
    """The first word of a name with a possessive inside ("Cox's Bazar", "King's Lynn"): a capitalised word no
    lexicon knows, no person, whose "'s" is followed by the name's next capitalised word ("Kenya's Mombasa" and
    "Putin's Russia" are possessives of a known country and of a person)."""
    if tok.i + 2 >= sent.end or tok.doc[tok.i + 1].text not in {"'s", "’s"} or tok.whitespace_:
        return False
    nxt = tok.doc[tok.i + 2]
    entry = story.entry_at(tok)  # "Cox's Bazar" may be a place the dictionaries know, as a whole
    return tok.text[:1].isupper() and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and tok.pos_ == "PROPN" \
        and (entry is None or (entry.kind == "place" and story.entry_at(nxt) == entry)) \
        and tok.ent_type_ not in {"PERSON", "NORP"} and tok.text not in story.people


def _misread_as_group(tok: Token, story: StoryLike) -> bool:
    """'in Omdurman' tagged NORP (or 'in Sokoto' tagged DATE) by the small model: a proper noun after a place
    preposition that no lexicon knows as a nationality or group, and that is no date word, is read as a place."""
    entry = story.entry_at(tok)  # a place from the PETRARCH dictionaries ("Omdurman") is still a place
    # 'at a college in Sokoto' tagged DATE: a proper noun that is no month, weekday or number is no date
    misread_date = tok.ent_type_ in {"DATE", "TIME"} and not any(ch.isdigit() for ch in tok.text) \
        and tok.lower_.rstrip(".") not in MONTHS and tok.lower_ not in WEEKDAYS
    if not ((tok.ent_type_ == "NORP" or misread_date) and tok.pos_ == "PROPN" and (entry is None or entry.kind == "place")):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS:
        return True
    # 'in Apurimac region', 'Masisi territory', 'the region of Apurimac': a division noun says it is a place
    if tok.dep_ == "compound" and (_noun_kind(_lemma(tok.head)) == "admin1" or _division_of(tok.head) is not None):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and _noun_kind(_lemma(tok.head.head)) == "admin1"


def _is_name_token(tok: Token, story: StoryLike) -> bool:
    if tok.lower_.rstrip(".") in MONTHS and any(n.like_num for n in tok.doc[max(tok.i - 1, 0):tok.i + 2] if n.i != tok.i):
        return False  # "On 9 September 2024": a date, however the tagger labelled it
    if tok.ent_type_ in NOT_PLACE_LABELS and not _misread_as_group(tok, story):
        return False
    if not tok.text[:1].isupper():
        return False
    if tok.pos_ != "PROPN" and not (tok.ent_type_ in NAME_LABELS and tok.pos_ in {"NOUN", "PROPN"}):
        # an unknown capitalised word the tagger took for something else ("in Kup’yans’k" tagged ADV,
        # "Sagaing region" tagged VERB)
        known = story.entry_at(tok)
        before_division = tok.dep_ in {"compound", "amod", "nmod"} and (
            _division_of(tok.head) is not None
            # "Kyiv city" with Kyiv tagged an adjective: a name the tagger or the lexicon knows as a place
            or (_lemma(tok.head) in TOWN_NOUNS - {"capital"}
                and (tok.ent_type_ in NAME_LABELS or (known is not None and known.kind in {"capital", "place"}))))
        if tok.is_sent_start or not (before_division or (tok.pos_ in {"NOUN", "ADV", "X"} and tok.dep_ == "pobj")):
            return False
    entry = story.entry_at(tok)
    return entry is None or entry.kind not in ACTOR_KINDS or _names_a_division(tok)


def _names_a_division(tok: Token) -> bool:
    """A word in the name of a division ('Dera Ismail Khan district', 'Sheikh Othman district'): the chain of
    compounds it starts ends on a district or region word, so a person's name inside it is part of the place."""
    head = tok
    for _ in range(4):
        if head.dep_ != "compound" or head.head.i == head.i:
            break
        head = head.head
    return head is not tok and _division_of(head) is not None


def _is_person(head: Token, start: int, story: StoryLike) -> bool:
    """A person the story names, or a multi-word name the tagger calls a person ('Emmanuel Macron').

    A single unknown word tagged PERSON in a place position is kept: the small model often
    tags unfamiliar town names so ('entered Lyman').
    """
    if head.text in story.people or head.doc[start:head.i + 1].text in story.people:
        return True
    if head.ent_type_ != "PERSON":
        return False
    first = head
    while first.i > 0 and first.ent_iob_ == "I":
        first = head.doc[first.i - 1]
    return first.i < head.i


# Nouns of actions done to a place: their "of" phrase names the place ("the capture of Lyman").
EVENT_NOUNS = {"shelling", "capture", "bombardment", "liberation", "occupation", "siege", "bombing", "invasion", "recapture",
               "evacuation", "blockade", "encirclement", "annexation", "fall", "storming", "seizure", "takeover", "control"}


def _place_context(head: Token) -> tuple[str | None, Token, bool] | None:
    """How a name is used: (kind from its place noun, anchor, near), or None when it is not used as a place."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    parent = first.head
    if first.dep_ in {"compound", "nmod", "amod"} and _noun_kind(_lemma(parent)):
        kind = _noun_kind(_lemma(parent))
        near = kind == "part" or _is_near_noun(parent) or (parent.dep_ == "pobj" and parent.head.lower_ in NEAR_PREPS)
        return (None if kind == "part" else kind), parent, near
    if first.dep_ == "pobj" and parent.lower_ == "of" and _noun_kind(_lemma(parent.head)):
        kind = _noun_kind(_lemma(parent.head))
        return (None if kind == "part" else kind), parent.head, kind == "part"
    if first.dep_ == "pobj" and parent.lower_ == "of" and (parent.head.tag_ == "VBG" or _lemma(parent.head) in EVENT_NOUNS):
        return None, first, False  # "the shelling of Kharkiv", "the capture of Lyman"
    if first.dep_ == "pobj" and parent.lower_ == "of" and _lemma(parent.head) in FACILITY_NOUNS:
        return None, first, False  # "the town hall of San Miguel Totolapan", "the central market of Beledweyne"
    if first.dep_ == "compound" and _lemma(parent) in FACILITY_NOUNS and parent.dep_ == "pobj" \
            and parent.head.lower_ in PLACE_PREPOSITIONS:
        return None, first, True  # "gathered near Herat University", "at Mitiga airport": at a facility of that town
    if first.dep_ == "poss" and (_lemma(parent) in FACILITY_NOUNS or _noun_kind(_lemma(parent)) == "part"
                                 or (_lemma(parent) in CITY_PART_WORDS and _compass_part(parent.doc[parent.left_edge.i:parent.i + 1][-2:]))):
        return None, first, _noun_kind(_lemma(parent)) == "part"  # "Lima's central square", "Kyiv's outskirts"
    if first.dep_ == "pobj" and parent.lower_ == "of" and _lemma(parent.head) in DWELLER_NOUNS:
        return None, first, False  # "residents of Las Heras set fire to ...": where they live
    if first.dep_ == "appos" and _noun_kind(_lemma(parent)) in {"town", "admin1"}:
        return _noun_kind(_lemma(parent)), parent, False
    if first.dep_ == "pobj" and parent.lower_ == "between":
        return None, first, True  # 'ambushed a convoy between Djibo and Namsiguia': the road between two towns
    if first.dep_ == "pobj" and parent.lower_ in PLACE_PREPOSITIONS:
        return None, first, parent.lower_ in NEAR_PREPS or _is_near_noun(parent.head)
    if first.dep_ in {"dobj", "nsubjpass"} and parent.pos_ == "VERB":
        return None, first, False
    for child in first.children:  # "Nova Kakhovka, a town held by ..."
        if child.dep_ == "appos" and _noun_kind(_lemma(child)) in {"town", "admin1"}:
            return _noun_kind(_lemma(child)), first, first.dep_ == "pobj" and parent.lower_ in NEAR_PREPS
    return None


DESTINATION_PREPOSITIONS = {"to", "towards", "toward"}


def is_destination(anchor: Token) -> bool:
    """'its ambassador to Addis Ababa', 'fled to Moscow': a place someone goes or is posted to."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ in DESTINATION_PREPOSITIONS


def _is_near_noun(tok: Token) -> bool:
    return _lemma(tok) in PART_NOUNS


def _descriptions(sent: Span, story: StoryLike, named_anchors: set[int]) -> list[Mention]:
    """'the capital', 'the Ukrainian capital', 'the city', 'the region' (singular, definite, unnamed)."""
    out = []
    for tok in sent:
        kind = _noun_kind(_lemma(tok))
        if kind not in {"town", "capital", "admin1"} or tok.tag_ in {"NNS", "NNPS"} or tok.i in named_anchors:
            continue
        if any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in tok.children):
            continue
        country = _country_words(tok, story)
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that"} or c.dep_ == "poss" for c in tok.children)
        if not definite and not country:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children) for c in tok.children):
            continue  # 'the city of X' is a named mention
        near = tok.dep_ == "pobj" and (tok.head.lower_ in NEAR_PREPS
                                       or (tok.head.lower_ == "of" and _is_near_noun(tok.head.head)))
        ref = {"town": "city_ref", "capital": "capital", "admin1": "region_ref"}[kind]
        out.append(Mention(tok, None, ref, near=near, country=country, tokens=(tok.i, tok.i + 1)))
    return out


def _speaks_for_government(head: Token, story: StoryLike) -> bool:
    """A capital that is the subject of a saying or accusing verb, or the object of an accusation."""
    entry = story.entry_at(head)
    if entry is None or entry.kind != "capital":
        return False
    verb = head.head.lemma_.lower()
    return (head.dep_ == "nsubj" and verb in REPORTING_VERBS | ACCUSATION_VERBS | STANCE_VERBS) or \
        (head.dep_ == "dobj" and verb in ACCUSATION_VERBS)


def _qualified_by_division(head: Token) -> bool:
    """'Debre Markos, East Gojjam zone, Amhara region': a name followed by a comma and a named division is a
    place, whatever the tagger thinks of it."""
    doc = head.doc
    if head.i + 1 >= len(doc) or doc[head.i + 1].text != ",":
        return False
    for tok in doc[head.i + 2:min(len(doc), head.i + 7)]:
        if tok.is_punct:
            return False
        if _lemma(tok) in ADMIN_NOUNS | DISTRICT_NOUNS:
            return True
    return False


CITY_PART_WORDS = frozenset({"zone", "side", "end", "quarter", "sector"})  # "North Zone", "East Side", "West End"


def _compass_part(name: Span) -> bool:
    """A name of a bearing and a part word only ('North Zone', 'Southern Sector', 'East Side')."""
    words = [t.lower_ for t in name]
    return len(words) == 2 and (words[0] in COMPASS_WORDS or words[0].removesuffix("ern") in COMPASS_WORDS) \
        and words[1] in CITY_PART_WORDS


def find_mentions(sent: Span, story: StoryLike) -> list[Mention]:
    """Place mentions of a sentence, in text order, each linked to the admin-1 mentions that qualify it."""
    mentions: list[Mention] = []
    heads = _name_heads(sent, story)
    for head, start in heads:
        if head.lower_ in WATER_NOUNS or (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in WATER_NOUNS):
            continue  # "the Red Sea", "the Gulf of Aden": water, not the governorate or the port of the same name
        if _speaks_for_government(head, story):
            continue  # "Moscow said", "accused Dushanbe of ...": the capital is its government, not a place
        context = _place_context(head)
        if context is None:
            continue
        kind, anchor, near = context
        if anchor is not head and _is_near_noun(anchor) and not (head.dep_ == "pobj" and head.head.head.i == anchor.i) \
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in anchor.children) \
                and not _part_named_after_of(anchor, head, story):
            continue  # 'the Kholodnogirskiy district of the city': the place is the city
        entry = story.entry_at(head)
        if entry is not None and entry.kind in ACTOR_KINDS - {"person"}:
            continue  # "Islamic State Sahel Province", "the Congo River Basin Authority": a word of an organisation's name
        if entry is None and head.ent_type_ not in {"GPE", "LOC"} and story.agent_sector(head, own_only=True) is not None:
            continue  # "outside the Ministry of Education", "the Interior Ministry": an institution, not a place name
        named_area = anchor is not head and head.dep_ == "compound" and _lemma(anchor) in AREA_NOUNS | DISTRICT_NOUNS
        if kind is None and not (entry is not None and entry.kind in {"capital", "country"}) and not named_area \
                and not _qualified_by_division(head) and _is_person(head, start, story):
            continue  # a person's name, unless a place noun says otherwise ('the town of Lyman', 'Kurmin Doka area')
        name = sent.doc[start:head.i + 1].text  # not doc.text, which spaCy rebuilds from every token
        if len(name) < 2:
            continue  # "wrote on X": a letter is no place name
        if _compass_part(sent.doc[start:head.i + 1]):
            continue  # "Rio de Janeiro's North Zone", "the city's West Side": a part of the city named, no town of its own
        if entry is not None and entry.kind == "country":
            kind = "country"
        elif kind is None and head.i > start and head.lower_ in ADMIN_NOUNS:
            kind = "admin1"  # 'Donetsk Oblast' tagged as one proper name
        mentions.append(Mention(anchor, name, kind or "name", near=near,
                                country=_country_words(anchor, story, (start, head.i + 1))
                                or (_country_words(head, story, (start, head.i + 1)) if anchor is not head else None),
                                division=_division_of(anchor) if anchor is not head else None,
                                tokens=(start, head.i + 1)))
    mentions = _attach_qualifiers(sent, story, heads, mentions)
    mentions = _city_of_named_part(sent, mentions)
    _mark_borders(sent, mentions)
    named_anchors = {m.anchor.i for m in mentions} | {q.anchor.i for m in mentions for q in m.qualifiers}
    mentions.extend(_descriptions(sent, story, named_anchors))
    mentions.sort(key=lambda m: m.tokens[0])
    admins = [m for m in mentions if m.kind == "admin1"]
    for m in mentions:
        if m.kind in {"admin1", "country"}:
            continue
        scope = _scope(m.anchor)
        governor = _governor(m.anchor)
        for a in admins:
            if a is m:
                continue
            other = _governor(a.anchor)
            if a.anchor.i in scope or (governor is not None and other is not None and other.i == governor.i
                                       and a.anchor.i > m.anchor.i):
                m.linked.append(a)
    return mentions


def _scope(tok: Token) -> set[int]:
    """Token indices of a phrase without its conjuncts ('Kharkiv city and the region of Donbas' -> 'Kharkiv city')."""
    out = {tok.i}
    for child in tok.children:
        if child.dep_ not in {"conj", "cc"}:
            out |= {t.i for t in child.subtree}
    return out


def _governor(tok: Token) -> Token | None:
    """The verb a (conjoined) object or prepositional phrase hangs from: 'liberated X and Y in Z region'."""
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "pobj":
        tok = tok.head
    if tok.dep_ in {"dobj", "prep", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"}:
        return tok.head
    return None


def _after_name(sent: Span, end: int) -> tuple[str | None, int]:
    """The division word right after a name ending at ``end`` (None if there is none) and the index after it."""
    if end < sent.end:
        division = _division_of(sent.doc[end])
        if division is not None and sent.doc[end].pos_ in {"NOUN", "PROPN"}:
            return division, end + 1
    return None, end


def _attach_qualifiers(sent: Span, story: StoryLike, heads: list[tuple[Token, int]], mentions: list[Mention]) -> list[Mention]:
    """Attach each name written after a comma or bracket behind a place name to that place ('X, Y', 'X (Y region)',
    'X, A, B').

    Names joined so form a chain; its first name is the place and the others qualify it, most
    specific first. Returns the mentions without the qualifiers (each is kept on the place it
    qualifies). A first name the parse did not read as a place ('in Kalynivka (Kyiv)': the
    bracket took the preposition) takes the context of the chain's first name that it did read
    as one."""
    doc = sent.doc
    by_start = {m.tokens[0]: m for m in mentions if m.name}
    end_of = {start: head.i + 1 for head, start in heads}
    chains: dict[int, list[tuple[Token, int, str | None]]] = {}  # first name's start -> (head, start, division) after it
    root_of: dict[int, int] = {}
    own_division: dict[int, str | None] = {}
    first_head: dict[int, Token] = {}
    for (head_a, start_a), (head_b, start_b) in zip(heads, heads[1:]):
        own, j = _after_name(sent, head_a.i + 1)
        if own is None and j < sent.end and _lemma(doc[j]) in (TOWN_NOUNS - {"capital"}) | AREA_NOUNS:
            j += 1  # 'Hadiya village, Chibok LGA', 'Moqokori area (Bulo Burte district, Hiraan)'
        if j + 1 != start_b or doc[j].text not in QUALIFIER_OPENERS:
            continue
        division, k = _after_name(sent, head_b.i + 1)
        if division is None and doc[j].text == "," and _in_list(sent, k, end_of):
            continue  # 'Kharkiv, Sumy and Chernihiv': a list, not a qualifier
        if start_b not in by_start and division is None and _is_person(head_b, start_b, story) and (
                head_b.text in story.people or (k < sent.end and doc[k].pos_ in {"VERB", "AUX"})):
            continue  # 'In Donetsk, Denis Pushilin said': a person, not a qualifier
        root = root_of.get(start_a, start_a)
        if root == start_a:
            own_division[root], first_head[root] = own, head_a
        chains.setdefault(root, []).append((head_b, start_b, division))
        root_of[start_b] = root
    for root, members in chains.items():
        place = by_start.get(root)
        if place is None:
            context = next((by_start[s] for _h, s, _d in members if s in by_start
                            and by_start[s].kind in {"name", "town", "admin1"}), None)
            head_a = first_head[root]
            if context is None or (all(d is None for _h, _s, d in members) and _is_person(head_a, root, story)):
                continue
            place = Mention(context.anchor, doc[root:head_a.i + 1].text, "name", near=context.near,
                            country=context.country, tokens=(root, head_a.i + 1))
            mentions.append(place)
        if place.kind == "country":
            continue
        for head_b, start_b, division in members:
            qualifier = by_start.get(start_b) or Mention(head_b, doc[start_b:head_b.i + 1].text, division or "name",
                                                         tokens=(start_b, head_b.i + 1))
            qualifier.is_qualifier = True
            qualifier.division = division or (qualifier.kind if qualifier.kind == "admin1" else None)
            if place.kind == "admin1" and own_division.get(root) is None and qualifier.division:
                place.kind = "name"  # 'Avdiivka, Donetsk region': the region word is the qualifier's, not the town's
            place.qualifiers.append(qualifier)
    for m in mentions:
        start = m.tokens[0]
        if start >= 2 and doc[start - 1].lower_ == "to" and doc[start - 2].lower_ == "coded":
            m.coded = True
    return [m for m in mentions if not m.is_qualifier]


CITY_KINDS = {"capital", "place"}


def _part_named_after_of(anchor: Token, name: Token, story: StoryLike) -> bool:
    """'the Caracas district of El Paraiso': a city the lexicons know before the part word, a proper name that they
    do not know as a city after its 'of' ('the Karari district of Omdurman' names Karari, a part of Omdurman)."""
    entry = story.entry_at(name)
    if entry is None or entry.kind not in CITY_KINDS:
        return False
    for part in (g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
        other = story.entry_at(part)
        if part.pos_ == "PROPN" and part.text[:1].isupper() and (other is None or other.kind not in CITY_KINDS):
            return True
    return False


def _city_of_named_part(sent: Span, mentions: list[Mention]) -> list[Mention]:
    """'the Caracas district of El Paraiso', 'the Kabul neighbourhood of Karte Se': the name after 'of' is a part of
    the city named before the part word, which qualifies it as 'El Paraiso, Caracas' would."""
    doc = sent.doc
    for m in mentions:
        head = doc[m.tokens[1] - 1]
        anchor = m.anchor
        if not m.name or anchor is head or head.dep_ != "pobj" or head.head.lower_ != "of" or head.head.head.i != anchor.i:
            continue
        if _noun_kind(_lemma(anchor)) != "part":
            continue
        city = next((q for q in mentions if q is not m and q.name and q.anchor.i == anchor.i and q.tokens[1] <= anchor.i
                     and not q.is_qualifier), None)
        if city is not None:
            city.is_qualifier = True
            m.qualifiers.append(city)
    return [m for m in mentions if not m.is_qualifier]


def _in_list(sent: Span, k: int, end_of: dict[int, int]) -> bool:
    """Whether the names go on as a list after index ``k`` (', Z and W', 'and W'), not as a place's qualifiers."""
    doc = sent.doc
    while k < sent.end and doc[k].text == "," and k + 1 in end_of:
        k = _after_name(sent, end_of[k + 1])[1]
    return k < sent.end and doc[k].lower_ in LIST_WORDS and k + 1 in end_of


BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "borderline", "borderland", "borderlands"})
_SPECIFICITY = {"name": 0, "town": 0, "admin2": 1, "admin1": 2, "country": 3}


def _mark_borders(sent: Span, mentions: list[Mention]) -> None:
    """'on the border between Donetsk and Zaporizhzhia regions', 'the border of Zamfara and Katsina states': ACLED
    codes a border area to one side, the more specific one (a town or district over a region), else the first
    named, as near it (precision 2); the other sides are no event places. A road or area 'between Djibo and
    Namsiguia' is read the same way."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ == "between" and not (tok.i > sent.start and _lemma(doc[tok.i - 1]) in BORDER_NOUNS):
            tok = doc[tok.i - 1]  # 'on the road between X and Y': read as a border area of the two
        elif _lemma(tok) not in BORDER_NOUNS or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ not in {"between", "of"}:
            continue
        end = tok.i + 2
        while end < sent.end and not (doc[end].is_punct and doc[end].text not in {"(", ")", "-"}) \
                and doc[end].pos_ not in {"VERB", "AUX"}:
            end += 1
        group = [m for m in mentions if m.name and tok.i + 2 <= m.tokens[0] < end and m.kind != "country"]
        if len(group) + sum(1 for m in mentions if m.kind == "country" and tok.i + 2 <= m.tokens[0] < end) < 2:
            continue  # 'the border of Kharkiv': one side only, an ordinary place
        shared = _division_of(doc[end - 1]) if doc[end - 1].tag_ in {"NNS", "NNPS"} else None  # 'X and Y regions'

        def specificity(m: Mention) -> int:
            division = shared or m.division or ("admin1" if m.kind == "admin1" else None)
            return _SPECIFICITY[division] if division else _SPECIFICITY.get(m.kind, 0)

        if not group:
            continue
        chosen = min(group, key=lambda m: (specificity(m), m.tokens[0]))
        for m in group:
            m.border = "chosen" if m is chosen else "other"
            if m is chosen:
                m.near = True
                if shared == "admin1" and m.kind == "name":
                    m.kind = "admin1"  # 'Donetsk' of 'Donetsk and Zaporizhzhia regions' is the region
