import json
from datetime import date
from pathlib import Path

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import read_documents


def test_good_and_bad_lines(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Russia shelled Kharkiv.", "date": "2022-09-10", "source": "AFP", "title": "T", "url": "http://x"}),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps({"text": "no id here"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "text": "Fine.", "date": "10/09/2022"}),
        "",
        json.dumps({"id": "a4", "text": "Compact date.", "date": "20080804"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_documents([path]))
    docs = [i for i in items if isinstance(i, Document)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [d.doc_id for d in docs] == ["a1", "a4"]
    assert docs[0].doc_date == date(2022, 9, 10) and docs[0].source == "AFP" and docs[0].url == "http://x"
    assert docs[0].text == "Russia shelled Kharkiv."
    assert docs[1].doc_date == date(2008, 8, 4)
    codes = {r.source.rsplit(":", 1)[1]: r.code for r in rejected}
    assert codes == {"2": ErrorCode.E104_MALFORMED_JSON, "3": ErrorCode.E105_MISSING_TEXT, "4": ErrorCode.E109_MISSING_ID,
                     "5": ErrorCode.E104_MALFORMED_JSON, "6": ErrorCode.E106_BAD_DATE}


def test_missing_path_and_unsupported_file(tmp_path: Path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    items = list(read_documents([tmp_path / "nope.jsonl", tmp_path / "notes.pdf"]))
    assert [i.code for i in items] == [ErrorCode.E101_UNREADABLE, ErrorCode.E107_UNSUPPORTED]


def test_content_hash_identifies_text():
    a = Document(doc_id="x", text="same")
    b = Document(doc_id="y", text="same")
    c = Document(doc_id="x", text="other")
    assert a.content_hash == b.content_hash != c.content_hash
