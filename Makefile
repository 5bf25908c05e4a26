# Two commands: `make site` builds the demo site into output/, `make test` runs every test.
# Both set up .venv from the pinned lock file first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: site test setup extract build lint bench clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
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

test: setup lint
	$(BIN)/pytest

bench: setup
	$(BIN)/python bench/te3.py ../shared/data/te3-train
	$(BIN)/python bench/speed.py

clean:
	rm -rf output .pytest_cache
