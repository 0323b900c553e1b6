# The one front door: make run, make test, make lint, make bench.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# A stamp per dependency set, so installs re-run only when the pins change.
PY_STAMP := $(VENV)/.installed-dev
NPM_STAMP := node_modules/.installed

.PHONY: help install run test lint format messages screenshots bench cluster cluster-test clean

help:
	@echo "make run    - install, migrate SQLite, load demo content, serve on http://127.0.0.1:8000 with the task worker"
	@echo "make test   - install, then run the whole test suite (DATABASE_URL picks the database)"
	@echo "make lint   - ruff check and format check"
	@echo "make format - ruff format and safe fixes"
	@echo "make messages - update and compile the English translation"
	@echo "make bench  - seed 10,000 and 100,000 enterprises in PostgreSQL and measure (docs/performance.md)"
	@echo "make cluster - nginx, two web nodes and the worker on loopback, own PostgreSQL and Redis (docs/deploy.md)"
	@echo "make cluster-test - start that cluster, prove the nodes work together and survive faults, stop it"

$(VENV)/bin/python:
	@py=$$(scripts/find-python) && echo "Creating $(VENV) with $$py" && "$$py" -m venv $(VENV)

$(PY_STAMP): requirements/base.txt requirements/dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(PY_STAMP) $(NPM_STAMP)

run: install
	DEBUG=true $(MANAGE) migrate --noinput
	DEBUG=true $(MANAGE) load_demo
	DEBUG=true $(MANAGE) rebuild_search_index
	DEBUG=true $(MANAGE) create_demo_staff
	DEBUG=true scripts/run-dev

# Tests run with production-like settings (DEBUG off) but plain static storage,
# so no collectstatic step is needed. SECRET_KEY is a throwaway for tests only.
test: install
	SECRET_KEY=test-only-secret-key STATIC_MANIFEST=false DJANGO_ALLOW_ASYNC_UNSAFE=true \
	  $(PY) -m pytest $(PYTEST_ARGS)

lint: $(PY_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(PY_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(PY_STAMP)
	DEBUG=true $(MANAGE) makemessages --locale en --no-obsolete --add-location file --ignore 'node_modules/*' --ignore '.venv/*'
	DEBUG=true $(MANAGE) compilemessages --locale en --ignore '.venv/*' --ignore 'node_modules/*'

screenshots: install
	$(PY) scripts/screenshots.py

# Seeds 10,000 and 100,000 enterprises into PostgreSQL databases of its own
# (asf_bench_*), serves them with gunicorn and loads them with wrk; about
# 15 minutes the first time. See docs/performance.md and bench/run.py.
bench: install
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(PY) bench/run.py

# nginx in front of two gunicorn nodes and the task worker, with a throwaway
# PostgreSQL and Redis, all on loopback (scripts/cluster.py, docs/deploy.md).
cluster: install
	$(PY) scripts/cluster.py serve

cluster-test: install
	$(PY) scripts/cluster.py test

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
