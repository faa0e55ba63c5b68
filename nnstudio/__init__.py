"""NN Studio: watch a neural network learn, and understand why it does."""

__version__ = "0.1.0"
