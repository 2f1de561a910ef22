# Příručka: `make build` builds the site into site/, `make test` runs the tests.
# Both create .venv and install the project into it on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: build test serve clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

build: $(INSTALLED)
	$(BIN)/prirucka build

test: $(INSTALLED)
	$(BIN)/python -m pytest

serve: $(INSTALLED)
	$(BIN)/prirucka serve

clean:
	rm -rf site .cache
