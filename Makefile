# Two commands: `make run` (the main job) and `make test` (lint + tests). Each creates .venv if missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test venv lint clean

$(BIN)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $@

venv: $(BIN)/.installed

run: venv
	$(BIN)/hrm-codegen run --preset quickstart

test: venv
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) runs checkpoints
