"""Convolution, Pooling, Flatten, im2col/col2im: derivatives against the numerical gradient (float64),
against the book's loops, adjointness, no hidden mutation, dtypes and shape errors."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.conv import (ConvShapeError, Convolution, Flatten, Pooling, col2im, im2col,
                                   output_size)
from nnstudio.core.nn.gradient import numerical_gradient

RTOL, ATOL = 1e-6, 1e-8


# The book's im2col/col2im (common/util.py), loops over filter offsets, as the reference.
def book_im2col(x, fh, fw, stride=1, pad=0):
    n, c, h, w = x.shape
    oh, ow = (h + 2 * pad - fh) // stride + 1, (w + 2 * pad - fw) // stride + 1
    img = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((n, c, fh, fw, oh, ow), dtype=x.dtype)
    for y in range(fh):
        y_max = y + stride * oh
        for xx in range(fw):
            x_max = xx + stride * ow
            col[:, :, y, xx, :, :] = img[:, :, y:y_max:stride, xx:x_max:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(n * oh * ow, -1)


def book_col2im(col, input_shape, fh, fw, stride=1, pad=0):
    n, c, h, w = input_shape
    oh, ow = (h + 2 * pad - fh) // stride + 1, (w + 2 * pad - fw) // stride + 1
    col = col.reshape(n, oh, ow, c, fh, fw).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1), dtype=col.dtype)
    for y in range(fh):
        y_max = y + stride * oh
        for xx in range(fw):
            x_max = xx + stride * ow
            img[:, :, y:y_max:stride, xx:x_max:stride] += col[:, :, y, xx, :, :]
    return img[:, :, pad:h + pad, pad:w + pad]


def naive_conv(x, W, b, stride, pad):
    """Direct loops over output pixels: the definition."""
    n, c, h, w = x.shape
    fn, _, fh, fw = W.shape
    oh, ow = (h + 2 * pad - fh) // stride + 1, (w + 2 * pad - fw) // stride + 1
    xp = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    out = np.zeros((n, fn, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = xp[:, :, i * stride:i * stride + fh, j * stride:j * stride + fw]
            out[:, :, i, j] = np.tensordot(patch, W, axes=([1, 2, 3], [1, 2, 3])) + b
    return out


def naive_maxpool(x, ph, pw, stride, pad):
    n, c, h, w = x.shape
    oh, ow = (h + 2 * pad - ph) // stride + 1, (w + 2 * pad - pw) // stride + 1
    xp = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], constant_values=-np.inf)
    out = np.empty((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = xp[:, :, i * stride:i * stride + ph, j * stride:j * stride + pw].max(axis=(2, 3))
    return out


SHAPES = [  # (x shape, filter (fh, fw), stride, pad)
    ((2, 3, 7, 5), (3, 3), 1, 0),
    ((2, 3, 7, 5), (3, 3), 2, 0),
    ((2, 3, 7, 5), (3, 3), 1, 2),
    ((2, 3, 7, 5), (3, 3), 2, 2),
    ((3, 2, 6, 8), (2, 4), 2, 1),
    ((1, 1, 5, 5), (5, 5), 1, 0),
    ((2, 4, 9, 6), (1, 1), 1, 0),
]


@pytest.mark.parametrize("shape,f,stride,pad", SHAPES)
def test_im2col_and_col2im_match_the_book(shape, f, stride, pad):
    rng = np.random.default_rng(0)
    x = rng.normal(size=shape)
    col = im2col(x, *f, stride, pad)
    assert_allclose(col, book_im2col(x, *f, stride, pad), rtol=0, atol=0)
    y = rng.normal(size=col.shape)
    assert_allclose(col2im(y, shape, *f, stride, pad), book_col2im(y, shape, *f, stride, pad), rtol=1e-12, atol=1e-12)
    out = np.empty_like(col)
    assert im2col(x, *f, stride, pad, out=out) is out
    assert_allclose(out, col, rtol=0, atol=0)


@pytest.mark.parametrize("seed", range(8))
def test_im2col_and_col2im_match_the_book_on_random_shapes(seed):
    rng = np.random.default_rng(100 + seed)
    n, c = rng.integers(1, 4, 2)
    h, w = rng.integers(2, 11, 2)
    fh, fw = rng.integers(1, min(h, w) + 1, 2)
    stride, pad = int(rng.integers(1, 4)), int(rng.integers(0, 3))
    x = rng.normal(size=(n, c, h, w))
    col = im2col(x, fh, fw, stride, pad)
    assert_allclose(col, book_im2col(x, fh, fw, stride, pad), rtol=0, atol=0)
    y = rng.normal(size=col.shape)
    assert_allclose(col2im(y, x.shape, fh, fw, stride, pad), book_col2im(y, x.shape, fh, fw, stride, pad),
                    rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("seed", range(6))
def test_col2im_is_the_adjoint_of_im2col(seed):
    rng = np.random.default_rng(seed)
    n, c = rng.integers(1, 4, 2)
    h, w = rng.integers(3, 10, 2)
    fh, fw = rng.integers(1, min(h, w) + 1, 2)
    stride, pad = int(rng.integers(1, 4)), int(rng.integers(0, 3))
    x = rng.normal(size=(n, c, h, w))
    col = im2col(x, fh, fw, stride, pad)
    y = rng.normal(size=col.shape)
    assert np.vdot(col, y) == pytest.approx(np.vdot(x, col2im(y, x.shape, fh, fw, stride, pad)), rel=1e-12)


CONV_CASES = [  # (x shape, W shape, stride, pad)
    ((2, 3, 7, 5), (4, 3, 3, 3), 1, 0),
    ((2, 3, 7, 5), (4, 3, 3, 3), 2, 0),
    ((2, 3, 7, 5), (4, 3, 3, 3), 1, 2),
    ((2, 3, 7, 5), (2, 3, 3, 3), 2, 2),
    ((3, 2, 6, 6), (3, 2, 2, 4), 3, 1),
    ((2, 1, 8, 8), (5, 1, 5, 5), 1, 0),
    ((2, 5, 7, 6), (3, 5, 3, 2), 2, 1),
]


@pytest.mark.parametrize("xs,ws,stride,pad", CONV_CASES)
def test_convolution_forward_matches_the_definition(xs, ws, stride, pad):
    rng = np.random.default_rng(4)
    x, W, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[0])
    out = Convolution(W, b, stride, pad).forward(x)
    assert_allclose(out, naive_conv(x, W, b, stride, pad), rtol=1e-12, atol=1e-12)
    assert out.shape == (xs[0], ws[0], *output_size(xs[2], xs[3], ws[2], ws[3], stride, pad))


@pytest.mark.parametrize("xs,ws,stride,pad", CONV_CASES)
def test_convolution_backward_matches_numerical_gradient(xs, ws, stride, pad):
    rng = np.random.default_rng(5)
    x, W, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[0])
    layer = Convolution(W, b, stride, pad)
    out = layer.forward(x)
    weights = rng.normal(size=out.shape)  # f = Σ weights·conv(x): dout = weights
    x0, W0, b0, w0 = x.copy(), W.copy(), b.copy(), weights.copy()
    dx = layer.backward(weights)

    def f(_):
        return float(np.sum(weights * Convolution(W, b, stride, pad).forward(x)))

    assert_allclose(dx, numerical_gradient(f, x), rtol=RTOL, atol=ATOL)
    assert_allclose(layer.dW, numerical_gradient(f, W), rtol=RTOL, atol=ATOL)
    assert_allclose(layer.db, numerical_gradient(f, b), rtol=RTOL, atol=ATOL)
    assert layer.dW.shape == W.shape and layer.db.shape == b.shape
    for a, a0 in ((x, x0), (W, W0), (b, b0), (weights, w0)):  # nothing written into the inputs
        assert np.array_equal(a, a0)


def test_convolution_keeps_parameters_by_reference_and_reuses_after_updates():
    rng = np.random.default_rng(6)
    W, b = rng.normal(size=(2, 3, 3, 3)), rng.normal(size=2)
    layer = Convolution(W, b, 1, 1)
    x = rng.normal(size=(2, 3, 5, 5))
    layer.forward(x)
    W -= 0.5  # an optimizer's in-place update
    b += 1.0
    assert layer.W is W and layer.b is b
    assert_allclose(layer.forward(x), naive_conv(x, W, b, 1, 1), rtol=1e-12, atol=1e-12)


def test_convolution_buffers_do_not_leak_into_outputs():
    """A second forward (same shape: same buffers) leaves the first step's output and gradients alone."""
    rng = np.random.default_rng(7)
    W, b = rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)
    layer = Convolution(W, b, 1, 1)
    x1, x2 = rng.normal(size=(2, 2, 6, 6)), rng.normal(size=(2, 2, 6, 6))
    out1 = layer.forward(x1)
    keep = out1.copy()
    dx1 = layer.backward(np.ones_like(out1))
    dx1_keep, dw1 = dx1.copy(), layer.dW.copy()
    layer.forward(x2)
    layer.backward(np.ones_like(out1))
    assert np.array_equal(out1, keep) and np.array_equal(dx1, dx1_keep)
    layer.forward(x1)
    layer.backward(np.ones_like(out1))
    assert_allclose(layer.dW, dw1, rtol=1e-12)


