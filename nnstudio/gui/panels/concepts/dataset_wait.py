"""DatasetWait: a Run that asked for MNIST while it was loading runs once it has loaded."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot


class DatasetWait(QObject):
    """Holds a view's Run while the dataset loads off the GUI thread.

    `dataset(status)` returns the loaded dataset, or None after starting its load (and saying so
    in `status`); then `start()` is called again once the dataset has loaded, or `failed(message)`
    and `finished()` when it could not be loaded. `waiting` is True in between; `cancel()` drops
    the Run that waits.
    """

    def __init__(self, context, start, failed, finished, parent=None):
        super().__init__(parent)
        self.context = context
        self.waiting = False
        self._start, self._failed, self._finished = start, failed, finished
        context.dataset_changed.connect(self._on_dataset_changed)
        context.dataset_failed.connect(self._on_dataset_failed)

    def dataset(self, status):
        dataset = self.context.ensure_dataset()
        if dataset is None:  # loading: dataset_changed starts the Run again
            self.waiting = True
            status.setText(self.tr("Loading MNIST…"))
        return dataset

    def cancel(self) -> None:
        self.waiting = False

    @Slot(object)
    def _on_dataset_changed(self, _info):
        if self.waiting:
            self.waiting = False
            self._start()

    @Slot(str)
    def _on_dataset_failed(self, message):
        if self.waiting:
            self.waiting = False
            self._failed(message)
            self._finished()
