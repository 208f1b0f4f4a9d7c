"""Find actors in a parsed story and resolve an argument token to an actor code.

An actor is a country (or IGO/NGO) plus a CAMEO sector. Both come from the noun phrase
around the argument's head: lexicon names ("Russia", "NATO"), adjectives ("Russian"),
capitals used as metonyms ("Kyiv"), agent nouns ("troops" -> MIL), titles before a name
("German Foreign Minister Annalena Baerbock"), and possessives ("Russia's defence
ministry"). A person introduced with a title keeps that code later in the story; a
pronoun takes the nearest compatible actor before it. Unknown actors stay ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from coding.lexicon import ORGANISATION_KINDS, ActorEntry, Lexicon, PersonEntry, first_chunk
from coding.petrarch.actors import DatedActorEntry
from coding.vocabulary import FACILITY_NOUNS, LOCATION_PREPOSITIONS, NAME_PARTICLES, SPEECH_VERBS, WATER_NOUNS

MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "nummod"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
THING_PRONOUNS = {"it", "they", "them", "its", "their"}
LED_GROUPS = {"coalition", "alliance", "force", "forces", "mission", "operation", "campaign", "bloc"}
BACKING_WORDS = {"backed", "sponsored", "supported", "allied", "aligned", "led", "held", "controlled", "occupied", "made", "supplied", "based",
                 "linked", "affiliated", "inspired"}
POSSESSIVE_MARKERS = {"'s", "’s", "'"}
NON_STATE_ARMED = {"REB", "INS", "SEP", "UAF", "CRM"}
# Counts of people that name nobody by themselves: "hundreds of protesters", "dozens of students"
COUNT_NOUNS = {"thousand", "hundred", "dozen", "score", "ten", "thousands", "hundreds", "dozens", "scores", "tens", "crowd",
               "crowds", "group", "groups", "band", "some", "most", "many", "all", "majority", "rest", "number"}
ALLIANCE_NOUNS = {"alliance", "coalition", "umbrella", "federation", "bloc", "grouping"}
DEFINITE_GROUP_NOUNS = {"group", "movement", "militia", "organisation", "organization", "faction", "insurgency"}
# A party to talks named again by its noun alone: "the delegation" is the delegation named before with its owner
REPEATED_PARTY_NOUNS = {"delegation", "mission", "team", "contingent", "envoy", "negotiator", "negotiators", "delegate", "delegates"}
SINGULAR_THING_PRONOUNS = {"it", "its", "itself"}
# Words that make a region of a country's name when they come first and no lexicon name starts with them
# ("Latin American", "North America"; "South African" and "North Korean" are names of their own)
REGION_QUALIFIERS = {"Latin", "North", "South", "Central", "Native", "Pan", "Sub-Saharan", "Anglo", "Western", "Eastern"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
GROUP_NOUNS = {"group", "unit", "member", "members", "faction", "camp", "side", "source", "sources", "movement", "wing",
               "patrol", "convoy", "position", "positions", "post", "checkpoint", "column", "base", "outpost", "vehicle",
               "stronghold", "bastion", "hideout", "hideouts", "strongholds", "headquarters", "target", "targets", "site",
               "sites", "facility", "facilities", "infrastructure", "depot", "depots", "asset", "assets",
               # vehicles and premises stand for who owns them: "stoned a police truck", "a police station"
               "truck", "lorry", "van", "jeep", "car", "pickup", "station", "barracks"}


CONTAINER_NOUNS = {"convoy", "column", "unit", "caravan", "fleet", "contingent"}
# what makes a convoy civilian: "a convoy of passenger vehicles", "of buses", "of aid trucks", "of displaced families"
CIVILIAN_CONTENTS = {"passenger", "bus", "minibus", "civilian", "aid", "humanitarian", "refugee", "pilgrim", "trader",
                     "family", "displaced", "traveller", "traveler", "commuter", "merchant"}
ARMED_NAME_HEADS = {"front", "army", "militia", "brigade", "brigades", "movement", "forces", "force", "battalion"}


def _armed_name(head: Token) -> bool:
    """A name no lexicon knows that names an armed group: an 'Army' or a 'Militia', or an 'armed' front or movement."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.lower_ not in ARMED_NAME_HEADS:
        return False
    if not any(c.dep_ == "compound" and c.text[:1].isupper() for c in head.children):
        return False  # a bare 'Army' or 'Front' is no name
    return head.lower_ in {"army", "militia"} or any(c.dep_ == "amod" and c.lower_ == "armed" for c in head.children)


