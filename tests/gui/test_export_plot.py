"""File ▸ Export plot…: PNG at twice the resolution, SVG and CSV of the plotted data, the plot alone,
the exact name typed, a confirmation in the status bar (nnstudio/gui/saving.py's export_plot)."""

import csv
import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from nnstudio.gui import saving
from nnstudio.gui.panels.concepts.panel import ConceptsPanel


@pytest.fixture
def concepts(make_explorer, qtbot):
    panel = make_explorer(ConceptsPanel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def answer(monkeypatch, path, chosen):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: asked.append(filters.split(";;")) or (str(path), chosen))
    return asked


def test_offers_png_svg_and_csv(concepts, tmp_path, monkeypatch):
    asked = answer(monkeypatch, tmp_path / "a.png", saving.PNG)
    concepts.export_plot()
    assert asked == [[saving.PNG, saving.SVG, saving.CSV]]


def test_png_is_the_plots_alone_at_twice_the_resolution(concepts, tmp_path, monkeypatch):
    concepts.show_explorer("gradcheck")  # a table above the plot: not part of the export
    explorer = concepts.explorers["gradcheck"]
    answer(monkeypatch, tmp_path / "g.png", saving.PNG)
    assert concepts.export_plot() == str(tmp_path / "g.png")
    image = QImage(str(tmp_path / "g.png"))
    view = explorer.plot.viewport()
    assert (image.width(), image.height()) == (2 * view.width(), 2 * view.height())


def test_svg_is_a_valid_drawing(concepts, tmp_path, monkeypatch):
    concepts.show_explorer("softmax")
    answer(monkeypatch, tmp_path / "s", saving.SVG)
    assert concepts.export_plot() == str(tmp_path / "s.svg")  # no extension typed: the filter's
    root = ET.parse(tmp_path / "s.svg").getroot()
    assert root.tag.endswith("svg") and len(root.findall("{http://www.w3.org/2000/svg}svg")) == 2  # two plots


def test_csv_holds_the_plotted_numbers(concepts, tmp_path, monkeypatch):
    concepts.show_explorer("losses")
    losses = concepts.explorers["losses"]
    answer(monkeypatch, tmp_path / "losses.csv", saving.CSV)
    concepts.export_plot()
    rows = list(csv.reader(io.StringIO((tmp_path / "losses.csv").read_text())))
    header, body = rows[0], rows[1:]
    assert len({h.split()[0] for h in header}) == 2  # both plots, columns headed by plot
    columns = [[float(r[i]) for r in body if i < len(r) and r[i]] for i in range(len(header))]
    assert any(len(c) == 10 and np.allclose(c, losses.prediction()) for c in columns)  # the bars' heights
    assert any(len(c) == 10 and np.allclose(c, np.arange(10)) for c in columns)  # and their classes


def test_the_name_typed_is_the_name_written(concepts, tmp_path, monkeypatch):
    answer(monkeypatch, tmp_path / "figure.v2", saving.SVG)  # an extension of the user's own
    assert concepts.export_plot() == str(tmp_path / "figure.v2")
    assert (tmp_path / "figure.v2").read_text().lstrip().startswith("<?xml")  # the chosen format
    answer(monkeypatch, tmp_path / "plot.PNG", saving.CSV)  # a known extension wins over the filter
    assert concepts.export_plot() == str(tmp_path / "plot.PNG")
    assert not QImage(str(tmp_path / "plot.PNG")).isNull()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "settings") == ["figure.v2", "plot.PNG"]


def test_main_window_confirms_in_the_status_bar(main_window, tmp_path, monkeypatch):
    names = list(main_window.panels)
    for name in ("conceptsPanel", "dataPanel", "weightsPanel", "trainingPanel"):
        main_window.show()
        main_window.side_list.setCurrentRow(names.index(name))
        target = tmp_path / f"{name}.svg"
        answer(monkeypatch, target, saving.SVG)
        main_window.export_plot_action.trigger()
        assert target.read_text().lstrip().startswith("<?xml"), name
        assert main_window.statusBar().currentMessage() == f"Plot exported to {target}"
