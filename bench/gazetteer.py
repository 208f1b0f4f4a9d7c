"""Gazetteer benchmark: cold index build, warm load, and memory.

    python -m bench.gazetteer        # prints the figures as JSON

Each figure comes from a fresh Python process, so imports and caches of this one do not
blur them: the build into an empty temporary cache directory (cold), then a load of that
index with the first look-ups (warm), with the peak resident memory of each process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from typing import Any

_BUILD = """
import json, resource, time
from pathlib import Path
from coding.geo.gazetteer import ensure_index
from coding.geo.cache import index_path
start = time.perf_counter()
path = ensure_index(index_path(Path({cache!r})))
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "size_mb": path.stat().st_size / 2**20}}))
"""

_LOAD = """
import json, resource, time
from pathlib import Path
import coding.geo.gazetteer as g
start = time.perf_counter()
gaz = g.load_gazetteer(Path({cache!r}))
loaded = time.perf_counter() - start
hits = sum(len(gaz.places(n)) for n in ("Kharkiv", "Kupiansk", "Lyman", "Berlin", "Nairobi")) + len(gaz.admin1s("Donetsk"))
seconds = time.perf_counter() - start
print(json.dumps({{"load_seconds": loaded, "seconds": seconds, "hits": hits,
                   "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _run(code: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure() -> dict[str, Any]:
    """Cold build seconds, warm load seconds (open plus first look-ups) and peak RSS in MB."""
    with tempfile.TemporaryDirectory(prefix="eventcoder-bench-") as cache:
        build = _run(_BUILD.format(cache=cache))
        load = _run(_LOAD.format(cache=cache))
    return {
        "gazetteer_build_seconds": round(build["seconds"], 2),
        "gazetteer_build_rss_mb": round(build["rss_mb"], 1),
        "gazetteer_index_mb": round(build["size_mb"], 1),
        "gazetteer_load_seconds": round(load["seconds"], 3),
        "gazetteer_loaded_rss_mb": round(load["rss_mb"], 1),
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