def names_water(tok: Token) -> bool:
    """'the Gulf of Oman', 'the Sea of Japan': a country's name inside the name of a sea is no actor."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in WATER_NOUNS


def is_location_mention(tok: Token) -> bool:
    """'a meeting in Brussels': the name is where something happened, not who did it."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPOSITIONS


def _reads_as_name(span: Span) -> bool:
    """The parser takes the words for a name: a proper noun or a named entity, and a one-word match at the
    start of a sentence only inside an entity ("Hope rose", "Will the talks resume" are not names)."""
    words = [t for t in span if t.is_alpha]
    if not words or not any(t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS for t in words):
        return False
    return len(words) > 1 or not span[0].is_sent_start or span[0].ent_type_ in NAME_ENTS


def _person(name: str, entry: ActorEntry, start: int, end: int) -> Actor:
    """A person's actor; one serving an IGO or NGO keeps the organisation's code (IGOUNO), not country + sector."""
    org = entry.code if entry.code != (entry.country or "") + (entry.sector or "") else None
    return Actor(name, entry.country, entry.sector, start, end, True, org)


@dataclass(frozen=True)
class Actor:
    name: str
    country: str | None
    sector: str | None
    start_char: int
    end_char: int
    is_person: bool = False
    org_code: str | None = None  # a full code from the lexicon (e.g. IGONAT), when the actor is an organisation
    # the home country of a group active in several (JNIM: Mali), used only where the event's country is unknown
    home: str | None = None

    @property
    def code(self) -> str | None:
        if self.org_code:
            return self.org_code
        country = self.country or self.home
        if country is None and self.sector is None:
            return None
        return (country or "") + (self.sector or "") or None


FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})
STATE_COERCERS = frozenset({"GOV", "COP", "JUD", "MIL", "SPY"})  # who arrests, jails and represses people of its own country
REGIONAL_GROUP = "regional_armed_group"  # organizations.tsv kind: of the country where it acts, else of its home
# organizations.tsv kind: an institution that many countries have, named without its country ("Congress" in Lima
# is Peru's): of the country where the event happens, else of its home (the US Congress)
HOME_INSTITUTION = "home_institution"
HOMED_KINDS = frozenset({REGIONAL_GROUP, HOME_INSTITUTION})
# Named people whose role is local to where they are: the opposition, the press, civil society, judges.
# Sectors whose members need not belong to the country where they act: aid workers, refugees,
# international organisations and companies. Everyone else named only by a sector ("police",
# "troops", "residents", "the government") is of the country where the event happens.
STATELESS_SECTORS = frozenset({"NGO", "IGO", "REF", "MNC", "UNO", "INT"})


def placed_in(actor: Actor | None, country: str | None) -> Actor | None:
    """An actor named only by its sector, given the country where the event happens.

    As ACLED and ICEWS code them: "police fired tear gas" in Kinshasa are Congolese police
    (CODCOP). An actor whose country is named ("Kenyan officers" in Haiti), an organisation and
    the stateless sectors keep what they have. So does every person the lexicons know; one they
    do not, named with a title only ("Chief Minister N. Biren Singh", "Governor Zulum"), is of the
    country where the event happens: heads of state who travel are in the people lexicon.
    """
    if actor is None or country is None or actor.country or actor.sector is None or actor.sector in STATELESS_SECTORS:
        return actor
    if actor.org_code:
        # an organisation of no one country (a gang active in several, "MS-13" in Honduras) is of the
        # country where it acts: HNDCRM
        return replace(actor, country=country, org_code=None)
    return replace(actor, country=country)


STANCE_PREFIXES = {"anti", "pro"}


