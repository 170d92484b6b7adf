# Everything a fresh machine with python3 needs: `make demo` runs the main job, `make test` the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint gate shared schema eval bench clean browser train

# Real text nobody here wrote: the quality gates that come first (see docs/QUALITY.md)
SHARED  ?= ../shared
PRESS    = $(SHARED)/data/press-dev
NEWS     = $(SHARED)/data/news-dev
WILD     = $(SHARED)/data/wild-dev
POLNEAR  = $(SHARED)/data/polnear-dev
EVAL     = $(BIN)/extractor eval
# The check's fixture: press-dev tune-half articles against an official file written for them
CHECKFIX = tests/data/check-fixture
CHECKFIX_ARTICLES = $(addprefix $(PRESS)/articles/,$(addsuffix .json,$(shell cat $(CHECKFIX)/articles.txt)))

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
	@for d in $(PRESS) $(NEWS) $(WILD) $(POLNEAR); do \
	  test -d $$d/gold -a -d $$d/articles || { \
	    echo "ERROR: $$d is missing beside the repo; the real-text quality gates cannot run." >&2; exit 1; }; \
	done; test -f $(PRESS)/SPLIT.json -a -f $(NEWS)/SPLIT.json || { \
	  echo "ERROR: SPLIT.json of press-dev or news-dev is missing; the tune/check gates cannot run." >&2; exit 1; }

# Each table is printed, and a field under its floor (tests/floors/) fails the run. Rules are
# written from the tune halves; the check halves say whether they generalise; wild-dev has no
# figure at all, so its gate is a ceiling on false figures and changes.
gate: $(STAMP) shared
	$(EVAL) $(PRESS)/gold --articles $(PRESS)/articles --split $(PRESS)/SPLIT.json --half tune --floors tests/floors/press-dev-tune.json
	$(EVAL) $(PRESS)/gold --articles $(PRESS)/articles --split $(PRESS)/SPLIT.json --half check --floors tests/floors/press-dev-check.json
	$(EVAL) $(NEWS)/gold --articles $(NEWS)/articles --split $(NEWS)/SPLIT.json --half tune --floors tests/floors/news-dev-tune.json
	$(EVAL) $(NEWS)/gold --articles $(NEWS)/articles --split $(NEWS)/SPLIT.json --half check --floors tests/floors/news-dev-check.json
	$(EVAL) $(WILD)/gold --articles $(WILD)/articles --floors tests/floors/wild-dev.json
	$(EVAL) $(POLNEAR)/gold --articles $(POLNEAR)/articles --loose-speakers --floors tests/floors/polnear-dev.json
	$(EVAL) corpus/ --floors tests/floors/corpus.json
	$(BIN)/extractor check $(CHECKFIX_ARTICLES) --official $(CHECKFIX)/official.csv --expected $(CHECKFIX)/expected.json --only mismatch

# The figure binder's weights (extractor/binder_model.json) from the training sets: corpus/, our own
# invented releases (training/binder/) and the tune halves only; never a check half, never wild-dev.
# Same data, same file.
train: $(STAMP) shared
	$(BIN)/extractor train corpus/ training/binder/ \
	  $(PRESS)/gold:$(PRESS)/articles:tune $(NEWS)/gold:$(NEWS)/articles:tune

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
