"""Convolution, max pooling and flatten layers (Saito ch. 7), with im2col/col2im, in plain numpy.

The public arrays are NCHW as in the book: x : shape (batch, channels, height, width). Inside,
the layers work channels-last (NHWC memory): a convolution's output is an NCHW *view* of NHWC
memory (`out.transpose(0, 2, 3, 1)` is C-contiguous), so ReLU, pooling and the next convolution
read it without a transposing copy, and each convolution is one matrix product whose rows are
(y, x) positions and whose columns are (fh, fw, channel) taps. Any NCHW array is accepted (a
copy is made when its memory is not laid out that way); only `Flatten` pays one transposing
copy, to give the book's (C, H, W) order to the dense layers.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from nnstudio.core.errors import UserInputError

__all__ = ["ConvShapeError", "output_size", "im2col", "col2im", "Convolution", "Pooling", "Flatten"]


class ConvShapeError(UserInputError):
    """A filter or pooling window that does not fit its input, or an input of the wrong shape."""


def output_size(h: int, w: int, fh: int, fw: int, stride: int = 1, pad: int = 0) -> tuple[int, int]:
    """(OH, OW) of a filter fh x fw sliding over an h x w input: (h + 2·pad − fh) // stride + 1.

    Raises ConvShapeError when the filter is larger than the padded input, or a size, stride or
    padding is out of range.
    """
    for name, v, lo in (("stride", stride, 1), ("padding", pad, 0), ("filter height", fh, 1),
                        ("filter width", fw, 1), ("input height", h, 1), ("input width", w, 1)):
        if int(v) != v or v < lo:
            raise ConvShapeError(f"{name} must be an integer ≥ {lo}, got {v!r}")
    hp, wp = h + 2 * pad, w + 2 * pad
    if fh > hp or fw > wp:
        raise ConvShapeError(f"a {fh}x{fw} filter does not fit a {h}x{w} input with padding {pad} "
                             f"({hp}x{wp} padded)")
    return (hp - fh) // stride + 1, (wp - fw) // stride + 1


def _check_input(x, channels: int | None, what: str):
    if getattr(x, "ndim", None) != 4:
        raise ConvShapeError(f"{what} needs a 4-d input (batch, channels, height, width), "
                             f"got shape {getattr(x, 'shape', None)}")
    if channels is not None and x.shape[1] != channels:
        raise ConvShapeError(f"{what} expects {channels} input channels, got {x.shape[1]} "
                             f"(input shape {x.shape})")


# ---------------------------------------------------------------------------------------------
# The book's im2col/col2im (NCHW; columns ordered (channel, fh, fw)).

def im2col(x, fh: int, fw: int, stride: int = 1, pad: int = 0, out=None):
    """Unfold every filter-sized patch of x into a row.

    x : shape (N, C, H, W) → col : shape (N·OH·OW, C·FH·FW), rows ordered (n, y, x), columns
    (c, fh, fw) as in the book. `out`, when given, is a C-contiguous array of that shape and
    dtype to write into (and is returned).
    """
    _check_input(x, None, "im2col")
    n, c, h, w = x.shape
    oh, ow = output_size(h, w, fh, fw, stride, pad)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad))) if pad else x
    win = sliding_window_view(xp, (fh, fw), axis=(2, 3))[:, :, ::stride, ::stride][:, :, :oh, :ow]
    win = win.transpose(0, 2, 3, 1, 4, 5)  # (N, OH, OW, C, FH, FW)
    if out is None:
        return win.reshape(n * oh * ow, c * fh * fw)
    np.copyto(out.reshape(n, oh, ow, c, fh, fw), win)
    return out


def col2im(col, input_shape, fh: int, fw: int, stride: int = 1, pad: int = 0):
    """The adjoint of im2col: add every row of col back onto the patch it came from.

    col : shape (N·OH·OW, C·FH·FW) → shape input_shape (N, C, H, W). One strided add per filter
    offset (FH·FW of them), none per pixel.
    """
    n, c, h, w = input_shape
    oh, ow = output_size(h, w, fh, fw, stride, pad)
    if col.shape != (n * oh * ow, c * fh * fw):
        raise ConvShapeError(f"col2im: col has shape {col.shape}, expected {(n * oh * ow, c * fh * fw)} "
                             f"for input {tuple(input_shape)}")
    col6 = col.reshape(n, oh, ow, c, fh, fw)
    img = np.zeros((n, c, h + 2 * pad, w + 2 * pad), dtype=col.dtype)
    for i in range(fh):
        for j in range(fw):
            img[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride] += col6[:, :, :, :, i, j].transpose(0, 3, 1, 2)
    return img[:, :, pad:pad + h, pad:pad + w] if pad else img


# ---------------------------------------------------------------------------------------------
# Channels-last helpers used by the layers (columns ordered (fh, fw, channel)).

def _nhwc(x):
    """The NHWC view of an NCHW array (no copy; C-contiguous when x came from these layers)."""
    return x.transpose(0, 2, 3, 1)


def _nchw(x):
    return x.transpose(0, 3, 1, 2)


def _im2col_nhwc(xp, fh, fw, stride, oh, ow, out):
    """xp : padded NHWC (N, Hp, Wp, C) → out : (N, OH, OW, FH, FW, C) filled, C-contiguous."""
    win = sliding_window_view(xp, (fh, fw), axis=(1, 2))[:, ::stride, ::stride][:, :oh, :ow]
    np.copyto(out, win.transpose(0, 1, 2, 4, 5, 3))  # (N, OH, OW, C, FH, FW) → taps then channel
    return out


def _col2im_nhwc(dcol6, dxp, stride):
    """dcol6 : (N, OH, OW, FH, FW, C) added onto dxp : (N, Hp, Wp, C) (zeros on entry)."""
    _, oh, ow, fh, fw, _ = dcol6.shape
    for i in range(fh):
        for j in range(fw):
            dxp[:, i:i + stride * oh:stride, j:j + stride * ow:stride, :] += dcol6[:, :, :, i, j, :]
    return dxp


class Convolution:
    """out = x ⋆ W + b (cross-correlation, as in the book).

    W : shape (FN, C, FH, FW), b : shape (FN,), kept by reference (optimizers update them in
    place). forward: x (N, C, H, W) → (N, FN, OH, OW); backward: dout (N, FN, OH, OW) → dx
    (N, C, H, W), and sets dW, db. The im2col buffer is kept per input shape and reused.
    """

    def __init__(self, W, b, stride: int = 1, pad: int = 0):
        if getattr(W, "ndim", None) != 4:
            raise ConvShapeError(f"Convolution: W must be 4-d (FN, C, FH, FW), got shape {getattr(W, 'shape', None)}")
        if getattr(b, "shape", None) != (W.shape[0],):
            raise ConvShapeError(f"Convolution: b must have shape ({W.shape[0]},), got {getattr(b, 'shape', None)}")
        output_size(W.shape[2], W.shape[3], W.shape[2], W.shape[3], stride, pad)  # checks stride, pad
        self.W, self.b = W, b
        self.stride, self.pad = int(stride), int(pad)
        self.dW = self.db = None
        self._x_shape = None
        self._col = None  # (N·OH·OW, FH·FW·C) of the last forward, read by backward
        self._wcol = None  # (FN, FH·FW·C) of the last forward
        self._buffers = {}  # (input shape, dtype) → (padded input, col)

    def _buffers_for(self, shape, dtype, oh, ow):
        key = (shape, dtype)
        buf = self._buffers.get(key)
        if buf is None:
            n, c, h, w = shape
            fh, fw, p = self.W.shape[2], self.W.shape[3], self.pad
            xp = np.zeros((n, h + 2 * p, w + 2 * p, c), dtype=dtype) if p else None
            col = np.empty((n, oh, ow, fh, fw, c), dtype=dtype)
            buf = self._buffers[key] = (xp, col)
            if len(self._buffers) > 4:  # a few shapes (train batch, last batch, evaluation) at most
                self._buffers.pop(next(iter(self._buffers)))
        return buf

    def forward(self, x):
        fn, c, fh, fw = self.W.shape
        _check_input(x, c, "Convolution")
        n, _, h, w = x.shape
        oh, ow = output_size(h, w, fh, fw, self.stride, self.pad)
        dtype = np.result_type(x.dtype, self.W.dtype)
        xp, col = self._buffers_for(x.shape, dtype, oh, ow)
        if self.pad:
            p = self.pad
            np.copyto(xp[:, p:p + h, p:p + w, :], _nhwc(x))
        else:
            xp = _nhwc(x)
        _im2col_nhwc(xp, fh, fw, self.stride, oh, ow, col)
        col2 = col.reshape(n * oh * ow, fh * fw * c)
        wcol = self.W.transpose(0, 2, 3, 1).reshape(fn, fh * fw * c).astype(dtype, copy=False)
        out = col2 @ wcol.T
        out += self.b.astype(dtype, copy=False)
        self._x_shape, self._col, self._wcol = x.shape, col2, wcol
        return _nchw(out.reshape(n, oh, ow, fn))

    def backward(self, dout):
        fn, c, fh, fw = self.W.shape
        n, _, h, w = self._x_shape
        oh, ow = output_size(h, w, fh, fw, self.stride, self.pad)
        if getattr(dout, "shape", None) != (n, fn, oh, ow):
            raise ConvShapeError(f"Convolution.backward: dout has shape {getattr(dout, 'shape', None)}, "
                                 f"expected {(n, fn, oh, ow)}")
        d2 = _nhwc(dout).reshape(n * oh * ow, fn)  # a copy only if dout is not NHWC memory
        self.db = d2.sum(axis=0).astype(self.b.dtype, copy=False)
        dw = d2.T @ self._col  # (FN, FH·FW·C)
        self.dW = np.ascontiguousarray(dw.reshape(fn, fh, fw, c).transpose(0, 3, 1, 2), dtype=self.W.dtype)
        dcol = (d2 @ self._wcol).reshape(n, oh, ow, fh, fw, c)
        p = self.pad
        dxp = np.zeros((n, h + 2 * p, w + 2 * p, c), dtype=dcol.dtype)
        _col2im_nhwc(dcol, dxp, self.stride)
        return _nchw(dxp[:, p:p + h, p:p + w, :] if p else dxp)


class Pooling:
    """Max pooling over pool_h x pool_w windows; stride defaults to the pool size.

    forward: x (N, C, H, W) → (N, C, OH, OW). Padding is -inf (it is never the maximum; pad must
    be smaller than the window). Ties: the whole gradient of a window goes to its *first* maximum
    in row-major window order (top row first, left to right), as np.argmax over the flattened
    window would choose (the book's choice).
    """

    def __init__(self, pool_h: int, pool_w: int, stride: int | None = None, pad: int = 0):
        stride = pool_h if stride is None else stride
        output_size(pool_h, pool_w, pool_h, pool_w, stride, pad)  # checks sizes, stride, pad
        if pad >= min(pool_h, pool_w):
            raise ConvShapeError(f"Pooling: padding {pad} must be smaller than the {pool_h}x{pool_w} window")
        self.pool_h, self.pool_w, self.stride, self.pad = int(pool_h), int(pool_w), int(stride), int(pad)
        self._x_shape = None
        self._arg = None  # (N, OH, OW, C) uint8: index of the chosen maximum in each window

    def _padded(self, xh):
        p = self.pad
        if not p:
            return xh
        n, h, w, c = xh.shape
        xp = np.full((n, h + 2 * p, w + 2 * p, c), -np.inf, dtype=xh.dtype)
        xp[:, p:p + h, p:p + w, :] = xh
        return xp

    def forward(self, x):
        _check_input(x, None, "Pooling")
        n, c, h, w = x.shape
        ph, pw, s = self.pool_h, self.pool_w, self.stride
        oh, ow = output_size(h, w, ph, pw, s, self.pad)
        xp = self._padded(_nhwc(x))
        out = np.ascontiguousarray(xp[:, 0:s * oh:s, 0:s * ow:s, :])
        arg = np.zeros(out.shape, dtype=np.uint8 if ph * pw < 256 else np.int32)
        k = 0
        for i in range(ph):
            for j in range(pw):
                if k:
                    v = xp[:, i:i + s * oh:s, j:j + s * ow:s, :]
                    gt = v > out  # strict: an equal later value leaves the first maximum chosen
                    np.copyto(out, v, where=gt)
                    np.copyto(arg, k, where=gt, casting="unsafe")
                k += 1
        self._x_shape, self._arg = x.shape, arg
        return _nchw(out)

    def backward(self, dout):
        n, c, h, w = self._x_shape
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        oh, ow = output_size(h, w, ph, pw, s, p)
        if getattr(dout, "shape", None) != (n, c, oh, ow):
            raise ConvShapeError(f"Pooling.backward: dout has shape {getattr(dout, 'shape', None)}, "
                                 f"expected {(n, c, oh, ow)}")
        dh = _nhwc(dout)
        dxp = np.zeros((n, h + 2 * p, w + 2 * p, c), dtype=dout.dtype)
        k = 0
        for i in range(ph):
            for j in range(pw):
                dxp[:, i:i + s * oh:s, j:j + s * ow:s, :] += np.where(self._arg == k, dh, 0)
                k += 1
        return _nchw(dxp[:, p:p + h, p:p + w, :] if p else dxp)


class Flatten:
    """(N, ...) → (N, prod(...)) in C order of the NCHW shape (the book's order); backward reshapes back."""

    def __init__(self):
        self._x_shape = None

    def forward(self, x):
        self._x_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dout):
        return dout.reshape(self._x_shape)
