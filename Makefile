# vetstation — set up, demo, tests and the one-folder build, on Debian 12 (see README.md).
#
#   make demo          system packages + .venv, a demo station on first run, then the GUI
#   make test          system packages + .venv, then the whole test suite (what .ci/run calls)
#   make build         PyInstaller one-folder build: dist/vetstation/
#   make build-check   the built program starts offscreen, opens its window, runs the CLI
#   make bench         benchmarks on 100 000 people → docs/benchmarks.md (first run: minutes)
#   make translations  refresh resources/translations (.ts → .qm)
#   make clean         remove build output; `make distclean` also removes .venv and demo-home
#
# Every target is idempotent: system packages are installed only when missing (apt-get needs root
# or sudo), and the virtualenv is reinstalled only when pyproject.toml changes.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV ?= .venv
VPY := $(VENV)/bin/python
# Commands run as in an activated venv, so tools the tests call (lint-imports, vetstation) are found.
IN_VENV := PATH="$(abspath $(VENV))/bin:$$PATH" VIRTUAL_ENV="$(abspath $(VENV))"
DEMO_HOME ?= demo-home
DEMO_PEOPLE ?= 2000
PYTEST_ARGS ?=
GUI_ARGS ?=
BENCH_ARGS ?= --people 100000
LOGS := build/logs

# What the tests and Qt (xcb or offscreen) need on a bare Debian 12, plus poppler-utils (PDFs are
# rendered to PNG in the ledger tests), age (the bureau can open a bundle with the standard tool) and
# e2fsprogs (chattr: the read-only-home tests run as root, whom file modes do not stop), and
# postgresql (the tests start a throwaway server: a bureau's master copy in PostgreSQL, docs/postgres.md).
APT_PACKAGES := \
	libglib2.0-0 libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 \
	libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
	poppler-utils age e2fsprogs postgresql

.PHONY: help demo test build build-check bench translations clean distclean system-packages

help:
	@sed -n 's/^#   \(make .*\)/  \1/p' Makefile

# Installs only what is missing, so a prepared machine needs neither root nor the network here.
system-packages:
	@mkdir -p $(LOGS)
	@if ! command -v dpkg-query >/dev/null; then \
		echo "Not a Debian system: install Qt's X11/EGL libraries, poppler-utils and age yourself."; exit 0; \
	fi; \
	missing=""; \
	for p in $(APT_PACKAGES); do \
		status=$$(dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null || true); \
		[ "$$status" = "install ok installed" ] || missing="$$missing $$p"; \
	done; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null; then sudo="sudo"; \
	else echo "Missing system packages:$$missing — run as root or install sudo." >&2; exit 1; fi; \
	echo "Installing system packages:$$missing (log: $(LOGS)/apt.log)"; \
	if ! { $$sudo apt-get update && \
	       $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	     } >$(LOGS)/apt.log 2>&1; then \
		tail -n 40 $(LOGS)/apt.log >&2; echo "apt-get failed; full log in $(LOGS)/apt.log" >&2; exit 1; \
	fi

$(VPY): | system-packages
	$(PYTHON) -m venv $(VENV)

# One stamp per set of extras; each is redone when pyproject.toml changes.
$(VENV)/.installed-app: pyproject.toml | $(VPY)
	$(VPY) -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VPY)
	$(VPY) -m pip install -q -e '.[test]'
	@touch $@

$(VENV)/.installed-build: pyproject.toml | $(VPY)
	$(VPY) -m pip install -q -e '.[build]'
	@touch $@

demo: system-packages $(VENV)/.installed-app
	@if [ ! -e "$(DEMO_HOME)/vetstation.db" ]; then \
		echo "First run: filling $(DEMO_HOME) with a demo station of $(DEMO_PEOPLE) people…"; \
		$(IN_VENV) vetstation --home "$(DEMO_HOME)" demo --people $(DEMO_PEOPLE); \
	fi
	@echo "Demo login: demo / demo1234   (data home: $(DEMO_HOME))"
	$(IN_VENV) vetstation --home "$(DEMO_HOME)" $(GUI_ARGS)

# pytest exits 5 when it collected nothing: that is a broken checkout, not a pass.
# The second run: the suites again with the test homes in PostgreSQL (a bureau's master copy: the models,
# casework, sync, ledgers and the CLI work unchanged on it); SQLite-only tests skip themselves. The GUI suite
# passes there too (`make test PG_SUITES=tests`, +3 min) but is left out to keep CI well under 25 minutes.
PG_SUITES ?= tests/models tests/sync tests/ledgers tests/desktop tests/demo
test: system-packages $(VENV)/.installed-test
	@rc=0; $(IN_VENV) QT_QPA_PLATFORM=offscreen python -m pytest -q $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc = 5 ]; then echo "pytest collected no tests — failing." >&2; exit 1; fi; \
	[ $$rc = 0 ] || exit $$rc; \
	echo "== the same suites with the bureau's data in PostgreSQL (--engine=postgres)"; \
	$(IN_VENV) QT_QPA_PLATFORM=offscreen python -m pytest -q --engine=postgres $(PG_SUITES) $(PYTEST_ARGS)

build: system-packages $(VENV)/.installed-build
	@mkdir -p $(LOGS)
	@start=$$(date +%s); \
	if ! $(IN_VENV) pyinstaller --noconfirm --clean --log-level WARN build.spec >$(LOGS)/pyinstaller.log 2>&1; then \
		tail -n 40 $(LOGS)/pyinstaller.log >&2; echo "PyInstaller failed; full log in $(LOGS)/pyinstaller.log" >&2; exit 1; \
	fi; \
	echo "Built dist/vetstation/ in $$(( $$(date +%s) - start )) s, $$(du -sh dist/vetstation | cut -f1)."

# The frozen-build test skips when dist/ is missing; here a missing build is a failure.
build-check: system-packages $(VENV)/.installed-test $(VENV)/.installed-build
	@$(IN_VENV) VETSTATION_REQUIRE_BUILD=1 QT_QPA_PLATFORM=offscreen python -m pytest -q -p no:cacheprovider tests/desktop/test_frozen_build.py

bench: system-packages $(VENV)/.installed-test
	$(IN_VENV) QT_QPA_PLATFORM=offscreen python -m bench.run_all $(BENCH_ARGS)

translations: system-packages $(VENV)/.installed-app
	$(IN_VENV) python resources/translations/update_translations.py

clean:
	rm -rf build dist .pytest_cache .hypothesis
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(DEMO_HOME)
