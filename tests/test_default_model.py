"""The bundled default model: loads, reads MNIST (>= 98.5 %) and the proxy pen digits (>= 93 %, each >= 75 %)."""

import numpy as np
import pytest

from nnstudio.core.digits import handwriting
from nnstudio.core.digits.data import load_mnist
from nnstudio.core.nn.serialization import load_model
from nnstudio.paths import default_model_path


@pytest.fixture(scope="module")
def bundled():
    path = default_model_path()
    assert path.is_file(), f"the default model is missing: {path}"
    return load_model(path)


def test_bundled_model_is_small_float32_and_says_how_it_was_made(bundled):
    net, meta = bundled
    assert default_model_path().stat().st_size < 5_000_000
    assert net.sizes[0] == 784 and net.sizes[-1] == 10
    assert all(v.dtype == np.float32 for v in net.params.values())
    assert meta, "meta should record the training settings"
    text = repr(meta)
    assert "augment" in text and "synthetic" in text


def test_mnist_test_accuracy(bundled):
    net, _ = bundled
    _, (x_test, t_test) = load_mnist()
    assert net.accuracy(x_test, t_test) >= 0.985


def test_proxy_handwriting_accuracy_overall_and_per_digit(bundled):
    net, _ = bundled
    acc, per_digit = handwriting.evaluate(net)  # 1,000 pen digits, about a second to generate
    assert acc >= 0.93, f"proxy accuracy {acc:.3f}"
    assert per_digit.min() >= 0.75, f"per digit {np.round(per_digit, 2).tolist()}"


def test_simple_strokes_read_right(bundled):
    net, _ = bundled
    from nnstudio.core.digits.preprocess import strokes_to_input

    one = [np.array([[140.0, 40.0], [140.0, 240.0]])]
    angle = np.linspace(0, 2 * np.pi, 60)
    zero = [np.column_stack([140 + 60 * np.cos(angle), 140 + 100 * np.sin(angle)])]
    seven = [np.array([[80.0, 40.0], [200.0, 40.0], [120.0, 240.0]]),
             np.array([[100.0, 140.0], [190.0, 140.0]])]  # with a crossbar
    x = np.stack([strokes_to_input(s, 280) for s in (one, zero, seven)])
    assert net.predict_labels(x).tolist() == [1, 0, 7]
