"""The Weights panel: first-layer tiles, every layer's matrix and histogram, and activations."""

from __future__ import annotations

import time
from functools import partial

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Slot
from PySide6.QtWidgets import (QLabel, QMessageBox, QStackedWidget, QTabWidget,
                               QVBoxLayout, QWidget)

from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.sequential import build_network
from nnstudio.gui.i18n import translate
from nnstudio.gui.names import name as display_name
from nnstudio.gui.network_text import model_name, network_shape
from nnstudio.gui.panels.weights.activations import ActivationsView
from nnstudio.gui.panels.weights.feature_maps import FeatureMapsView
from nnstudio.gui.panels.weights.filters import ConvFiltersView
from nnstudio.gui.panels.weights.first import FirstLayerView
from nnstudio.gui.panels.weights.layers import LayersView, layer_names
from nnstudio.gui.saving import export_plot, write_plot
from nnstudio.gui.widgets.retranslate import Retranslatable

NPY_FILTER = QT_TRANSLATE_NOOP("WeightsPanel", "First-layer weights as a NumPy array (*.npy)")

MIN_INTERVAL = 0.2  # seconds between redraws: at most 5 a second, whatever arrives
TOP_REFRESH = 1.0  # seconds between recomputing a unit's top test images while training
FIRST, LAYERS, ACTIVATIONS, FEATURES = range(4)
# what the histograms' "at initialisation" stands for (initial_note), filled when shown
NOTES = {"reset": QT_TRANSLATE_NOOP("WeightsPanel", "this freshly reset model"),
         "snapshot": QT_TRANSLATE_NOOP("WeightsPanel", "the run's first snapshot, iteration {iteration}"),
         "sample": QT_TRANSLATE_NOOP("WeightsPanel", "a sample of the '{init}' initialisation")}


