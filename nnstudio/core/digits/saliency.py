"""Saliency: how much each input pixel pushed the winning digit (input times gradient)."""

from __future__ import annotations

import copy

import numpy as np


def input_gradient(network, x: np.ndarray, target: int | None = None) -> tuple[np.ndarray, int]:
    """Gradient of one class score (before softmax) with respect to the input.

    network : any Network: a MultiLayerNet, or a SequentialNet (conv, pool and dense layers).
    x : shape (784,) or (1, 784). target : the class; None means the winning one.
    Returns (gradient of shape (784,), the class used).

    Backpropagation runs through layer objects of its own (a SequentialNet's fresh layers, an
    MLP's shallow copies), so the published network's caches (and gradients) are left untouched.
    """
    x, layers = _input_and_layers(network, x)
    out = x
    for layer in layers:
        out = layer.forward(out)
    k = int(out[0].argmax()) if target is None else int(target)
    dout = np.zeros_like(out)
    dout[0, k] = 1.0
    for layer in reversed(layers):
        dout = layer.backward(dout)
    return dout.reshape(-1), k


def _input_and_layers(network, x) -> tuple[np.ndarray, list]:
    """x shaped as the network's first layer takes it, and layers to backpropagate through."""
    x = np.asarray(x, dtype=getattr(network, "dtype", np.float64))
    input_shape = getattr(network, "input_shape", None)
    if input_shape is not None and hasattr(network, "_make_layers"):  # a SequentialNet: images in
        layers = network._make_layers()  # fresh objects over the shared parameters
        for layer in layers:
            if hasattr(layer, "compute_dx"):
                layer.compute_dx = True  # the first conv skips its input gradient in training
        return x.reshape((1, *input_shape)), layers
    return x.reshape(1, -1), [copy.copy(layer) for layer in network.layers]


def saliency(network, x: np.ndarray, target: int | None = None) -> np.ndarray:
    """Input x gradient of the winning (or `target`) class score: shape (784,), float32.

    Positive where a pixel's ink raised the score, negative where it lowered it; zero where
    there is no ink (input times gradient credits only what is drawn).
    """
    grad, _ = input_gradient(network, x, target)
    return (np.asarray(x, dtype=np.float64).reshape(-1) * grad).astype(np.float32)
