"""Kill-and-resume soak of scheduled runs (`make soak`): does the served deployment lose, duplicate or keep stale rows?

    python tools/soak.py --runs 30 --kill-share 0.4 --interval 15 --report bench/soak.md

Starts `eventcoder serve --mirror --interval SECONDS` (the real Prefect server and the served
deployment, on a schedule of a few seconds) on an inbox of generated files in five formats.
After every run it adds, changes and removes inbox files (new stories, edited texts and dates,
dropped records, poisoned lines and items); in a random share of the runs it SIGKILLs the flow
process at a random moment of the run. The last run is left to finish. Then serving stops,
the final inbox is coded from scratch (`eventcoder run` into a fresh folder) and the two
datasets are compared row by row: rows lost (in the fresh dataset only), duplicated (an
event_id more often than in the fresh one) and stale (in the soaked dataset only). Exits 1
unless all three are zero and the runs and kills asked for happened.

Stories come from ../shared/eval/*.input.jsonl when it is there, else from seeds/ and the
test samples. Everything runs under a scratch folder (default .state/soak/, removed first);
only loopback addresses are used.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.serve import DEPLOYMENT, FLOW_NAME  # noqa: E402
from flows.server import free_port, healthy  # noqa: E402

NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


# ---------------------------------------------------------------- the inbox

def load_stories(rng: random.Random) -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT.parent / "shared" / "eval").glob("*.input.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    if not texts:
        for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data/ingest/good").glob("*.txt")):
            texts += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 60]
    rng.shuffle(texts)
    return texts


@dataclass
class Inbox:
    """The inbox's files as records (id, text, date), written in several formats; every change is atomic."""

    folder: Path
    rng: random.Random
    stories: list[str]
    files: dict[str, list[dict]] = field(default_factory=dict)  # file name -> records
    serial: int = 0

    def story(self) -> str:
        return self.rng.choice(self.stories)

    def record(self) -> dict:
        self.serial += 1
        day = self.rng.randint(1, 28)
        return {"id": f"soak-{self.serial}", "text": self.story(), "date": f"2024-{self.rng.randint(1, 12):02d}-{day:02d}"}

    def write(self, name: str) -> None:
        records = self.files[name]
        suffix = Path(name).suffix
        if suffix == ".jsonl":
            body = "".join(r["raw"] + "\n" if "raw" in r else json.dumps(r) + "\n" for r in records)
        elif suffix == ".txt":
            (r,) = records
            body = f"date {r['date']}\n\n{r['text']}\n"
        elif suffix == ".csv":
            rows = ['"{}","{}","{}"'.format(r["id"], r["date"], r["text"].replace('"', '""')) for r in records]
            body = "id,date,text\n" + "\n".join(rows) + "\n"
        elif suffix == ".rss":
            items = "".join(r["raw"] if "raw" in r else
                            f"<item><guid>{r['id']}</guid><title>t</title><pubDate>{r['date']}</pubDate>"
                            f"<description>{_xml(r['text'])}</description></item>" for r in records)
            body = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Soak</title>{items}</channel></rss>'
        else:  # .xml: a NewsML-G2 message
            items = "".join(r["raw"] if "raw" in r else
                            f'<newsItem guid="{r["id"]}" version="1"><itemMeta><firstCreated>{r["date"]}</firstCreated>'
                            f"</itemMeta><contentSet><inlineData>{_xml(r['text'])}</inlineData></contentSet></newsItem>"
                            for r in records)
            body = f"<newsMessage {NS}><itemSet>{items}</itemSet></newsMessage>"
        tmp = self.folder / f".tmp-{name}"
        tmp.write_text(body, encoding="utf-8")
        os.replace(tmp, self.folder / name)

    def add(self) -> str:
        kind = self.rng.choice([".jsonl", ".jsonl", ".txt", ".csv", ".rss", ".xml"])
        self.serial += 1
        name = f"f{self.serial:04d}{kind}"
        count = 1 if kind == ".txt" else self.rng.randint(2, 6)
        self.files[name] = [self.record() for _ in range(count)]
        self.write(name)
        return f"add {name} ({count} records)"

    def change(self) -> str:
        name = self.rng.choice(sorted(self.files))
        records = self.files[name]
        what = self.rng.choice(["text", "date", "drop", "append", "poison"] if len(records) > 1 else ["text", "date"])
        if what == "text":
            self.rng.choice([r for r in records if "raw" not in r] or records)["text"] = self.story()
        elif what == "date":
            target = self.rng.choice([r for r in records if "raw" not in r] or records)
            target["date"] = f"2023-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        elif what == "drop":
            records.pop(self.rng.randrange(len(records)))
        elif what == "append":
            records.append(self.record())
        elif Path(name).suffix == ".jsonl":
            records.insert(self.rng.randrange(len(records) + 1), {"raw": '{"id": "poison", "text": ' + "[" * 20_000})
        elif Path(name).suffix == ".rss":
            records.insert(self.rng.randrange(len(records) + 1),
                           {"raw": "<item><guid>poison</guid><description>broken</descr></item>"})
        elif Path(name).suffix == ".xml":
            records.insert(self.rng.randrange(len(records) + 1),
                           {"raw": '<newsItem guid="poison"><contentSet><inlineData>broken<x></inlineData></newsItem>'})
        else:
            what = "text"
            records[0]["text"] = self.story()
        self.write(name)
        return f"change {name} ({what})"

    def remove(self) -> str:
        name = self.rng.choice(sorted(self.files))
        del self.files[name]
        (self.folder / name).unlink()
        return f"remove {name}"

    def mutate(self) -> list[str]:
        done = []
        for _ in range(self.rng.randint(1, 3)):
            roll = self.rng.random()
            if roll < 0.35 or len(self.files) < 4:
                done.append(self.add())
            elif roll < 0.75:
                done.append(self.change())
            else:
                done.append(self.remove())
        return done


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- the served deployment

