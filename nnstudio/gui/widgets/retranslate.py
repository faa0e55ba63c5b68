"""Retranslatable: a widget mixin that sets its texts again when the interface language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslatable:
    """Mix into a QWidget class (`class View(Retranslatable, QWidget)`) and write `retranslate()`,
    which sets every text the widget shows (labels, buttons, tooltips, plot titles and axes; texts
    that depend on state by calling the method that makes them). Call it at the end of __init__;
    Qt's LanguageChange event (View ▸ Language) calls it again. Children get their own event."""

    def retranslate(self) -> None:
        """Set the texts again (a class that shows none of its own leaves it empty)."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
