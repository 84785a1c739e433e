# Career Copilot: `make run` installs, builds, migrates and serves; `make test` runs every test tier.
SHELL := /bin/bash
.DEFAULT_GOAL := help

ROOT := $(CURDIR)
VENV := $(ROOT)/.venv
BIN := $(VENV)/bin
STAMPS := $(ROOT)/.make
# uv from PATH, else the one pip puts beside python3 (installed from PyPI on first use).
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := python3 -m uv
endif
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PROJECT_ENVIRONMENT := $(VENV)

FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/public -type f 2>/dev/null) \
	frontend/package-lock.json frontend/tsconfig.json frontend/tsconfig.app.json

.PHONY: help install bytecode run test lint bench loadtest eval client check-client serve migrate demo test-backend test-frontend browser-deps format clean

help:
	@echo "make run     install, build the frontend, migrate and serve on http://$(HOST):$(PORT)"
	@echo "make test    lint, then every test tier (backend on SQLite + PostgreSQL, browser, frontend)"
	@echo "make bench   print benchmark figures as JSON"
	@echo "make loadtest  200 users against 2 web processes on PostgreSQL + Redis, 1,000,000 postings (JSON)"
	@echo "make lint | make client (regenerate the TypeScript API client) | make clean"

# ---- install ---------------------------------------------------------------------------------------------
$(STAMPS):
	@mkdir -p $(STAMPS)

$(STAMPS)/python: backend/pyproject.toml backend/uv.lock | $(STAMPS)
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv \
		|| python3 -m pip install --quiet --user --break-system-packages uv
	$(UV) sync --frozen --project backend --quiet
	@touch $@

$(STAMPS)/npm: frontend/package.json frontend/package-lock.json | $(STAMPS)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: $(STAMPS)/npm $(FRONTEND_SRC)
	cd frontend && npm run --silent build
	@touch $@

# Bytecode for the app's modules, refreshed for files that changed (~0.1 s when none did). Python writes it itself
# unless PYTHONDONTWRITEBYTECODE is set (as on CI machines); without it every start compiles ~250 modules (~0.4 s).
bytecode: $(STAMPS)/python
	@$(BIN)/python -m compileall -q -j 0 backend/app >/dev/null

install: $(STAMPS)/python $(STAMPS)/npm frontend/dist/index.html bytecode

# ---- run -------------------------------------------------------------------------------------------------
migrate: $(STAMPS)/python
	@$(BIN)/copilot migrate

run: install migrate
	$(BIN)/copilot serve --host $(HOST) --port $(PORT)

demo: migrate
	$(BIN)/copilot demo

# ---- generated client ------------------------------------------------------------------------------------
client: $(STAMPS)/python $(STAMPS)/npm
	@COPILOT_DATA_DIR=$$(mktemp -d) $(BIN)/copilot openapi > frontend/openapi.json
	@cd frontend && npm run --silent gen:client
	@echo "regenerated frontend/openapi.json and frontend/src/client/schema.d.ts"

check-client: $(STAMPS)/python $(STAMPS)/npm
	@tmp=$$(mktemp -d); COPILOT_DATA_DIR=$$tmp $(BIN)/copilot openapi > $$tmp/openapi.json; \
	cd frontend && npx --no-install openapi-typescript $$tmp/openapi.json -o $$tmp/schema.d.ts >/dev/null 2>&1; \
	if ! diff -q $$tmp/openapi.json openapi.json >/dev/null || ! diff -q $$tmp/schema.d.ts src/client/schema.d.ts >/dev/null; then \
		echo "The committed TypeScript API client is out of date with the backend. Run 'make client' and commit."; \
		diff -u openapi.json $$tmp/openapi.json | head -40; exit 1; fi; \
	echo "API client is up to date"

# ---- quality ---------------------------------------------------------------------------------------------
lint: $(STAMPS)/python $(STAMPS)/npm
	cd backend && $(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy app copilot_bench && $(BIN)/python scripts/check_imports.py && $(BIN)/python scripts/check_sizes.py
	cd frontend && npm run --silent typecheck && npm run --silent lint

format: $(STAMPS)/python
	cd backend && $(BIN)/ruff format . && $(BIN)/ruff check --fix .

# Debian's chromium for the browser tests (Playwright cannot download browsers here) and poppler-utils, whose
# pdftotext reads exported PDFs back as an ATS would. Root installs them; elsewhere those tests are skipped and say
# so, except with CI=true where they fail.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing Debian chromium and poppler-utils for the browser and export tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null; \
		else echo "chromium or pdftotext not found and not root: browser and PDF round-trip tests will be skipped"; fi; \
	fi

# pytest-xdist: one worker per CPU (TEST_WORKERS=1 runs in series). Each worker makes its own PostgreSQL and SQLite
# databases and uses its own Redis database (tests/conftest.py).
TEST_WORKERS ?= auto
test-backend: $(STAMPS)/python frontend/dist/index.html browser-deps bytecode
	cd backend && $(BIN)/pytest -n $(TEST_WORKERS)

test-frontend: $(STAMPS)/npm
	cd frontend && npm test --silent

test: lint check-client test-frontend test-backend

bench: $(STAMPS)/python
	@$(BIN)/copilot bench

# Needs PostgreSQL and Redis (LOADTEST_DATABASE_URL, LOADTEST_REDIS_URL; default 127.0.0.1). The dataset is made once
# and cached. LOADTEST_USERS / _POSTINGS / _SECONDS / _RAMP override the defaults (200, 1000000, 120, 30).
loadtest: $(STAMPS)/python
	@$(BIN)/copilot loadtest --users $${LOADTEST_USERS:-200} --postings $${LOADTEST_POSTINGS:-1000000} \
		--seconds $${LOADTEST_SECONDS:-120} --ramp $${LOADTEST_RAMP:-30}

# Offline skill extractor, resume structure and match score against the labelled dev sets in ../shared/data/eval
# (skipped with a message without them).
eval: $(STAMPS)/python
	@$(BIN)/python backend/scripts/eval_skills.py --shared "$(CURDIR)/../shared"
	@$(BIN)/python backend/scripts/eval_structure.py --shared "$(CURDIR)/../shared"
	@$(BIN)/python backend/scripts/eval_match.py --shared "$(CURDIR)/../shared"

clean:
	rm -rf $(STAMPS) frontend/dist .venv frontend/node_modules
