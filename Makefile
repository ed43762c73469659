# make demo: set up .venv and run the main job on the shipped examples.
# make test: set up .venv with the dev extras and run ruff, mypy and the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck graph bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/python examples/parse_resumes.py examples/resumes
	$(BIN)/python examples/explain_skills.py examples/resumes/backend_engineer.txt examples/requisitions/backend_engineer.txt
	$(BIN)/python examples/dedupe_candidates.py examples/resumes
	$(BIN)/python -m skillmatch screen examples/requisitions/backend_engineer.txt examples/resumes -o out/demo-backend
	$(BIN)/python -m skillmatch screen examples/requisitions/data_engineer.txt examples/resumes -o out/demo-data
	$(BIN)/python examples/rank_for_requisition.py examples/requisitions/backend_engineer.txt
	@echo "open out/demo-backend/report.html and out/demo-data/report.html in a browser"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

graph: $(VENV)/.installed-dev  ## rebuild skills_graph/data/skills_graph.json.gz from data/skills
	$(BIN)/python -m skills_graph.build

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_skills.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
