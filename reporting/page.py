"""Render and write the run report page (``reports/index.html``).

Takes plain data: the rows written, the run summary (``schemas.summary.build_summary``) and
the validation results (``schemas.validation.validation_results``), so the flow, the tests
and any other caller render the same page without Prefect.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
from jinja2 import Environment, PackageLoader, select_autoescape

from coding import __version__
from reporting.assets import vega_bundle
from reporting.charts import all_charts, time_unit
from reporting.data import report_data

PAGE_NAME = "index.html"


def _environment() -> Environment:
    return Environment(loader=PackageLoader("reporting", "templates"), autoescape=select_autoescape(["html", "j2"]))


def _script_json(value: Any) -> str:
    """JSON that can sit inside a <script> element: no '</' can close it early."""
    return json.dumps(value, separators=(",", ":"), default=str).replace("</", "<\\/")


def relative_links(page_dir: Path, targets: dict[str, str | Path | None]) -> list[tuple[str, str]]:
    """``(label, href)`` for each existing target, relative to the page so the folder can be moved."""
    links = []
    for label, target in targets.items():
        if target:
            # abspath, not resolve: the dataset link 'events' must stay the link, not today's version
            href = Path(os.path.relpath(os.path.abspath(target), os.path.abspath(page_dir))).as_posix()
            links.append((label, href + ("/" if Path(target).is_dir() else "")))
    return links


def render_report(rows: pa.Table, summary: dict[str, Any], validation: dict[str, Any],
                  links: list[tuple[str, str]] | None = None, generated: datetime | None = None) -> str:
    """The page as one HTML string: every script, spec and the world outline inlined."""
    import altair as alt
    import vl_convert

    data = report_data(rows)
    expectations = validation.get("expectations", [])
    template = _environment().get_template("report.html.j2")
    return template.render(
        summary=summary, validation=validation, data=data, links=links or [],
        failed_expectations=[e for e in expectations if not e["success"]],
        passed_expectations=[e for e in expectations if e["success"]],
        specs_json=_script_json(all_charts(data)),
        time_unit=time_unit(data["per_day"]),
        vega_js=vega_bundle(alt.SCHEMA_VERSION),  # the Vega-Lite that Altair writes specs for
        vega_version=vl_convert.get_vega_version(),
        version=__version__,
        generated=(generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(path: Path, rows: pa.Table, summary: dict[str, Any], validation: dict[str, Any],
                 links: dict[str, str | Path | None] | None = None) -> Path:
    """Render the page to ``path`` (written whole, then renamed: a reader never sees half a page)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    html = render_report(rows, summary, validation, relative_links(path.parent, links or {}))
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path
