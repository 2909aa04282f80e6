# Two commands on a fresh machine: `make demo` (offline demo crawl into out.jsonl) and `make test`;
# `make demo-cluster` shows two workers sharing one crawl on Redis.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo demo-cluster test lint venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m newsroom_scraper.demo --site fixtures/site --output out.jsonl

# Two crawl processes sharing one Redis over the demo newsroom (needs redis-server).
demo-cluster: $(STAMP)
	$(PY) -m newsroom_scraper.distributed.demo --site fixtures/site

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) out.jsonl
