# Two commands on a fresh machine: `make run` opens the app, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-slow bench screenshots model clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m nnstudio bench --all

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m nnstudio.gui.screenshots resources/screenshots

model: $(STAMP)
	$(PY) -m nnstudio train --preset pad-conv --threads 1 --save resources/models/default.npz
	$(PY) -m nnstudio train --preset pad --threads 1 --save resources/models/mlp.npz

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
