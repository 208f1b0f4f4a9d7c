"""Expand input paths (files, directories, globs) and open them as byte blobs.

gzip files and zip archives are read as streams with the same size limits as plain
files; a zip member is never extracted to disk, so a member named ``../../etc/passwd``
is only ever a label. Sources of documents inside archives read ``archive.zip!/member``.
"""

from __future__ import annotations

import glob
import gzip
import lzma
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from coding.document import Rejected
from coding.errors import ErrorCode
from coding.ingest.limits import InputProblem, Limits, read_bounded

# Suffixes a directory walk reads (by content); anything else there is reported as unsupported.
KNOWN_SUFFIXES = frozenset({
    "", ".txt", ".text", ".story", ".jsonl", ".ndjson", ".csv", ".tsv", ".xml", ".nml", ".newsml",
    ".rss", ".atom", ".html", ".htm", ".xhtml", ".gz", ".zip",
})
# Files a directory walk passes over without rejecting them: gold labels and notes
# that live beside the stories (seeds/ keeps its gold file there).
IGNORED_SUFFIXES = (".gold.json", ".gold.jsonl", ".md")
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Blob:
    """The bytes of one input file (or decompressed stream / archive member) and its names."""

    source: str  # what reports name: a path, or "archive.zip!/member"
    name: str  # the file name, without a .gz suffix: gives the format hint and plain-text ids
    data: bytes

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem


def _ignored(path: Path) -> bool:
    name = path.name.lower()
    return name.startswith(".") or name.endswith(IGNORED_SUFFIXES)


def _unsupported(path: Path) -> Rejected:
    return Rejected(str(path), ErrorCode.E107_UNSUPPORTED,
                    f"no reader for '{path.suffix}' files in a directory (read by content: {', '.join(sorted(s for s in KNOWN_SUFFIXES if s))})")


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    """Expand files, directories (recursively, sorted) and glob patterns into the files to read."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _ignored(child.relative_to(path)) or any(part.startswith(".") for part in child.relative_to(path).parts[:-1]):
                    continue
                yield child if child.suffix.lower() in KNOWN_SUFFIXES else _unsupported(child)
        elif path.exists():
            yield path
        elif _GLOB_CHARS & set(str(raw)):
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                yield Rejected(str(raw), ErrorCode.E101_UNREADABLE, "no file matches this pattern")
            yield from iter_input_files(m for m in matches if not _ignored(Path(m)))
        else:
            yield Rejected(str(path), ErrorCode.E101_UNREADABLE, "no such file or directory")


def open_blobs(path: Path, limits: Limits) -> Iterator[Blob | Rejected]:
    """The blobs of one file: itself, its gzip stream, or the members of a zip archive."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputProblem(ErrorCode.E101_UNREADABLE, "not a regular file")
        with path.open("rb") as handle:
            magic = handle.read(4)
        if magic[:2] == b"\x1f\x8b":
            yield _gunzip(path, str(path), path.name, limits)
        elif magic in (b"PK\x03\x04", b"PK\x05\x06"):
            yield from _unzip(path, limits)
        else:
            if info.st_size > limits.max_file_bytes:
                raise InputProblem(ErrorCode.E110_TOO_LARGE,
                                   f"file of {info.st_size:,} bytes is larger than the limit of {limits.max_file_bytes:,} bytes")
            with path.open("rb") as handle:
                yield Blob(str(path), path.name, read_bounded(handle, limits.max_file_bytes, "file"))
    except InputProblem as exc:
        yield Rejected(str(path), exc.code, exc.reason)
    except OSError as exc:
        yield Rejected(str(path), ErrorCode.E101_UNREADABLE, f"cannot read file: {exc.strerror or exc}")


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def _gunzip(path: Path, source: str, name: str, limits: Limits) -> Blob | Rejected:
    try:
        with gzip.open(path, "rb") as stream:
            data = read_bounded(stream, limits.max_file_bytes, "decompressed gzip stream")
    except InputProblem as exc:
        return Rejected(source, exc.code, exc.reason)
    except (*_CORRUPT, OSError) as exc:
        if isinstance(exc, OSError) and not _bad_data(exc):
            raise
        return Rejected(source, ErrorCode.E114_CORRUPT_ARCHIVE, f"corrupt or truncated gzip stream: {exc}")
    return Blob(source, _strip_gz(name), data)


# What reading a corrupt archive or member raises: each only ever costs that archive, or that member.
_CORRUPT = (zipfile.BadZipFile, EOFError, zlib.error, lzma.LZMAError, NotImplementedError, ValueError,
            struct.error, RuntimeError)


def _bad_data(exc: OSError) -> bool:
    """An OSError about the bytes (bz2's "Invalid data stream", gzip's "Not a gzipped file"), not the disk."""
    return exc.errno is None


def _unzip(path: Path, limits: Limits) -> Iterator[Blob | Rejected]:
    try:
        archive = zipfile.ZipFile(path)
    except (*_CORRUPT, OSError) as exc:
        if isinstance(exc, OSError) and not _bad_data(exc):
            raise
        yield Rejected(str(path), ErrorCode.E114_CORRUPT_ARCHIVE, f"corrupt zip archive: {exc}")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > limits.max_archive_members:
            yield Rejected(str(path), ErrorCode.E110_TOO_LARGE,
                           f"zip archive has {len(members):,} members, more than the limit of {limits.max_archive_members:,}")
            return
        total = 0
        spent: str | None = None  # the archive's total budget, once it is spent
        for member in members:
            source = f"{path}!/{member.filename}"
            name = PurePosixPath(member.filename.replace("\\", "/")).name
            if name.startswith(".") or name.lower().endswith(IGNORED_SUFFIXES) or "__MACOSX" in member.filename:
                continue
            if member.flag_bits & 0x1:
                yield Rejected(source, ErrorCode.E114_CORRUPT_ARCHIVE, "encrypted zip member")
                continue
            if name.lower().endswith((".gz", ".zip")):
                yield Rejected(source, ErrorCode.E107_UNSUPPORTED, "archives inside archives are not read")
                continue
            if spent is not None:
                yield Rejected(source, ErrorCode.E110_TOO_LARGE, f"not read: {spent}")
                continue
            budget = min(limits.max_file_bytes, limits.max_archive_bytes - total)
            try:
                with archive.open(member) as stream:
                    data = read_bounded(stream, budget, "decompressed zip member" if budget == limits.max_file_bytes
                                        else "zip archive (total decompressed)")
            except InputProblem as exc:
                yield Rejected(source, exc.code, exc.reason)
                if budget < limits.max_file_bytes:
                    spent = f"the zip archive passed its total limit of {limits.max_archive_bytes:,} decompressed bytes"
                continue
            except (*_CORRUPT, OSError) as exc:
                if isinstance(exc, OSError) and not _bad_data(exc):
                    raise  # the disk, not the member: open_blobs reports the archive unreadable
                yield Rejected(source, ErrorCode.E114_CORRUPT_ARCHIVE, f"corrupt zip member: {exc}")
                continue
            total += len(data)
            yield Blob(source, name, data)
