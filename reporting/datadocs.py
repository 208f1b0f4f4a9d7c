"""Make Great Expectations Data Docs readable offline.

GX's page templates load Bootstrap, jQuery, bootstrap-table, Font Awesome and Vega from
public CDNs and two logos from GX's web bucket, and GX offers no setting to change that.
So after each build we copy the same files, vendored in this package
(``reporting/static/datadocs``, sources and licences in its ``VENDOR.md``), into
``data_docs/static/vendor/`` and rewrite every page's links to them. Vega comes from
vl-convert (Vega-Lite 5, the major the GX templates ask for). Idempotent: a page already
rewritten has no CDN link left, so re-running only refreshes the copied files.
"""

from __future__ import annotations

import os
import re
import shutil
from importlib import metadata, resources
from pathlib import Path

from reporting.assets import vega_bundle

VENDOR_DIR = "static/vendor"
VEGA_FILE = "vega/vega-bundle-vl5.js"
# CDN address in GX's templates -> vendored file under static/vendor/
CDN_FILES = {
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap/bootstrap.min.js",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper/popper.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table/bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table/bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker/bootstrap-datepicker.min.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        "bootstrap-dark/bootstrap-prefers-dark.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "fontawesome/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/vega@5": VEGA_FILE,
}
# Scripts the one Vega bundle replaces.
DROPPED_SCRIPTS = ("https://cdn.jsdelivr.net/npm/vega-lite@5", "https://cdn.jsdelivr.net/npm/vega-embed@6")
# GX's web-bucket logos -> the logo GX already copies into data_docs/static/images.
LOGO = re.compile(r"https://great-expectations-web-assets\.s3\.[a-z0-9-]+\.amazonaws\.com/[A-Za-z_-]+\.png(\?[^'\"\s)]*)?")
# GX's own static files, linked with a relative path that is one level short on validation pages (favicon)
SITE_STATIC = re.compile(r"""(["'(])(?:\./|(?:\.\./)+)?static/(images|styles|fonts)/""")
SRI = re.compile(r'\s+(integrity="[^"]*"|crossorigin="[^"]*")')  # a file:// page cannot check these; drop them
# What would still reach the network: a resource (not a plain <a> link) with an absolute address.
REMOTE = re.compile(r"""(<(?:script|img|link|iframe)\b[^>]*\b(?:src|href)=["']https?://[^"']+|url\(['"]?https?://[^)]+)""")


def _copy_vendor(site: Path) -> Path:
    """Copy the vendored files and the Vega bundle into ``site/static/vendor``."""
    target = site / VENDOR_DIR
    source = resources.files("reporting") / "static" / "datadocs"
    with resources.as_file(source) as src:
        shutil.copytree(src, target, dirs_exist_ok=True)
    vega = target / VEGA_FILE
    stamp = vega.with_name("vl-convert-version.txt")  # bundling takes a second: only when vl-convert changed
    version = f"vl-convert-python {metadata.version('vl-convert-python')}\n"
    if not vega.is_file() or not stamp.is_file() or stamp.read_text(encoding="utf-8") != version:
        vega.parent.mkdir(parents=True, exist_ok=True)
        vega.write_text(vega_bundle("5"), encoding="utf-8")
        stamp.write_text(version, encoding="utf-8")
    return target


def rewrite_page(html: str, prefix: str) -> str:
    """``html`` with CDN links pointing at ``prefix`` (the relative path to static/vendor)."""
    for url in DROPPED_SCRIPTS:
        html = re.sub(rf'<script src="{re.escape(url)}"></script>\s*', "", html)
    for url, local in CDN_FILES.items():
        html = html.replace(f'"{url}"', f'"{prefix}/{local}"')
    static = prefix.rsplit("/", 1)[0]  # the site's static/ folder, relative to the page
    html = SITE_STATIC.sub(lambda m: f"{m.group(1)}{static}/{m.group(2)}/", html)
    html = LOGO.sub(f"{static}/images/logo-long.png", html)
    return SRI.sub("", html)


def remote_resources(html: str) -> list[str]:
    """Resources a page would still load from the network (empty once rewritten)."""
    return REMOTE.findall(html)


def make_offline(site: Path) -> list[Path]:
    """Vendor the assets into the Data Docs site at ``site`` and rewrite its pages; the pages changed."""
    site = Path(site)
    if not site.is_dir():
        return []
    vendor = _copy_vendor(site)
    changed = []
    for page in site.rglob("*.html"):
        if vendor in page.parents:
            continue
        html = page.read_text(encoding="utf-8")
        prefix = Path(os.path.relpath(vendor, page.parent)).as_posix()
        new = rewrite_page(html, prefix)
        if new != html:
            tmp = page.with_name(page.name + ".partial")
            tmp.write_text(new, encoding="utf-8")
            tmp.replace(page)
            changed.append(page)
    return changed
