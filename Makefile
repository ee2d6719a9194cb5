# Self-documenting Makefile: `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
CORPUS ?= seeds
# reports/NAME for CORPUS=path/NAME or path/NAME.jsonl (reports/seeds for the seeds)
REPORT_DIR ?= reports/$(basename $(notdir $(abspath $(CORPUS))))
# Paragraphs parsed once, by the report and the notebooks and by later runs (any corpus)
PARSE_CACHE ?= .cache/parse

.DEFAULT_GOAL := help
.PHONY: help install report notebooks test lint bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed ## Create .venv and install the package with notebook and test tools

report: $(VENV)/.installed ## Analyse CORPUS (default seeds/; e.g. make report CORPUS=path/): report.html and the four notebooks run on it, in REPORT_DIR
	$(PY) -m analysis report "$(CORPUS)" --out $(REPORT_DIR) --errors collect --sources-parse-cache $(PARSE_CACHE) $(REPORT_ARGS)
	$(PY) -m analysis notebooks "$(CORPUS)" --out $(REPORT_DIR)/notebooks --parse-cache $(PARSE_CACHE) $(NOTEBOOK_ARGS)
	@echo "open $(REPORT_DIR)/report.html and $(REPORT_DIR)/notebooks/*.html"

notebooks: $(VENV)/.installed ## Re-execute the notebooks in place (regenerates their stored outputs)
	$(PY) -m jupyter nbconvert --log-level WARN --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False $(NOTEBOOKS)

test: $(VENV)/.installed ## Run every test: unit tests, doctests and the notebooks under nbval
	$(PY) -m pytest

lint: $(VENV)/.installed ## Ruff lint and format check (notebooks included)
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

bench: $(VENV)/.installed ## Run every benchmark (needs ../shared/data; about an hour) -> BENCHMARKS.md tables
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) benchmarks/bench_loading.py --repeat 3
	$(PY) benchmarks/bench_reuse.py --sample 300 --seed 0 --tm-pairs 150 --repeat 3
	$(PY) benchmarks/bench_tempeval.py --repeat 3 --reuters 2000
	$(PY) benchmarks/bench_sources.py --stories 500
	$(PY) benchmarks/bench_attributions.py --split development
	$(PY) benchmarks/bench_pipeline.py --sizes 1 2 5 10 --steps reuse chronology --save reports/bench
	$(PY) benchmarks/bench_pipeline.py --sizes 0.05 0.1 0.2 --steps reuse chronology sources
	$(PY) benchmarks/bench_pipeline.py --stories 1000 4000 --steps report

clean: ## Remove the virtual environment, generated reports and the parse cache
	rm -rf $(VENV) reports build .cache