POOL_CASES = [  # (x shape, pool (ph, pw), stride, pad)
    ((2, 3, 6, 6), (2, 2), None, 0),
    ((2, 3, 7, 5), (2, 2), None, 0),
    ((2, 3, 7, 5), (3, 3), 2, 0),
    ((2, 3, 7, 5), (3, 3), 1, 1),
    ((2, 2, 9, 8), (3, 2), 2, 1),
    ((1, 2, 7, 7), (3, 3), 2, 2),
]


@pytest.mark.parametrize("xs,pool,stride,pad", POOL_CASES)
def test_pooling_forward_and_backward(xs, pool, stride, pad):
    rng = np.random.default_rng(8)
    x = rng.permutation(np.arange(np.prod(xs), dtype=float)).reshape(xs) / 7.0  # distinct: no ties
    layer = Pooling(*pool, stride, pad)
    out = layer.forward(x)
    s = pool[0] if stride is None else stride
    assert_allclose(out, naive_maxpool(x, *pool, s, pad), rtol=0, atol=0)
    weights = rng.normal(size=out.shape)
    x0, w0 = x.copy(), weights.copy()
    dx = layer.backward(weights)
    numeric = numerical_gradient(lambda _: float(np.sum(weights * Pooling(*pool, stride, pad).forward(x))), x,
                                 h=1e-3)  # values are ≥ 1/7 apart: no window changes its maximum
    assert_allclose(dx, numeric, rtol=RTOL, atol=ATOL)
    assert np.array_equal(x, x0) and np.array_equal(weights, w0)


