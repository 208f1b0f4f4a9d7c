"""Parse XML without expanding entities or fetching anything.

``defusedxml`` refuses entity declarations (billion laughs, quadratic blow-up) and
external references (XXE) instead of expanding them. Feeds go through this screen
before ``feedparser`` sees them, because feedparser runs its own XML parser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree as SafeET

from coding.errors import ErrorCode
from coding.ingest.limits import InputProblem

_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(%\s*)?([^\s>]{0,60})", re.IGNORECASE)
_ENTITY_DECL_16 = re.compile(r"<!ENTITY\s+(%\s*)?([^\s>]{0,60})", re.IGNORECASE)


def _entity_declaration(data: bytes) -> str | None:
    m = _ENTITY_DECL.search(data)
    if m:
        return m.group(2).decode("utf-8", "replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: the byte pattern above cannot match
        m = _ENTITY_DECL_16.search(data.decode("utf-16", errors="replace"))
        if m:
            return m.group(2)
    return None


def screen(data: bytes) -> None:
    """Refuse (E111) any markup that declares entities, well-formed or not, before any parser runs."""
    name = _entity_declaration(data)
    if name is not None:
        raise InputProblem(ErrorCode.E111_UNSAFE_XML,
                           f"entity declaration '{name}' (entities are never expanded: billion-laughs and XXE guard)")


def parse(data: bytes) -> ET.Element:
    """The root element of a safe, well-formed document; InputProblem E111 (unsafe) or E116 (malformed)."""
    screen(data)
    return parse_defused(data)


def parse_defused(data: bytes) -> ET.Element:
    """defusedxml's parse with entities and external references refused (no text screen first)."""
    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise InputProblem(ErrorCode.E111_UNSAFE_XML, f"entity declaration '{exc.name}' refused") from exc
    except defusedxml.ExternalReferenceForbidden as exc:
        raise InputProblem(ErrorCode.E111_UNSAFE_XML, f"external reference refused: {exc.sysid or exc.pubid}") from exc
    except defusedxml.DefusedXmlException as exc:
        raise InputProblem(ErrorCode.E111_UNSAFE_XML, f"unsafe XML refused: {exc}") from exc
    except ET.ParseError as exc:
        raise InputProblem(ErrorCode.E116_MALFORMED_XML, f"XML does not parse: {exc}") from exc


def local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
