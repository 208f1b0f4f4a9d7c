"""Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252, Latin-1, declared charsets."""

import pytest

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import read_documents
from coding.ingest.encoding import decode
from coding.ingest.limits import InputProblem

STORY = "BEIRUT (AP) — Israeli jets struck “targets” near Tyre on Tuesday, the army’s spokesman said."
LATIN = "PARIS (AFP) - The café owner said police detained the protesters on Tuesday."


@pytest.mark.parametrize("data, codec", [
    (STORY.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8-sig"),
    (STORY.encode("utf-16"), "utf-16"),  # with BOM, native order
    (b"\xfe\xff" + STORY.encode("utf-16-be"), "utf-16"),
    (STORY.encode("cp1252"), "cp1252"),  # curly quotes and dash are bytes 0x80-0x9F
    (LATIN.encode("latin-1"), "latin-1"),
])
def test_decodes(data, codec):
    text, used = decode(data)
    assert used == codec
    assert text == (LATIN if codec == "latin-1" else STORY)


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_utf16_and_cp1252_files_are_read(tmp_path, suffix):
    body = STORY if suffix == ".txt" else '{"id": "a", "text": "%s"}' % STORY.replace("“", "'").replace("”", "'")
    (tmp_path / f"u16{suffix}").write_bytes(body.encode("utf-16"))
    (tmp_path / f"w1252{suffix}").write_bytes(body.encode("cp1252"))
    docs = [d for d in read_documents([tmp_path]) if isinstance(d, Document)]
    assert len(docs) == 2
    assert docs[0].text == docs[1].text and "Israeli jets struck" in docs[0].text


def test_declared_charset_is_used():
    page = '<html><head><meta charset="windows-1252"></head><body>caf\xe9 \x93quoted\x94</body></html>'
    from coding.ingest.encoding import declared_charset
    data = page.encode("latin-1")
    assert declared_charset(data) == "windows-1252"
    assert decode(data, declared="windows-1252")[0].endswith("café “quoted”</body></html>")


@pytest.mark.parametrize("data, reason", [
    ("Kyiv’s troops ".encode() + b"\xe2\x80" + b" advanced.", "invalid UTF-8"),  # broken sequence in UTF-8
    (b"\xff\xfe" + b"\x00\xd8", "invalid UTF-16"),  # lone surrogate after a BOM
    (b"text \x81\x8d with undefined and \x01 control bytes", "undecodable bytes"),
])
def test_undecodable_bytes_are_reported(data, reason):
    with pytest.raises(InputProblem) as info:
        decode(data)
    assert info.value.code is ErrorCode.E102_ENCODING
    assert reason in info.value.reason


def test_undecodable_file_is_rejected_not_crashed(tmp_path):
    (tmp_path / "mixed.txt").write_bytes("Kyiv’s army ".encode() + b"\xff" + b" said.")
    (item,) = read_documents([tmp_path / "mixed.txt"])
    assert isinstance(item, Rejected) and item.code is ErrorCode.E102_ENCODING
