# Set-up and everyday commands. Every target installs what it needs first.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint check bundle chromium icu basemap java jing poppler

$(STAMP): pyproject.toml | icu
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Debian's Chromium: Playwright's own browser download cannot work on this machine.
chromium:
	@command -v chromium >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# PyICU (collation) compiles against Debian's ICU: headers, pkg-config and a C++ compiler.
icu:
	@dpkg -s libicu-dev pkg-config g++ >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; }

# The shipped base map of the map of places; only when the world-atlas package is upgraded.
basemap: node_modules/.package-lock.json
	node scripts/make-basemap.mjs

# Java runs the Nu HTML checker (vnu-jar from npm) in the tests.
java:
	@command -v java >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# jing validates the TEI export against TEI P5's tei_all.rng in the tests.
jing:
	@command -v jing >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jing >/dev/null; }

# poppler's pdftotext reads the printed worksheet's first page in the browser tests.
poppler:
	@command -v pdftotext >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }

## Build the site into site/ (first command of the README).
site: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dirty

## The offline bundle: dist/<edition-name>-offline.zip, opened from disk by double-click.
bundle: $(STAMP)
	$(PY) -m edition bundle

check: $(STAMP)
	$(PY) -m edition check

lint: $(STAMP) node_modules/.package-lock.json
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	node_modules/.bin/eslint --max-warnings 0 edition/web/assets scripts

## Run the whole test suite, browser tests included (second command of the README).
test: $(STAMP) node_modules/.package-lock.json chromium java jing poppler lint
	$(PY) -m pytest
