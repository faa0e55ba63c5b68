"""Colours of the Data panel in one place (Okabe-Ito, matching the app's colour-blind-safe palette)."""

TEXT = "#222222"
AXIS_COLOR = "#7f7f7f"
BAR = "#0072B2"  # counts, per-digit accuracy
BAR_LOW = "#D55E00"  # the weakest digit
HIST = "#56B4E9"
MODEL = "#009E73"
RANDOM = "#7f7f7f"
DARKNESS = "#E69F00"
CELL_RIGHT = (0, 114, 178)  # confusion matrix diagonal, by the share of the row
CELL_WRONG = (213, 94, 0)  # confusion matrix off-diagonal, by count
CELL_EMPTY = "#fafafa"
GRID_LINE = "#d0d0d0"
SELECTED = "#222222"
ERROR_TEXT = "#b00020"
MUTED = "#606060"
