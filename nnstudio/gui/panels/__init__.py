"""One panel per area. PANELS lists them in side-list order: (objectName, title, module, class).

Each panel class takes (context: AppContext, parent=None). A panel may offer
`export_plot()` (File ▸ Export plot… calls it on the visible panel), `shutdown()` (called when
the window closes: stop timers and threads there), `save_settings()` / `restore_settings()`
(called from the main window's closeEvent and __init__, with a bare QSettings) and
`menu_actions()` (the training panel's actions, shown in the Training menu).
"""

PANELS = [
    ("trainingPanel", "Training", "nnstudio.gui.panels.training.panel", "TrainingPanel",
     "train a network on MNIST with live loss and accuracy plots"),
    ("weightsPanel", "Weights", "nnstudio.gui.panels.weights.panel", "WeightsPanel",
     "first-layer weights as 28x28 tiles, every layer as a heatmap"),
    ("drawingPanel", "Drawing pad", "nnstudio.gui.panels.drawing.panel", "DrawingPanel",
     "draw a digit and see what the network thinks"),
    ("descentPanel", "Gradient descent", "nnstudio.gui.panels.descent.panel", "DescentPanel",
     "gradient descent on 2D functions with several optimizers"),
    ("conceptsPanel", "Concepts", "nnstudio.gui.panels.concepts.panel", "ConceptsPanel",
     "activations, softmax, losses, the forward pass, perceptrons, gradient checks"),
    ("dataPanel", "Data", "nnstudio.gui.panels.data.panel", "DataPanel",
     "browse MNIST and evaluate the current model"),
]
