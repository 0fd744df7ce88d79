# Two commands: `make run` (the main job) and `make test` (lint + tests). Each creates .venv if missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test venv lint clean docker

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

# The image hrm-codegen:v1 (see Dockerfile; BASE=... DOCKER_BUILD_ARGS=... pass through).
# scripts/docker_check.sh builds it on a local base and tests it in containers.
DOCKER_IMAGE ?= hrm-codegen:v1
docker:
	docker build $(if $(BASE),--build-arg BASE=$(BASE)) $(DOCKER_BUILD_ARGS) -t $(DOCKER_IMAGE) .
