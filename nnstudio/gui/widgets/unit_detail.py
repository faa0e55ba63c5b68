"""One hidden unit up close: incoming weights (28x28), outgoing weights (bars), top test images."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.gui.widgets.heatmap import (AXIS_COLOR, brushes_for, diverging_colormap,
                                          style_plot, symmetric_levels)
from nnstudio.gui.widgets.tile_mosaic import assemble_tiles
from nnstudio.gui.widgets.plot_title import wrap_title
from nnstudio.gui.widgets.retranslate import Retranslatable

CAPTION_GAP = 9  # pixels under each top image for its caption
CAPTION_POINTS = 7
TITLE_SIZE = "9pt"  # three plots share a narrow column: their titles stay short in height


class UnitDetail(Retranslatable, QWidget):
    """Shows one unit; show_unit(...) fills it, clear() goes back to the hint. The names given to
    show_unit (layer, what the next layer's units are) come translated from the owner, which calls
    show_unit again on a change of language."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unit = None
        self.top_images, self.top_image_labels, self.top_values = None, [], []
        self.title = QLabel(self.tr("Click a tile to see one hidden unit up close."))
        self.title.setObjectName("unitDetailTitle")
        self.title.setWordWrap(True)
        # room kept for three wrapped lines (a layout sizes a wrapping label for one line only) in a
        # column wide enough for them beside the mosaic
        self.title.setMinimumHeight(3 * self.title.fontMetrics().lineSpacing() + 4)
        self.setMinimumWidth(290)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")

        self.incoming = self.graphics.addPlot(row=0, col=0, title=self.tr("incoming weights (28×28)"))
        self.incoming_image = pg.ImageItem(axisOrder="row-major")
        self.incoming.addItem(self.incoming_image)
        self._image_plot(self.incoming)
        self.colorbar = pg.ColorBarItem(colorMap=diverging_colormap(), interactive=False, width=10,
                                        pen=AXIS_COLOR)
        self.colorbar.setImageItem(self.incoming_image, insert_in=self.incoming)
        self.colorbar.axis.setTextPen(pg.mkPen(AXIS_COLOR))
        self.colorbar.axis.enableAutoSIPrefix(False)

        self.outgoing = self.graphics.addPlot(row=1, col=0, title=self.tr("outgoing weights"))
        style_plot(self.outgoing)
        self.outgoing.setMenuEnabled(False)
        self.outgoing.hideButtons()
        self.outgoing.setMinimumHeight(110)  # bars and their axis stay readable in a short window
        self.outgoing.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#888888")))
        self.outgoing_bars = pg.BarGraphItem(x=[], height=[], width=0.7, pen=None)
        self.outgoing.addItem(self.outgoing_bars)

        self.top = self.graphics.addPlot(row=2, col=0, title=self.tr("test images that excite it most"))
        self.top_image = pg.ImageItem(axisOrder="row-major")
        self.top.addItem(self.top_image)
        self._image_plot(self.top)
        self.top_labels: list[pg.TextItem] = []
        self.graphics.ci.layout.setRowStretchFactor(0, 4)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.graphics.ci.layout.setRowStretchFactor(2, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.graphics, 1)
        self.graphics.setMinimumHeight(430)  # the panel scrolls below it (150% on a laptop)
        # its room is kept while hidden: a minimum that appeared with the first click did not
        # always reach the panel's scroll area (the plots were cut off instead of scrolling)
        policy = self.graphics.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.graphics.setSizePolicy(policy)
        self.graphics.hide()  # until a unit is chosen only the hint shows
        self.title.setAlignment(Qt.AlignCenter)

    def retranslate(self) -> None:
        """The fixed titles and the hint; a unit on show is redrawn by its owner's show_unit."""
        wrap_title(self.incoming, self.tr("incoming weights (28×28)"), size=TITLE_SIZE)
        if self.unit is None:
            self.title.setText(self.tr("Click a tile to see one hidden unit up close."))
            wrap_title(self.outgoing, self.tr("outgoing weights"), size=TITLE_SIZE)
        self._title_top_images()

    def _title_top_images(self) -> None:
        images = self.top_images
        if images is None or len(images) == 0:
            wrap_title(self.top, self.tr("test images that excite it most (loading…)") if images is None
                       else self.tr("test images that excite it most"), size=TITLE_SIZE)
        else:
            wrap_title(self.top, self.tr("the {n} test images that excite it most (label: activation)").format(
                n=len(images)), size=TITLE_SIZE)

    @staticmethod
    def _image_plot(plot):
        plot.invertY(True)
        plot.setAspectLocked(True)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.titleLabel.setAttr("color", AXIS_COLOR)
        wrap_title(plot, plot.titleLabel.text, size=TITLE_SIZE)

    def show_unit(self, unit: int, incoming, outgoing, out_labels, out_name: str, top_images=None,
                  top_labels=None, top_values=None, layer_name: str | None = None) -> None:
        """incoming : (784,); outgoing : (n_next,); top_images : (k, 784) with labels and activations."""
        self.unit = int(unit)
        self.title.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.graphics.show()
        incoming = np.asarray(incoming, dtype=np.float32)
        layer_name = self.tr("layer 1") if layer_name is None else layer_name
        self.title.setText(self.tr("<b>Hidden unit {unit}</b> of {layer}: red pixels push it up, blue down; the "
                                   "bars show how it votes for each {what}.").format(unit=unit, layer=layer_name,
                                                                                   what=out_name))
        levels = symmetric_levels(incoming)
        self.incoming_image.setImage(incoming.reshape(28, 28), autoLevels=False)
        self.colorbar.setLevels(levels)
        self.incoming.setRange(xRange=(0, 28), yRange=(0, 28), padding=0)

        outgoing = np.asarray(outgoing, dtype=np.float64)
        x = np.arange(len(outgoing))
        self.outgoing_bars.setOpts(x=x, height=outgoing, width=0.7, brushes=brushes_for(outgoing))
        axis = self.outgoing.getAxis("bottom")
        if len(outgoing) <= 20:
            axis.setTicks([[(i, str(label)) for i, label in enumerate(out_labels)]])
        else:
            axis.setTicks(None)
        self.outgoing.setLabel("bottom", out_name, color=AXIS_COLOR)
        wrap_title(self.outgoing, self.tr("outgoing weights to each {what}").format(what=out_name), size=TITLE_SIZE)
        self.outgoing.autoRange()
        self.set_top_images(top_images, top_labels, top_values)

    def set_top_images(self, images, labels, values) -> None:
        """images : (k, 784) in [0, 1]; each tile is captioned with its label and activation."""
        if images is not None and images is self.top_images and values is self.top_values:
            return  # unchanged (live redraws keep the last top images)
        self.top_images, self.top_image_labels, self.top_values = images, labels, values
        if images is None or len(images) == 0:
            self.top_image.clear()
            for item in self.top_labels:
                item.hide()
            self._title_top_images()
            return
        images = np.asarray(images, dtype=np.float32)
        mosaic, (rows, cols) = assemble_tiles(images.T, gap=CAPTION_GAP)
        # black ink on white paper; the gaps between images stay white
        self.top_image.setImage(1.0 - np.nan_to_num(mosaic, nan=0.0), levels=(0.0, 1.0))
        while len(self.top_labels) < len(images):  # captions are made once and reused
            font = QFont()
            font.setPointSize(CAPTION_POINTS)
            text = pg.TextItem("", color=AXIS_COLOR, anchor=(0.5, 0))
            text.setFont(font)
            self.top.addItem(text)
            self.top_labels.append(text)
        for k, text in enumerate(self.top_labels):
            if k >= len(images):
                text.hide()
                continue
            r, c = divmod(k, cols)
            text.setText(f"{labels[k]}: {values[k]:.2f}")
            text.setPos(c * (28 + CAPTION_GAP) + 14, r * (28 + CAPTION_GAP) + 27)
            text.show()
        self._title_top_images()
        self.top.setRange(xRange=(0, mosaic.shape[1]), yRange=(0, mosaic.shape[0] + CAPTION_GAP),
                          padding=0.01)

    def clear(self) -> None:
        self.unit = None
        self.title.setText(self.tr("Click a tile to see one hidden unit up close."))
        self.title.setAlignment(Qt.AlignCenter)
        self.graphics.hide()
        self.incoming_image.clear()
        self.outgoing_bars.setOpts(x=[], height=[])
        self.set_top_images([], [], [])

    def export_png(self, path: str) -> None:
        """The view as a PNG, written atomically (nnstudio.gui.saving); OSError when it cannot be."""
        from pyqtgraph.exporters import ImageExporter

        from nnstudio.gui.saving import save_image

        save_image(ImageExporter(self.graphics.scene()).export(toBytes=True), path)
