"""Bytes to text: UTF-8, UTF-16/32 with a BOM, a declared charset, else Windows-1252 / Latin-1.

Why these rules: wire text is almost always UTF-8; old archives are Windows-1252 or
Latin-1, which any byte sequence "decodes" as, so a legacy decoding is only accepted when
the bytes look like legacy text (no valid UTF-8 multi-byte sequence at all, no control
characters after decoding). A UTF-8 file with a few broken bytes is reported as invalid
UTF-8 rather than silently turned into mojibake.
"""

from __future__ import annotations

import codecs
import re

from coding.errors import ErrorCode
from coding.ingest.limits import InputProblem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# A well-formed UTF-8 multi-byte sequence (2, 3 or 4 bytes).
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Control characters that never occur in text (tab, newlines and form feed are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# What decode_records leaves in a record that is not text: a NUL byte, or a lone surrogate (a broken
# UTF-8 byte kept as U+DC80-U+DCFF, or an unpaired UTF-16 code unit).
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def _bom_codec(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _normal_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip()).name
    except (LookupError, ValueError):
        return None


def decode(data: bytes, declared: str | None = None, binary_check: bool = True) -> tuple[str, str]:
    """The text and the name of the encoding used; InputProblem (E102/E108) when it is not text.

    ``binary_check=False`` leaves NUL bytes in the text (readers of many records reject the
    records that hold one, see :func:`record_problem`).
    """
    codec = _bom_codec(data)
    if codec:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise InputProblem(ErrorCode.E102_ENCODING, f"invalid {codec.upper()}: {exc.reason} at byte {exc.start}") from exc
    if binary_check and b"\x00" in data[:8192]:
        raise InputProblem(ErrorCode.E108_BINARY, "binary content (NUL bytes)")
    if declared:
        codec = _normal_codec(declared)
        if codec and codec not in ("utf-8", "ascii"):
            return _legacy(data, codec, why=f"declared {declared}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTI.search(data):
            raise InputProblem(ErrorCode.E102_ENCODING,
                               f"invalid UTF-8: {exc.reason} at byte {exc.start} in a file that is otherwise UTF-8") from exc
        if declared and _normal_codec(declared) in ("utf-8", "ascii"):
            raise InputProblem(ErrorCode.E102_ENCODING,
                               f"invalid UTF-8 (declared {declared}): {exc.reason} at byte {exc.start}") from exc
    # Windows-1252 when its extra characters (bytes 0x80-0x9F) are present, else Latin-1
    # (the two agree on every other byte).
    codec = "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1"
    return _legacy(data, codec, why="not UTF-8")


def decode_records(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Like :func:`decode`, for files of many records (JSON Lines, CSV): a bad byte costs only its record.

    Where :func:`decode` would refuse the whole file for invalid UTF-8 (a broken byte in a file
    that is otherwise UTF-8, or legacy bytes that decode to control characters), the text is
    UTF-8 with every undecodable byte kept as a lone surrogate (U+DC80-U+DCFF), and NUL bytes
    stay in the text: :func:`record_problem` then names the records that hold one. In UTF-16
    and UTF-32 an unpaired surrogate is kept the same way; bytes that are no code unit at all
    (an odd length) still refuse the file.
    """
    try:
        return decode(data, declared, binary_check=False)
    except InputProblem as exc:
        if exc.code is not ErrorCode.E102_ENCODING:
            raise
        codec = _bom_codec(data)
        if codec in (None, "utf-8-sig"):
            return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape"), "utf-8"
        try:
            return data.decode(codec, "surrogatepass"), codec
        except UnicodeDecodeError:
            raise exc from None


def broken_utf8(data: bytes, declared: str | None = None) -> bool:
    """True for UTF-8 with some broken bytes: :func:`decode` refuses it whole, :func:`decode_records` per record."""
    try:
        decode(data, declared, binary_check=False)
    except InputProblem as exc:
        return _broken_utf8(exc, data)
    return False


def _broken_utf8(exc: InputProblem, data: bytes) -> bool:
    return exc.code is ErrorCode.E102_ENCODING and _bom_codec(data) in (None, "utf-8-sig")


def record_problem(text: str, codec: str = "utf-8") -> InputProblem | None:
    """Why one record of a :func:`decode_records` text (decoded with ``codec``) is not text, or None."""
    bad = _NOT_TEXT.search(text)
    if bad is None:
        return None
    char = bad.group()
    if char == "\x00":
        return InputProblem(ErrorCode.E108_BINARY, f"binary content (a NUL byte at character {bad.start()})")
    if codec == "utf-8" and "\udc80" <= char <= "\udcff":
        return InputProblem(ErrorCode.E102_ENCODING,
                            f"invalid UTF-8: byte 0x{ord(char) - 0xDC00:02X} at character {bad.start()} "
                            "in a file that is otherwise UTF-8")
    return InputProblem(ErrorCode.E102_ENCODING, f"invalid {codec.upper()}: an unpaired surrogate "
                                                 f"U+{ord(char):04X} at character {bad.start()}")


def _legacy(data: bytes, codec: str, why: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputProblem(ErrorCode.E102_ENCODING,
                           f"undecodable bytes ({why}, tried {codec}): {exc.reason} at byte {exc.start}") from exc
    bad = _CONTROL.search(text)
    if bad:
        raise InputProblem(ErrorCode.E102_ENCODING,
                           f"undecodable bytes ({why}, tried {codec}): control character U+{ord(bad.group()):04X} "
                           f"at character {bad.start()}")
    return text, codec


def declared_charset(head: bytes) -> str | None:
    """A charset declared in an XML prolog or an HTML meta tag within the first bytes."""
    m = re.search(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""", head[:1024])
    if m:
        return m.group(1).decode("ascii")
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", head[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii") if m else None
