"""What a user reads in a widget tree (labels, buttons, actions, menus, tooltips, tabs, combo items,
table headers, explainers, plot titles, axis labels, legends, texts in plots), and the English
words left in it: the check behind tests/gui/test_i18n.py's "no English under zh_CN"."""

from __future__ import annotations

import re

# Names, symbols and formulas that stay as they are in the Chinese interface (glossary.md says why).
ALLOWED_PHRASES = ("NN Studio", "mini-batch", "one-hot", "Fashion-MNIST", "Qt for Python", "arg-max",
                   "Creative Commons", "numerical_gradient", "loss = cross_entropy_error", "col2im",
                   "cross_entropy_error", "net.W", ".safetensors", ".py", ".onnx", "Ctrl+Z")
ALLOWED_WORDS = {
    # proper names: data sets, software, people, optimizers, initialisations, gates
    "MNIST", "PyTorch", "NumPy", "Python", "PySide", "pyqtgraph", "Qt", "PNG", "SVG", "CSV", "JSON", "MB",
    "JPEG", "ONNX", "Esc",
    "SGD", "Adam", "AdaGrad", "RMSprop", "Momentum", "Nesterov", "Xavier", "Glorot", "He", "Nielsen", "Saito",
    "Yann", "LeCun", "Corinna", "Cortes", "Christopher", "Burges", "Michael", "CC", "BY", "SA",
    "NAND", "AND", "OR", "XOR", "English", "simpleNet",
    # functions and formulas, as the books write them
    "sigmoid", "tanh", "ReLU", "Leaky", "leaky", "softmax", "exp", "log", "max", "min", "sqrt", "inf", "nan",
    "logit", "logits", "epoch", "dW", "conv", "pool", "dense", "Max",
    "sin", "cos", "tan", "arctan", "abs", "pi",  # a typed formula's functions
    "Rosenbrock", "Himmelblau", "Beale",  # test functions named after their authors
    # key names, as the keyboard has them
    "Ctrl", "Esc",
}
TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&[a-zA-Z]+;|&#\d+;")
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The words of `text` that are English (two letters or more, not allowed above)."""
    text = ENTITY.sub(" ", TAG.sub(" ", text or ""))
    text = re.sub(r"\(&[A-Za-z]\)", "", text)  # a mnemonic: "文件(&F)"
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    return [w for w in WORD.findall(text) if w not in ALLOWED_WORDS]


def _excluded(widget, skip) -> bool:
    w = widget
    while w is not None:
        if w.objectName() in skip:
            return True
        w = w.parentWidget()
    return False


def _plot_texts(view) -> list[tuple[str, str]]:
    import pyqtgraph as pg

    out = []
    if view.scene() is None:
        return out
    for item in view.scene().items():
        if isinstance(item, pg.PlotItem) and item.titleLabel.isVisible():
            out.append(("plot title", item.titleLabel.text))
        elif isinstance(item, pg.AxisItem) and item.isVisible() and item.label.isVisible():
            out.append(("axis label", item.labelText))
        elif isinstance(item, pg.LegendItem):
            out += [("legend", label.text) for _sample, label in item.items]
        elif isinstance(item, pg.TextItem) and item.isVisible():  # (an InfiniteLine's label too)
            out.append(("plot text", item.toPlainText()))
    return out


def visible_texts(root, skip=()) -> list[tuple[str, str, str]]:
    """(where, kind, text) of everything `root` and its children show, except in the subtrees whose
    objectName is in `skip` (and their menus' actions)."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QGroupBox, QLabel,
                                   QListWidget, QMenu, QTableWidget, QTabWidget, QTextBrowser, QWidget)

    out = []
    widgets = [root] + root.findChildren(QWidget)
    for w in widgets:
        if _excluded(w, skip):
            continue
        where = f"{type(w).__name__} {w.objectName()!r}"
        texts = [("tooltip", w.toolTip())]
        if isinstance(w, QLabel):
            texts.append(("label", w.text()))
        if isinstance(w, QAbstractButton):
            texts.append(("button", w.text()))
        if isinstance(w, QGroupBox):
            texts.append(("group", w.title()))
        if isinstance(w, QTabWidget):
            texts += [("tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QComboBox):
            texts += [("combo item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractSpinBox):
            texts.append(("special value", getattr(w, "specialValueText", lambda: "")()))
        if isinstance(w, QTableWidget):
            texts += [("header", w.horizontalHeaderItem(c).text()) for c in range(w.columnCount())
                      if w.horizontalHeaderItem(c) is not None]
        if isinstance(w, QListWidget):
            texts += [("list item", w.item(r).text()) for r in range(w.count())]
            texts += [("list tooltip", w.item(r).toolTip()) for r in range(w.count())]
        if isinstance(w, QTextBrowser):
            texts.append(("text", w.toPlainText()))
        if isinstance(w, QMenu):
            texts.append(("menu", w.title()))
        if isinstance(w, pg.GraphicsView):
            texts += _plot_texts(w)
        for action in w.actions():
            menus = [m for m in action.associatedObjects() if isinstance(m, QMenu)]
            if any(_excluded(m, skip) for m in menus) or (action.menu() is not None and _excluded(action.menu(), skip)):
                continue
            texts += [("action", action.text()), ("action tooltip", action.toolTip())]
        out += [(where, kind, text) for kind, text in texts if text]
    return out


def english_left(root, skip=()) -> list[str]:
    """One line per text that still has English words in it."""
    return [f"{where} {kind}: {text!r} ({', '.join(words)})" for where, kind, text in visible_texts(root, skip)
            if (words := english_words(text))]