def _client(api_url: str):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    settings = temporary_settings(updates={PREFECT_API_URL: api_url})
    settings.__enter__()
    return get_client(sync_client=True)


def flow_runs(client, deployment_id) -> list:
    from prefect.client.schemas.filters import (DeploymentFilter, DeploymentFilterId, FlowRunFilter,
                                                FlowRunFilterState, FlowRunFilterStateType)
    from prefect.client.schemas.sorting import FlowRunSort

    return client.read_flow_runs(
        deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
        flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(
            any_=["RUNNING", "COMPLETED", "FAILED", "CRASHED", "CANCELLED", "CANCELLING"]))),
        sort=FlowRunSort.START_TIME_ASC, limit=200)


def flow_process(serve_pid: int) -> int | None:
    """The process of the running flow: the served runner's spawned child (not the server, not the tracker)."""
    import psutil

    try:
        children = psutil.Process(serve_pid).children(recursive=False)
    except psutil.Error:
        return None
    for child in children:
        try:
            cmd = " ".join(child.cmdline())
        except psutil.Error:
            continue
        if ("spawn_main" in cmd or "prefect.engine" in cmd) and "resource_tracker" not in cmd:
            return child.pid
    return None


# ---------------------------------------------------------------- comparing datasets

def dataset_rows(out: Path) -> list[tuple]:
    import pyarrow.dataset as ds

    events = out / "events"
    if not events.exists():
        return []
    table = ds.dataset(str(events), format="parquet", partitioning="hive").to_table()
    names = sorted(table.column_names)
    columns = [table.column(n).to_pylist() for n in names]
    return [tuple(zip(names, row)) for row in zip(*columns)]


def compare(soaked: list[tuple], fresh: list[tuple]) -> dict[str, int]:
    have, want = collections.Counter(soaked), collections.Counter(fresh)
    ids_have = collections.Counter(dict(r)["event_id"] for r in soaked)
    ids_want = collections.Counter(dict(r)["event_id"] for r in fresh)
    return {
        "rows_soaked": len(soaked), "rows_fresh": len(fresh),
        "lost": sum((want - have).values()),
        "stale": sum((have - want).values()),
        "duplicated": sum(max(0, n - ids_want.get(i, 0)) for i, n in ids_have.items() if n > 1),
    }


