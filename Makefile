# Samverkansregistret: the two commands of the README, and a few helpers.
#   make run   set up, migrate, load the seed data and serve on http://127.0.0.1:8000
#   make test  set up with the test dependencies and run the whole test suite
#   make screenshots  regenerate docs/screenshots/ (the README's pictures of the main pages)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test lint check superuser stop-db clean messages screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py migrate --no-input
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py createcachetable
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py load_registry
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test
	$(BIN)/python scripts/ensure_chromium.py
	$(BIN)/python scripts/ensure_ocr.py
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

check: $(VENV)/.installed
	DEBUG=true $(BIN)/python manage.py check
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

superuser: $(VENV)/.installed
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py createsuperuser

stop-db: $(VENV)/.installed
	DEBUG=true $(BIN)/python -c "from governance.embedded_db import stop; stop()"

clean: stop-db
	rm -rf .pgdata staticfiles test-artifacts

# Update the English catalogue from the code and templates (new strings arrive untranslated:
# translate them in locale/en/LC_MESSAGES/django.po), then compile it.
messages: $(VENV)/.installed
	DEBUG=true $(BIN)/python manage.py makemessages -l en --no-obsolete -i ".venv/*" -i "staticfiles/*" -i "bench/*" -i "build/*"
	DEBUG=true $(BIN)/python manage.py compilemessages -l en -i ".venv"

# The README's screenshots of the main pages at 390 and 1280 px, from a test database with
# the seed registry (tests/pages/screenshots.py).
screenshots: $(VENV)/.installed-test
	$(BIN)/python scripts/ensure_chromium.py
	$(BIN)/python scripts/screenshots.py
