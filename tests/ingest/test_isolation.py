"""One bad record never costs its neighbours: each reader rejects the record, with its position, and reads on."""

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import Limits, read_blob, read_documents
from coding.ingest.sources import Blob

STORY = "Police arrested 12 protesters in Dhaka on Sunday."
NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'


def items(path: Path, limits: Limits | None = None) -> list[tuple[str, str, str | None]]:
    """(kind, position after the file name, code) of everything read from ``path``."""
    out = []
    for item in read_documents([path], limits=limits):
        where = item.source if isinstance(item, Rejected) else item.path
        out.append((type(item).__name__, where[len(str(path)):], item.code.value if isinstance(item, Rejected) else None))
    return out


def test_poisoned_jsonl_codes_its_valid_line(tmp_path):
    """The reported case: a first line nested 100,000 levels deep, a valid story on the second."""
    feed = tmp_path / "poisoned.jsonl"
    feed.write_text('{"id": "deep", "text": ' + "[" * 100_000 + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n",
                    encoding="utf-8")
    got = list(read_documents([feed]))
    assert [type(i).__name__ for i in got] == ["Rejected", "Document"]
    assert got[0].source == f"{feed}:1" and got[0].code is ErrorCode.E104_MALFORMED_JSON
    assert "nested too deeply" in got[0].reason
    assert got[1].doc_id == "ok" and got[1].text == STORY and got[1].path == f"{feed}:2"


def test_jsonl_line_that_is_an_array_is_one_bad_line(tmp_path):
    feed = tmp_path / "lines.jsonl"
    feed.write_text("[" * 50_000 + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n[1, 2]\n", encoding="utf-8")
    assert items(feed) == [("Rejected", ":1", "E104"), ("Document", ":2", None), ("Rejected", ":3", "E104")]


def test_a_whole_json_array_is_still_refused_whole(tmp_path):
    feed = tmp_path / "array.jsonl"
    feed.write_text(json.dumps([{"id": "a", "text": STORY}, {"id": "b", "text": STORY}], indent=2), encoding="utf-8")
    (item,) = read_documents([feed])
    assert item.code is ErrorCode.E104_MALFORMED_JSON and "whole file is one JSON array" in item.reason


@pytest.mark.parametrize("bad_line, code", [
    (b'{"id": "b", "text": "caf\xc3\xa9 \xff broken"}', "E102"),  # a broken byte in a UTF-8 file
    (b'{"id": "n", "text": "a\x00b"}', "E108"),  # a NUL byte
    (b'{"id": 1, "n": ' + b"1" * 5000 + b', "text": "x"}', "E104"),  # a number too long to convert
    (b'{"id": "big", "text": "' + b"Troops shelled the town. " * 40 + b'"}', "E110"),  # over the document limit
    (b'{"text": "no id"}', "E109"),
])
def test_jsonl_bad_line_kinds(tmp_path, bad_line, code):
    feed = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "Caf\u00e9 owners said " + STORY}).encode()
    feed.write_bytes(good + b"\n" + bad_line + b"\n" + good.replace(b'"ok"', b'"ok2"') + b"\n")
    assert items(feed, Limits(max_document_chars=500)) == [("Document", ":1", None), ("Rejected", ":2", code),
                                                           ("Document", ":3", None)]


def test_jsonl_lines_end_at_newline_only(tmp_path):
    """A U+2028 or a form feed inside a JSON string is text, not the end of the record."""
    feed = tmp_path / "seps.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": STORY + "\u2028" + STORY + "\x0c"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    (doc,) = read_documents([feed])
    assert isinstance(doc, Document) and "\u2028" in doc.text


def test_csv_bad_rows(tmp_path):
    table = tmp_path / "wire.csv"
    table.write_bytes(b'id,text\na,"Caf\xc3\xa9 owners said ' + STORY.encode() + b'"\n'
                      b'b,"a \xff broken byte"\n'
                      b'c,"a NUL \x00 byte"\n'
                      b'd,"' + b"x" * 2_000 + b'"\n'
                      b'e,"' + STORY.encode() + b'"\n')
    assert items(table, Limits(max_document_chars=1_000)) == [
        ("Document", ":2", None), ("Rejected", ":3", "E102"), ("Rejected", ":4", "E108"), ("Rejected", ":5", "E110"),
        ("Document", ":6", None)]


def test_csv_cell_over_the_csv_module_limit_is_one_bad_row(tmp_path):
    table = tmp_path / "big.csv"
    table.write_text(f'id,text\na,"{STORY}"\nb,"{"x" * 1_200_000}"\nc,"{STORY}"\n', encoding="utf-8")
    assert items(table) == [("Document", ":2", None), ("Rejected", ":3", "E110"), ("Document", ":4", None)]


def rss(*entries: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
            + "".join(entries) + "</channel></rss>")


def rss_item(n: int, body: str) -> str:
    return f"<item><title>T{n}</title><guid>g{n}</guid><description>{body}</description></item>"


