# Two commands for a newcomer: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core (accessibility tests), iframe-worker (offline search), lighthouse: exact pins in package-lock.json
NPM_STAMP := node_modules/.installed
# The build core is ProperDocs, the maintained fork of MkDocs 1.x (docs-dev/platform.md). mkdocs.yml is
# named explicitly: ProperDocs looks for properdocs.yml first and reads mkdocs.yml only as a fallback.
DOCS := $(BIN)/properdocs
CONFIG := -f mkdocs.yml
AUDIT_VENV := .venv-audit

.PHONY: serve build test audit parity agenda-check offline pdf dist bench lighthouse clean

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
	SITE_URL=http://127.0.0.1:8000/ $(DOCS) serve $(CONFIG) --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(DOCS) build $(CONFIG) --strict --clean

test: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m pytest

# Known vulnerabilities in the pinned Python packages (pip-audit, itself pinned in requirements-audit.txt,
# in its own venv) and in package-lock.json (npm audit). Needs PyPI's vulnerability data and npm's audit
# endpoint; says so when they cannot be reached. Not part of `make test`; the publishing workflow runs it.
$(AUDIT_VENV)/.installed: requirements-audit.txt
	test -x $(AUDIT_VENV)/bin/python || $(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-audit.txt
	touch $@

audit: $(STAMP) $(AUDIT_VENV)/.installed
	$(BIN)/python -m datajam.audit --pip-audit $(AUDIT_VENV)/bin/pip-audit requirements.txt requirements-audit.txt

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

# Figures, not tests: page weight of a first visit (budget 150 KB for a handbook page) and of a
# first search, search quality (share of data/search/bench.yml's queries finding their page in
# the first three, target 95 %), then the parity check's speed on synthetic trees up to 1,000
# page pairs (target under 5 s).
bench: $(STAMP) build
	$(BIN)/python scripts/bench.py site
	$(BIN)/python scripts/bench_search.py site
	$(BIN)/python scripts/bench_parity.py

# Lighthouse scores, mobile, both languages, plus satellite-like runs (figures; about 7 minutes).
lighthouse: $(STAMP) $(NPM_STAMP) build
	$(BIN)/python scripts/lighthouse.py site

clean:
	rm -rf site .pytest_cache
