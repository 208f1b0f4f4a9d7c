"""Property-based fuzzing of the readers (Hypothesis): reading never raises, never writes outside the output
folder, and accounts for every record.

For each format, files are generated from records (valid ones and hostile ones: deep nesting, huge
fields, broken and NUL bytes, odd encodings, hostile ids and archive member names such as
``../../x``) and, in a second family, mutated (truncated, bytes flipped or inserted). Every example
is read with :func:`coding.ingest.read_documents`; the rejected inputs and the documents are then
written to an output folder (``write_rejected`` and the document index of ``write_dataset``), from
a working folder two levels deep, and the properties are:

- nothing raises, and no reader fails in a way it does not expect (E118);
- nothing is created outside the output folder;
- every output names its input (``file:line``, ``file#item``, ``archive!/member``) and every id is clean;
- for generated files that can be split into records, coded + rejected = records in the input,
  one outcome per record position.

`make test` runs a short, derandomised pass (EVENTCODER_FUZZ_EXAMPLES unset: 40 examples per
test); `make fuzz` runs EVENTCODER_FUZZ_EXAMPLES (10,000) examples per reader with fresh random
data: a reader with a generated and a mutated property gets half in each.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import zipfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import Limits, detect, read_documents
from coding.ingest.ids import clean_id
from coding.store import write_dataset, write_rejected
from schemas.events import empty_table

LONG = os.environ.get("EVENTCODER_FUZZ_EXAMPLES")
settings.register_profile("short", max_examples=40, derandomize=True, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("long", max_examples=int(LONG or 10_000), deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("long-half", max_examples=(int(LONG or 10_000) + 1) // 2, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
FUZZ = settings.get_profile("long" if LONG else "short")  # a reader's only property
HALF = settings.get_profile("long-half" if LONG else "short")  # one of a reader's two properties
LIMITS = Limits(max_file_bytes=400_000, max_archive_bytes=600_000, max_archive_members=50, max_document_chars=3_000)
STORY = "Police arrested 12 protesters in Dhaka on Sunday, officials said."

# ---------------------------------------------------------------- building blocks

HOSTILE_IDS = ["../../x", "/etc/passwd", "C:\\Windows\\x", "..", ".", "", " ", "a\x00b", "\u202e\u200bid", "x" * 400,
               "id with spaces", "ok-1", "ok-1", "\ud800", "a/../../b", "\\\\server\\share"]
texts = st.one_of(
    st.just(STORY),
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60).map(lambda t: STORY + " " + t),
    st.integers(1, 5).map(lambda n: STORY * n * 30),  # over the document limit
    st.just("Le gouvernement a annoncé mardi que les élections auront lieu en juin, selon le ministre."),
    st.just(""), st.just("   "),
    st.sampled_from(["\u2028", "\x0c\x0b", "\r", "\x00", "\ufeff", "\udcff"]).map(lambda c: STORY + c + STORY),
)
ids = st.one_of(st.sampled_from(HOSTILE_IDS), st.text(max_size=30), st.integers(0, 10**6).map(str))
dates = st.one_of(st.none(), st.just("2024-02-29"), st.just("2023-13-45"), st.text(max_size=12),
                  st.integers(-5, 10**12), st.just("Wed, 12 Apr 2023 07:30:00 GMT"))


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` truncated, with bytes flipped, inserted or a chunk repeated."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "flip", "insert", "repeat"]))
        at = draw(st.integers(0, max(0, len(out))))
        if kind == "truncate":
            del out[at:]
        elif kind == "flip" and at < len(out):
            out[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "repeat":
            end = draw(st.integers(at, min(len(out), at + 200)))
            out[at:at] = out[at:end]
    return bytes(out)


def run_reader(tmp: Path, files: dict[str, bytes]) -> tuple[Path, list]:
    """Write ``files`` to an inbox, read it from a working folder two levels deep, write the outcomes to
    out/; assert that nothing outside out/ changed and that no reader failed unexpectedly."""
    inbox, out, cwd = tmp / "inbox", tmp / "out", tmp / "w1" / "w2"
    for folder in (inbox, out, cwd):
        folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    before = _tree(tmp)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        found = list(read_documents([inbox / name for name in files], limits=LIMITS))
        docs = [i for i in found if isinstance(i, Document)]
        write_rejected([i for i in found if isinstance(i, Rejected)], out, run_id="fuzz")
        write_dataset(empty_table(), out, run_id="fuzz", documents=docs)
    finally:
        os.chdir(old)
    created = {p for p in _tree(tmp) - before if not p.startswith("out")}
    assert not created, f"created outside the output folder: {sorted(created)}"
    for item in found:
        if isinstance(item, Rejected):
            assert item.code is not ErrorCode.E118_READER_FAILED, item
            assert item.source.startswith(str(inbox) + os.sep), item
            assert item.doc_id is None or clean_id(item.doc_id) == item.doc_id
        else:
            assert item.path.startswith(str(inbox) + os.sep), item
            assert clean_id(item.doc_id) == item.doc_id and item.text.strip()
            assert len(item.text) <= LIMITS.max_document_chars
    return inbox, found


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def positions(found: list, path: Path) -> Counter:
    """How many outcomes each position after ``path`` has (":3", "#2", "#guid", "")."""
    out: Counter = Counter()
    for item in found:
        where = item.source if isinstance(item, Rejected) else item.path
        if where.startswith(str(path)):
            out[where[len(str(path)):]] += 1
    return out


def fresh_tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def sized(data: bytes, records: int) -> int:
    """The records of a generated file, as the reader must count them: a file over the size limit is
    refused whole before it is read (E110), one outcome."""
    return 1 if len(data) > LIMITS.max_file_bytes else records


# ---------------------------------------------------------------- JSON Lines

@st.composite
def jsonl_lines(draw) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["record", "record", "record", "deep", "garbage", "bignum", "array"]))
        if kind == "record":
            record = {"id": draw(ids), "text": draw(texts)}
            if draw(st.booleans()):
                record["date"] = draw(dates)
            if draw(st.booleans()):
                record["id"] = draw(st.sampled_from([None, 7, [1], {"a": 1}]))
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == "deep":
            lines.append('{"id": "d", "text": ' + "[" * draw(st.integers(900, 120_000)))
        elif kind == "garbage":
            lines.append("{" + draw(st.text(max_size=60)).replace("\n", " "))
        elif kind == "bignum":
            lines.append('{"id": "n", "n": ' + "9" * 5000 + ', "text": "x"}')
        else:
            lines.append("[1, 2]")
    return lines


def encode(text: str, codec: str) -> bytes:
    if codec == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass")
    if codec == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")


@st.composite
def jsonl_file(draw) -> tuple[bytes, int]:
    lines = draw(jsonl_lines())
    codec = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16"]))
    data = encode("\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"])), codec)
    if codec == "utf-8" and draw(st.booleans()):  # a broken or NUL byte inside one line
        line = draw(st.integers(0, len(lines) - 1))
        start = sum(len(encode(x, codec)) + 1 for x in lines[:line])
        at = start + draw(st.integers(1, max(1, len(encode(lines[line], codec)) - 1)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xed\xa0\x80"])) + data[at:]
    whole = _json(data)
    return data, sized(data, 1 if isinstance(whole, list) else sum(1 for x in lines if x.strip()))


def _json(data: bytes):
    try:
        return json.loads(data.decode("utf-16" if data.startswith(codecs.BOM_UTF16_LE) else "utf-8-sig"))
    except (ValueError, RecursionError):
        return None


@HALF
@given(case=jsonl_file())
def test_jsonl_accounts_for_every_line(tmp_path_factory, case):
    data, records = case
    assume(detect.detect(data, ".jsonl") == detect.JSONL)
    inbox, found = run_reader(fresh_tmp(tmp_path_factory), {"feed.jsonl": data})
    got = positions(found, inbox / "feed.jsonl")
    assert sum(got.values()) == records, (got, records)
    assert all(n == 1 for n in got.values()), got


@HALF
@given(data=jsonl_file().flatmap(lambda case: mutated(case[0])))
def test_jsonl_mutated(tmp_path_factory, data):
    run_reader(fresh_tmp(tmp_path_factory), {"feed.jsonl": data})


# ---------------------------------------------------------------- CSV

@st.composite
def csv_file(draw) -> tuple[bytes, int]:
    import csv

    rows = []
    for _ in range(draw(st.integers(1, 8))):
        rows.append([draw(ids), draw(st.one_of(st.none(), dates)), draw(texts)])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["id", "date", "text"])
    for row in rows:
        writer.writerow(["" if c is None else str(c) for c in row])
    data = buffer.getvalue().encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # a broken byte in one text cell
        row = draw(st.integers(0, len(rows) - 1))
        marker = f"MARK{row}X"
        rows[row][2] = marker + str(rows[row][2])
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(["id", "date", "text"])
        for r in rows:
            writer.writerow(["" if c is None else str(c) for c in r])
        data = buffer.getvalue().encode("utf-8", "surrogatepass").replace(marker.encode(), b"\xff")
    kept = sum(1 for r in rows if any(str(c or "").replace("MARK", "x").strip() for c in r))
    return data, sized(data, kept)


@HALF
@given(case=csv_file())
def test_csv_accounts_for_every_row(tmp_path_factory, case):
    data, records = case
    inbox, found = run_reader(fresh_tmp(tmp_path_factory), {"table.csv": data})
    got = positions(found, inbox / "table.csv")
    assert sum(got.values()) == records, (got, records, data[:300])
    assert all(n == 1 for n in got.values()), got


@HALF
@given(data=csv_file().flatmap(lambda case: mutated(case[0])))
def test_csv_mutated(tmp_path_factory, data):
    run_reader(fresh_tmp(tmp_path_factory), {"table.csv": data})


# ---------------------------------------------------------------- RSS / Atom

def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def feed_item(draw, atom: bool) -> str:
    kind = draw(st.sampled_from(["ok", "ok", "ok", "mismatch", "deep", "unclosed", "cdata", "entity", "html"]))
    text = _xml_text(str(draw(texts)))
    guid = _xml_text(str(draw(ids)))
    if kind == "mismatch":
        text = text + "</b>"
    elif kind == "deep":
        text = "<b>" * draw(st.integers(100, 20_000)) + text
    elif kind == "cdata":
        text = "<![CDATA[" + draw(st.text(max_size=40)).replace("]]>", "") + " <item> ]]>"
    elif kind == "entity":
        text = text + " &nbsp; &eacute; &#0; &#xD800;"
    elif kind == "html":
        text = _xml_text("<p>" + STORY + "</p><script>alert(1)</script>")
    if atom:
        item = f'<entry><id>{guid}</id><title>t</title><content type="html">{text}</content></entry>'
    else:
        item = f"<item><guid>{guid}</guid><title>t</title><description>{text}</description></item>"
    return item[: len(item) // 2] if kind == "unclosed" else item


@st.composite
def feed_file(draw) -> tuple[bytes, int, str]:
    atom = draw(st.booleans())
    items = draw(st.lists(feed_item(atom), min_size=1, max_size=6))
    head = '<?xml version="1.0" encoding="utf-8"?>' if draw(st.booleans()) else ""
    if atom:
        body = head + '<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>' + "".join(items) + "</feed>"
    else:
        body = head + '<rss version="2.0"><channel><title>W</title>' + "".join(items) + "</channel></rss>"
    data = body.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # broken bytes in one item
        data = data.replace(b"<title>t</title>", b"<title>t\xff\xfe</title>", 1)
    return data, sized(data, len(items)), ".atom" if atom else ".rss"


@HALF
@given(case=feed_file())
def test_feeds_account_for_every_item(tmp_path_factory, case):
    data, count, suffix = case
    inbox, found = run_reader(fresh_tmp(tmp_path_factory), {"wire" + suffix: data})
    got = positions(found, inbox / ("wire" + suffix))
    expected = {"": 1} if len(data) > LIMITS.max_file_bytes else {f"#{i}": 1 for i in range(1, count + 1)}
    assert got == Counter(expected), (got, data[:400])


@HALF
@given(data=feed_file().flatmap(lambda case: mutated(case[0])))
def test_feeds_mutated(tmp_path_factory, data):
    run_reader(fresh_tmp(tmp_path_factory), {"wire.rss": data})


# ---------------------------------------------------------------- NewsML-G2

@st.composite
def news_item(draw, index: int) -> tuple[str, str]:
    kind = draw(st.sampled_from(["ok", "ok", "ok", "broken", "deep", "noguid", "badversion", "nobody"]))
    guid = draw(st.one_of(st.sampled_from(["g1", "g2", "urn:x:1"]), ids.map(lambda s: s.replace('"', "'"))))
    guid = _xml_text(guid).replace('"', "&quot;")
    body = _xml_text(str(draw(texts)))
    version = draw(st.sampled_from(["1", "2", "3"]))
    if kind == "broken":
        body += "<x>"
    elif kind == "deep":
        n = draw(st.integers(100, 20_000))
        body = "<x>" * n + body + "</x>" * n
    elif kind == "badversion":
        version = "two"
    content = "" if kind == "nobody" else f"<contentSet><inlineData>{body}</inlineData></contentSet>"
    attrs = "" if kind == "noguid" else f' guid="{guid}"'
    return (f'<newsItem{attrs} version="{version}"><itemMeta><firstCreated>{draw(st.sampled_from(["2024-01-02", "x"]))}'
            f"</firstCreated></itemMeta>{content}</newsItem>"), kind


@st.composite
def newsml_file(draw) -> tuple[bytes, int]:
    count = draw(st.integers(1, 5))
    items = [draw(news_item(i)) for i in range(count)]
    body = ('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet>'
            + "".join(i for i, _ in items) + "</itemSet></newsMessage>")
    data = body.encode("utf-8", "surrogatepass")
    return data, sized(data, count)


@HALF
@given(case=newsml_file())
def test_newsml_accounts_for_every_item(tmp_path_factory, case):
    data, count = case
    inbox, found = run_reader(fresh_tmp(tmp_path_factory), {"message.xml": data})
    got = positions(found, inbox / "message.xml")
    assert sum(got.values()) == count, (got, data[:400])


@HALF
@given(data=newsml_file().flatmap(lambda case: mutated(case[0])))
def test_newsml_mutated(tmp_path_factory, data):
    run_reader(fresh_tmp(tmp_path_factory), {"message.xml": data})


# ---------------------------------------------------------------- plain text and HTML (one record per file)

@st.composite
def story_file(draw) -> bytes:
    text = draw(texts)
    head = draw(st.sampled_from(["", "date 2024-01-02\n", "KYIV, Sept 11 (Reuters) - ", "Headline\nBEIRUT (AP) — "]))
    codec = draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "latin-1", "cp1252"]))
    raw = head + text
    if codec in ("latin-1", "cp1252"):
        return raw.encode(codec, "replace")
    return encode(raw, codec)


@FUZZ
@given(data=st.one_of(story_file(), story_file().flatmap(mutated)))
def test_plain_text_is_one_record(tmp_path_factory, data):
    assume(data[:2] != b"\x1f\x8b" and data[:4] not in (b"PK\x03\x04", b"PK\x05\x06"))
    kind = _kind(data, ".txt")
    inbox, found = run_reader(fresh_tmp(tmp_path_factory), {"story.txt": data})
    if kind == detect.TEXT:
        assert sum(positions(found, inbox / "story.txt").values()) == 1, found


@st.composite
def html_file(draw) -> bytes:
    depth = draw(st.sampled_from([0, 0, 5, 300, 20_000]))
    body = "<div>" * depth + "<p>" + _xml_text(str(draw(texts))) + "</p>" + "</div>" * draw(st.integers(0, depth))
    lang = draw(st.sampled_from(["", ' lang="en"', ' lang="fr"', " lang=x"]))
    meta = draw(st.sampled_from(["", '<meta charset="utf-8">', '<meta charset="nope">', '<meta charset="utf-16">']))
    return f"<!DOCTYPE html><html{lang}><head>{meta}<title>T</title></head><body>{body}</body></html>".encode(
        "utf-8", "surrogatepass")


@FUZZ
@given(data=st.one_of(html_file(), html_file().flatmap(mutated)))
def test_html_is_one_record(tmp_path_factory, data):
    assume(data[:2] != b"\x1f\x8b" and data[:4] not in (b"PK\x03\x04", b"PK\x05\x06"))
    kind = _kind(data, ".html")
    inbox, found = run_reader(fresh_tmp(tmp_path_factory), {"page.html": data})
    if kind == detect.HTML:
        assert sum(positions(found, inbox / "page.html").values()) == 1, found


def _kind(data: bytes, suffix: str) -> str | None:
    try:
        return detect.detect(data, suffix) if data.strip() else None
    except detect.Unsupported:
        return None


# ---------------------------------------------------------------- zip and gzip

MEMBER_NAMES = ["a.jsonl", "../../x.jsonl", "/abs/b.txt", "C:\\evil\\c.txt", "dir/../../../d.rss", "é/ü.txt",
                ".hidden.txt", "notes.md", "inner.zip", "__MACOSX/._a.txt", "e.xml", "f.csv"]


@st.composite
def zip_file(draw) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    records = 0
    total = 0
    with zipfile.ZipFile(buffer, "w") as zf:
        for index in range(draw(st.integers(1, 6))):
            base = draw(st.sampled_from(MEMBER_NAMES))
            stem, dot, ext = base.rpartition(".")
            name = f"{stem}{index}{dot}{ext}" if dot else f"{base}{index}"
            compression = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                                                zipfile.ZIP_LZMA]))
            if name.endswith(".jsonl"):
                data, count = draw(jsonl_file())
            elif name.endswith(".rss"):
                data, count, _ = draw(feed_file())
            elif name.endswith(".xml"):
                data, count = draw(newsml_file())
            elif name.endswith(".csv"):
                data, count = draw(csv_file())
            else:
                data, count = (STORY.encode() if draw(st.booleans()) else draw(story_file())), 1
            zf.writestr(name, data, compress_type=compression)
            total += len(data)
            if total > LIMITS.max_archive_bytes:
                count = -10_000  # past the archive's budget: the member is refused whole, and so are the rest
            flat = name.replace("\\", "/").rsplit("/", 1)[-1]
            if flat.startswith(".") or flat.endswith(".md") or "__MACOSX" in name:
                count = 0
            elif flat.endswith((".zip", ".gz")):
                count = 1
            elif _kind(data, "." + flat.rsplit(".", 1)[-1]) != _expected_kind(flat):
                count = -10_000  # content that reads as another format: no count for this archive
            records += count
    return buffer.getvalue(), records


def _expected_kind(name: str) -> str:
    return {"jsonl": detect.JSONL, "rss": detect.FEED, "xml": detect.NEWSML, "csv": detect.CSV}.get(
        name.rsplit(".", 1)[-1], detect.TEXT)


@HALF
@given(case=zip_file())
def test_zip_accounts_for_every_member_record(tmp_path_factory, case):
    data, records = case
    inbox, found = run_reader(fresh_tmp(tmp_path_factory), {"bundle.zip": data})
    got = positions(found, inbox / "bundle.zip")
    assert all(key.startswith("!/") for key in got), got
    if records >= 0:
        assert sum(got.values()) == records, (got, records)


@HALF
@given(data=zip_file().flatmap(lambda case: mutated(case[0])))
def test_zip_mutated(tmp_path_factory, data):
    run_reader(fresh_tmp(tmp_path_factory), {"bundle.zip": data})


@FUZZ
@given(case=jsonl_file(), cut=st.one_of(st.none(), st.integers(0, 200)))
def test_gzip(tmp_path_factory, case, cut):
    data, records = case
    assume(detect.detect(data, ".jsonl") == detect.JSONL)
    packed = gzip.compress(data)
    if cut is not None:
        packed = packed[:cut]
    inbox, found = run_reader(fresh_tmp(tmp_path_factory), {"feed.jsonl.gz": packed})
    got = positions(found, inbox / "feed.jsonl.gz")
    if cut is None:
        assert sum(got.values()) == records, (got, records)
    else:
        assert sum(got.values()) >= 1
