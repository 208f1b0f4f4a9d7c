"""The eventcoder Prefect flow: read -> code -> validate -> write -> report.

Thin wiring of library functions (``coding.ingest``, ``coding.coder``,
``schemas.validation``, ``coding.store``) through the tasks in ``flows.tasks``.
``eventcoder run`` calls :func:`run_flow`; with no Prefect server configured, Prefect
starts a temporary local one for the run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
from prefect import flow, get_run_logger

from coding.errors import ErrorCode, InputError
from coding.store import new_run_id
from flows.tasks import code_batch, read_inputs, report, summarise, validate, write_outputs
from schemas.events import empty_table

# Documents per "code documents" task run: coarse enough that task overhead stays small,
# fine enough that a long run shows progress task by task.
CODE_CHUNK = 1000


@flow(name="eventcoder", persist_result=False)
def eventcoder_flow(inputs: list[str], output_dir: str = "output", batch_size: int = 32) -> dict[str, Any]:
    """Code ``inputs`` into ``output_dir``; return the run summary (also in reports/summary.md)."""
    logger = get_run_logger()
    out = Path(output_dir)
    run_id = new_run_id()
    logger.info("run %s: %d inputs -> %s", run_id, len(inputs), out)

    documents, rejected = read_inputs(inputs)
    if not documents and not rejected:
        raise InputError(ErrorCode.E401_NO_INPUT, f"no documents found in {', '.join(inputs) or 'the inputs'}")
    chunks = [documents[i:i + CODE_CHUNK] for i in range(0, len(documents), CODE_CHUNK)]
    tables = [code_batch(chunk, batch_size) for chunk in chunks]
    table = pa.concat_tables(tables) if tables else empty_table()

    outcome = validate(table, out / "reports", run_id)
    outputs = write_outputs(outcome, documents, rejected, out, run_id)
    summary_path = out / "reports" / "summary.md"
    outputs.update(data_docs=None if outcome.data_docs_index is None else str(outcome.data_docs_index),
                   summary=str(summary_path))
    summary = summarise(run_id, documents, rejected, table.num_rows, outcome, outputs)
    report(summary, summary_path)
    logger.info("run %s: %d documents, %d rejected, %d rows (%d written, %d quarantined)", run_id,
                summary["documents"], len(rejected), summary["rows"], summary["rows_passed"],
                summary["rows_quarantined"])
    return summary


def run_flow(inputs: Iterable[str | Path], output_dir: str | Path = "output", batch_size: int = 32) -> dict[str, Any]:
    """Run the flow and return its summary (the entry point of ``eventcoder run``)."""
    return eventcoder_flow([str(p) for p in inputs], str(output_dir), int(batch_size))
