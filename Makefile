# Two commands do all the set-up on a fresh machine:
#   make run   -> virtual environment, runtime packages, dashboard on http://localhost:8501
#                 (local_app.py: app.py, every other address of a page sent to the page)
#   make test  -> the same plus test tools, then lint and the whole test suite
#   make serve -> replicas behind nginx on http://127.0.0.1:8080, under supervisord (deploy/README.md)
# The suite's tiers run apart too: make test-fast (unit and page models, the inner loop),
# test-app (AppTest), test-refresh (against a local UNTC stand-in), test-browser (Chromium).
# Packages come from the locks (requirements.lock, requirements-dev.lock: the whole tree, pinned,
# with hashes); make lock remakes them from the human lists requirements.txt and requirements-dev.txt.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
PORT ?= 8501
# make refresh REFRESH_ARGS='--base-url http://127.0.0.1:8000' refreshes from a mirror of UNTC.
REFRESH_ARGS ?=

# make serve: nginx's port, and how many Streamlit replicas (default: one per core), on the
# ports after SERVE_PORT; make build renders their configuration into SERVE_RUN.
SERVE_PORT ?= 8080
REPLICAS ?= $(shell nproc 2>/dev/null || echo 1)
SERVE_RUN ?= .serve/run

# make lock: pip-tools in a virtual environment of its own; hashes from PyPI itself, whatever this
# machine's pip configuration adds (mirrors, local wheels).
LOCK_VENV ?= .venv-lock
PIP_COMPILE = env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null $(LOCK_VENV)/bin/pip-compile --quiet \
	--generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	--index-url=https://pypi.org/simple $(LOCK_ARGS)

.PHONY: run test test-fast test-app test-refresh test-browser test-serve lint lock bench \
	bench-serve build serve image image-test refresh edition clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME): requirements.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(DEV): requirements-dev.lock $(RUNTIME)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

# After editing requirements.txt or requirements-dev.txt. Pins already in a lock are kept; to move
# one: make lock LOCK_ARGS='--upgrade-package NAME' (or LOCK_ARGS=--upgrade for all).
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || ($(PYTHON) -m venv $(LOCK_VENV) \
	  && $(LOCK_VENV)/bin/pip install --quiet pip-tools==7.7.0)
	$(PIP_COMPILE) --output-file=requirements.lock requirements.txt
	$(PIP_COMPILE) --constraint=requirements.lock --output-file=requirements-dev.lock \
	  requirements-dev.txt

run: $(RUNTIME)
	$(PY) -m streamlit run local_app.py --server.port $(PORT) --server.address localhost

# ruff (lint and format), mypy (its files and strictness in pyproject.toml) and the import
# contracts of .importlinter (the house's floors).
lint: $(DEV)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

test: lint
	$(PY) -m pytest

# Each tier is a folder of tests/ (tests/conftest.py marks them).
test-fast: lint
	$(PY) -m pytest tests/unit

test-app: $(DEV)
	$(PY) -m pytest tests/app

test-refresh: $(DEV)
	$(PY) -m pytest tests/refresh

test-browser: $(DEV)
	$(PY) -m pytest tests/browser

test-serve: $(DEV)
	$(PY) -m pytest tests/deploy

bench: $(DEV)
	$(PY) bench/run.py

# Needs nginx (apt-get install nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter).
# build: the precompressed static files, the CSP hashes, and nginx's and supervisord's
# configurations, rendered once (deploy/build.py). serve: supervisord in the foreground runs the
# replicas and nginx; Ctrl-C stops them all.
build: $(RUNTIME)
	$(PY) deploy/build.py --port $(SERVE_PORT) --replicas $(REPLICAS) --run-dir $(SERVE_RUN)

serve: build
	exec $(PY) -m supervisor.supervisord -n -c $(SERVE_RUN)/supervisord.conf

# The container image (deploy/container/), built here from Debian's packages with podman; slow
# (deploy/README.md says how long). image-test starts it in a chroot and asks it for pages.
image:
	deploy/container/build-image.sh

image-test: image
	deploy/container/smoke-test.sh

bench-serve: $(DEV)
	$(PY) bench/serve_bench.py

# The reader's edition of the current snapshot, in a folder any static host serves.
edition: $(RUNTIME)
	rm -rf artifacts/read && $(PY) -m loaders edition --out artifacts/read

refresh: $(RUNTIME)
	$(PY) -m loaders refresh $(REFRESH_ARGS)

clean:
	rm -rf $(VENV) $(LOCK_VENV) .pytest_cache .ruff_cache artifacts .serve
