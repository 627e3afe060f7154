# Two entry points for a fresh machine with Python 3.11 and pip:
#   make demo   - set up .venv, extract the bundled example articles into ./turnover.db, show targets
#   make test   - set up .venv and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/turnover ingest examples/articles --db turnover.db
	$(BIN)/turnover targets --db turnover.db
	$(BIN)/turnover pair KGZ BLR --db turnover.db

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) turnover.db *.egg-info
