"""Read input paths into Documents (or Rejected records, never silently dropped).

One entry point, :func:`read_documents`. Paths are expanded (directories, globs), opened
as byte blobs (gzip and zip read as bounded streams, :mod:`.sources`), their format is
detected from content (:mod:`.detect`) and each format is one small module with a
``read(blob)`` generator in :data:`READERS`. Every Document then passes the same checks
(:mod:`.screen`: safe id, size, language). NewsML items are held back until all inputs
are read, so that only the latest version of each guid is coded.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import csvfile, detect, feeds, htmlpage, jsonl, newsml, plaintext
from coding.ingest.ids import clean_id
from coding.ingest.limits import InputProblem, Limits
from coding.ingest.screen import screen_document
from coding.ingest.sources import Blob, iter_input_files, open_blobs

__all__ = ["read_documents", "iter_input_files", "Limits", "READERS"]

Reader = Callable[[Blob], Iterator["Document | Rejected | newsml.Versioned"]]

READERS: dict[str, Reader] = {
    detect.TEXT: plaintext.read,
    detect.JSONL: jsonl.read,
    detect.CSV: csvfile.read,
    detect.NEWSML: newsml.read,
    detect.FEED: feeds.read,
    detect.HTML: htmlpage.read,
}


def read_blob(blob: Blob) -> Iterator[Document | Rejected | newsml.Versioned]:
    """The items of one blob, by its detected format; any problem becomes a Rejected.

    Readers reject bad records themselves and go on with the next (``file:line``,
    ``file#item``); what reaches this function costs the rest of the blob only, never the
    other inputs of the run: an InputProblem of the whole file, and, as a last guard, any
    exception a reader did not expect (E118, with the records read before it kept).
    """
    if not blob.data.strip():
        yield Rejected(blob.source, ErrorCode.E103_EMPTY, "empty file")
        return
    try:
        fmt = detect.detect(blob.data, blob.suffix)
    except detect.Unsupported as exc:
        yield Rejected(blob.source, ErrorCode.E107_UNSUPPORTED, str(exc))
        return
    try:
        yield from READERS[fmt](blob)
    except InputProblem as exc:
        yield Rejected(blob.source, exc.code, exc.reason)
    except RecursionError:
        yield Rejected(blob.source, ErrorCode.E116_MALFORMED_XML, "markup nested too deeply")
    except Exception as exc:  # noqa: BLE001 - the last guard: one input never stops the run
        yield Rejected(blob.source, ErrorCode.E118_READER_FAILED,
                       f"the {fmt} reader failed: {type(exc).__name__}: {exc}"[:500])


def read_documents(paths: Iterable[str | Path], limits: Limits | None = None) -> Iterator[Document | Rejected]:
    """Stream Documents from files, directories and globs; bad inputs come out as Rejected.

    ``limits`` defaults to :meth:`Limits.from_env` (the EVENTCODER_MAX_* variables).
    """
    limits = limits or Limits.from_env()
    latest: dict[str, newsml.Versioned] = {}
    for item in iter_input_files(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        for blob in open_blobs(item, limits):
            if isinstance(blob, Rejected):
                yield blob
                continue
            for found in read_blob(blob):
                if isinstance(found, newsml.Versioned):
                    superseded = _keep_latest(latest, found)
                    if superseded is not None:
                        yield superseded
                elif isinstance(found, Document):
                    yield screen_document(found, limits)
                else:
                    yield _safe_rejected(found)
    for versioned in latest.values():
        yield screen_document(versioned.document, limits)


def _safe_rejected(item: Rejected) -> Rejected:
    """A reader's Rejected with its id (taken from the input) made safe like a Document's."""
    if item.doc_id is None:
        return item
    cleaned = clean_id(item.doc_id)
    return item if cleaned == item.doc_id else replace(item, doc_id=cleaned)


def _keep_latest(latest: dict[str, newsml.Versioned], item: newsml.Versioned) -> Rejected | None:
    """Record ``item`` if it is the newest version of its guid; the one set aside, as Rejected."""
    held = latest.get(item.guid)
    if held is None:
        latest[item.guid] = item
        return None
    keep, drop = (item, held) if newsml.newer(item, held) else (held, item)
    latest[item.guid] = keep
    return Rejected(drop.document.path or drop.guid, ErrorCode.E115_SUPERSEDED,
                    f"version {drop.version} replaced by version {keep.version} ({keep.document.path})",
                    doc_id=clean_id(drop.guid))
