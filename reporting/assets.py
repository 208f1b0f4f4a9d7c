"""The Vega scripts the pages inline, taken from the ``vl-convert-python`` package.

vl-convert carries Vega, Vega-Lite and Vega-Embed inside its wheel and bundles them into one
script with no imports (the same script Altair inlines for ``chart.save(..., inline=True)``),
so a page that includes it draws its charts without a network.
"""

from __future__ import annotations

from functools import lru_cache


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
    import vl_convert

    script = vl_convert.javascript_bundle(vl_version=_vl_version(vegalite))
    return script.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
