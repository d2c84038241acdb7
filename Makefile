# The two commands of the README: `make demo` and `make test`. Both set
# everything up themselves (a virtual environment in .venv) on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Development install (editable) for the demo.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	rm -f armstrack.db armstrack.db-wal armstrack.db-shm
	$(BIN)/armstrack ingest examples/articles examples/articles.jsonl --db armstrack.db
	$(BIN)/armstrack transfers --db armstrack.db
	$(BIN)/armstrack serve --db armstrack.db --port $(PORT)

# Tests run against the built wheel, so a data file missing from the package
# fails here and not on a user's machine.
test: $(BIN)/python
	tools/ensure-chromium
	tools/ensure-postgresql
	rm -rf dist
	$(BIN)/pip install --quiet build hatchling
	$(BIN)/python -m build --wheel --no-isolation --outdir dist . >/dev/null
	$(BIN)/pip install --quiet --force-reinstall --no-deps dist/armstrack-*.whl
	$(BIN)/pip install --quiet "$$(ls dist/armstrack-*.whl)[dev]"
	rm -f $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src/armstrack
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) dist build
