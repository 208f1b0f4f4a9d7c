"""Every kind of bad input comes out as Rejected with a stable code and a reason, never a crash."""

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import Limits, read_documents
from coding.ingest.limits import InputProblem
from coding.ingest.xmlsafe import parse_defused
from tests.ingest.samples import BAD, GOOD


@pytest.fixture(scope="module")
def bad() -> dict[str, list]:
    out: dict[str, list] = {}
    for item in read_documents([BAD]):
        source = item.source if isinstance(item, Rejected) else item.path
        out.setdefault(Path(source.split(":")[0]).name, []).append(item)
    return out


@pytest.mark.parametrize("name, code, reason", [
    ("billion_laughs.xml", ErrorCode.E111_UNSAFE_XML, "entity declaration 'lol'"),
    ("external_entity.xml", ErrorCode.E111_UNSAFE_XML, "entity declaration 'xxe'"),
    ("external_entity_feed.rss", ErrorCode.E111_UNSAFE_XML, "entity declaration 'xxe'"),
    ("truncated.txt.gz", ErrorCode.E114_CORRUPT_ARCHIVE, "truncated gzip"),
    ("invalid_utf8.txt", ErrorCode.E102_ENCODING, "invalid UTF-8"),
    ("empty.txt", ErrorCode.E103_EMPTY, "empty file"),
    ("binary.txt", ErrorCode.E108_BINARY, "binary content"),
    ("french_story.txt", ErrorCode.E112_LANGUAGE, "language=fr"),
])
def test_whole_file_rejections(bad, name, code, reason):
    (item,) = bad[name]
    assert isinstance(item, Rejected)
    assert item.code is code
    assert reason in item.reason


def test_french_reason_is_exactly_language_code(bad):
    assert bad["french_story.txt"][0].reason == "language=fr"


def test_entities_never_reach_the_text(bad):
    for items in bad.values():
        for item in items:
            if isinstance(item, Document):
                assert "lollol" not in item.text and "root:" not in item.text


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_defusedxml_refuses_entities_too(name):
    """Second line of defence: the parser itself refuses what the text screen would have caught."""
    with pytest.raises(InputProblem) as info:
        parse_defused((BAD / name).read_bytes())
    assert info.value.code is ErrorCode.E111_UNSAFE_XML


def test_malformed_json_line_does_not_stop_the_file(bad):
    items = bad["malformed.jsonl"]
    assert [type(i).__name__ for i in items] == ["Document", "Rejected"]
    assert items[0].doc_id == "bad-json-ok"
    assert items[1].code is ErrorCode.E104_MALFORMED_JSON and items[1].source.endswith("malformed.jsonl:2")


def test_missing_text(bad):
    items = bad["missing_text.jsonl"]
    assert [(i.code, i.doc_id) for i in items] == [(ErrorCode.E105_MISSING_TEXT, "no-text-1"),
                                                   (ErrorCode.E105_MISSING_TEXT, "no-text-2")]


def test_html_with_entity_declarations_is_refused(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>&x;</p></body></html>',
                    encoding="utf-8")
    (item,) = read_documents([page])
    assert isinstance(item, Rejected) and item.code is ErrorCode.E111_UNSAFE_XML


def test_rejected_records_carry_sanitised_ids(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "../../x\\u0000y", "text": ""}\n', encoding="utf-8")
    (item,) = read_documents([feed])
    assert item.code is ErrorCode.E105_MISSING_TEXT
    assert ".." not in item.doc_id and "\x00" not in item.doc_id


def test_hostile_ids_are_sanitised(bad):
    items = bad["hostile_ids.jsonl"]
    docs = [i for i in items if isinstance(i, Document)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert len(docs) == 3 and len(rejected) == 1
    traversal, long_id, control = (d.doc_id for d in docs)
    assert ".." not in traversal and not traversal.startswith("/") and traversal.startswith("etc/passwd~")
    assert len(long_id) <= 200 and long_id.startswith("xxxx")
    assert control.startswith("id with control chars~")
    for doc_id in (traversal, long_id, control):
        assert not any(ord(ch) < 32 for ch in doc_id)
    assert rejected[0].code is ErrorCode.E113_BAD_ID


def test_oversized_file_is_rejected_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Troops shelled the town on Monday. " * 100, encoding="utf-8")
    (item,) = read_documents([big], limits=Limits(max_file_bytes=1000))
    assert isinstance(item, Rejected) and item.code is ErrorCode.E110_TOO_LARGE
    assert "1,000 bytes" in item.reason


def test_oversized_document_in_a_small_enough_file(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "long", "text": "%s"}\n{"id": "short", "text": "Troops shelled the town."}\n'
                    % ("Troops shelled the town. " * 50), encoding="utf-8")
    items = list(read_documents([feed], limits=Limits(max_document_chars=500)))
    assert [(type(i).__name__, i.doc_id) for i in items] == [("Rejected", "long"), ("Document", "short")]
    assert items[0].code is ErrorCode.E110_TOO_LARGE


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"A" * 5_000_000))  # 5 MB of text in a few kilobytes
    assert bomb.stat().st_size < 50_000
    (item,) = read_documents([bomb], limits=Limits(max_file_bytes=1_000_000))
    assert isinstance(item, Rejected) and item.code is ErrorCode.E110_TOO_LARGE
    assert "decompressed gzip stream" in item.reason