def test_pooling_ties_send_the_gradient_to_the_first_maximum_in_row_major_order():
    x = np.array([[[[1.0, 3.0, 0.0, 0.0],
                    [3.0, 3.0, 0.0, 0.0]]]])
    layer = Pooling(2, 2)
    assert_allclose(layer.forward(x), [[[[3.0, 0.0]]]])
    dx = layer.backward(np.array([[[[5.0, 7.0]]]]))
    assert_allclose(dx, [[[[0.0, 5.0, 7.0, 0.0],
                           [0.0, 0.0, 0.0, 0.0]]]])


def test_flatten_forward_and_backward():
    rng = np.random.default_rng(9)
    x = rng.normal(size=(3, 2, 4, 5))
    layer = Flatten()
    out = layer.forward(x)
    assert out.shape == (3, 40)
    assert_allclose(out, x.reshape(3, -1))
    weights = rng.normal(size=out.shape)
    x0, w0 = x.copy(), weights.copy()
    dx = layer.backward(weights)
    assert_allclose(dx, numerical_gradient(lambda _: float(np.sum(weights * Flatten().forward(x))), x),
                    rtol=RTOL, atol=ATOL)
    assert np.array_equal(x, x0) and np.array_equal(weights, w0)


def test_flatten_after_convolution_uses_the_books_order():
    """The conv output is NHWC memory inside; Flatten must still give (C, H, W) order."""
    rng = np.random.default_rng(10)
    x, W, b = rng.normal(size=(2, 3, 5, 5)), rng.normal(size=(4, 3, 3, 3)), rng.normal(size=4)
    flat = Flatten().forward(Convolution(W, b).forward(x))
    assert_allclose(flat, naive_conv(x, W, b, 1, 0).reshape(2, -1), rtol=1e-12, atol=1e-12)


