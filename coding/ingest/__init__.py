"""Read input paths into Documents (or Rejected records, never silently dropped).

One entry point, :func:`read_documents`; each format is a small module with a
``read(path)`` generator, chosen from the file's name in :data:`READERS`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import jsonl, plaintext

Reader = Callable[[Path], Iterator["Document | Rejected"]]

READERS: dict[str, Reader] = {
    ".txt": plaintext.read,
    ".jsonl": jsonl.read,
}

# Files a directory walk passes over without rejecting them: gold labels and notes
# that live beside the stories (seeds/ keeps its gold file there).
IGNORED_SUFFIXES = (".gold.json", ".gold.jsonl", ".md")


def _reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    """Expand files and directories (recursively, sorted) into the files to read."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                name = child.name.lower()
                if name.startswith(".") or name.endswith(IGNORED_SUFFIXES):
                    continue
                if child.name.lower().endswith(".gold.jsonl"):
                    continue
                if _reader_for(child) is None:
                    yield Rejected(str(child), ErrorCode.E107_UNSUPPORTED, f"no reader for '{child.suffix}' files (supported: {', '.join(READERS)})")
                    continue
                yield child
        elif path.is_file():
            if _reader_for(path) is None:
                yield Rejected(str(path), ErrorCode.E107_UNSUPPORTED, f"no reader for '{path.suffix}' files (supported: {', '.join(READERS)})")
            else:
                yield path
        else:
            yield Rejected(str(path), ErrorCode.E101_UNREADABLE, "no such file or directory")


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | Rejected]:
    """Stream Documents from files and directories; bad inputs come out as Rejected."""
    for item in iter_input_files(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        reader = _reader_for(item)
        assert reader is not None
        try:
            yield from reader(item)
        except OSError as exc:
            yield Rejected(str(item), ErrorCode.E101_UNREADABLE, f"cannot read file: {exc}")
