# Every target is phony: a folder named `site` must never make `make site` a no-op.
.PHONY: site serve serve-prod test test-fast check figures generate venv vendor chromium nginx lighthouse lint clean zensical-canary bench pdfs

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

# The browser libraries the site ships (package.json pins them, package-lock.json holds their
# checksums); the generator copies them from node_modules/ into docs/vendor/. npm comes with
# Node.js; Debian's package is installed when it is missing, as chromium is below.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's npm for the site's browser libraries"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

vendor: node_modules/.installed

generate: venv vendor
	$(BIN)/python -m generator build

# `mkdocs build --strict`; a large library is built as several MkDocs builds side by side,
# one per core, merged into the same site/ one build makes (generator/site/parallel_build.py).
site: generate
	$(BIN)/python -m generator.site.parallel_build
	@echo
	@echo "The site is in site/. Preview it with: make serve, then open http://127.0.0.1:8000/"

check: venv
	$(BIN)/python -m generator check

# One page of every stretch's figures beside its steps, to look at: figures-review.html.
figures: venv
	$(BIN)/python -m generator figures

# Optional, after the site: every stretch page as a one-page PDF and the whole library as a
# booklet, printed by headless Chromium into site/pdf/; each stretch page then links its PDF.
pdfs: site chromium
	$(BIN)/python -m generator.site.pdfs

# The generator watches content/ and mkdocs.yml and rewrites only changed pages;
# mkdocs serve sees those pages change and reloads the browser. --dirty rebuilds only the
# pages whose Markdown changed (the generator rewrites every page that shows the edit): at
# 1,000 stretches a save shows in about 2 s instead of 13 (see bench/results.md).
serve: generate
	$(BIN)/python -m generator watch & \
	watcher=$$!; trap "kill $$watcher" EXIT INT TERM; \
	$(BIN)/mkdocs serve --livereload --dirty --dev-addr 127.0.0.1:8000

# The built site behind the project's nginx configuration (deploy/nginx.conf), as published.
PORT ?= 8080
serve-prod: site nginx
	$(BIN)/python -m generator.site.nginx --port $(PORT) site

# The server tests and `make serve-prod` run Debian's nginx.
nginx:
	@test -x /usr/sbin/nginx || { \
	  echo "Installing Debian's nginx for make serve-prod and the server tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }

# Browser tests need Debian's chromium (Playwright can't download its own here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: venv
	$(BIN)/ruff check generator tests bench support
	$(BIN)/ruff format --check generator tests bench support
	$(BIN)/mypy

# Zensical canary: Zensical, in a venv of its own, builds a copy of the generated tree; the
# result is printed and never fails `make test` (not even when Zensical can't be installed).
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/.installed: requirements-zensical.txt
	rm -rf $(ZENSICAL_VENV)
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

zensical-canary: venv
	@$(MAKE) -s --no-print-directory $(ZENSICAL_VENV)/.installed || echo "Zensical could not be installed"
	@$(BIN)/python -m tests.zensical_canary $(ZENSICAL_VENV)/bin/zensical || true

test: venv vendor chromium nginx lint zensical-canary
	$(BIN)/python -m pytest -m "not lighthouse"
	@echo
	@echo "== Lighthouse audit: every kind of page, 3 runs each (slow; alone: make lighthouse) =="
	@$(MAKE) --no-print-directory lighthouse

lighthouse: venv chromium nginx node_modules/.installed
	$(BIN)/python -m pytest -m lighthouse tests/test_lighthouse.py

# The inner loop: every test that neither starts Chromium nor builds with MkDocs (seconds).
test-fast: venv vendor
	$(BIN)/python -m pytest -m "not browser and not site and not lighthouse" -q

# Synthetic libraries of 100, 1,000 and 10,000 stretches, timed stage by stage; writes
# bench/results.md. Quick look: make bench BENCH_SIZES=100,1000 BENCH_RUNS=1
bench: venv chromium
	$(BIN)/python -m bench.run

clean:
	rm -rf site docs/stretches .site.new-* .site.parts-* .site.old-* node_modules