def test_a_small_conv_net_chain_matches_numerical_gradient():
    """conv → relu → pool → conv → pool → flatten, with the layouts passing between them."""
    from nnstudio.core.nn.layers import Relu

    rng = np.random.default_rng(11)
    x = rng.normal(size=(2, 2, 10, 9))
    W1, b1 = rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)
    W2, b2 = rng.normal(size=(4, 3, 2, 2)), rng.normal(size=4)

    def build():
        return [Convolution(W1, b1, 1, 1), Relu(), Pooling(2, 2), Convolution(W2, b2, 1, 0), Pooling(2, 2, 1),
                Flatten()]

    def run(layers, inp):
        for layer in layers:
            inp = layer.forward(inp)
        return inp

    layers = build()
    out = run(layers, x)
    weights = rng.normal(size=out.shape)
    d = weights
    for layer in reversed(layers):
        d = layer.backward(d)

    def f(_):
        return float(np.sum(weights * run(build(), x)))

    assert_allclose(d, numerical_gradient(f, x), rtol=1e-5, atol=1e-7)
    assert_allclose(layers[0].dW, numerical_gradient(f, W1), rtol=1e-5, atol=1e-7)
    assert_allclose(layers[3].db, numerical_gradient(f, b2), rtol=1e-5, atol=1e-7)


def test_float32_in_float32_out():
    rng = np.random.default_rng(12)
    x = rng.normal(size=(2, 3, 8, 8)).astype(np.float32)
    W, b = rng.normal(size=(4, 3, 3, 3)).astype(np.float32), np.zeros(4, np.float32)
    conv, pool, flat = Convolution(W, b, 1, 1), Pooling(2, 2), Flatten()
    h = conv.forward(x)
    p = pool.forward(h)
    f = flat.forward(p)
    assert h.dtype == p.dtype == f.dtype == np.float32
    d = pool.backward(flat.backward(np.ones_like(f)))
    assert d.dtype == np.float32
    dx = conv.backward(d)
    assert dx.dtype == conv.dW.dtype == conv.db.dtype == np.float32
    assert im2col(x, 3, 3, 1, 1).dtype == np.float32
    assert col2im(im2col(x, 3, 3), x.shape, 3, 3).dtype == np.float32


def test_bad_shapes_give_a_clear_error():
    with pytest.raises(ConvShapeError, match="does not fit"):
        output_size(4, 4, 5, 5, 1, 0)
    assert issubclass(ConvShapeError, UserInputError)
    assert output_size(4, 4, 5, 5, 1, 1) == (2, 2)
    with pytest.raises(ConvShapeError, match="stride"):
        output_size(8, 8, 3, 3, 0, 0)
    with pytest.raises(ConvShapeError, match="padding"):
        output_size(8, 8, 3, 3, 1, -1)
    W, b = np.zeros((2, 3, 3, 3)), np.zeros(2)
    with pytest.raises(ConvShapeError, match="channels"):
        Convolution(W, b).forward(np.zeros((1, 2, 5, 5)))
    with pytest.raises(ConvShapeError, match="4-d"):
        Convolution(W, b).forward(np.zeros((3, 5, 5)))
    with pytest.raises(ConvShapeError, match="does not fit"):
        Convolution(W, b).forward(np.zeros((1, 3, 2, 5)))
    with pytest.raises(ConvShapeError, match="b must"):
        Convolution(W, np.zeros(3))
    with pytest.raises(ConvShapeError, match="does not fit"):
        Pooling(3, 3).forward(np.zeros((1, 1, 2, 2)))
    with pytest.raises(ConvShapeError, match="padding"):
        Pooling(2, 2, pad=2)
    layer = Convolution(W, b)
    layer.forward(np.zeros((1, 3, 5, 5)))
    with pytest.raises(ConvShapeError, match="dout"):
        layer.backward(np.zeros((1, 2, 4, 4)))


