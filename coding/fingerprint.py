"""What makes the coder's rows differ: the package version, its lexicons and tables, and its code.

A dataset records, per document, the build that coded it, and the flow caches coded batches
under it; so upgrading eventcoder, or editing a lexicon, recodes documents on the next run
instead of keeping rows an older coder produced.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from coding import __version__

CODING_DIR = Path(__file__).resolve().parent
DATA_SUFFIXES = {".yaml", ".yml", ".tsv", ".json", ".txt"}
# Modules that never change a row: reading results, the command line, progress display.
NOT_CODING = {"cli.py", "explain.py", "progressbar.py", "manifest.py", "store.py", "fingerprint.py"}


def _fingerprint_files() -> list[Path]:
    files = [p for folder in ("lexicons", "data") for p in (CODING_DIR / folder).rglob("*")
             if p.is_file() and p.suffix in DATA_SUFFIXES]
    files += [p for p in CODING_DIR.rglob("*.py")
              if "__pycache__" not in p.parts and "evaluation" not in p.parts and p.name not in NOT_CODING]
    return sorted(files)


@lru_cache(maxsize=1)
def coder_fingerprint() -> str:
    """A hash of the version, every lexicon and code table, and the coding modules (16 hex digits)."""
    digest = hashlib.sha256(__version__.encode())
    for path in _fingerprint_files():
        digest.update(path.relative_to(CODING_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def coder_build() -> str:
    """The version rows and the document index record: ``0.1.0+<fingerprint>``."""
    return f"{__version__}+{coder_fingerprint()[:12]}"
