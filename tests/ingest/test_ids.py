"""Ids from input never become paths: control characters, traversal and length are neutralised."""

import pytest

from coding.ingest.ids import MAX_ID_CHARS, clean_id
from coding.store import safe_name


@pytest.mark.parametrize("raw", ["a1", "AFP0808020625_4", "urn:newsml:news.example.org:2023:x",
                                 "https://news.example.org/a/b?id=3", "tag:news.example.org,2023:x", "story 12"])
def test_clean_ids_are_unchanged(raw):
    assert clean_id(raw) == raw


@pytest.mark.parametrize("raw", ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\system32", "C:\\boot.ini",
                                 "a\x00b", "line\nbreak", "\u202eexe.txt", "x" * 10_000, "./hidden"])
def test_hostile_ids_are_neutralised(raw):
    cleaned = clean_id(raw)
    assert cleaned is not None and cleaned != raw
    assert len(cleaned) <= MAX_ID_CHARS
    assert ".." not in cleaned.split("/") and not cleaned.startswith(("/", "\\", "."))
    assert "\\" not in cleaned and not any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E for c in cleaned)
    assert "/" not in safe_name(cleaned) and ".." not in safe_name(cleaned)


def test_different_hostile_ids_stay_different():
    assert clean_id("../a") != clean_id("/a") != clean_id("a/")
    assert clean_id("x" * 300) != clean_id("x" * 301)


@pytest.mark.parametrize("raw", ["", "..", "\x00\x01", "/", "  "])
def test_nothing_left_is_none(raw):
    assert clean_id(raw) is None
