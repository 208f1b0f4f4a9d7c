"""Size limits for inputs, so that a huge or hostile file is rejected instead of exhausting memory.

Defaults suit wire copy (a story is a few kilobytes; a day's feed file a few megabytes).
Override them per call with :class:`Limits` or for a whole run with environment variables:

    EVENTCODER_MAX_FILE_MB        bytes read from one file or one decompressed gzip/zip member
    EVENTCODER_MAX_ARCHIVE_MB     total bytes decompressed from one zip archive
    EVENTCODER_MAX_ARCHIVE_FILES  members read from one zip archive
    EVENTCODER_MAX_DOC_CHARS      characters of one document's text
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import BinaryIO

from coding.errors import ErrorCode

MB = 1024 * 1024
CHUNK = 1024 * 1024


class InputProblem(Exception):
    """A reason to reject an input, with its stable code; raised inside readers, caught once."""

    def __init__(self, code: ErrorCode, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 100 * MB
    max_archive_bytes: int = 500 * MB
    max_archive_members: int = 10_000
    max_document_chars: int = 1_000_000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Limits":
        """Defaults, overridden by the EVENTCODER_MAX_* environment variables (bad values are an error)."""
        env = os.environ if environ is None else environ
        base = cls()

        def number(name: str, default: int, scale: int = 1) -> int:
            raw = env.get(name)
            if raw is None or raw.strip() == "":
                return default
            try:
                value = float(raw)
            except ValueError:
                raise ValueError(f"{name} must be a number, got {raw!r}") from None
            if value <= 0:
                raise ValueError(f"{name} must be positive, got {raw!r}")
            return int(value * scale)

        return cls(
            max_file_bytes=number("EVENTCODER_MAX_FILE_MB", base.max_file_bytes, MB),
            max_archive_bytes=number("EVENTCODER_MAX_ARCHIVE_MB", base.max_archive_bytes, MB),
            max_archive_members=number("EVENTCODER_MAX_ARCHIVE_FILES", base.max_archive_members),
            max_document_chars=number("EVENTCODER_MAX_DOC_CHARS", base.max_document_chars),
        )


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read a stream to its end, refusing (E110) as soon as it passes ``limit`` bytes.

    Reads in chunks, so a decompression bomb or an endless device is stopped after
    ``limit + 1`` bytes rather than read into memory whole.
    """
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputProblem(ErrorCode.E110_TOO_LARGE, f"{what} is larger than the limit of {limit:,} bytes")
    return b"".join(parts)
