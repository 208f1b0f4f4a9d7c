"""HTML/XHTML fragments (feed summaries, NewsML bodies) to plain text, one paragraph per block."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "tr", "table", "section", "article", "header", "footer", "pre", "hr", "dd", "dt"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "object"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def join_paragraphs(paragraphs: list[str]) -> str:
    """Whitespace collapsed inside each paragraph, paragraphs separated by a blank line."""
    cleaned = (re.sub(r"\s+", " ", p).strip() for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (scripts and styles dropped, entities decoded)."""
    if "<" not in fragment and "&" not in fragment:
        return join_paragraphs(fragment.split("\n\n"))
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return join_paragraphs("".join(parser.parts).split("\n\n"))
