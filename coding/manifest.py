"""The run manifest: a JSON record beside the data of what one run read, did and wrote.

``<out>/manifests/<run-id>.json`` for every run and ``<out>/manifest.json`` for the latest,
so an analyst (or CI) can tell which coder version and inputs produced the current dataset,
how long each step took and whether validation passed, without a Prefect server.
"""

from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from coding import __version__

MANIFEST_DIR = "manifests"
LATEST = "manifest.json"
FORMAT = 1  # bumped when a key changes meaning


@dataclass
class Manifest:
    """What a run did; every field is JSON-ready."""

    run_id: str
    inputs: list[str]
    started_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    finished_at: str | None = None
    coder_version: str = __version__
    counts: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    validation: dict[str, Any] = field(default_factory=dict)
    quality: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "run_id": self.run_id, "coder_version": self.coder_version,
            "python": platform.python_version(), "started_at": self.started_at, "finished_at": self.finished_at,
            "inputs": self.inputs, "counts": self.counts, "timings": self.timings,
            "validation": self.validation, "quality": self.quality, "outputs": self.outputs,
        }


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write then rename, so a reader never sees half a manifest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def write_manifest(manifest: Manifest, out_dir: Path) -> Path:
    """Write ``manifests/<run-id>.json`` and update ``manifest.json``; return the per-run path."""
    from coding.store import safe_name  # the store imports pyarrow; keep this module light

    out_dir = Path(out_dir)
    if manifest.finished_at is None:
        manifest.finished_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    data = manifest.to_dict()
    path = out_dir / MANIFEST_DIR / f"{safe_name(manifest.run_id)}.json"
    _write_json(path, data)
    _write_json(out_dir / LATEST, data)
    return path


def read_manifest(out_dir: Path, run_id: str | None = None) -> dict[str, Any]:
    """The latest manifest, or the one of ``run_id``."""
    from coding.store import safe_name

    out_dir = Path(out_dir)
    path = out_dir / LATEST if run_id is None else out_dir / MANIFEST_DIR / f"{safe_name(run_id)}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def manifest_path(out_dir: Path, run_id: str) -> Path:
    """Where :func:`write_manifest` puts the manifest of ``run_id``."""
    from coding.store import safe_name

    return Path(out_dir) / MANIFEST_DIR / f"{safe_name(run_id)}.json"


def run_manifest(summary: dict[str, Any], inputs: list[str], started_at: str | None = None) -> Manifest:
    """The manifest of a flow run, from the run summary (``schemas.summary.build_summary``)."""
    counts = {
        "documents_read": summary.get("documents"),
        "documents_coded": summary.get("documents_coded"),
        **{f"documents_{k}": v for k, v in (summary.get("plan") or {}).items() if k != "to_code"},
        "inputs_rejected": len(summary.get("rejected") or []),
        "rejected_by_code": summary.get("rejected_reasons") or {},
        "rows_coded": summary.get("rows"),
        "rows_written": summary.get("rows_passed"),
        "rows_quarantined": summary.get("rows_quarantined"),
        "quarantined_by_expectation": summary.get("quarantine_reasons") or {},
        "dataset": summary.get("dataset") or {},
    }
    validation = {
        "success": summary.get("validation_success"),
        "table_failures": summary.get("table_failures") or [],
        "evaluated_expectations": (summary.get("statistics") or {}).get("evaluated_expectations"),
        "successful_expectations": (summary.get("statistics") or {}).get("successful_expectations"),
        "data_docs": summary.get("data_docs"),
    }
    manifest = Manifest(run_id=summary["run_id"], inputs=[str(i) for i in inputs], counts=counts,
                        timings=dict(summary.get("stage_seconds") or {}), validation=validation,
                        quality=dict(summary.get("quality") or {}), outputs=dict(summary.get("outputs") or {}))
    started = started_at or _time_of(summary["run_id"])
    if started:
        manifest.started_at = started
    return manifest


def _time_of(run_id: str) -> str | None:
    """The start time a run id made by ``coding.store.new_run_id`` carries (None for other ids)."""
    try:
        when = datetime.strptime(run_id.split("-", 1)[0], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
    return when.isoformat(timespec="seconds")