def test_rss_broken_item_costs_only_itself(tmp_path):
    """A mismatched tag in item 2 made feedparser's loose parser swallow item 3; now each item stands alone."""
    feed = tmp_path / "wire.rss"
    feed.write_text(rss(rss_item(1, STORY), "<item><guid>g2</guid><description>oops</descr></item>",
                        rss_item(3, STORY)), encoding="utf-8")
    got = items(feed)
    assert [g[1] for g in got] == ["#1", "#2", "#3"]
    assert got[0] == ("Document", "#1", None) and got[2] == ("Document", "#3", None)


def test_rss_item_with_broken_bytes_is_rejected_alone(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_bytes(rss(rss_item(1, "Caf\u00e9 owners said " + STORY), rss_item(2, "oops"), rss_item(3, STORY))
                     .encode("utf-8").replace(b"oops", b"\xff\xfe broken"))
    got = list(read_documents([feed]))
    assert [(type(i).__name__, (i.source if isinstance(i, Rejected) else i.path)[len(str(feed)):]) for i in got] == [
        ("Document", "#1"), ("Rejected", "#2"), ("Document", "#3")]
    assert got[1].code is ErrorCode.E102_ENCODING
    assert got[0].text.startswith("Caf\u00e9")  # the neighbours are not re-decoded as Windows-1252


def test_atom_truncated_feed_keeps_its_complete_entries(tmp_path):
    entry = '<entry><id>urn:e{n}</id><title>T</title><content type="text">{body}</content></entry>'
    feed = tmp_path / "wire.atom"
    feed.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
                    + entry.format(n=1, body=STORY) + entry.format(n=2, body=STORY)[:40], encoding="utf-8")
    got = items(feed)
    assert got[0] == ("Document", "#1", None) and [g[1] for g in got] == ["#1", "#2"]


def news_item(guid: str, body: str) -> str:
    return (f'<newsItem guid="{guid}" version="1"><itemMeta><firstCreated>2023-01-02</firstCreated></itemMeta>'
            f"<contentSet><inlineData>{body}</inlineData></contentSet></newsItem>")


def test_newsml_message_with_a_broken_item(tmp_path):
    message = tmp_path / "message.xml"
    message.write_text(f"<newsMessage {NS}><header/><itemSet>" + news_item("a", STORY) + news_item("b", "oops<x>")
                       + news_item("c", STORY) + "</itemSet></newsMessage>", encoding="utf-8")
    got = list(read_documents([message]))
    by_source = {(i.source if isinstance(i, Rejected) else i.path)[len(str(message)):]: i for i in got}
    assert sorted(by_source) == ["#a", "#b", "#c"]
    assert by_source["#b"].code is ErrorCode.E116_MALFORMED_XML and by_source["#b"].doc_id == "b"
    assert "newsItem 2 of the message" in by_source["#b"].reason
    assert isinstance(by_source["#a"], Document) and isinstance(by_source["#c"], Document)


def test_newsml_item_without_guid_is_named_by_position(tmp_path):
    message = tmp_path / "message.xml"
    message.write_text(f"<newsMessage {NS}><itemSet>" + news_item("a", STORY)
                       + news_item("", STORY).replace(' guid=""', "") + "</itemSet></newsMessage>", encoding="utf-8")
    got = items(message)
    assert ("Rejected", "#item-2", "E109") in got and ("Document", "#a", None) in got


def test_a_single_broken_newsml_item_is_the_file(tmp_path):
    item = tmp_path / "item.xml"
    item.write_text(news_item("a", "oops<x>"), encoding="utf-8")
    assert items(item) == [("Rejected", "", "E116")]


