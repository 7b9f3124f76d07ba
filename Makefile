# Every target is phony: a folder named `site` must never make `make site` a no-op.
.PHONY: site serve test check generate venv chromium lint clean

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Silence MkDocs' banner about its successor; our note covers Zensical.
export NO_MKDOCS_2_WARNING := 1

# The venv is rebuilt whenever requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(VENV)/.installed

generate: venv
	$(BIN)/python -m generator build

site: generate
	$(BIN)/mkdocs build --strict
	@echo
	@echo "The site is in site/. Preview it with: make serve, then open http://127.0.0.1:8000/"

check: venv
	$(BIN)/python -m generator check

# The generator watches content/ and mkdocs.yml and rewrites only changed pages;
# mkdocs serve sees those pages change and reloads the browser.
serve: generate
	$(BIN)/python -m generator watch & \
	watcher=$$!; trap "kill $$watcher" EXIT INT TERM; \
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# Browser tests need Debian's chromium (Playwright can't download its own here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: venv
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

test: venv chromium lint
	$(BIN)/python -m pytest

clean:
	rm -rf site docs/stretches
