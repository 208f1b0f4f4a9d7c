# eventcoder: two commands on a fresh machine with Python 3.11 and make.
#   make run   - set up .venv and code seeds/ into output/ (Prefect flow; report page output/reports/index.html)
#   make test  - set up .venv and run the test suite
#   make serve - a Prefect server on 127.0.0.1:4200 and the scheduled deployment coding inbox/ into output/
#   make bench - throughput against spaCy alone, written to bench/results.md
#   make quality - CI's data-quality report: the flow on seeds/ and ../shared/eval inputs, fails on a table-level expectation
#   make fuzz  - the readers' property-based fuzz tests, long run (FUZZ_EXAMPLES per reader, default 10000)
#   make soak  - kill-and-resume soak of scheduled runs (SOAK_RUNS runs, SOAK_KILL_SHARE of them SIGKILLed), bench/soak.md
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_HOME ?= $(CURDIR)/.state/prefect
export GX_ANALYTICS_ENABLED := false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 90

# make serve: override on the command line, e.g. make serve CRON="0 * * * *" TASK_RUNNER=dask
INBOX       ?= inbox
CRON        ?= */15 * * * *
TASK_RUNNER ?= threads
PORT        ?= 4200

# make fuzz / make soak: override on the command line, e.g. make fuzz FUZZ_EXAMPLES=2000
FUZZ_EXAMPLES   ?= 10000
SOAK_RUNS       ?= 30
SOAK_KILL_SHARE ?= 0.4
SOAK_INTERVAL   ?= 15

.PHONY: run test bench serve setup clean tables quality fuzz soak

setup: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	@mkdir -p "$(PREFECT_HOME)"
	$(BIN)/eventcoder run seeds/ --output output/

test: $(STAMP)
	@mkdir -p "$(PREFECT_HOME)"
	$(BIN)/python -m pytest -q

serve: $(STAMP)
	@mkdir -p "$(PREFECT_HOME)"
	$(BIN)/eventcoder serve --inbox $(INBOX) --output output/ --cron "$(CRON)" --task-runner $(TASK_RUNNER) --port $(PORT)

quality: $(STAMP)
	@mkdir -p "$(PREFECT_HOME)"
	$(BIN)/python tools/quality_gate.py --output output/quality

fuzz: $(STAMP)
	EVENTCODER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider tests/ingest/test_fuzz.py

soak: $(STAMP)
	@mkdir -p "$(PREFECT_HOME)"
	$(BIN)/python tools/soak.py --runs $(SOAK_RUNS) --kill-share $(SOAK_KILL_SHARE) --interval $(SOAK_INTERVAL)

bench: $(STAMP)
	@mkdir -p "$(PREFECT_HOME)"
	$(BIN)/python -m bench.run

tables:
	$(BIN)/python tools/build_tables.py

clean:
	rm -rf $(VENV) .state output/events output/reports output/quarantine output/rejected