def test_zip_member_over_the_limit_and_archive_budget(tmp_path):
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", "BEIRUT (AP) — Israeli jets struck targets in southern Lebanon on Tuesday.")
        zf.writestr("huge.txt", "B" * 3_000_000)
    items = list(read_documents([archive], limits=Limits(max_file_bytes=1_000_000)))
    assert isinstance(items[0], Document) and items[0].doc_id == "a"
    assert items[1].code is ErrorCode.E110_TOO_LARGE and items[1].source.endswith("bundle.zip!/huge.txt")


def test_corrupt_zip(tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (item,) = read_documents([broken])
    assert item.code is ErrorCode.E114_CORRUPT_ARCHIVE


def test_zip_member_names_are_labels_not_paths(tmp_path):
    archive = tmp_path / "evil.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("../../outside.txt", "KYIV (Reuters) - Russian forces shelled Kharkiv on Monday, officials said.")
    archive.write_bytes(buffer.getvalue())
    before = sorted(p.name for p in tmp_path.parent.iterdir())
    (doc,) = read_documents([archive])
    assert doc.doc_id == "outside" and doc.source == "Reuters"
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.zip"]


def test_unsupported_content_and_markup(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7 ...")
    (tmp_path / "config.xml").write_text("<config><a>1</a></config>", encoding="utf-8")
    (tmp_path / "broken.xml").write_text("<newsItem guid='x'><contentSet>", encoding="utf-8")
    (tmp_path / "array.jsonl").write_text('[{"id": "a", "text": "b"}]', encoding="utf-8")
    items = {Path(i.source).name: i for i in read_documents([tmp_path, tmp_path / "scan.pdf"])}
    assert items["scan.pdf"].code is ErrorCode.E107_UNSUPPORTED and "PDF" in items["scan.pdf"].reason
    assert items["config.xml"].code is ErrorCode.E107_UNSUPPORTED and "<config>" in items["config.xml"].reason
    assert items["broken.xml"].code is ErrorCode.E116_MALFORMED_XML
    assert items["array.jsonl"].code is ErrorCode.E104_MALFORMED_JSON


def test_no_match_for_a_glob_and_special_files(tmp_path):
    items = list(read_documents([str(tmp_path / "*.nothing"), "/dev/null"]))
    assert [i.code for i in items] == [ErrorCode.E101_UNREADABLE, ErrorCode.E101_UNREADABLE]


def test_limits_from_environment():
    limits = Limits.from_env({"EVENTCODER_MAX_FILE_MB": "2", "EVENTCODER_MAX_DOC_CHARS": "5000"})
    assert limits.max_file_bytes == 2 * 1024 * 1024 and limits.max_document_chars == 5000
    assert Limits.from_env({}) == Limits()
    with pytest.raises(ValueError, match="EVENTCODER_MAX_FILE_MB"):
        Limits.from_env({"EVENTCODER_MAX_FILE_MB": "lots"})
    with pytest.raises(ValueError, match="positive"):
        Limits.from_env({"EVENTCODER_MAX_DOC_CHARS": "-1"})


def test_good_samples_read_through_gzip_and_zip(tmp_path):
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress((GOOD / "beirut_ap.txt").read_bytes()))
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as zf:
        for name in ("world.rss", "wire.jsonl", "__MACOSX/._junk"):
            zf.writestr(name, (GOOD / name).read_bytes() if (GOOD / name).exists() else b"junk")
    items = list(read_documents([tmp_path]))
    assert all(isinstance(i, Document) for i in items), items
    by_id = {d.doc_id: d for d in items}
    assert by_id["story"].text == next(iter(read_documents([GOOD / "beirut_ap.txt"]))).text
    assert by_id["exw-jsonl-001"].path.endswith("bundle.zip!/wire.jsonl:1")
    assert "exw-rss-0412-001" in by_id
