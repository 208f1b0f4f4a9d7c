"""The ``eventcoder`` command line.

    eventcoder code INPUT... --output FILE.parquet   code documents (library path, no Prefect)
    eventcoder run INPUT... [--output DIR]           the Prefect flow: code, validate, write dataset + report
    eventcoder serve --inbox DIR [--cron CRON]       a Prefect server and the scheduled inbox deployment
                     [--interval SECONDS] [--mirror]
    eventcoder evaluate GOLD PRED.parquet [--json]   score rows against a gold file
    eventcoder explain "SENTENCE"                    show the parse, actors, rules and rows for one sentence

The ``run`` command imports the Prefect flow only when it is called, so ``coding``
stays usable as a library without Prefect.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from coding import __version__
from coding.errors import EventCoderError


def _show_progress(args: argparse.Namespace) -> bool:
    """--progress / --no-progress, else on when stderr is a terminal."""
    flag = getattr(args, "progress", None)
    return flag if flag is not None else sys.stderr.isatty()


EARLY_PARSER_BYTES = 32_000  # inputs this large are more than a parse batch or two: worth starting the parsers


def input_bytes(inputs: Sequence[str], enough: int = EARLY_PARSER_BYTES) -> int:
    """Bytes in the input files (files, folders, globs), counted until ``enough``."""
    import glob

    total = 0
    for item in inputs:
        for path in [Path(p) for p in glob.glob(item, recursive=True)] or [Path(item)]:
            files = path.rglob("*") if path.is_dir() else [path]
            for f in files:
                try:
                    total += f.stat().st_size if f.is_file() else 0
                except OSError:
                    continue
                if total >= enough:
                    return total
    return total


def start_parsers_early(inputs: Sequence[str]) -> bool:
    """Start the parser processes now, so that they load the model while this process loads the
    coder and reads the inputs (else a fresh ``eventcoder code`` parses its first batches itself
    while they start, about 2.5 s of 13 for 2,000 stories). Only for inputs of more than a batch
    or two, and when the parse runs ahead in processes here (``coding.ahead``)."""
    from coding.ahead import PROCESS, parse_ahead_mode

    if parse_ahead_mode() != PROCESS or input_bytes(inputs) < EARLY_PARSER_BYTES:
        return False
    from coding import parser_process

    return bool(parser_process.start())


def cmd_code(args: argparse.Namespace) -> int:
    import pyarrow.parquet as pq

    start_parsers_early(args.inputs)
    from coding.coder import code_documents
    from coding.document import Document, Rejected
    from coding.ingest import read_documents
    from schemas.events import arrow_schema, to_table

    rejected: list[Rejected] = []
    counts = {"docs": 0}

    def documents():
        for item in read_documents(args.inputs):
            if isinstance(item, Rejected):
                rejected.append(item)
                print(f"rejected {item.source}: [{item.code.value}] {item.reason}", file=sys.stderr)
                continue
            counts["docs"] += 1
            yield item

    from coding.progressbar import ProgressBar

    show = _show_progress(args)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".partial")
    n_rows = 0
    buffer: list[dict] = []
    with pq.ParquetWriter(tmp, arrow_schema(), compression="zstd") as writer, ProgressBar(show, "code") as bar:
        for row in code_documents(documents(), batch_size=args.batch_size):
            buffer.append(row)
            n_rows += 1
            if len(buffer) >= 5000:
                writer.write_table(to_table(buffer))
                buffer.clear()
            bar.update(counts["docs"], n_rows)
        if buffer:
            writer.write_table(to_table(buffer))
        bar.update(counts["docs"], n_rows)
    os.replace(tmp, out)  # never leave a half-written file under the final name
    print(f"coded {counts['docs']} documents into {n_rows} event rows -> {out}"
          + (f"; {len(rejected)} inputs rejected" if rejected else ""))
    if counts["docs"] == 0:
        print("error: [E401] no readable documents in the inputs", file=sys.stderr)
        return 2
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    _prefect_env()  # Prefect creates its home without parents; a missing parent breaks its SQLite database
    from flows.warmup import run_server

    with run_server():  # a Prefect API boots while the model, coder and GX load
        from coding.progressbar import ProgressBar
        from flows.observe import listening
        from flows.pipeline import run_flow

        with ProgressBar(_show_progress(args), "run") as bar, \
                listening(lambda docs, total, rows: bar.update(docs, rows, total)):
            summary = run_flow(list(args.inputs), args.output, batch_size=args.batch_size,
                               task_runner=args.task_runner, workers=args.workers, dask_address=args.dask_address)
    print(json.dumps(summary, indent=2, default=str))
    return 0 if summary.get("validation_success", True) else 1


def _prefect_env() -> None:
    """Settings Prefect reads at import: no analytics, and a home folder that exists."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The temporary API of `run` needs more than Prefect's default 20 s on a busy two-core machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    if os.environ.get("PREFECT_HOME"):
        Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)


