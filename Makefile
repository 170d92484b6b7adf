# Everything a fresh machine with python3 needs: `make demo` runs the main job, `make test` the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint schema eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/extractor extract corpus/ --output out/facts.jsonl

test: $(STAMP)
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

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
