"""The coder fingerprint follows the lexicons and the coding modules, so cached batches and indexed
documents are recoded after an upgrade."""

from pathlib import Path

from coding import fingerprint


def test_fingerprint_covers_lexicons_tables_and_coding_modules():
    names = {p.relative_to(fingerprint.CODING_DIR).as_posix() for p in fingerprint._fingerprint_files()}
    assert {"lexicons/events.yaml", "lexicons/causes.yaml", "coder.py", "events.py", "acled/view.py"} <= names
    assert "cli.py" not in names and not any(n.startswith("evaluation/") for n in names)


def test_fingerprint_changes_when_a_file_changes(tmp_path: Path, monkeypatch):
    rules = tmp_path / "events.yaml"
    rules.write_text("- id: a.b\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "CODING_DIR", tmp_path)
    monkeypatch.setattr(fingerprint, "_fingerprint_files", lambda: [rules])
    fingerprint.coder_fingerprint.cache_clear()
    try:
        before = fingerprint.coder_fingerprint()
        rules.write_text("- id: a.c\n", encoding="utf-8")
        fingerprint.coder_fingerprint.cache_clear()
        assert fingerprint.coder_fingerprint() != before
    finally:
        fingerprint.coder_fingerprint.cache_clear()
        fingerprint.coder_build.cache_clear()
