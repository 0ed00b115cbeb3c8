# talkhead_nb: every target sets up .venv when it is missing, and is safe to run again.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.talkhead-setup
# pip's global config here points at two local index folders that do not exist; hide that noise only.
QUIET_PIP := grep -v "is ignored: it is neither a file nor a directory" || true

.PHONY: setup demo test lab bench docs sync clean remeasure lock hooks

setup: $(STAMP)

$(STAMP): requirements-lock.txt settings.ini setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing pinned dependencies (requirements-lock.txt) into $(VENV) ..."
	$(BIN)/python -m pip install -q -r requirements-lock.txt 2>&1 | { $(QUIET_PIP); }
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e . 2>&1 | { $(QUIET_PIP); }
	$(BIN)/python -m pip check
	$(BIN)/python -c "from talkhead_nb.compat import install_import_hook; print('import hook:', install_import_hook())"
	@$(MAKE) --no-print-directory hooks
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  echo "installing Debian's chromium (the docs test renders the site in it) ..." && apt-get install -y -q chromium >/dev/null 2>&1; } || \
	  echo "note: chromium is not installed; the docs browser test will be skipped"
	@touch $(STAMP)

# nbdev's git hooks (notebook merge driver, Jupyter save hooks) and a pre-commit hook that cleans staged notebooks.
hooks:
	@if [ -d .git ]; then \
	  $(BIN)/nbdev_install_hooks >/dev/null && \
	  printf '#!/bin/sh\n# installed by make setup: clean staged notebooks (outputs, metadata) before they are committed\nfiles=$$(git diff --cached --name-only --diff-filter=ACM -- "*.ipynb")\nfor f in $$files; do $(CURDIR)/$(BIN)/nbdev_clean --fname "$$f" || exit 1; git add "$$f"; done\n' > .git/hooks/pre-commit && \
	  chmod +x .git/hooks/pre-commit && echo "git hooks: nbdev merge driver + notebook cleaning on commit"; fi

# Re-resolve the exact lock from the current .venv (every transitive package, as pip freeze lists it).
lock: setup
	$(BIN)/python scripts/lock.py

demo: setup
	$(BIN)/talkhead demo --out outputs

test: setup
	$(BIN)/python scripts/run_tests.py

sync: setup
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean && $(BIN)/nbdev_clean --fname index.ipynb && $(BIN)/python scripts/readme.py

# After shipping a new tiny G (scripts/train_sg3_tiny.py --ship): re-measure everything that reads it, with the
# settings the committed numbers were taken with (about 40 minutes on a 2-core CPU). Then review the notebooks' prose.
remeasure: setup
	$(BIN)/python scripts/eval_inversion.py --steps 50 --ship
	$(BIN)/python scripts/discover_channels.py --n 32 --steps 60 --w-lpips 0 --threshold 0.7 --t-fg 0.06 --t-bg 0.05 --reproject --ship
	$(BIN)/python scripts/v2s_benchmark.py --ship

lab: setup
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root,)

bench: setup
	@for f in bench/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

docs: setup
	$(BIN)/python scripts/docs.py

clean:
	rm -rf _docs _proc outputs .pytest_cache
