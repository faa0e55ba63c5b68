"""One panel per area. PANELS lists them in side-list order: (objectName, title, module, class).

Each panel class takes (context: AppContext, parent=None). A panel may offer
`export_plot()` (File ▸ Export plot… calls it on the visible panel), `shutdown()` (called when
the window closes: stop timers and threads there), `save_settings()` / `restore_settings()`
(called from the main window's closeEvent and __init__, with a bare QSettings) and
`menu_actions()` (the training panel's actions, shown in the Training menu).
Titles and descriptions are translated where shown (context "Panels").
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

PANELS = [
    ("trainingPanel", QT_TRANSLATE_NOOP("Panels", "Training"), "nnstudio.gui.panels.training.panel", "TrainingPanel",
     QT_TRANSLATE_NOOP("Panels", "train a network on MNIST with live loss and accuracy plots")),
    ("weightsPanel", QT_TRANSLATE_NOOP("Panels", "Weights"), "nnstudio.gui.panels.weights.panel", "WeightsPanel",
     QT_TRANSLATE_NOOP("Panels", "first-layer weights as 28x28 tiles, every layer as a heatmap")),
    ("drawingPanel", QT_TRANSLATE_NOOP("Panels", "Drawing pad"), "nnstudio.gui.panels.drawing.panel", "DrawingPanel",
     QT_TRANSLATE_NOOP("Panels", "draw a digit and see what the network thinks")),
    ("descentPanel", QT_TRANSLATE_NOOP("Panels", "Gradient descent"), "nnstudio.gui.panels.descent.panel", "DescentPanel",
     QT_TRANSLATE_NOOP("Panels", "gradient descent on 2D functions with several optimizers")),
    ("conceptsPanel", QT_TRANSLATE_NOOP("Panels", "Concepts"), "nnstudio.gui.panels.concepts.panel", "ConceptsPanel",
     QT_TRANSLATE_NOOP("Panels", "activations, softmax, losses, the forward pass, perceptrons, gradient checks")),
    ("dataPanel", QT_TRANSLATE_NOOP("Panels", "Data"), "nnstudio.gui.panels.data.panel", "DataPanel",
     QT_TRANSLATE_NOOP("Panels", "browse MNIST and evaluate the current model")),
]
