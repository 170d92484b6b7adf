# Everything a fresh machine with python3 needs: `make demo` runs the main job, `make test` the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint schema eval bench clean browser

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
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check extractor tests benchmarks
	$(BIN)/mypy extractor

schema: $(STAMP)
	$(BIN)/extractor schema --output-dir schemas

eval: $(STAMP)
	$(BIN)/extractor eval corpus/

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
