# Upright: `make run` starts the whole product, `make test` checks it. Both set up
# everything they need on a fresh machine (a virtualenv, pinned packages, the PWA build).
SHELL := /bin/bash
PORT ?= 8000
HOST ?= 127.0.0.1
UV_VERSION := 0.13.9
UV := .tools/bin/uv
PY := .venv/bin/python
export UV_PYTHON_DOWNLOADS := never
export PATH := $(CURDIR)/.venv/bin:$(PATH)

.PHONY: run test lint format pytest unit pwa pwa-test chromium bench venv clean messages translations

venv: .venv/.synced

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python python3 --quiet
	touch $@

# The PWA is built when its sources change; without Node the API still runs.
PWA_SOURCES := $(shell find frontend_pwa -path frontend_pwa/node_modules -prune -o -path frontend_pwa/dist -prune -o -type f -print 2>/dev/null)
ifneq ($(wildcard frontend_pwa/package-lock.json),)
pwa: frontend_pwa/dist/.built
pwa-test: frontend_pwa/node_modules/.installed
	cd frontend_pwa && npm run typecheck --silent && npm run lint:i18n --silent && npm test --silent
else
pwa pwa-test:
	@echo "frontend_pwa has no package-lock.json yet: nothing to build"
endif

frontend_pwa/node_modules/.installed: frontend_pwa/package-lock.json
	cd frontend_pwa && npm ci --no-audit --no-fund --loglevel=error
	touch $@

frontend_pwa/dist/.built: frontend_pwa/node_modules/.installed .venv/.synced $(PWA_SOURCES)
	cd frontend_pwa && npm run build --silent
	# .gz and .br next to each file: WhiteNoise serves them to browsers that accept them.
	$(PY) -m whitenoise.compress frontend_pwa/dist
	touch $@

# Translations: locale/<lang>/LC_MESSAGES/django.po are the sources (committed); the .mo
# files are build output, compiled again whenever a .po changes.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
I18N_IGNORE := --ignore .venv --ignore .tools --ignore frontend_pwa --ignore var --ignore tests --ignore bench

translations: $(MO_FILES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | .venv/.synced
	$(PY) manage.py compilemessages --locale $* $(I18N_IGNORE) --verbosity 0

# Adds new strings of the code to the Spanish and German catalogues (then translate them).
messages: venv
	$(PY) manage.py makemessages --locale es --locale de --no-wrap $(I18N_IGNORE)

run: venv pwa translations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_library
	$(PY) manage.py load_measure_wording --library
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py seed_demo $(if $(DEMO_PASSWORD),--password "$(DEMO_PASSWORD)")
	@echo
	@echo "  Upright is starting on http://$(HOST):$(PORT)/  (API docs: /api/docs/, admin: /admin/)"
	@echo "  Sign in with the demo accounts above. Stop with Ctrl-C."
	@echo
	HOST=$(HOST) PORT=$(PORT) .venv/bin/honcho start -f Procfile

lint: venv $(if $(wildcard frontend_pwa/package-lock.json),frontend_pwa/node_modules/.installed)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy .
	# A model change without its migration fails here, not in production.
	$(PY) manage.py makemigrations --check --dry-run --verbosity 0
	$(PY) scripts/check_translations.py
	# Hard-coded user-facing text in the PWA, stale or incomplete catalogues (frontend_pwa/README.md).
	cd frontend_pwa && npm run lint:i18n --silent
	# The PWA's API types against the server's schema: fails when src/api/schema.d.ts is stale
	# (run `npm run api:types` in frontend_pwa); `make pwa-test` then type-checks the PWA with it.
	cd frontend_pwa && npm run lint:api-types --silent
	# Import contracts (pyproject.toml [tool.importlinter]): layers inside and between apps.
	.venv/bin/lint-imports --no-logo

format: venv
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

# Tests use their own var/ so a running `make run` is never disturbed.
# End-to-end tests drive Debian's Chromium; it is installed here when missing.
chromium:
	@bash scripts/ensure-chromium.sh

# The suite in two runs. First the pure-logic, API and database tests, spread over
# PYTEST_WORKERS processes (pytest-xdist, a file per process at a time; each process has a
# test database, var/ folder and Redis database of its own: backend/settings.py). Then,
# one at a time, the tests that need the machine to themselves: the real Celery workers
# (one broker, network namespaces), the fault tests (they stop servers) and the browser
# (one Chromium against live servers). Exit status 5 is "nothing selected" (PYTEST_ARGS
# that pick tests of one run only).
PYTEST_WORKERS ?= 2
SERIAL_TESTS := worker or faults or e2e
pytest: venv pwa chromium translations
	VAR_DIR=$(CURDIR)/var/test .venv/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile \
	  -m "not ($(SERIAL_TESTS))" $(PYTEST_ARGS) || [ $$? -eq 5 ]
	VAR_DIR=$(CURDIR)/var/test .venv/bin/pytest -m "$(SERIAL_TESTS)" $(PYTEST_ARGS) \
	  || [ $$? -eq 5 ]

# The pure-logic tests alone (the `unit` kind, tests/conftest.py), in seconds: no PWA build,
# no browser, no database. `make pytest` runs them too, with everything else.
unit: venv
	VAR_DIR=$(CURDIR)/var/test .venv/bin/pytest -m unit $(PYTEST_ARGS)

test: lint pwa-test pytest

bench: venv
	.venv/bin/python -m bench

# List endpoints and beat tasks at two data sizes (needs DATABASE_URL=postgres://...).
.PHONY: bench-scale
bench-scale: venv
	.venv/bin/python -m bench scale

# Lighthouse (mobile) on the built PWA; needs Chromium (`make chromium`).
.PHONY: lighthouse
lighthouse: venv pwa chromium
	bash scripts/lighthouse.sh

# The load test alone (200 simulated patients, 60 s; `make bench` runs it too).
.PHONY: load
load: venv
	.venv/bin/python -m bench load

clean:
	rm -rf var/test .mypy_cache .ruff_cache .import_linter_cache frontend_pwa/dist

# Every pose of the library and of the clinics' own exercises on one labelled sheet, for
# clinical review: var/poses/contact-sheet.svg and .png (PNG through Debian's Chromium).
.PHONY: poses
poses: venv chromium
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py render_poses