def cmd_serve(args: argparse.Namespace) -> int:
    _prefect_env()
    from flows.serve import serve

    serve(args.inbox, args.output, cron=args.cron, task_runner=args.task_runner, workers=args.workers,
          dask_address=args.dask_address, batch_size=args.batch_size, api_url=args.api_url,
          host=args.host, port=args.port, ui=args.ui, interval=args.interval, mirror=args.mirror)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from coding.evaluation import evaluate, format_report

    report = evaluate(args.gold, args.pred, half=args.half)
    if args.json:
        print(json.dumps(report, indent=2, default=str))
    else:
        print(format_report(report))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from coding.explain import explain

    print(explain(args.sentence, doc_date=args.date))
    return 0


def _add_runner_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--task-runner", choices=("threads", "processes", "dask"), default="threads",
                   help="where batches of documents are coded (default: threads)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="threads, processes or local Dask workers (default: 1 thread; CPU count otherwise)")
    p.add_argument("--dask-address", default=None, metavar="tcp://HOST:PORT",
                   help="an existing Dask scheduler (with --task-runner dask); without it a local cluster starts")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventcoder",
        description="Code news-wire text into CAMEO / ACLED / PLOVER political event rows.",
        epilog="Inputs (format detected from content, see docs/ingest.md): plain-text stories (date header, "
               'dateline, crossheads, sign-off), JSONL ({"id", "text", "date"?, "source"?, "title"?, "url"?}), '
               "CSV with a header, NewsML-G2 XML, RSS 2.0 / Atom feeds, saved HTML pages, .gz/.zip archives of "
               "these, directories or globs mixing them. Unreadable inputs are set aside with a reason.",
    )
    parser.add_argument("--version", action="version", version=f"eventcoder {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("code", help="code documents into one Parquet file (no Prefect, no validation)",
                       description="Code documents with the library path and write one Parquet file of event rows.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories or globs (text, JSONL, CSV, NewsML-G2, RSS/Atom, HTML, .gz/.zip)")
    p.add_argument("--output", "-o", required=True, metavar="FILE.parquet", help="Parquet file to write")
    p.add_argument("--batch-size", type=int, default=64, help="documents per spaCy batch (default 64)")
    p.add_argument("--progress", dest="progress", action="store_true", default=None, help="show progress (default: on a terminal)")
    p.add_argument("--no-progress", dest="progress", action="store_false")
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("run", help="run the Prefect flow: code, validate (GX), write the dataset and report",
                       description="Run the Prefect flow: ingest, code, validate with Great Expectations, "
                                   "write a partitioned Parquet dataset and a data-quality report under DIR.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, directories or globs (text, JSONL, CSV, NewsML-G2, RSS/Atom, HTML, .gz/.zip)")
    p.add_argument("--output", "-o", default="output", metavar="DIR", help="output folder (default: output/)")
    p.add_argument("--batch-size", type=int, default=64)
    _add_runner_options(p)
    p.add_argument("--progress", dest="progress", action="store_true", default=None, help="show progress (default: on a terminal)")
    p.add_argument("--no-progress", dest="progress", action="store_false")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("serve", help="start a Prefect server and serve the scheduled inbox deployment",
                       description="Start a Prefect server on 127.0.0.1 (SQLite under PREFECT_HOME, default "
                                   ".state/prefect; PostgreSQL via PREFECT_API_DATABASE_CONNECTION_URL) and serve "
                                   "a deployment that codes --inbox into --output on the --cron schedule.")
    p.add_argument("--inbox", required=True, metavar="DIR", help="folder of input documents (created if missing)")
    p.add_argument("--output", "-o", default="output", metavar="DIR", help="output folder (default: output/)")
    p.add_argument("--cron", default="*/15 * * * *", help='schedule, cron syntax (default "*/15 * * * *")')
    p.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                   help="schedule a run every SECONDS instead of --cron (runs never overlap: one at a time)")
    p.add_argument("--mirror", action="store_true",
                   help="the dataset follows the inbox: rows of documents no longer in it (file removed, record "
                        "now rejected) are removed; an empty inbox changes nothing")
    p.add_argument("--batch-size", type=int, default=64)
    _add_runner_options(p)
    p.add_argument("--api-url", default=os.environ.get("PREFECT_API_URL") or None, metavar="URL",
                   help="use this running Prefect server instead of starting one (default: PREFECT_API_URL)")
    p.add_argument("--host", default="127.0.0.1", help="address the started server binds to (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=4200, help="port of the started server (default 4200)")
    p.add_argument("--no-ui", dest="ui", action="store_false", help="start the server without its web UI")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("evaluate", help="score event rows against gold labels",
                       description="Score event rows against a gold file: the seed story format "
                                   "(seeds/*.gold.json) or the development sets (petr_gsr, plover_gsr, case2021).")
    p.add_argument("gold", metavar="GOLD")
    p.add_argument("pred", metavar="PRED.parquet")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--half", choices=("tune", "check"), default=None,
                   help="score only one half of a development set, split by a hash of the record id: "
                        "'tune' to look at while changing rules, 'check' as the estimate on unseen text")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("explain", help="show how one sentence is coded",
                       description="Print the parse, the actors found, the rules that fired and the rows produced.")
    p.add_argument("sentence")
    p.add_argument("--date", default=None, help="document date (YYYY-MM-DD) for resolving time words")
    p.set_defaults(func=cmd_explain)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `eventcoder evaluate ... | head`: the reader left, that is not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except EventCoderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
