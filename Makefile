# Two commands do all the set-up on a fresh machine:
#   make run   -> virtual environment, runtime packages, dashboard on http://localhost:8501
#   make test  -> the same plus test tools, then lint and the whole test suite
#   make serve -> replicas behind nginx on http://127.0.0.1:8080, under supervisord (deploy/README.md)
# The suite's tiers run apart too: make test-fast (unit and page models, the inner loop),
# test-app (AppTest), test-refresh (against a local UNTC stand-in), test-browser (Chromium).
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

.PHONY: run test test-fast test-app test-refresh test-browser test-serve lint bench bench-serve \
	build serve image image-test refresh clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(DEV): requirements.txt requirements-dev.txt $(RUNTIME)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(RUNTIME)
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.address localhost

lint: $(DEV)
	$(PY) -m ruff check .

test: lint
	$(PY) -m pytest

test-fast: lint
	$(PY) -m pytest -m "not apptest and not refresh and not browser and not serve" \
		--ignore=tests/browser --ignore=tests/deploy/test_serve.py

test-app: $(DEV)
	$(PY) -m pytest -m apptest

test-refresh: $(DEV)
	$(PY) -m pytest -m refresh

test-browser: $(DEV)
	$(PY) -m pytest tests/browser

test-serve: $(DEV)
	$(PY) -m pytest -m serve

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

refresh: $(RUNTIME)
	$(PY) -m loaders refresh $(REFRESH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts .serve
