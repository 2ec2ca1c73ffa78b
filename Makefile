# elgbot — the two commands are `make run` and `make test`; see README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install check format lint types bench services clean

run: install
	$(BIN)/elgbot serve --load-sample-catalog

test: install services
	$(BIN)/pytest

install: $(STAMP)

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "elgbot needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "python3 -m venv failed: on Debian, apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Real Redis and PostgreSQL servers for the tests, and Chromium for the browser tests
# (installed from Debian when missing).
services:
	@scripts/ensure-services
	@scripts/ensure-browser

check: install services format lint types
	$(BIN)/pytest

format: install
	$(BIN)/ruff format --check src tests bench

lint: install
	$(BIN)/ruff check src tests bench

types: install
	$(BIN)/mypy

bench: install services
	$(BIN)/python bench/webhook_throughput.py
	$(BIN)/python bench/catalog_import.py
	$(BIN)/python bench/catalog_search.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
