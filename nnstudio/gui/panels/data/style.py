"""Colours of the Data panel, taken from the app's colour-blind-safe palette (nnstudio.gui.theme)."""

from nnstudio.gui import theme

TEXT = theme.DARK
AXIS_COLOR = theme.GREY
BAR = theme.BLUE  # counts, per-label accuracy
BAR_FADED = "#a6c8e0"  # counts of the labels the filter hides
BAR_LOW = theme.VERMILLION  # the weakest label
HIST = theme.SKY
MODEL = theme.GREEN
RANDOM = theme.GREY
DARKNESS = theme.ORANGE
CELL_RIGHT = (0, 114, 178)  # confusion matrix diagonal (theme.BLUE), by the share of the row
CELL_WRONG = (213, 94, 0)  # confusion matrix off-diagonal (theme.VERMILLION), by count
CELL_EMPTY = "#fafafa"
GRID_LINE = "#d0d0d0"
SELECTED = theme.DARK
ERROR_TEXT = theme.ERROR_TEXT
MUTED = "#606060"