class WeightsPanel(Retranslatable, QWidget):
    """Shows context.model, and live weight snapshots while training; redraws only when visible."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.params = None  # the weights on show: a model's params or a snapshot's (never mutated)
        self.initial = None  # the reference the histograms draw behind
        self._note = None  # (NOTES key, fields) of initial_note
        self.activation = "sigmoid"
        self.activation_assumed = False  # live snapshots that do not name their activation
        self.model_name = ""
        self.iteration = None
        self.dirty: set[int] = set()
        self._run_initial = None  # the first snapshot of the current run: its "initial" weights
        self._run_initial_note = None  # (NOTES key, fields)
        self._await_first_snapshot = False
        self._network = None
        self._last_draw = float("-inf")
        self._last_top = float("-inf")
        self._test_cache = None
        self.config = None  # the shown network's config() when known (a model, a conv run's snapshot)

        self.header = QLabel()
        self.header.setObjectName("weightsHeader")
        self.header.setWordWrap(True)  # a conv net's layers make a long line
        self.first = FirstLayerView(self.test_data)
        self.filters = ConvFiltersView()  # the first tab for a conv model
        self.filters.setObjectName("convFilters")
        self.first_stack = QStackedWidget()
        self.first_stack.addWidget(self.first)
        self.first_stack.addWidget(self.filters)
        self.layers = LayersView()
        self.activations = ActivationsView(self.test_data)
        self.features = FeatureMapsView(self.test_data)
        self.features.setObjectName("featureMaps")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("weightsTabs")
        for page in (self.first_stack, self.layers, self.activations, self.features):
            self.tabs.addTab(page, "")
        self.tabs.setTabVisible(FEATURES, False)  # conv models only
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.header)
        content_layout.addWidget(self.tabs, 1)
        self.empty = QLabel()
        self.empty.setObjectName("weightsEmpty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer)
        # not tabs.currentChanged: QTabWidget emits it while being destroyed, into a dying panel
        for view in (self.first, self.filters, self.layers, self.activations, self.features):
            view.shown.connect(self._on_view_shown)
        context.model_changed.connect(self._on_model_changed)
        context.weights_snapshot.connect(self._on_snapshot)
        context.training_state_changed.connect(self._on_training_state)
        context.drawing_changed.connect(self._on_drawing_changed)
        context.dataset_changed.connect(self._on_dataset_changed)
        self.activations.drawing = context.drawing
        self.features.drawing = context.drawing
        if context.model is not None:
            self._on_model_changed(context.model)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText("<h3>" + self.tr("No model yet") + "</h3><p>" + self.tr(
            "Train a model on the <b>Training</b> panel or open one (<b>File ▸ Open model…</b>) to see "
            "its weights here.") + "</p>")
        self.tabs.setTabText(LAYERS, self.tr("All layers"))
        self.tabs.setTabText(ACTIVATIONS, self.tr("Activations"))
        self.tabs.setTabText(FEATURES, self.tr("Feature maps"))
        self.tabs.setTabToolTip(FEATURES, self.tr("What each conv and pool layer makes of the drawn digit or a "
                                                  "test image: its feature maps and a histogram of their values."))
        self.tabs.setTabToolTip(LAYERS, self.tr("Any layer's weight matrix, biases, and weight histogram "
                                                "against the initialisation."))
        self.tabs.setTabToolTip(ACTIVATIONS, self.tr("What every layer computes for the drawn digit or a "
                                                     "test image."))
        self._first_tab_texts()
        if self.params is not None:  # (each view says its own texts again, the layers' note included)
            self._update_header()

    def _first_tab_texts(self) -> None:
        if self.conv:
            self.tabs.setTabText(FIRST, self.tr("First-layer filters"))
            self.tabs.setTabToolTip(FIRST, self.tr("Each tile: one filter of the first convolution, the weights it "
                                                   "slides over the image."))
        else:
            self.tabs.setTabText(FIRST, self.tr("First layer (tiles)"))
            self.tabs.setTabToolTip(FIRST, self.tr("Each tile: the 784 weights into one first-layer unit, as a "
                                                   "28x28 image. Click a tile for that unit's details."))

    @property
    def initial_note(self) -> str:
        """What the histograms' reference is, in the interface language ('' when none)."""
        return note_text(self._note)

    # ------------------------------------------------------------------ data
    def test_data(self):
        """(x_test, t_test) of the current dataset, or None when it cannot be loaded."""
        if self._test_cache is None:
            dataset = self.context.ensure_dataset()  # never loads here: dataset_changed redraws
            if dataset is None:
                return None
            self._test_cache = dataset.data[1]
        return self._test_cache

    @property
    def conv(self) -> bool:
        """The weights on show are a conv net's (its first layer holds filters)."""
        return self.params is not None and np.ndim(self.params["W1"]) == 4

    def network(self):
        """A network with the weights on show (built once per set of weights, for activations)."""
        if self._network is None:
            model = self.context.model
            if model is not None and model.network.params is self.params:
                self._network = model.network
            elif self.config is not None:
                config = dict(self.config, activation=self.activation)
                self._network = build_network(config, params=self.params)
            else:
                sizes = [self.params["W1"].shape[0]] + [self.params[k].shape[1]
                                                        for k in layer_names(self.params)]
                self._network = MultiLayerNet(sizes, activation=self.activation, params=self.params)
        return self._network

    def show_params(self, params: dict, iteration=None) -> None:
        """Put weights on show and schedule a redraw (what models and snapshots both do)."""
        self.params, self.iteration, self._network = params, iteration, None
        self.stack.setCurrentIndex(1)
        conv = self.conv
        self.first_stack.setCurrentIndex(1 if conv else 0)
        self._first_tab_texts()
        if not conv and self.tabs.currentIndex() == FEATURES:
            self.tabs.setCurrentIndex(ACTIVATIONS)
        self.tabs.setTabVisible(FEATURES, conv)
        self.dirty = {FIRST, LAYERS, ACTIVATIONS, FEATURES}
        if self.isVisible():
            self._update_header()
        self.schedule()

    # ------------------------------------------------------------------ redraw
    def schedule(self) -> None:
        """Redraw soon: now if the last redraw is MIN_INTERVAL old, else when it will be."""
        if not self.isVisible() or self.timer.isActive():
            return  # hidden: stays dirty and redraws on show; busy: the timer takes the latest
        wait = MIN_INTERVAL - (time.monotonic() - self._last_draw)
        if wait <= 0:
            self.redraw()
        else:
            self.timer.start(max(1, int(wait * 1000)))

    def redraw(self) -> None:
        """Draw the visible tab if its view is out of date."""
        self._last_draw = time.monotonic()
        tab = self.tabs.currentIndex()
        if self.params is None or tab not in self.dirty:
            return
        self.dirty.discard(tab)
        live = self.iteration is not None
        self._update_header()
        if tab == FIRST and self.conv:
            self.filters.set_params(self.params)
        elif tab == FIRST:
            refresh_top = not live or time.monotonic() - self._last_top >= TOP_REFRESH
            if refresh_top:
                self._last_top = time.monotonic()
            self.first.set_params(self.params, self.activation, refresh_top=refresh_top)
        elif tab == LAYERS:
            self.layers.set_params(self.params, self.initial, partial(note_text, self._note))
        elif tab == FEATURES:
            if self.conv:
                self.features.set_network(self.network())
        else:
            self.activations.set_network(self.network())

    def _update_header(self):
        if self.conv:
            arch = network_shape(self.network())
        else:
            sizes = [self.params["W1"].shape[0]] + [self.params[k].shape[1] for k in layer_names(self.params)]
            arch = "-".join(str(s) for s in sizes)
        when = (self.tr("live, iteration {iteration}").format(iteration=self.iteration)
                if self.iteration is not None else model_name(self.model_name))
        act = display_name(self.activation)
        if self.activation_assumed:
            act = self.tr("{activation}, assumed").format(activation=act)
        self.header.setText(f"<b>{arch}</b> " + self.tr("network ({activation}) · {when}").format(
            activation=act, when=when))
        self.header.setToolTip(self.tr("Weight snapshots do not say which activation the run uses: the "
                                       "current model's is assumed until the run ends.")
                               if self.activation_assumed else "")

    def showEvent(self, event):
        super().showEvent(event)
        if self.dirty:
            self.schedule()

    # ------------------------------------------------------------------ context
    @Slot(object)
    def _on_model_changed(self, info):
        if info is None:
            self.params = None
            self.stack.setCurrentIndex(0)
            return
        net = info.network
        self.activation, self.model_name = net.activation, info.name
        self.config = net.config()
        self.activation_assumed = False
        if info.source == "reset":
            self.initial, self._note = net.params, ("reset", {})
        elif (info.source == "trained" and self._run_initial is not None
              and _same_shapes(self._run_initial, net.params)):
            self.initial, self._note = self._run_initial, self._run_initial_note
        else:
            seed = _seed(info.meta)
            sample = build_network(net.config(), rng=seed)
            self.initial = sample.params
            self._note = ("sample", {"init": net.init})
        self.show_params(net.params)
        self._network = net

    @Slot(object)
    def _on_snapshot(self, snapshot):
        params = snapshot.params
        self.config = getattr(snapshot, "config", None)
        named = snapshot.activation
        if named:
            self.activation, self.activation_assumed = named, False
        else:
            self.activation_assumed = True
        if self._await_first_snapshot or self._run_initial is None or \
                not _same_shapes(self._run_initial, params):
            self._run_initial, self._await_first_snapshot = params, False
            self._run_initial_note = ("snapshot", {"iteration": snapshot.iteration})
            self.initial, self._note = params, self._run_initial_note
        self.show_params(params, snapshot.iteration)

    @Slot(bool)
    def _on_training_state(self, running):
        if running:
            self._await_first_snapshot = True
        elif self.params is not None and self.iteration is not None:
            # A run that became the current model arrived through model_changed already; one that
            # did not (diverged, at chance) leaves the current model, so that is what is shown.
            self._on_model_changed(self.context.model)

    @Slot(object)
    def _on_drawing_changed(self, x):
        self.activations.drawing = x
        if self.activations.from_drawing.isChecked():
            self.dirty.add(ACTIVATIONS)
            self.schedule()
        self.features.drawing = x
        if self.conv:
            self.dirty.add(FEATURES)
            self.schedule()

    @Slot(object)
    def _on_dataset_changed(self, _info):
        self._test_cache = None
        self.dirty = {FIRST, LAYERS, ACTIVATIONS, FEATURES}
        self.schedule()

    @Slot()
    def _on_view_shown(self):
        tabs = getattr(self, "tabs", None)
        if tabs is None:  # a page shown while the panel is torn down (its Python side gone)
            return
        if tabs.currentIndex() in self.dirty:
            self.redraw()

    @Slot()
    def _on_timer(self):
        self.redraw()

    # ------------------------------------------------------------------ export, shutdown
    def export_plot(self):
        """Ask for a file and export the visible view (PNG; the tiles also as .npy of W1)."""
        if self.params is None:
            QMessageBox.information(self, self.tr("Export plot"), self.tr("There is no model to export yet."))
            return None
        extra = {translate("WeightsPanel", NPY_FILTER): (".npy", self.export_to)} if self.tabs.currentIndex() == FIRST else None
        self.redraw()
        return export_plot(self, self.tabs.currentWidget(), "weights", self._export_views(), extra)

    def _export_views(self) -> list:
        tab = self.tabs.currentIndex()
        if tab == FIRST:
            if self.conv:
                return self.filters.export_views()
            return [self.first.mosaic.graphics, self.first.detail.graphics]
        if tab == FEATURES:
            return self.features.export_views()
        return self.layers.export_views() if tab == LAYERS else self.activations.export_views()

    def export_to(self, path: str) -> None:
        """Write the visible view (PNG, SVG or CSV by the extension), or W1 as .npy when the path ends in .npy."""
        self.redraw()
        if path.endswith(".npy") and self.conv:  # the filters, shape (FN, C, FH, FW)
            from nnstudio.core.files import atomic_write

            with atomic_write(path, "wb") as f:
                np.save(f, np.asarray(self.params["W1"]))
        elif path.endswith(".npy"):
            self.first.mosaic.export_npy(path)
        else:
            write_plot(path, self.tabs.currentWidget(), self._export_views())

    @Slot()
    def shutdown(self):
        self.timer.stop()


def note_text(note) -> str:
    """A (NOTES key, fields) note in the interface language ('' for None)."""
    if note is None:
        return ""
    key, fields = note
    if "init" in fields:  # a registry key ("he") → its display name ("He")
        fields = dict(fields, init=display_name(fields["init"]))
    return translate("WeightsPanel", NOTES[key]).format(**fields)


def _same_shapes(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(np.shape(a[k]) == np.shape(b[k]) for k in a)


def _seed(meta: dict) -> int:
    """The run's seed if the model file recorded one (top level or in its config), else 0."""
    for source in (meta, meta.get("config") if isinstance(meta.get("config"), dict) else {}):
        seed = source.get("seed") if isinstance(source, dict) else None
        if isinstance(seed, int):
            return seed
    return 0
