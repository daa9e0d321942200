# Two commands for a newcomer: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core (accessibility tests), iframe-worker (offline search), lighthouse: exact pins in package-lock.json
NPM_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test parity agenda-check offline pdf dist bench lighthouse clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

# The local preview is the only place that names 127.0.0.1 (published files use site_url of mkdocs.yml).
serve: $(STAMP)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

test: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m pytest

parity: $(STAMP)
	$(BIN)/python scripts/parity.py check

agenda-check: $(STAMP)
	$(BIN)/python scripts/agenda.py validate

# The offline copy for a USB key: build/datajam-offline.zip (search works from disk; the PDFs of site/ inside).
offline: $(STAMP) $(NPM_STAMP) pdf
	$(BIN)/python -m datajam.site.offline --pdf-from site

# The handbook PDF of each language, printed by Chromium into site/ (linked from the home pages).
pdf: $(STAMP) build
	$(BIN)/python -m datajam.site.pdf site

# Everything GitHub Pages publishes: the strict build, the PDFs and the offline zip, in site/;
# fails on a file naming a loopback address or on any link or download that does not resolve.
dist: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m datajam.site.dist site

# Figures, not tests: page weight of a first visit (budget 150 KB for a handbook page), then the
# parity check's speed on synthetic trees up to 1,000 page pairs (target under 5 s).
bench: $(STAMP) build
	$(BIN)/python scripts/bench.py site
	$(BIN)/python scripts/bench_parity.py

# Lighthouse scores, mobile, both languages, plus satellite-like runs (figures; about 7 minutes).
lighthouse: $(STAMP) $(NPM_STAMP) build
	$(BIN)/python scripts/lighthouse.py site

clean:
	rm -rf site .pytest_cache
