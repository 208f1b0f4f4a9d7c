"""Decode bytes into text with a clear reason when that is impossible."""

from __future__ import annotations

from coding.errors import ErrorCode


class DecodeFailure(Exception):
    def __init__(self, code: ErrorCode, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; binary content is refused."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeFailure(ErrorCode.E102_ENCODING, f"invalid UTF-16: {exc.reason} at byte {exc.start}") from exc
    if b"\x00" in data[:4096]:
        raise DecodeFailure(ErrorCode.E108_BINARY, "binary content (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeFailure(ErrorCode.E102_ENCODING, f"not valid UTF-8: {exc.reason} at byte {exc.start}") from exc
