# Two commands for a newcomer: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test parity agenda-check offline pdf bench clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

test: $(STAMP)
	$(BIN)/python -m pytest

parity: $(STAMP)
	$(BIN)/python scripts/parity.py check

agenda-check: $(STAMP)
	$(BIN)/python scripts/agenda.py validate

bench: $(STAMP) build
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .pytest_cache
