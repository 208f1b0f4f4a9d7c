"""``eventcoder explain``: show a researcher why a sentence was coded the way it was."""

from __future__ import annotations

from coding.actors import StoryActors
from coding.coder import code_parsed, content_sentences
from coding.document import Document
from coding.events import find_triggers
from coding.geo.gazetteer import load_gazetteer
from coding.geo.resolve import StoryPlaces, explain_lines
from coding.ingest.dates import parse_date
from coding.lexicon import default_lexicon
from coding.nlp import load_nlp


def explain(text: str, doc_date: str | None = None) -> str:
    lex = default_lexicon()
    document = Document(doc_id="explain", text=text, doc_date=parse_date(doc_date))
    doc = load_nlp()(text)
    story = StoryActors.build(doc, lex, doc_date=document.doc_date)
    lines = ["Parse (token / lemma / POS / dependency -> head):"]
    for tok in doc:
        if not tok.is_space:
            lines.append(f"  {tok.i:>3} {tok.text:<16} {tok.lemma_:<14} {tok.pos_:<6} {tok.dep_:<10} -> {tok.head.i} {tok.head.text}")
    lines.append("Lexicon actors:")
    seen = set()
    for i, (start, end, entry) in sorted(story.mention_at.items()):
        if (start, end) not in seen:
            seen.add((start, end))
            lines.append(f"  {doc[start:end].text!r}: {entry.code} ({entry.kind}, {entry.id})")
    lines.append("Rules fired:")
    for sent in content_sentences(doc):
        for tok, rule, form, trigger in find_triggers(sent, lex):
            lines.append(f"  {trigger!r} -> {rule.id}:{form} (CAMEO {rule.cameo})")
    lines.append("Places (candidates considered, qualifier used, why the chosen one won):")
    places = StoryPlaces(content_sentences(doc), story, load_gazetteer(), document.dateline_place)
    lines.extend(explain_lines(places) or ["  none"])
    mentions = {doc[start:end].text: entry.id for start, end, entry in story.mention_at.values()}
    lines.append("Rows:")
    for row in code_parsed(doc, document, lex):
        lines.append(f"  {row['cameo_code']} {row['cameo_label']!r}: {row['actor1_code']} -> {row['actor2_code']} "
                     f"[{row['modality']}, conf {row['confidence']}, rule {row['rule_id']}, date {row['event_date']}]")
        for role in ("actor1", "actor2"):
            entry_id = _entry_of(row[f"{role}_name"], mentions)
            if entry_id:
                lines.append(f"    {role} {row[f'{role}_name']!r} via lexicon entry {entry_id}")
    return "\n".join(lines)


def _entry_of(name: str | None, mentions: dict[str, str]) -> str | None:
    """The id of the longest lexicon mention inside an actor's phrase: the entry that named the actor."""
    if not name:
        return None
    inside = [text for text in mentions if text in name]
    return mentions[max(inside, key=len)] if inside else None
