"""A scroll area for one panel: the panel fills the window, and scrolls only below its minimum size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PanelScroll(QScrollArea):
    """Shows `panel` at the size of the visible area, never below the panel's minimum size.

    A plain QScrollArea with widgetResizable also honours height-for-width layouts (the drawing
    pad is square), so a panel that fits would still scroll; here scroll bars appear only on a
    screen smaller than the panel needs (a 1024x768 projector, a large interface size).
    """

    def __init__(self, panel: QWidget, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.NoFrame)
        self.setWidgetResizable(False)
        self.setWidget(panel)
        panel.installEventFilter(self)

    def fitted_size(self) -> QSize:
        """The panel's size for the current visible area."""
        panel, avail = self.widget(), self.maximumViewportSize()
        least = panel.minimumSizeHint().expandedTo(panel.minimumSize())
        width, height = max(avail.width(), least.width()), max(avail.height(), least.height())
        if width > avail.width():  # a horizontal scroll bar takes room from the height
            height = max(avail.height() - self.horizontalScrollBar().sizeHint().height(), least.height())
        if height > avail.height():  # and a vertical one from the width
            width = max(avail.width() - self.verticalScrollBar().sizeHint().width(), least.width())
        return QSize(width, height)

    def _fit(self) -> None:
        size = self.fitted_size()
        if self.widget().size() != size:
            self.widget().resize(size)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.LayoutRequest:
            self._fit()  # the panel's minimum size may have changed
        return super().eventFilter(watched, event)
