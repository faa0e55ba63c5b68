"""Shared test helpers (numpy only, so that the core tests can use them without Qt): pad strokes
shaped like digits, in the drawing pad's logical 280x280 canvas, a tiny model that tells them
apart, a saved my-digits set with a way to damage a member of a zip file, and a folder that
refuses the atomic writer's temporaries."""

from __future__ import annotations

import errno
import os
import struct
import zipfile

import numpy as np


def ellipse(cx=140.0, cy=140.0, rx=60.0, ry=90.0, n=120) -> np.ndarray:
    """A closed ellipse (a zero by default), shape (n, 2) of (x, y) points."""
    t = np.linspace(0, 2 * np.pi, n)
    return np.column_stack((cx + rx * np.cos(t), cy + ry * np.sin(t)))


def vertical(x=140.0, y0=40.0, y1=240.0, n=50) -> np.ndarray:
    """A vertical bar (a one by default), shape (n, 2): drawn with many points, like a mouse drag."""
    return np.column_stack((np.full(n, float(x)), np.linspace(y0, y1, n)))


def seven(scale=1.0, dx=0.0, dy=0.0) -> list:
    """A seven with a crossbar: three strokes, scaled then shifted."""
    top = np.array([[60, 50], [200, 50]], float)
    stem = np.array([[200, 50], [150, 150], [110, 250]], float)
    bar = np.array([[120, 150], [190, 150]], float)
    return [s * scale + (dx, dy) for s in (top, stem, bar)]


def tiny_model():
    """A one-layer net whose 'digit 0' score rises on the ellipse's pixels, 'digit 1' on the bar's."""
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.digits.preprocess import strokes_to_input

    zero = strokes_to_input([ellipse()])
    one = strokes_to_input([vertical()])
    W = np.zeros((784, 10), np.float32)
    W[:, 0], W[:, 1] = zero - one, one - zero
    return MultiLayerNet([784, 10], params={"W1": W * 0.2, "b1": np.zeros(10)})


def saved_my_digits():
    """Three of the user's digits saved (3, 1, 4) in my_digits.npz; its path."""
    from nnstudio.core.digits import mydigits

    rng = np.random.default_rng(0)
    for label in (3, 1, 4):
        mydigits.add_my_digit(rng.random(784), label, strokes=[rng.random((5, 2))])
    return mydigits.my_digits_path()


def damage_member(path, member="x.npy"):
    """Overwrite the start of a zip member's deflate stream with a dynamic block whose code lengths
    are over-subscribed: zlib says "invalid code lengths set" when it is read."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    raw = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack("<HH", raw[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    raw[start:start + 4] = bytes([0x05, 0x00, 0x92, 0x04])
    path.write_bytes(bytes(raw))


def refuse_temporaries(monkeypatch):
    """Simulate a read-only folder (chmod does not stop root): creating our temporary is refused."""
    from nnstudio.core import files

    real_open = os.open

    def open_(path, flags, *a, **k):
        if str(path).endswith(".tmp") and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(files.os, "open", open_)


def bundled_mlp_path():
    """The bundled MLP (resources/models/mlp.npz): the default model is a conv net, and tests of
    MLP-only views (tiles, x @ W layouts) need the MLP."""
    from nnstudio.paths import BUNDLED_MODELS

    return BUNDLED_MODELS["mlp"]


def bundled_mlp_info():
    """The bundled MLP as the app's ModelInfo, to make it the current model."""
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.gui.context import ModelInfo

    network, meta = load_model(bundled_mlp_path())
    return ModelInfo(network, "bundled MLP", "file", bundled_mlp_path(), meta)
