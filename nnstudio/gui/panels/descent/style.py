"""Colours, labels and the background colour map of the gradient-descent playground, in one place."""

from __future__ import annotations

import numpy as np

from nnstudio.gui import theme

# One Okabe-Ito colour per optimizer (OPTIMIZERS' names), readable on the light background map.
OPTIMIZER_COLORS = {
    "sgd": theme.VERMILLION,
    "momentum": theme.BLUE,
    "nesterov": theme.SKY,
    "adagrad": theme.GREEN,
    "rmsprop": theme.PURPLE,
    "adam": theme.ORANGE,
}
OPTIMIZER_LABELS = {"sgd": "SGD", "momentum": "Momentum", "nesterov": "Nesterov", "adagrad": "AdaGrad",
                    "rmsprop": "RMSprop", "adam": "Adam"}

CONTOUR_PEN = (40, 40, 40, 110)
ARROW_PEN = (30, 30, 30, 190)
DIFFER_BRUSH = (200, 0, 32, 200)
START_COLOR = theme.DARK
MINIMUM_COLOR = "#ffffff"
ERROR_TEXT = theme.ERROR_TEXT
NOTE_TEXT = "#555555"
PLOT_BACKGROUND = "w"
AXIS_COLOR = "#404040"


def background_lut(n: int = 256) -> np.ndarray:
    """A light viridis (mixed halfway to white): (n, 4) uint8 RGBA, low values dark, high light.

    Light enough that coloured trajectories and dark arrows stay visible on top.
    """
    import pyqtgraph as pg

    lut = pg.colormap.get("viridis").getLookupTable(nPts=n, alpha=False).astype(float)
    lut = 255 - (255 - lut) * 0.5
    rgba = np.empty((n, 4), np.uint8)
    rgba[:, :3] = np.clip(lut, 0, 255).astype(np.uint8)
    rgba[:, 3] = 255
    return rgba


def colorize(values01: np.ndarray, lut: np.ndarray) -> np.ndarray:
    """[0, 1] values (NaN = undefined) to an RGBA image; NaN pixels are transparent.

    values01 : shape (ny, nx), row j is x1 = ys[j]. Returns shape (nx, ny, 4) for ImageItem
    (pyqtgraph's default axis order is column-major: image[x, y]).
    """
    v = np.asarray(values01, float).T
    ok = np.isfinite(v)
    idx = np.zeros(v.shape, np.intp)
    idx[ok] = np.clip((v[ok] * (len(lut) - 1)).round(), 0, len(lut) - 1).astype(np.intp)
    out = lut[idx]
    out[~ok] = (0, 0, 0, 0)
    return np.ascontiguousarray(out)


def style_plot(plot) -> None:
    """Dark axes on the white background, without touching pyqtgraph's global configuration."""
    import pyqtgraph as pg

    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(AXIS_COLOR))
        axis.setTextPen(pg.mkPen(AXIS_COLOR))


def rename_item(plot, item, name: str) -> None:
    """Give `item` of `plot` a new name in the legend (after a change of language)."""
    item.opts["name"] = name
    legend = plot.legend
    if legend is not None:
        for sample, label in legend.items:
            if sample.item is item:
                label.setText(name)