# ---------------------------------------------------------------- the soak

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=30, help="scheduled runs to observe (default 30)")
    ap.add_argument("--kill-share", type=float, default=0.4, help="share of runs whose flow process is SIGKILLed")
    ap.add_argument("--min-kills", type=int, default=10, help="fail unless at least this many runs were killed")
    ap.add_argument("--interval", type=float, default=15.0, help="schedule interval in seconds (default 15)")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--workdir", default=str(ROOT / ".state" / "soak"))
    ap.add_argument("--report", default=str(ROOT / "bench" / "soak.md"))
    ap.add_argument("--timeout", type=float, default=3600.0, help="give up after this many seconds")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    work = Path(args.workdir).resolve()
    shutil.rmtree(work, ignore_errors=True)
    inbox_dir, out, fresh, home = work / "inbox", work / "out", work / "fresh", work / "prefect-home"
    inbox_dir.mkdir(parents=True)
    inbox = Inbox(inbox_dir, rng, load_stories(rng))
    for _ in range(8):
        inbox.add()

    started = time.monotonic()
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_RUNNER_POLL_FREQUENCY="1",
               PREFECT_SERVER_SERVICES_LATE_RUNS_AFTER_SECONDS="3600")
    log = open(work / "serve.log", "wb")  # noqa: SIM115 - closed below
    serve = subprocess.Popen(
        [sys.executable, "-m", "coding.cli", "serve", "--inbox", str(inbox_dir), "--output", str(out), "--mirror",
         "--interval", str(args.interval), "--port", str(port), "--no-ui"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    print(f"soak: eventcoder serve (pid {serve.pid}) on {api_url}, every {args.interval:g} s, inbox {inbox_dir}",
          flush=True)
    runs: list[dict] = []
    try:
        while not healthy(api_url):
            if serve.poll() is not None or time.monotonic() - started > 300:
                raise SystemExit(f"soak: eventcoder serve did not start; see {work / 'serve.log'}")
            time.sleep(1)
        client = _client(api_url)
        deployment = None
        while deployment is None:
            try:
                deployment = client.read_deployment_by_name(f"{FLOW_NAME}/{DEPLOYMENT}")
            except Exception:  # noqa: BLE001 - not registered yet
                time.sleep(1)
        seen: set = set()
        while len(runs) < args.runs:
            if time.monotonic() - started > args.timeout:
                raise SystemExit(f"soak: timed out after {len(runs)} runs")
            running = [r for r in flow_runs(client, deployment.id) if r.id not in seen and r.state_type
                       and r.state_type.value == "RUNNING"]
            if not running:
                time.sleep(0.3)
                continue
            run = running[0]
            seen.add(run.id)
            t0 = time.monotonic()
            last = len(runs) == args.runs - 1
            # Runs get shorter as the inbox settles (little is new): aim within the shortest recent one.
            durations = [r["seconds"] for r in runs if r["state"] == "COMPLETED"][-5:]
            typical = min(durations) if durations else 20.0
            kills = sum(1 for r in runs if r["killed_at"] is not None)
            owed = args.min_kills - kills >= args.runs - 1 - len(runs)  # the kills asked for, in the runs left
            kill = not last and (rng.random() < args.kill_share or owed)
            kill_at = rng.uniform(0.3, 0.9 * typical) if kill else None
            killed_at = None
            while True:
                state = client.read_flow_run(run.id).state
                if state is not None and state.type.value in TERMINAL:
                    break
                if kill_at is not None and killed_at is None and time.monotonic() - t0 >= kill_at:
                    pid = flow_process(serve.pid)
                    if pid is not None:
                        os.kill(pid, signal.SIGKILL)
                        killed_at = round(time.monotonic() - t0, 1)
                time.sleep(0.2)
            seconds = round(time.monotonic() - t0, 1)
            dups = _duplicates(out)
            entry = {"run": len(runs) + 1, "name": run.name, "state": state.type.value, "seconds": seconds,
                     "killed_at": killed_at, "files": len(inbox.files), "duplicate_ids_after": dups}
            entry["changes"] = [] if last else inbox.mutate()
            runs.append(entry)
            print(f"soak: run {entry['run']:2d} {entry['state']:9s} {seconds:6.1f} s"
                  + (f"  killed at {killed_at} s" if killed_at is not None else "")
                  + f"  | {'; '.join(entry['changes'])}", flush=True)
    finally:
        if serve.poll() is None:
            serve.send_signal(signal.SIGTERM)
            try:
                serve.wait(timeout=90)
            except subprocess.TimeoutExpired:
                serve.kill()
                serve.wait(timeout=30)
        log.close()
    soak_seconds = time.monotonic() - started

    print("soak: coding the final inbox from scratch", flush=True)
    t = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "coding.cli", "run", str(inbox_dir), "--output", str(fresh),
                           "--no-progress"], cwd=ROOT, env={**env, "PREFECT_HOME": str(work / "prefect-fresh")},
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        print(done.stdout[-3000:])
        raise SystemExit("soak: coding the final inbox from scratch failed")
    fresh_seconds = time.monotonic() - t
    figures = compare(dataset_rows(out), dataset_rows(fresh))
    states = collections.Counter(r["state"] for r in runs)
    kills = sum(1 for r in runs if r["killed_at"] is not None)
    figures.update(runs=len(runs), kills=kills, states=dict(states), soak_seconds=round(soak_seconds),
                   fresh_seconds=round(fresh_seconds), max_duplicate_ids_seen=max(r["duplicate_ids_after"] for r in runs),
                   files_final=len(inbox.files), records_final=sum(len(v) for v in inbox.files.values()))
    ok = (figures["lost"] == figures["stale"] == figures["duplicated"] == 0 and len(runs) >= args.runs
          and kills >= args.min_kills and figures["max_duplicate_ids_seen"] == 0)
    write_report(Path(args.report), args, runs, figures, ok)
    print(json.dumps(figures, indent=1))
    print(f"soak: {'PASSED' if ok else 'FAILED'}; report {args.report}")
    return 0 if ok else 1


def _duplicates(out: Path) -> int:
    """event_ids stored more than once in the current dataset (checked after every run)."""
    rows = dataset_rows(out)
    counts = collections.Counter(dict(r)["event_id"] for r in rows)
    return sum(n - 1 for n in counts.values() if n > 1)


def write_report(path: Path, args, runs: list[dict], figures: dict, ok: bool) -> None:
    import platform

    lines = [
        "# Kill-and-resume soak of scheduled runs",
        "",
        f"`make soak` (`python tools/soak.py --runs {args.runs} --kill-share {args.kill_share} --interval "
        f"{args.interval:g} --seed {args.seed}`), {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"{platform.machine()} with {os.cpu_count()} CPUs (shared with other work, so durations vary).",
        "",
        "`eventcoder serve --mirror --interval` (real Prefect server, served deployment, one run at a time) on an inbox",
        "of JSON Lines, plain-text, CSV, RSS and NewsML-G2 files; after each run 1-3 files were added, changed",
        "(text, date, a record dropped or added, a poisoned line or item inserted) or removed; in a random share of",
        "the runs the flow process was SIGKILLed at a random moment; the last run was left to finish. The final",
        "inbox was then coded from scratch (`eventcoder run` into a fresh folder) and compared row by row.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| outcome | **{'passed' if ok else 'FAILED'}** |",
        f"| scheduled runs observed | {figures['runs']} ({', '.join(f'{k.lower()} {v}' for k, v in sorted(figures['states'].items()))}) |",
        f"| runs SIGKILLed | {figures['kills']} |",
        f"| rows lost / duplicated / stale | {figures['lost']} / {figures['duplicated']} / {figures['stale']} |",
        f"| rows in the soaked dataset / coded from scratch | {figures['rows_soaked']} / {figures['rows_fresh']} |",
        f"| duplicate event ids seen after any run | {figures['max_duplicate_ids_seen']} |",
        f"| final inbox | {figures['files_final']} files, {figures['records_final']} records |",
        f"| wall time: soak / from-scratch coding | {figures['soak_seconds']} s / {figures['fresh_seconds']} s |",
        "",
        "| run | state | seconds | killed at (s) | files before | changes after |",
        "|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(f"| {r['run']} | {r['state'].lower()} | {r['seconds']} | "
                     f"{'' if r['killed_at'] is None else r['killed_at']} | {r['files']} | {'; '.join(r['changes'])} |")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
