# The two commands of the README: `make demo` and `make test`. Both set
# everything up themselves (a virtual environment in .venv) on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo's own store, rebuilt on every run: a user's armstrack.db is never touched.
DEMO_DB := armstrack-demo.db

LOCK := requirements/dev.lock

.PHONY: demo test test-latest lock lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Development install (editable) for the demo, from the locked, tested versions (with
# hashes): a new release of a dependency cannot break a fresh checkout.
$(VENV)/.installed: $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

demo: $(VENV)/.installed
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/armstrack ingest examples/articles examples/articles.jsonl --db $(DEMO_DB)
	$(BIN)/armstrack transfers --db $(DEMO_DB)
	$(BIN)/armstrack serve --db $(DEMO_DB) --port $(PORT)

# Tests run against the built wheel, so a data file missing from the package
# fails here and not on a user's machine. The wheel must have its extraction rules
# compiled by mypyc (hatch_build.py): what users get, and what must not silently break.
test: $(BIN)/python
	tools/ensure-chromium
	tools/ensure-postgresql
	rm -rf dist
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	ARMSTRACK_COMPILE=1 $(BIN)/python -m build --wheel --no-isolation --outdir dist . >/dev/null
	$(BIN)/pip install --quiet --force-reinstall --no-deps dist/armstrack-*.whl
	$(BIN)/pip check
	rm -f $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src/armstrack
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The same tests against the newest release of every dependency, in a separate
# environment: what a user gets from `pip install armstrack` today. The wheel is built
# before the dependencies are there (-x), so it is the pure-Python one (hatch_build.py).
test-latest:
	rm -rf .venv-latest dist
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install --quiet --upgrade pip build hatchling
	.venv-latest/bin/python -m build --wheel --no-isolation -x --outdir dist . >/dev/null
	.venv-latest/bin/pip install --quiet --upgrade "$$(ls dist/armstrack-*.whl)[dev]"
	.venv-latest/bin/python -m pytest -q -p no:cacheprovider

# Lock the versions `make test` and `make demo` install (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml requirements/tools.in --extra dev --python-version 3.11 \
		--generate-hashes --universal -o $(LOCK)

# The installed wheel, compiled as users get it (an editable install is pure Python).
bench: $(VENV)/.installed
	rm -rf dist
	$(BIN)/python -m build --wheel --no-isolation --outdir dist . >/dev/null
	$(BIN)/pip install --quiet "$$(ls dist/armstrack-*.whl)[dev,bench]"
	$(BIN)/pip install --quiet --force-reinstall --no-deps dist/armstrack-*.whl
	rm -f $(VENV)/.installed
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_extract.py --paired

clean:
	rm -rf $(VENV) .venv-latest dist build
