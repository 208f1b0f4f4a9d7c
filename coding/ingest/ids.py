"""Document ids from input, made safe to store, print and (after store.safe_name) use in file names.

An id is data, never a path: this module removes what could do harm if some later code
forgot that (control and invisible formatting characters, path traversal, absolute paths,
unbounded length). An id that had to change gets a short hash of the original appended,
so two different hostile ids never collapse into one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_ID_CHARS = 200
_SEPARATORS = re.compile(r"[/\\]+")


def _visible(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    kept = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
                   for ch in text if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn") or ch == "\u200d")
    return " ".join(kept.split())


def _no_traversal(text: str) -> str:
    if "/" not in text and "\\" not in text and not text.startswith("."):
        return text
    # Keep URL- and path-shaped ids readable, but drop '.', '..' and empty segments and any
    # leading separator or drive letter, so the id can never climb out of a folder.
    scheme = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text)
    head = scheme.group(0) if scheme else ""
    # Segments are trimmed ("a\\ b" -> "a/b"), so a cleaned id is clean: cleaning it again leaves it as it is.
    parts = [p.strip() for p in _SEPARATORS.split(text[len(head):])]
    body = "/".join(p for p in parts if p not in ("", ".", ".."))
    body = re.sub(r"^[A-Za-z]:(?=/|$)", "", body).lstrip("/. ")
    return head + body if head and body else body


def clean_id(raw: str) -> str | None:
    """The id to use for ``raw`` (unchanged when it is already clean), or None if nothing is left."""
    text = _no_traversal(_visible(raw))
    if not text.strip("._- "):
        return None
    if text == raw and len(text) <= MAX_ID_CHARS:
        return text
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{text[:MAX_ID_CHARS - 13]}~{digest}"
