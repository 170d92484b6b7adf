# Everything a fresh machine with python3 needs: `make demo` runs the main job, `make test` the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint gate shared schema eval bench clean browser

# Real text nobody here wrote: the quality gates that come first (see README, "Quality")
SHARED  ?= ../shared
PRESS    = $(SHARED)/data/press-dev
POLNEAR  = $(SHARED)/data/polnear-dev

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/extractor extract corpus/ --output out/facts.jsonl

# Debian's chromium and chromedriver for the report's browser test (no browser download)
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "WARNING: chromium could not be installed; the browser test will be skipped"; \
	  else echo "note: install chromium and chromium-driver to run the browser test"; fi; \
	fi

test: $(STAMP) browser
	$(BIN)/ruff check extractor tests benchmarks
	$(BIN)/mypy extractor
	$(MAKE) --no-print-directory gate
	$(BIN)/python -m pytest

# The real-text data sits beside the repo; without it the gates cannot run, and that is a failure.
shared:
	@test -d $(PRESS)/gold -a -d $(PRESS)/articles -a -d $(POLNEAR)/gold -a -d $(POLNEAR)/articles || { \
	  echo "ERROR: $(SHARED)/data/press-dev and polnear-dev are missing beside the repo; the real-text quality gates cannot run." >&2; \
	  exit 1; }

# Each table is printed, and a field under its floor (tests/floors/) fails the run.
gate: $(STAMP) shared
	$(BIN)/extractor eval $(PRESS)/gold --articles $(PRESS)/articles --floors tests/floors/press-dev.json
	$(BIN)/extractor eval $(POLNEAR)/gold --articles $(POLNEAR)/articles --loose-speakers --floors tests/floors/polnear-dev.json
	$(BIN)/extractor eval corpus/ --floors tests/floors/corpus.json

lint: $(STAMP)
	$(BIN)/ruff check extractor tests benchmarks
	$(BIN)/mypy extractor

schema: $(STAMP)
	$(BIN)/extractor schema --output-dir schemas

eval: gate

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