def test_zip_with_one_corrupt_member(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("a.txt", STORY, compress_type=zipfile.ZIP_LZMA)
        zf.writestr("b.txt", "Police arrested 13 protesters in Dhaka on Sunday.", compress_type=zipfile.ZIP_BZIP2)
        zf.writestr("c.jsonl", json.dumps({"id": "c", "text": STORY}) + "\n" + "[" * 60_000 + "\n",
                    compress_type=zipfile.ZIP_DEFLATED)
    data = bytearray(buffer.getvalue())
    start = data.index(b"a.txt") + len("a.txt") + 10  # inside the LZMA member's compressed bytes
    for k in range(start, start + 20):
        data[k] ^= 0x55
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(bytes(data))
    assert items(archive) == [("Rejected", "!/a.txt", "E114"), ("Document", "!/b.txt", None),
                              ("Document", "!/c.jsonl:1", None), ("Rejected", "!/c.jsonl:2", "E104")]


def test_zip_members_past_the_archive_budget_are_each_reported(tmp_path):
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", STORY + " " + "x" * 600)
        zf.writestr("b.txt", STORY + " " + "y" * 600)
        zf.writestr("c.txt", STORY)
    got = list(read_documents([archive], limits=Limits(max_file_bytes=1_000, max_archive_bytes=1_000)))
    assert [type(i).__name__ for i in got] == ["Document", "Rejected", "Rejected"]
    assert got[1].code is got[2].code is ErrorCode.E110_TOO_LARGE
    assert got[2].source.endswith("!/c.txt") and "not read" in got[2].reason


def test_gzip_of_a_poisoned_jsonl(tmp_path):
    packed = tmp_path / "wire.jsonl.gz"
    packed.write_bytes(gzip.compress(("[" * 100_000 + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n").encode()))
    assert items(packed) == [("Rejected", ":1", "E104"), ("Document", ":2", None)]


def test_a_reader_that_fails_costs_only_its_input(monkeypatch, tmp_path):
    """The last guard: an exception no reader expects is E118 for that input; the run goes on."""
    from coding import ingest

    def broken(blob: Blob):
        yield Document(doc_id="first", text=STORY, path=f"{blob.source}:1")
        raise KeyError("a bug")

    monkeypatch.setitem(ingest.READERS, "jsonl", broken)
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    got = [(type(i).__name__, getattr(i, "code", None)) for i in read_documents([tmp_path])]
    assert got == [("Document", None), ("Rejected", ErrorCode.E118_READER_FAILED), ("Document", None)]
    (item,) = [i for i in read_blob(Blob("x.jsonl", "x.jsonl", b"{}")) if isinstance(i, Rejected)]
    assert "KeyError" in item.reason


def test_unpaired_surrogates_are_rejected_per_record(tmp_path):
    """A JSON escape or a feed character reference can make a lone surrogate: that record is E102, not a crash."""
    feed = tmp_path / "escapes.jsonl"
    feed.write_text('{"id": "s", "text": "Police \\ud800 arrested 12."}\n{"id": "t", "title": "\\udfff", "text": "%s"}\n'
                    % STORY, encoding="utf-8")
    got = list(read_documents([feed]))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in got] == [("Rejected", ErrorCode.E102_ENCODING),
                                                                           ("Document", None)]
    assert got[1].title == "\ufffd"
    rss_file = tmp_path / "wire.rss"
    rss_file.write_text(rss(rss_item(1, STORY + " &#xD800;"), rss_item(2, STORY)), encoding="utf-8")
    assert items(rss_file) == [("Rejected", "#1", "E116"), ("Document", "#2", None)]  # feedparser fails on it


def test_a_file_name_with_undecodable_bytes(tmp_path):
    from coding.store import write_rejected

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "ok.txt").write_text(STORY, encoding="utf-8")
    name = Path(str(folder) + "/" + b"\xff\xfe-story.txt".decode("utf-8", "surrogateescape"))
    name.write_text(STORY, encoding="utf-8")
    (folder / (b"\xff.jsonl".decode("utf-8", "surrogateescape"))).write_text("{oops\n", encoding="utf-8")
    got = list(read_documents([folder]))
    docs = [i for i in got if isinstance(i, Document)]
    assert len(docs) == 2 and all("\udcff" not in d.path for d in docs)
    written = write_rejected([i for i in got if isinstance(i, Rejected)], tmp_path / "out", run_id="r")
    (line,) = written.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["code"] == "E104"


def test_a_broken_byte_in_a_utf8_file_with_a_byte_order_mark(tmp_path):
    """Found by the fuzzing: the BOM made the whole file E102."""
    feed = tmp_path / "bom.jsonl"
    good = json.dumps({"id": "ok", "text": STORY}).encode()
    feed.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + good.replace(b"Police", b"Pol\xed\xb3\xbfice") + b"\n")
    assert items(feed) == [("Document", ":1", None), ("Rejected", ":2", "E102")]


def test_cleaned_ids_are_clean():
    """Found by the fuzzing: '\\\\ 0' was cleaned to ' 0~hash', which cleaning again changed."""
    from coding.ingest.ids import clean_id

    for raw in ["\\ 0", "a\\ b/ ./c", " ../ x", "C:\\ .\\y", "x/" + "y" * 300]:
        once = clean_id(raw)
        assert once is not None and clean_id(once) == once and not once.startswith((" ", "/", "."))


def test_an_unpaired_surrogate_in_a_utf16_file_costs_only_its_line(tmp_path):
    """Found by the fuzzing: one unpaired UTF-16 code unit made the whole UTF-16 file E102."""
    feed = tmp_path / "wide.jsonl"
    lines = [json.dumps({"id": "a", "text": STORY}), json.dumps({"id": "b", "text": "x\ud800y"}, ensure_ascii=False),
             json.dumps({"id": "c", "text": STORY})]
    feed.write_bytes(b"\xff\xfe" + "\n".join(lines).encode("utf-16-le", "surrogatepass"))
    got = list(read_documents([feed]))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in got] == [
        ("Document", None), ("Rejected", ErrorCode.E102_ENCODING), ("Document", None)]
    assert "unpaired surrogate U+D800" in got[1].reason


def test_an_entry_cut_inside_a_tag_does_not_swallow_the_next(tmp_path):
    """Found by the fuzzing: '<content <entry>' was scanned as one tag, and the second entry went uncounted."""
    feed = tmp_path / "wire.atom"
    feed.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><id>a</id><title>t</title>'
                    '<content <entry><id>b</id><title>t</title><content type="html" x=\'1 > 0\'>' + STORY
                    + "</content></entry></feed>", encoding="utf-8")
    got = items(feed)
    assert [g[1] for g in got] == ["#1", "#2"] and got[1] == ("Document", "#2", None)