def _stance_prefixed(tok: Token) -> bool:
    """'anti-government protesters', 'pro-government militias': the word names what they are for or
    against, not who they are."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in STANCE_PREFIXES


@dataclass
class StoryActors:
    """Per-document state: lexicon mentions by token, people met so far, and the mention history."""

    doc: Doc
    lex: Lexicon
    mention_at: dict[int, tuple[int, int, ActorEntry]] = field(default_factory=dict)  # token i -> (start, end, entry)
    people: dict[str, Actor] = field(default_factory=dict)  # surname / full name -> actor
    history: list[tuple[int, Actor]] = field(default_factory=list)  # (token index, actor) in text order
    doc_date: date | None = None  # picks a dated dictionary entry's role ("Karzai" in 1999 is ELI, in 2005 GOV)
    text: str = ""  # the story's text, read once: spaCy rebuilds ``doc.text`` from every token on each access

    @classmethod
    def build(cls, doc: Doc, lex: Lexicon, doc_date: date | None = None) -> "StoryActors":
        story = cls(doc, lex, doc_date=doc_date, text=doc.text)
        story._match_lexicon()
        story._register_people()
        return story

    # --- lexicon mentions -------------------------------------------------------------
    def _inside_longer_name(self, start: int, end: int) -> bool:
        """The words before a matched organisation's name are capitalised words of the same name, which no lexicon
        knows as a country or a people: 'Kuki-Chin National Front', 'Zomi Revolutionary Army' hold a shorter name."""
        doc = self.doc
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.text == "-" and not prev.whitespace_ and start > 1:
            prev = doc[start - 2]  # "Kuki-Chin": the hyphenated word before the name
        if prev is None or prev.is_sent_start or not prev.text[:1].isupper() or prev.pos_ != "PROPN":
            return False
        if prev.i in self.mention_at or prev.ent_type_ in {"GPE", "NORP"}:
            return False  # "Kenyan National Police", "Sudan People's Liberation Army": a country named first
        return prev.dep_ in {"compound", "amod", "nmod"} and start <= prev.head.i < end

    def _match_lexicon(self) -> None:
        """Longest lexicon surface forms, matched case-sensitively on the text, left to right.

        Forms are indexed by their first word chunk, so a form that the tokenizer splits
        ("al-Shabaab", "Côte d'Ivoire") still matches the tokens that spell it.
        """
        doc, actors, index = self.doc, self.lex.actors, self.lex.actor_first_word
        text = self.text
        i = 0
        while i < len(doc):
            found = None
            tok = doc[i]
            for surface in index.get(first_chunk(tok.text), ()):
                start = tok.idx
                if text.startswith(surface, start):
                    end_char = start + len(surface)
                    j = i
                    while j < len(doc) and doc[j].idx < end_char:
                        j += 1
                    if doc[j - 1].idx + len(doc[j - 1].text) == end_char:  # ends on a token boundary
                        entry = self._dated(actors[surface], doc[i:j])
                        if entry is not None:
                            found = (i, j, entry)
                            break
            if found is None and tok.text != tok.text.lower() and tok.text != tok.text.capitalize():
                # Odd capitals ("iSrael", headline "RUSSIA"): a one-word name in its usual spelling.
                entry = self._dated(actors.get(tok.text.capitalize()), doc[i:i + 1])
                if entry is not None and entry.kind in {"country", "capital", "adjective"}:
                    found = (i, i + 1, entry)
            if found and found[2].kind in {"country", "adjective"} and i > 0 and doc[i - 1].text in REGION_QUALIFIERS \
                    and doc[i - 1].whitespace_:
                found = None  # "Latin American countries", "North America": a region, not the country of that name
            if found and i > 1 and doc[i - 1].text in NAME_PARTICLES and doc[i - 2].text[:1].isupper():
                found = None  # "Mocímboa da Praia": the end of a longer name, not Cabo Verde's capital
            if found and found[2].kind in ORGANISATION_KINDS and self._inside_longer_name(found[0], found[1]):
                found = None  # "the Kuki-Chin National Front": another organisation than the 'National Front'
            if found:
                for k in range(found[0], found[1]):
                    self.mention_at[k] = found
                i = found[1]
            else:
                i += 1

    def _dated(self, entry: ActorEntry | None, span: Span | None = None) -> ActorEntry | None:
        """A dictionary (PETRARCH) entry as of the story's date, if ``span`` reads as a name; a people.tsv person
        in the role of the story's date; other entries as they are."""
        if isinstance(entry, PersonEntry):
            return entry.on(self.doc_date)
        if not isinstance(entry, DatedActorEntry):
            return entry
        if span is not None and entry.guarded and not _reads_as_name(span):
            return None
        return entry.on(self.doc_date)

    def lookup(self, name: str) -> ActorEntry | None:
        """The lexicon entry of a whole name ("Hamid Karzai"), as of the story's date."""
        return self._dated(self.lex.actors.get(name))

    def entry_at(self, token: Token) -> ActorEntry | None:
        hit = self.mention_at.get(token.i)
        return hit[2] if hit else None

    # --- people -------------------------------------------------------------------------
    def _register_people(self) -> None:
        """Remember every titled person ("French President Emmanuel Macron") for later mentions."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            actor = self._titled_person(ent)
            if actor is None:
                continue
            names = [ent.text, ent[-1].text]
            for name in names:
                if name not in self.people:
                    self.people[name] = actor

    def _titled_person(self, ent: Span) -> Actor | None:
        entry = self.lookup(ent.text) or self.lookup(ent[-1].text)
        head = ent.root
        left = self.doc[head.left_edge.i:ent.start]
        window = self.doc[max(head.left_edge.i, ent.start - 8):ent.start]
        if entry is not None and entry.kind == "person":
            title = self._title_sector(window) or self._title_sector(left) if isinstance(entry, DatedActorEntry) else None
            if title and entry.country not in {"IGO", "NGO"}:
                # "Prime Minister Ryutaro Hashimoto": the story's title says the role; the dictionary says whose
                return Actor(ent.text, entry.country, title, ent.start_char, ent.end_char, True)
            return _person(ent.text, entry, ent.start_char, ent.end_char)
        sector = self._title_sector(window) or self._title_sector(left)
        org = self._org_in(left)
        if sector and org is not None:
            return Actor(ent.text, org.country, org.sector, ent.start_char, ent.end_char, True, org.code)
        country = self._country_in(left) if sector else None
        if sector is None:
            # "Pavlo Kyrylenko, the head of the Donetsk region" / "Oleg Synegubov, the governor"
            for tok in ent.root.children:
                if tok.dep_ == "appos":
                    sector = self.agent_sector(tok)
                    country = self._country_of_np(tok)
        if sector is None:
            return None
        return Actor(ent.text, country, sector, ent.start_char, ent.end_char, True)

    def _org_in(self, span: Span) -> ActorEntry | None:
        for tok in span:
            entry = self.entry_at(tok)
            if entry is not None and entry.kind not in {"country", "capital", "adjective", "person", "place"}:
                return entry
        return None

    def _title_sector(self, span: Span) -> str | None:
        text = span.text
        best = None
        for title, (sector, _gid) in self.lex.titles.items():
            if f" {title} " in f" {text} " and (best is None or len(title) > len(best[0])):
                best = (title, sector)
        if best:
            return best[1]
        for tok in span:
            sector = self.agent_sector(tok)
            if sector:
                return sector
        return None

    # --- resolution -------------------------------------------------------------------------
    def _country_in(self, span: Span) -> str | None:
        for tok in span:
            entry = self.entry_at(tok)
            if entry is not None and entry.country and not self._is_backing(tok):
                return entry.country
        return None

    def _is_backing(self, tok: Token) -> bool:
        """'Moscow-backed separatists' are not Russian: the country is their sponsor ('Islamic State-linked
        insurgents' are not the Islamic State's central command either); but a 'Saudi-led coalition' or a 'US-led
        force' is the leader's own forces with others."""
        head = tok.head
        hit = self.mention_at.get(tok.i)
        last = self.doc[hit[1] - 1] if hit else tok  # the name's last word: 'State' of 'Islamic State-linked'
        word = head if head.lower_ in BACKING_WORDS else (
            last.nbor(2) if last.i + 2 < len(tok.doc) and last.nbor(1).text == "-" and last.nbor(2).lower_ in BACKING_WORDS
            else None)
        if word is None:
            return False
        if word.lower_ == "led" and word.head.lemma_.lower() in LED_GROUPS:
            return False
        return True

    def agent_sector(self, tok: Token, own_only: bool = False) -> str | None:
        """The sector an agent noun gives; ``own_only`` leaves out the PETRARCH fallbacks (for modifiers)."""
        if tok.tag_ in {"VBN", "VBD"} or (tok.pos_ == "ADJ" and tok.lower_.endswith("ed")):
            return None  # a participle describes ('suspected rebels', 'wanted men'); it names no one
        options = self.lex.agent_index.get(tok.lemma_.lower(), [])
        if tok.lower_ != tok.lemma_.lower():  # "unidentified gunmen" is listed under the plural
            options = sorted(options + self.lex.agent_index.get(tok.lower_, []), key=lambda o: -len(o[0]))
        if not options:
            return None
        mods = [c.lemma_.lower() for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"}]
        mods_text = " ".join(mods)
        for words, sector, gid in options:
            if own_only and gid.startswith("petr."):
                continue
            if not words or " ".join(words) in mods_text:
                return sector
        return None

    def _country_of_np(self, head: Token, places: bool = True) -> str | None:
        """Country named inside the noun phrase of ``head``: adjectives, compounds, possessives, 'of X'.
        ``places=False``: a place name does not count ("the Donbas region" is a place, "Donbas miners" are Ukrainian)."""
        nested_found: str | None = None
        named_facility = head.pos_ == "PROPN" and head.lemma_.lower() in FACILITY_NOUNS
        for child in head.children:
            if named_facility and child.dep_ in {"compound", "amod"}:
                continue  # "the Saudi Hospital" in El Fasher: the country word is part of the building's name
            if child.dep_ in MODIFIER_DEPS:
                entry = self.entry_at(child)
                if entry is not None and entry.kind in HOMED_KINDS:
                    continue  # "JNIM fighters": of the country where they act (see _regional_home), not of JNIM's home
                if entry is not None and entry.country and (places or entry.kind != "place") and not self._is_backing(child):
                    return entry.country
                if child.dep_ == "poss" and (child.pos_ != "PRON" or child.lower_ in {"its", "their"}):
                    # "its troops" are the country's; "his Greek counterpart" is not his country
                    poss_actor = self.resolve(child, register=False)
                    if poss_actor and poss_actor.country:
                        return poss_actor.country
                if child.dep_ in {"compound", "amod", "nmod"} and nested_found is None:
                    # A modifier's own modifier ("Moscow-backed", "Al Qaeda-linked") yields to a nationality
                    # named directly on the head ("the Al Qaeda-linked Somali militant group").
                    nested_found = self._country_of_np(child, places)
            elif child.dep_ == "prep" and child.lower_ in {"of", "from"} and head.lower_ not in WATER_NOUNS:
                # "the army of Ukraine", "dissidents from Myanmar", "ministers from the Georgian government"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        entry = self.entry_at(pobj)
                        if entry is not None and entry.country and entry.kind in {"country", "capital"}:
                            return entry.country
                        if entry is None and self.agent_sector(pobj) in {"GOV", "MIL", "LEG"}:
                            nested = self._country_of_np(pobj)
                            if nested:
                                return nested
        return nested_found

    def _np_span(self, head: Token) -> tuple[int, int]:
        start = head.left_edge.i
        while start < head.i and self.doc[start].dep_ in {"det", "punct", "predet"}:
            start += 1
        return self.doc[start].idx, head.idx + len(head.text)

    def resolve(self, head: Token, register: bool = True) -> Actor | None:
        """The actor named by the noun phrase headed by ``head``, or None."""
        actor = self._resolve(head)
        if actor is not None and register:
            self.history.append((head.i, actor))
        return actor

    def _resolve(self, head: Token) -> Actor | None:
        low = head.lower_
        if low in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            # "a town that was the scene of ...": the relative pronoun is the noun the clause describes
            described = head.head.head
            if low == "who" and described.ent_type_ in {"GPE", "LOC", "FAC"} and described.dep_ == "pobj" \
                    and described.head.head.pos_ in {"NOUN", "PROPN", "NUM"}:
                described = described.head.head  # "farmers in Lahore who had marched": who are the farmers
            if described.pos_ not in {"NOUN", "PROPN", "NUM"}:
                return None
            actor = self._resolve(described)
            if actor is None and (described.like_num or described.lemma_.lower() in COUNT_NOUNS):
                # "hundreds of protesters who were demonstrating ...": the people counted
                for pobj in (g for c in described.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj"):
                    return self._resolve(pobj)
            return actor
        if low in COUNT_NOUNS and head.dep_ == "nsubj" and head.head.dep_ == "relcl" and head.head.head.pos_ in {"NOUN", "PROPN"}:
            return self._resolve(head.head.head)  # "Security forces, some in plain clothes, beat ...": some of the forces
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS:
            return self._antecedent(head)
        start_char, end_char = self._np_span(head)
        name = self.text[start_char:end_char]
        hit = self.mention_at.get(head.i)
        entry = hit[2] if hit else None
        if entry is not None and entry.kind == "place":
            entry = None  # "Kandahar": a place gives its country to a phrase it modifies, it is not an actor
        if entry is not None:
            sector = entry.sector
            org = entry.code if entry.kind not in {"country", "capital", "adjective"} else None
            if entry.kind == "person":
                if isinstance(entry, DatedActorEntry):
                    titled = self.people.get(self.doc[hit[0]:hit[1]].text)
                    if titled is not None:
                        return replace(titled, name=name, start_char=start_char, end_char=end_char)
                    # "Secretary of State Warren Christopher": a title inside the dictionary form or before it
                    title = self._title_sector(self.doc[max(head.left_edge.i, hit[0] - 8):head.i])
                    if title and entry.country not in {"IGO", "NGO"}:
                        return Actor(name, entry.country, title, start_char, end_char, True)
                return _person(name, entry, start_char, end_char)
            if entry.kind in HOMED_KINDS:  # JNIM in Benin is Benin's, as MS-13 in Honduras: where it acts
                return Actor(name, None, sector, start_char, end_char, home=entry.country)
            # "Kyiv's troops" never reaches here (head is troops); a bare capital is its government.
            return Actor(name, entry.country, sector, start_char, end_char, False, org)
        if head.ent_type_ == "PERSON" or head.text in self.people:
            person = self.people.get(head.text)
            if person is None:
                ent = next((e for e in self.doc.ents if e.start <= head.i < e.end), None)
                if ent is not None:
                    person = self.people.get(ent.text) or self._titled_person(ent)
            if person is not None:
                return replace(person, name=name, start_char=start_char, end_char=end_char)
            return None
        for appos in (c for c in head.children if c.dep_ == "appos"):
            named = self.entry_at(appos)
            if named is not None and named.kind not in {"country", "capital", "adjective", "place"}:
                # "the Somali militant group al-Shabab": the name in apposition says who, not the modifiers
                return self._resolve(appos)
        if head.lemma_.lower() in GROUP_NOUNS:
            for child in head.lefts:
                named = self.entry_at(child) if child.dep_ in {"compound", "poss", "nmod"} else None
                if named is not None and named.kind not in {"country", "capital", "adjective", "person", "place"}:
                    # "RSF positions", "a Hezbollah unit": the group's units and positions stand for the group
                    if named.kind in HOMED_KINDS:
                        return Actor(name, None, named.sector, start_char, end_char, home=named.country)
                    return Actor(name, named.country, named.sector, start_char, end_char, False, named.code)
                if named is None and child.dep_ == "poss" and self.agent_sector(child) is not None:
                    owner = self._resolve(child)  # "the attackers' positions", "the rebels' camp": the owners
                    if owner is not None:
                        return replace(owner, name=name, start_char=start_char, end_char=end_char)
        named_before = self._definite_group(head)
        if named_before is not None:
            return replace(named_before, name=name, start_char=start_char, end_char=end_char)
        if head.lemma_.lower() in ALLIANCE_NOUNS:  # "an alliance of ethnic minority armed groups": its members
            for member in (g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"):
                actor = self._resolve(member)
                if actor is not None:
                    return replace(actor, name=name, start_char=start_char, end_char=end_char)
        contents = self._contents(head) if head.lemma_.lower() in CONTAINER_NOUNS else None
        if contents is not None:
            # "a column of fighters": the fighters; "a convoy of passenger vehicles": civilians, not a military convoy
            return replace(contents, name=name, start_char=start_char, end_char=end_char)
        sector = self.agent_sector(head)
        if sector is None and _armed_name(head):
            sector = "REB"  # "the armed Kuki-Chin National Front", "the Zomi Revolutionary Army": an armed group
        if sector is None and head.lemma_.lower() in GROUP_NOUNS:
            # A modifier may carry the sector: "rebel group" -> REB, "separatist unit" -> SEP.
            for child in head.lefts:
                if child.dep_ in {"amod", "compound"}:
                    sector = self.agent_sector(child, own_only=True) or sector
        if sector is None:
            # "Ukrainian prisoners", "Syrian territory": no agent noun, but the phrase names a country.
            country = self._country_of_np(head, places=False) if head.pos_ in {"NOUN", "PROPN"} else None
            return Actor(name, country, None, start_char, end_char) if country else None
        # A specific modifier wins over a generic head: "separatist leader" is SEP, not GOV; but a
        # government owns its forces ("government troops" are MIL, "government police" COP).
        for child in head.lefts:
            if child.dep_ in {"amod", "compound"} and child.i != head.i and not _stance_prefixed(child):
                mod_sector = self.agent_sector(child, own_only=True)  # a dictionary noun ("Islamist") is no modifier
                if mod_sector and mod_sector != "CVL" and not (mod_sector == "GOV" and sector in FORCE_SECTORS):
                    sector = mod_sector
        country = self._country_of_np(head)
        return Actor(name, country, sector, start_char, end_char, False, home=self._regional_home(head))

    def _contents(self, head: Token) -> Actor | None:
        """Who a convoy, column or unit is made of, by its 'of' phrase: an actor, or civilians where its vehicles are
        a passenger's or it carries civilians ('a convoy of buses', 'a column of displaced families')."""
        for pobj in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
            actor = self._resolve(pobj)
            if actor is not None and actor.sector:
                return actor
            words = {pobj.lemma_.lower()} | {c.lemma_.lower() for c in pobj.children if c.dep_ in {"compound", "amod"}}
            if words & CIVILIAN_CONTENTS:
                return Actor(pobj.text, None, "CVL", pobj.idx, pobj.idx + len(pobj.text))
        return None

    def _regional_home(self, head: Token) -> str | None:
        """The home country of a group active in several that names the phrase ('JNIM fighters', 'Boko Haram
        militants'): their country where the event's place does not say one."""
        for child in (c for c in head.children if c.dep_ in MODIFIER_DEPS):
            entry = self.entry_at(child)
            if entry is not None and entry.kind in HOMED_KINDS:
                return entry.country
        return None

    def _definite_group(self, head: Token) -> Actor | None:
        """'vowed to wage war on the group', 'the movement denied it': a bare definite 'the group' refers back to
        the organisation the story named last."""
        lemma = head.lemma_.lower()
        if lemma not in DEFINITE_GROUP_NOUNS | REPEATED_PARTY_NOUNS:
            return None
        kids = [c for c in head.children if c.dep_ != "punct"]
        # ("accused the group of behaving like a cartel": an 'of' with a gerund is the charge, not the group's members)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) \
                or any(c.dep_ in {"compound", "amod", "poss", "nmod", "nummod", "appos"}
                       or (c.lower_ == "of" and not any(g.dep_ == "pcomp" for g in c.children)) for c in kids):
            return None  # "the rebel group", "the group's leader", "a group of men"
        earlier = sorted((h for h in self.history if h[0] < head.i), key=lambda h: -h[0])
        if lemma in REPEATED_PARTY_NOUNS:
            # "a Hamas delegation arrived ... the delegation met": the same noun named with its owner before
            return next((actor for i, actor in earlier if self.doc[i].lemma_.lower() == lemma), None)
        for _i, actor in earlier:
            if not actor.is_person and (actor.org_code or actor.sector in NON_STATE_ARMED):
                return actor  # "Al Shabaab fighters ... the group"
        return None

    def _antecedent(self, pronoun: Token) -> Actor | None:
        wants_person = pronoun.lower_ in PERSON_PRONOUNS
        if pronoun.lower_ == "it" and any(c.dep_ in {"acomp", "attr"} for c in pronoun.head.children) \
                and any(c.dep_ in {"xcomp", "ccomp"} for c in pronoun.head.children):
            return None  # expletive: "It's crucial to keep sending arms"
        if wants_person:
            # The nearest titled or known person named before the pronoun.
            for ent in sorted((e for e in self.doc.ents if e.label_ == "PERSON" and e.end <= pronoun.i), key=lambda e: -e.end):
                person = self.people.get(ent.text) or self.people.get(ent[-1].text)
                if person is None:
                    entry = self.lookup(ent.text) or self.lookup(ent[-1].text)
                    if entry is not None and entry.kind == "person":
                        person = _person(ent.text, entry, ent.start_char, ent.end_char)
                if person is not None:
                    return person
        speaker = self._speaker_of(pronoun)
        if speaker is not None:
            return speaker  # "the Fijian rebels said they will release ...": they are the speakers
        found: tuple[int, Actor] | None = None
        for i, actor in sorted((h for h in self.history if h[0] < pronoun.i), key=lambda h: -h[0]):
            if self._own_subject(pronoun, i):
                continue  # "fighters dispersed them": an object pronoun is never its own verb's subject
            if pronoun.lower_ in SINGULAR_THING_PRONOUNS and self.doc[i].tag_ in {"NNS", "NNPS"}:
                continue  # "the border service said Kyrgyz troops fired on its posts": 'its' is no troops'

            if actor.is_person == wants_person and not is_location_mention(self.doc[i]) \
                    and (actor.country or actor.org_code or self._group_in_clause(pronoun, i, actor)):
                found = (i, actor)
                break
        if wants_person:
            return found[1] if found else None
        # "Russia said it was ...", "showed Moscow was paying costs in its bid": a lexicon mention earlier in
        # the same sentence, when it is nearer than the last resolved actor; a place ("in Brussels") is not one.
        for tok in reversed(list(self.doc[pronoun.sent.start:pronoun.i])):
            if found is not None and tok.i <= found[0]:
                break
            entry = self.entry_at(tok)
            if entry is not None and entry.country and entry.kind not in {"adjective", "place", "person"} \
                    and not is_location_mention(tok) and not self._own_subject(pronoun, tok.i):
                return Actor(tok.text, entry.country, entry.sector, tok.idx, tok.idx + len(tok.text))
        return found[1] if found else None

    def _own_subject(self, pronoun: Token, i: int) -> bool:
        """Whether token ``i`` lies in the subject of the verb that has ``pronoun`` as its object."""
        if pronoun.dep_ not in {"dobj", "pobj"} or pronoun.lower_ not in {"them", "him", "her", "it"}:
            return False
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        return any(c.dep_ in {"nsubj", "nsubjpass", "agent"} and c.left_edge.i <= i <= c.right_edge.i for c in verb.children)

    def _group_in_clause(self, pronoun: Token, i: int, actor: Actor) -> bool:
        """'women protested before fighters dispersed them': an object 'them' stands for a group of people
        named earlier in its sentence by their sector alone (their country comes from the story)."""
        return pronoun.lower_ == "them" and bool(actor.sector) and self.doc[i].sent.start == pronoun.sent.start

    def _speaker_of(self, pronoun: Token) -> Actor | None:
        """'Syria says it is willing to withdraw', 'the rebels said they will release': the subject of the
        pronoun's clause is the subject of the reporting verb that governs it."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.head.dep_ != "ccomp":
            return None
        clause = pronoun.head
        verb = clause.head
        if verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        wants_person = pronoun.lower_ in PERSON_PRONOUNS
        actor = self._resolve(subject)
        if actor is None or actor.is_person != wants_person or not (actor.country or actor.org_code or actor.sector):
            return None  # "the rebels said they had withdrawn": rebels, even with no country named
        return actor

    def countries_in(self, span: Span) -> list[tuple[Token, str]]:
        out = []
        for tok in span:
            entry = self.entry_at(tok)
            if entry is not None and entry.country and entry.kind in {"country", "capital", "adjective"} and not names_water(tok):
                out.append((tok, entry.country))
        return out
