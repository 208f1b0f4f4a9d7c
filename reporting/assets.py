"""The Vega scripts the pages inline, taken from the ``vl-convert-python`` package.

vl-convert carries Vega, Vega-Lite and Vega-Embed inside its wheel and bundles them into one
script with no imports (the same script Altair inlines for ``chart.save(..., inline=True)``),
so a page that includes it draws its charts without a network.

Bundling takes about two seconds per Vega-Lite version, and every run of the flow needs two
(the report page's and the Data Docs'), so each bundle is kept in eventcoder's cache
directory (``EVENTCODER_CACHE_DIR``, else the user cache), named by the vl-convert version
that made it: the first run on a machine bundles, later runs (fresh processes) read a file.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from coding.geo.cache import cache_dir


def _vl_version(wanted: str | None) -> str | None:
    """The newest Vega-Lite vl-convert has for major(.minor) ``wanted``, e.g. 'v6.4.1' -> '6.4'."""
    if not wanted:
        return None
    import vl_convert

    available = vl_convert.get_vegalite_versions()
    parts = wanted.lstrip("v").split(".")
    for prefix in (".".join(parts[:2]), parts[0]):
        matching = [v for v in available if v == prefix or v.startswith(prefix + ".")]
        if matching:
            return max(matching, key=lambda v: tuple(int(x) for x in v.split(".")))
    return None


@lru_cache(maxsize=4)
def vega_bundle(vegalite: str | None = None) -> str:
    """Vega + Vega-Lite (major ``vegalite``, e.g. '5' or 'v6.4.1'; newest when None) + Vega-Embed.

    Assigns the globals ``vega``, ``vegaLite`` and ``vegaEmbed``. Made safe to sit inside an
    HTML ``<script>`` element (no literal ``</script``).
    """
    version = _vl_version(vegalite)
    path = _bundle_path(version)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    import vl_convert

    script = vl_convert.javascript_bundle(vl_version=version)
    script = script.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    _store(path, script)
    return script


def _bundle_path(vl_version: str | None) -> Path:
    """Cache file of one bundle: vl-convert's version and the Vega-Lite version in the name."""
    made_by = metadata.version("vl-convert-python")
    return cache_dir() / f"vega-bundle-vlc{made_by}-vl{vl_version or 'default'}.js"


def _store(path: Path, script: str) -> None:
    """Write the bundle atomically; a cache that cannot be written only costs the next run time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.partial")
        tmp.write_text(script, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
