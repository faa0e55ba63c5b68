# Two commands on a fresh machine: `make run` opens the app, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-slow bench screenshots translations model clean

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

# (a throwaway data folder: the shots' runs stay out of the user's run history)
screenshots: $(STAMP)
	export NNSTUDIO_DATA_DIR=$$(mktemp -d) && \
	QT_QPA_PLATFORM=offscreen $(PY) -m nnstudio.gui.screenshots resources/screenshots && \
	QT_QPA_PLATFORM=offscreen $(PY) -m nnstudio.gui.screenshots resources/screenshots/zh_CN --language zh_CN; \
	status=$$?; rm -rf "$$NNSTUDIO_DATA_DIR"; exit $$status

# The Chinese interface: every self.tr()/translate()/QT_TRANSLATE_NOOP text of the GUI into the .ts
# (no line numbers: fewer merge conflicts; vanished texts dropped), then the .qm the app loads.
TS := resources/i18n/nnstudio_zh_CN.ts
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete -target-language zh_CN nnstudio/gui -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

model: $(STAMP)
	$(PY) -m nnstudio train --preset pad-conv --threads 1 --save resources/models/default.npz
	$(PY) -m nnstudio train --preset pad --threads 1 --save resources/models/mlp.npz

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
