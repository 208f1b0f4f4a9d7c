from datetime import date
from pathlib import Path

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import read_documents
from coding.ingest.plaintext import parse_story
from tests.conftest import SEED_STORY, SEEDS


def test_seed_story_fields_come_out_of_the_header_dateline_and_signoff():
    docs = list(read_documents([SEED_STORY]))
    assert len(docs) == 1
    doc = docs[0]
    assert isinstance(doc, Document)
    assert doc.doc_id == "000_cf0af4194375d345"
    assert doc.doc_date == date(2022, 9, 11)
    assert doc.dateline_place == "Kharkiv"
    assert doc.source == "AFP"


def test_seed_body_keeps_file_offsets_and_drops_header_crossheads_signoff():
    raw = SEED_STORY.read_text(encoding="utf-8")
    doc = next(iter(read_documents([SEED_STORY])))
    assert len(doc.text) == len(raw)
    assert doc.text.lstrip().startswith("Russia said it was pulling back troops")
    assert "KHARKIV (Sept 11)" not in doc.text
    assert "Astonishing" not in doc.text and "Frightening" not in doc.text
    assert not doc.text.rstrip().endswith("AFP")
    start = raw.index("Baerbock pledged")
    assert doc.text[start:start + 16] == "Baerbock pledged"


def test_directory_reads_stories_and_skips_gold_files():
    docs = list(read_documents([SEEDS]))
    assert [d.doc_id for d in docs if isinstance(d, Document)] == ["000_cf0af4194375d345"]
    assert not [d for d in docs if isinstance(d, Rejected)]


def test_other_dateline_styles():
    fields = parse_story("KYIV, Sept 11 (Reuters) - Ukraine said on Sunday its forces advanced.")
    assert fields["dateline_place"] == "Kyiv" and fields["source"] == "Reuters"
    assert fields["dateline_month_day"] == (9, 11)
    assert fields["text"].strip().startswith("Ukraine said")
    fields = parse_story("BEIRUT (AP) — Israeli jets struck southern Lebanon.")
    assert fields["dateline_place"] == "Beirut" and fields["source"] == "AP"
    assert fields["text"].strip() == "Israeli jets struck southern Lebanon."


def test_crosshead_line_is_blanked_but_paragraph_text_is_kept():
    raw = "date 2023-01-05 KYIV (Jan 5): First paragraph.\n\n– ‘Heading’ here –\n\nSecond paragraph. – AFP"
    fields = parse_story(raw)
    assert "Heading" not in fields["text"]
    assert "Second paragraph." in fields["text"]
    assert "AFP" not in fields["text"]
    assert fields["doc_date"] == date(2023, 1, 5)


def test_empty_and_binary_text_files_are_rejected_with_reasons(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    out = {Path(r.source).name: r for r in read_documents([tmp_path]) if isinstance(r, Rejected)}
    assert out["empty.txt"].code is ErrorCode.E103_EMPTY
    assert out["binary.txt"].code is ErrorCode.E108_BINARY