def test_convolution_can_skip_dx():
    rng = np.random.default_rng(13)
    x, W, b = rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(4, 3, 3, 3)), rng.normal(size=4)
    full, first = Convolution(W, b, 1, 1), Convolution(W, b, 1, 1)
    first.compute_dx = False
    dout = rng.normal(size=full.forward(x).shape)
    first.forward(x)
    full.backward(dout)
    assert first.backward(dout) is None
    assert_allclose(first.dW, full.dW, rtol=1e-12)
    assert_allclose(first.db, full.db, rtol=1e-12)


def test_pooling_with_a_window_of_256_or_more_pixels():
    rng = np.random.default_rng(14)
    x = rng.normal(size=(2, 3, 17, 16))
    layer = Pooling(16, 16, 1)
    out = layer.forward(x)
    assert_allclose(out, naive_maxpool(x, 16, 16, 1, 0), rtol=0, atol=0)
    dx = layer.backward(np.ones_like(out))
    expected = np.zeros_like(x)
    for i in range(2):
        window = x[:, :, i:i + 16, :].reshape(2, 3, -1)
        a, b = np.unravel_index(window.argmax(axis=2), (16, 16))
        for n in range(2):
            for c in range(3):
                expected[n, c, i + a[n, c], b[n, c]] += 1
    assert_allclose(dx, expected)


def test_layers_accept_any_memory_layout():
    """NCHW-contiguous, batch-last, Fortran-ordered or reversed views: the same numbers out."""
    rng = np.random.default_rng(15)
    x = rng.normal(size=(3, 2, 7, 6))
    W, b = rng.normal(size=(4, 2, 3, 3)), rng.normal(size=4)
    dout = rng.normal(size=(3, 4, 5, 4))
    variants = [x, np.asfortranarray(x), np.ascontiguousarray(x.transpose(1, 2, 3, 0)).transpose(3, 0, 1, 2),
                x[::-1, :, ::-1][::-1, :, ::-1]]
    douts = [dout, np.asfortranarray(dout), dout[:, ::-1][:, ::-1]]
    ref = Convolution(W, b)
    ref_out, ref_dx = ref.forward(x), ref.backward(dout)
    for xv in variants:
        for dv in douts:
            layer = Convolution(W, b)
            assert_allclose(layer.forward(xv), ref_out, rtol=1e-12, atol=1e-12)
            assert_allclose(layer.backward(dv), ref_dx, rtol=1e-12, atol=1e-12)
            assert_allclose(layer.dW, ref.dW, rtol=1e-12)
            pool = Pooling(2, 2, 1)
            assert_allclose(pool.forward(xv), naive_maxpool(x, 2, 2, 1, 0))


def test_convolution_keeps_im2col_buffers_within_its_budget(monkeypatch):
    from nnstudio.core.nn import conv

    rng = np.random.default_rng(16)
    W, b = rng.normal(size=(2, 1, 3, 3)), np.zeros(2)
    layer = Convolution(W, b)
    layer.forward(np.ones((4, 1, 6, 6)))
    col = layer._col
    layer.forward(np.ones((4, 1, 6, 6)))
    assert layer._col is col  # the same shape reuses its buffer
    monkeypatch.setattr(conv, "BUFFER_BUDGET", 3 * col.nbytes)
    for n in range(5, 12):
        out = layer.forward(rng.normal(size=(n, 1, 6, 6)))
        assert out.shape == (n, 2, 4, 4)
    kept = sum(a.nbytes for buf in layer._buffers.values() for a in buf if a is not None)
    assert 0 < kept <= 3 * col.nbytes
    monkeypatch.setattr(conv, "BUFFER_BUDGET", 1)
    layer.forward(np.ones((20, 1, 6, 6)))  # too big to keep: used, not stored
    assert (np.ones((20, 1, 6, 6)).shape, np.dtype(float)) not in layer._buffers
