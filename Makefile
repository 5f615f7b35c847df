# The README's two commands. Each sets up a fresh machine (Python 3.11 + pip) by itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup bench clean

$(STAMP): pyproject.toml scripts/system-deps.sh
	bash scripts/system-deps.sh
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Analyse the embedded default: seed 001 (D. Idaho 2006), the law as of the order's date.
demo: $(STAMP)
	$(BIN)/fedrelief analyze examples/seed_001_palacios_becerril.yaml

## The whole test suite, after the agreement check on the real orders (a regression floor: see
## docs/dev/agreement.md for the figures and every disagreement explained).
EVAL_FLOOR ?= 0.45
test: $(STAMP)
	$(BIN)/fedrelief eval tests/cases --min $(EVAL_FLOOR)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_analyze.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
