"""Every error and rejection reason eventcoder reports, with a stable code.

Codes never change meaning once published: users grep logs and quarantine files for them.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    # Input (E1xx): a document that cannot be used is rejected with one of these reasons.
    E101_UNREADABLE = "E101"  # the file cannot be opened or read
    E102_ENCODING = "E102"  # bytes that are not valid text in a supported encoding
    E103_EMPTY = "E103"  # the file or document has no text
    E104_MALFORMED_JSON = "E104"  # a JSON line that does not parse, or is not an object
    E105_MISSING_TEXT = "E105"  # a JSON object without a non-empty "text"
    E106_BAD_DATE = "E106"  # a date field that is not an ISO date
    E107_UNSUPPORTED = "E107"  # a file type no reader handles
    E108_BINARY = "E108"  # binary content
    E109_MISSING_ID = "E109"  # a JSON object without an "id"
    E110_TOO_LARGE = "E110"  # a file, decompressed stream or document over the configured size limit
    E111_UNSAFE_XML = "E111"  # XML with entity declarations or external references (never expanded)
    E112_LANGUAGE = "E112"  # a document not in English (reason "language=xx"); the coder is English-only
    E113_BAD_ID = "E113"  # a document id that is empty once control characters are removed
    E114_CORRUPT_ARCHIVE = "E114"  # a truncated or corrupt gzip/zip stream, or an encrypted member
    E115_SUPERSEDED = "E115"  # an earlier version of a news item replaced by a later one in the same input
    E116_MALFORMED_XML = "E116"  # XML or a feed that does not parse, or lacks the parts its format needs
    E117_MALFORMED_CSV = "E117"  # a CSV file without a usable header, or a row that does not parse
    E118_READER_FAILED = "E118"  # a reader failed on an input in a way it does not expect (a bug to report)
    # Lexicons (E2xx): data files under coding/ that fail validation at load.
    E201_LEXICON_SYNTAX = "E201"
    E202_LEXICON_UNKNOWN_CODE = "E202"
    E203_LEXICON_DUPLICATE_ID = "E203"
    E204_LEXICON_BAD_ENTRY = "E204"
    # Evaluation (E3xx)
    E301_GOLD_FORMAT = "E301"
    E302_PRED_FORMAT = "E302"
    # Pipeline (E4xx)
    E401_NO_INPUT = "E401"
    E402_VALIDATION_FAILED = "E402"
    # Orchestration (E41x): options and services of `eventcoder run` / `eventcoder serve`.
    E410_BAD_OPTION = "E410"  # an option value that cannot be used (unknown task runner, bad address)
    E411_SERVER_START = "E411"  # the Prefect server did not start or answer in time
    E412_SHARD_MISSING = "E412"  # a coded batch's shard file is missing when the flow commits
    E413_PARSER_DIED = "E413"  # the parse-ahead process ended (killed, crashed) while it had documents to parse


class EventCoderError(Exception):
    """Base class: carries a stable code so that messages can be grepped and tested."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        self.code = code
        super().__init__(f"[{code.value}] {message}")


class LexiconError(EventCoderError):
    """A lexicon or table file failed validation; the message names the file and line."""


class InputError(EventCoderError):
    """An input path cannot be used at all (as opposed to one bad document inside it)."""


class GoldFormatError(EventCoderError):
    """A gold file for `eventcoder evaluate` is not in a known format."""
