"""Perceptrons (Nielsen ch. 1): one unit as a logic gate, truth tables, and XOR from two layers."""

from __future__ import annotations

import numpy as np

# The four inputs of a two-input gate, in truth-table order.
INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)

# name → (weights (w1, w2), bias): one working choice each; NAND is Nielsen's (-2, -2, 3).
GATES = {
    "AND": ((0.5, 0.5), -0.7),
    "NAND": ((-2.0, -2.0), 3.0),
    "OR": ((0.5, 0.5), -0.2),
}

# name → the wanted output for each row of INPUTS.
TARGETS = {
    "AND": (0, 0, 0, 1),
    "NAND": (1, 1, 1, 0),
    "OR": (0, 1, 1, 1),
    "XOR": (0, 1, 1, 0),
}


def weighted_sum(x, w, b):
    """w·x + b.  x : shape (2,) or (n, 2); w : shape (2,) → scalar or shape (n,)."""
    return np.asarray(x, dtype=float) @ np.asarray(w, dtype=float) + float(b)


def perceptron(x, w, b):
    """1 where w·x + b > 0, else 0 (as int).  x : shape (2,) or (n, 2)."""
    return (weighted_sum(x, w, b) > 0).astype(int)


def gate(name: str, x):
    """Apply one of GATES by name to x : shape (2,) or (n, 2)."""
    w, b = GATES[name]
    return perceptron(x, w, b)


def truth_table(w, b) -> list[tuple[int, int, float, int]]:
    """Rows (x1, x2, w·x + b, output) for the four inputs of a two-input perceptron."""
    sums = weighted_sum(INPUTS, w, b)
    return [(int(x[0]), int(x[1]), float(s), int(s > 0)) for x, s in zip(INPUTS, sums)]


def realises(w, b, target: str) -> bool:
    """True when the perceptron (w, b) gives TARGETS[target] on all four inputs."""
    return tuple(int(v) for v in perceptron(INPUTS, w, b)) == TARGETS[target]


def xor_two_layer(x):
    """XOR as AND(NAND(x), OR(x)): two perceptrons in a hidden layer, one on top.

    x : shape (2,) or (n, 2) → (s1, s2, y) each of shape () or (n,): the hidden outputs and XOR.
    """
    x = np.asarray(x, dtype=float)
    s1, s2 = gate("NAND", x), gate("OR", x)
    y = gate("AND", np.stack([s1, s2], axis=-1))
    return s1, s2, y


def xor_all_nand(x):
    """XOR from four NAND perceptrons (Nielsen's circuit built only from NAND).

    n1 = NAND(x1, x2); n2 = NAND(x1, n1); n3 = NAND(x2, n1); y = NAND(n2, n3).
    x : shape (2,) or (n, 2) → (n1, n2, n3, y).
    """
    x = np.asarray(x, dtype=float)
    x1, x2 = x[..., 0], x[..., 1]
    n1 = gate("NAND", x)
    n2 = gate("NAND", np.stack([x1, n1], axis=-1))
    n3 = gate("NAND", np.stack([x2, n1], axis=-1))
    y = gate("NAND", np.stack([n2, n3], axis=-1))
    return n1, n2, n3, y


def search_single_perceptron(target: str, limit: float = 5.0, steps: int = 21) -> tuple[int, int]:
    """Try every (w1, w2, b) on a grid over [-limit, limit]^3; count those that realise `target`.

    Returns (found, tried).  For XOR `found` is always 0: no straight line separates
    {(0,1), (1,0)} from {(0,0), (1,1)}, so no weights can work, on this grid or any other.
    """
    grid = np.linspace(-limit, limit, steps)
    w1, w2, b = np.meshgrid(grid, grid, grid, indexing="ij")
    params = np.stack([w1.ravel(), w2.ravel(), b.ravel()], axis=1)  # (steps^3, 3)
    sums = INPUTS @ params[:, :2].T + params[:, 2]  # (4, steps^3)
    outputs = (sums > 0).astype(int)
    wanted = np.array(TARGETS[target]).reshape(4, 1)
    found = int(np.sum(np.all(outputs == wanted, axis=0)))
    return found, params.shape[0]


def decision_line(w, b, x1):
    """x2 on the line w1·x1 + w2·x2 + b = 0 for the given x1 values; None when w2 == 0 (vertical)."""
    w1, w2 = float(w[0]), float(w[1])
    if w2 == 0:
        return None
    return -(w1 * np.asarray(x1, dtype=float) + float(b)) / w2
