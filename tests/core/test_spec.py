"""The architecture language: parsing, canonical text, shapes, and one-line errors naming the layer."""

from __future__ import annotations

import pytest

from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.spec import Conv, Dense, Pool, format_arch, layer_shapes, normalize_arch, param_shapes, parse_arch

REFERENCE = "conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10"


def test_reference_net_parses_with_the_books_shapes():
    layers = parse_arch(REFERENCE, classes=10)
    assert layers == (Conv(16, 5, 5), Pool(2, 2, 2), Conv(32, 5, 5), Pool(2, 2, 2), Dense(128), Dense(10))
    assert layer_shapes(layers) == [(16, 24, 24), (16, 12, 12), (32, 8, 8), (32, 4, 4), (128,), (10,)]
    assert param_shapes(layers) == {"W1": (16, 1, 5, 5), "b1": (16,), "W2": (32, 16, 5, 5), "b2": (32,),
                                    "W3": (512, 128), "b3": (128,), "W4": (128, 10), "b4": (10,)}
    assert format_arch(layers) == REFERENCE


def test_stride_padding_and_spelling_variants_have_one_canonical_text():
    text = normalize_arch("  CONV 16 3 s1 p1 ; pool 2x2 s2\n dense 10")
    assert text == "conv 16 3x3 p1, pool 2, dense 10"
    assert parse_arch(text) == parse_arch("conv 16 3x3 s=1 p=1, pool 2, dense 10")
    layers = parse_arch("conv 4 5x3 s2 p1, pool 3 s2 p1, pool 2x1, dense 10")
    assert layers[0] == Conv(4, 5, 3, 2, 1) and layers[1] == Pool(3, 3, 2, 1) and layers[2] == Pool(2, 1, 2, 0)
    assert parse_arch(format_arch(layers)) == layers
    assert layer_shapes(layers)[0] == (4, 13, 14)  # (28 + 2 - 5)//2 + 1, (28 + 2 - 3)//2 + 1


def test_an_mlp_is_an_architecture_too():
    assert param_shapes(parse_arch("dense 50, dense 10")) == {"W1": (784, 50), "b1": (50,), "W2": (50, 10),
                                                             "b2": (10,)}


@pytest.mark.parametrize("text, message", [
    ("", "empty"),
    ("conv 16 5y5, dense 10", r"layer 1 'conv 16 5y5': write the window as KxK"),
    ("conv 16 5x5", "the last layer must be 'dense N'"),
    ("conv 8 3x3, pool 2", "the last layer must be 'dense N'"),
    ("dense 50, conv 3 3x3, dense 10", r"layer 2 'conv 3 3x3': conv and pool must come before the dense"),
    ("conv 8 29x29, dense 10", r"layer 1 'conv 8 29x29': its 29x29 window does not fit the 28x28 image"),
    ("conv 8 5x5, pool 2, conv 8 5x5, pool 2, conv 8 5x5, dense 10", r"layer 5 .*does not fit the 4x4"),
    ("relu 3, dense 10", "unknown layer 'relu'; use conv, pool or dense"),
    ("conv 8 3x3 q1, dense 10", "unknown option 'q1'"),
    ("conv 8 3x3 s1 s2, dense 10", "'s' given twice"),
    ("conv 8 3x3 s0, dense 10", "the stride must be from 1"),
    ("conv 0 3x3, dense 10", "filters must be from 1"),
    ("conv 2000 3x3, dense 10", "filters must be from 1 to 1,024"),
    ("conv eight 3x3, dense 10", "write 'conv FILTERS KxK"),
    ("conv 8 3x3 p3, dense 10", "padding 3 must be smaller than the filter"),
    ("pool 2 p2, dense 10", "padding 2 must be smaller than the window"),
    ("dense, dense 10", "write 'dense UNITS'"),
    ("dense 0, dense 10", "units must be from 1"),
    ("dense 12", "'dense 12' must have 10 units"),
    ("conv 8 3x3,, dense 10", "layer 2 is empty"),
    (", ".join(["dense 5"] * 65), "at most 64 layers"),
])
def test_errors_are_one_line_naming_the_part(text, message):
    with pytest.raises(UserInputError, match=message) as info:
        parse_arch(text, classes=10)
    assert "\n" not in str(info.value) and str(info.value).startswith("architecture")
