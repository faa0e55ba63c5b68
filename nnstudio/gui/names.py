"""What the interface calls core's registry entries (activations, losses, optimizers, weight
initialisations, sampling, presets' descriptions), in the interface language; the keys stay core's.

Core never imports Qt, so its texts are marked for lupdate here (context "Names"), with the very
text core holds: `description(text)` finds a translation by it (tests/gui/test_i18n.py checks
that every preset, initialisation and sampling text core has is marked here).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnstudio.gui.i18n import translate

NAMES = {  # registry key → display name
    "sigmoid": "sigmoid", "relu": "ReLU", "tanh": "tanh", "step": QT_TRANSLATE_NOOP("Names", "step"),
    "leaky_relu": "leaky ReLU", "identity": QT_TRANSLATE_NOOP("Names", "identity"),
    "cross_entropy": QT_TRANSLATE_NOOP("Names", "cross-entropy"),
    "quadratic": QT_TRANSLATE_NOOP("Names", "quadratic (mean squared error)"),
    "sgd": "SGD", "momentum": "Momentum", "nesterov": "Nesterov", "adagrad": "AdaGrad",
    "rmsprop": "RMSprop", "adam": "Adam",
    "std": QT_TRANSLATE_NOOP("Names", "std (fixed)"), "nielsen": "Nielsen", "xavier": "Xavier", "he": "He",
    "replacement": QT_TRANSLATE_NOOP("Names", "with replacement"),
    "shuffle": QT_TRANSLATE_NOOP("Names", "shuffle"),
    "epochs": QT_TRANSLATE_NOOP("Names", "epochs"), "iterations": QT_TRANSLATE_NOOP("Names", "iterations"),
    "custom": QT_TRANSLATE_NOOP("Names", "custom"),
    # presets (nnstudio.core.nn.presets): their names, as the command line's --preset spells them
    "book-twolayer": QT_TRANSLATE_NOOP("Names", "book-twolayer"), "nielsen-ch1": QT_TRANSLATE_NOOP("Names", "nielsen-ch1"),
    "fast": QT_TRANSLATE_NOOP("Names", "fast"), "pad": QT_TRANSLATE_NOOP("Names", "pad"),
    "pad-conv": QT_TRANSLATE_NOOP("Names", "pad-conv"),
    "conv-small": QT_TRANSLATE_NOOP("Names", "conv-small"), "conv-tiny": QT_TRANSLATE_NOOP("Names", "conv-tiny"),
    "conv-99": QT_TRANSLATE_NOOP("Names", "conv-99"),  # (main's, merged after this branch began)
}

DESCRIPTIONS = (  # core's texts, word for word
    # nnstudio.core.nn.presets.PRESETS
    QT_TRANSLATE_NOOP("Names", "Deep Learning from Scratch, ch. 4: 784-50-10 sigmoid, std 0.01, cross-entropy, "
                      "batch 100 drawn with replacement, lr 0.1, 10,000 iterations"),
    QT_TRANSLATE_NOOP("Names", "Neural Networks and Deep Learning, ch. 1: [784, 30, 10] sigmoid, quadratic cost, "
                      "Gaussian init, batch 10 shuffled each epoch, eta 3.0, 30 epochs, on the first 50,000 "
                      "training images (the book keeps the last 10,000 for validation)"),
    QT_TRANSLATE_NOOP("Names", "Modern defaults: 784-256-128-10 ReLU, He init, Adam lr 0.003 halved each epoch, "
                      "batch 128, 6 epochs (98% test accuracy after 3 or 4 epochs)"),
    QT_TRANSLATE_NOOP("Names", "Drawing-pad model: 784-256-128-10 ReLU, He init, Adam lr 0.001 decaying x0.85 each "
                      "epoch, batch 128, 15 epochs of MNIST plus 60,000 synthetic pad-style digits (crossbar "
                      "sevens, hooked nines, flagged ones...), every mini-batch randomly distorted"),
    QT_TRANSLATE_NOOP("Names", "Drawing-pad model (the default): conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, "
                      "dense 10, ReLU, He init, Adam lr 0.001 decaying x0.7 each epoch, batch 128, 6 epochs of MNIST "
                      "plus 60,000 synthetic pad-style digits, every mini-batch randomly distorted"),
    QT_TRANSLATE_NOOP("Names", "Convolutional: conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10, ReLU, "
                      "He init, Adam lr 0.001, batch 128, 3 epochs (98.7% test accuracy, under a minute an epoch)"),
    QT_TRANSLATE_NOOP("Names", "Convolutional, to 99%: conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10, "
                      "ReLU, He init, Adam lr 0.002 x0.75 each epoch, batch 128, 8 epochs (99.2-99.3% test accuracy; "
                      "about 2 minutes of one core's time, evaluations included)"),
    QT_TRANSLATE_NOOP("Names", "A quick convolutional run: conv 8 3x3, pool 2, dense 10, ReLU, He init, Adam lr "
                      "0.003, batch 64, one epoch of the first 5,000 training images"),
    # nnstudio.core.nn.network.INITS
    QT_TRANSLATE_NOOP("Names", "fixed standard deviation (the book's 0.01), zero biases"),
    QT_TRANSLATE_NOOP("Names", "Gaussian, std 1/sqrt(fan-in), Gaussian biases (Nielsen)"),
    QT_TRANSLATE_NOOP("Names", "Xavier/Glorot: std sqrt(2/(fan-in + fan-out)), zero biases"),
    QT_TRANSLATE_NOOP("Names", "He: std sqrt(2/fan-in), zero biases (for ReLU)"),
    # nnstudio.core.nn.config.SAMPLING
    QT_TRANSLATE_NOOP("Names", "each mini-batch drawn at random with replacement (the book)"),
    QT_TRANSLATE_NOOP("Names", "shuffle once per epoch, then walk through it in mini-batches (Nielsen)"),
    # nnstudio.core.playground.surfaces.SURFACES (names and notes) and calculus.FUNCTIONS_1D (labels)
    QT_TRANSLATE_NOOP("Names", "Bowl x0² + x1² (the book's)"),
    QT_TRANSLATE_NOOP("Names", "The book's example: from (−3, 4) with lr 0.1, 100 steps end at about (0, 0)."),
    QT_TRANSLATE_NOOP("Names", 'Elongated bowl x0²/20 + x1²'),
    QT_TRANSLATE_NOOP("Names", "Steep along x₁, flat along x₀: the gradient rarely points at the minimum, so SGD zig-zags (the book's optimizer comparison, from (−7, 2))."),
    QT_TRANSLATE_NOOP("Names", 'Saddle x0² − x1²'),
    QT_TRANSLATE_NOOP("Names", 'No minimum: the gradient vanishes at the origin, a saddle point. Starting exactly on the x₀ axis, descent stalls there; a hair off it, it slides away along x₁.'),
    QT_TRANSLATE_NOOP("Names", "Rosenbrock's valley"),
    QT_TRANSLATE_NOOP("Names", 'Finding the valley is easy, following its flat curved floor to (1, 1) is slow.'),
    QT_TRANSLATE_NOOP("Names", 'Himmelblau (four minima)'),
    QT_TRANSLATE_NOOP("Names", 'Four minima with f = 0: which one you reach depends on where you start.'),
    QT_TRANSLATE_NOOP("Names", 'Beale'),
    QT_TRANSLATE_NOOP("Names", 'Flat plateaus and steep walls (f spans five orders of magnitude in this view); the minimum is at (3, 0.5).'),
    QT_TRANSLATE_NOOP("Names", "f(x) = 0.01x² + 0.1x (the book's)"),
    QT_TRANSLATE_NOOP("Names", 'f(x) = sin x'),
    QT_TRANSLATE_NOOP("Names", 'f(x) = eˣ'),
    QT_TRANSLATE_NOOP("Names", 'f(x) = x³'),
)


def name(key: str) -> str:
    """The display name of a registry key (the key itself when it has none)."""
    return translate("Names", NAMES.get(key, key))


def description(text: str) -> str:
    """One of core's descriptions in the interface language (as it is when untranslated)."""
    return translate("Names", text)
