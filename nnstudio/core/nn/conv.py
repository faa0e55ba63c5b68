"""Convolution, max pooling and flatten layers (Saito ch. 7), with im2col/col2im, in plain numpy.

The public arrays are NCHW as in the book: x : shape (batch, channels, height, width). Inside,
the layers keep the batch last (CHWN memory: `x.transpose(1, 2, 3, 0)` is C-contiguous) and
return NCHW *views* of it, so ReLU, pooling and the next convolution read them without a
transposing copy. With the batch last, every im2col copy, col2im add and pooling step runs over
whole rows of OW·N numbers (a channels-last row would be C numbers long: 1 for MNIST), and a
convolution is one matrix product per pass: out (FN, OH·OW·N) = W (FN, C·FH·FW) · col. Any NCHW
array is accepted (one transposing copy when its memory is laid out otherwise); `Flatten` pays
one small transposing copy each way to give the dense layers the book's (C, H, W) order.
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
# The layers' own layout: CHWN memory behind NCHW views.

def _chwn(x):
    """The (C, H, W, N) view of an NCHW array (no copy; C-contiguous when x came from these layers)."""
    return x.transpose(1, 2, 3, 0)


def _nchw(a):
    """The NCHW view of a (C, H, W, N) array."""
    return a.transpose(3, 0, 1, 2)


def _chwn_copy(x):
    """x (NCHW) as a C-contiguous (C, H, W, N) array: x's own memory when it is laid out so."""
    return np.ascontiguousarray(_chwn(x))


# The im2col buffers a Convolution keeps between steps, at most (bytes). The reference net's
# batch of 128 needs 7.7 MB (first layer) and 13 MB (second).
BUFFER_BUDGET = 96 << 20


class Convolution:
    """out = x ⋆ W + b (cross-correlation, as in the book).

    W : shape (FN, C, FH, FW), b : shape (FN,), kept by reference (optimizers update them in
    place; never rebound). forward: x (N, C, H, W) → (N, FN, OH, OW); backward: dout
    (N, FN, OH, OW) → dx (N, C, H, W), and sets dW, db (shapes of W, b).

    One matrix product per pass: out = [W | b] · [col; 1], the bias riding along as a row of ones
    under the im2col matrix (so db comes out of the dW product). The im2col rows are ordered
    (fh, fw, c), filter offset first: each offset's C·OH·OW·N block is contiguous, so im2col
    copies and col2im adds whole blocks (three times faster than the book's (c, fh, fw) order in
    col2im, measured). The im2col buffer and the padded input are kept per input shape and reused
    from step to step; backward writes dcol into the im2col buffer once dW is out of it (the next
    forward refills it). `compute_dx = False` (for a first layer, whose input needs no gradient)
    makes backward skip dx and return None.
    """

    def __init__(self, W, b, stride: int = 1, pad: int = 0):
        if getattr(W, "ndim", None) != 4:
            raise ConvShapeError(f"Convolution: W must be 4-d (FN, C, FH, FW), got shape {getattr(W, 'shape', None)}")
        if getattr(b, "shape", None) != (W.shape[0],):
            raise ConvShapeError(f"Convolution: b must have shape ({W.shape[0]},), got {getattr(b, 'shape', None)}")
        output_size(W.shape[2], W.shape[3], W.shape[2], W.shape[3], stride, pad)  # checks stride, pad
        self.W, self.b = W, b
        self.stride, self.pad = int(stride), int(pad)
        self.compute_dx = True
        self.dW = self.db = None
        self._x_shape = None
        self._col = None  # the last forward's (FH·FW·C + 1, OH·OW·N) im2col matrix, read by backward
        self._buffers = {}  # (input shape, dtype) → (padded CHWN input or None, col)

    def __copy__(self):
        """A shallow copy (saliency's) gets buffers of its own: it must not refill the original's."""
        twin = object.__new__(type(self))
        twin.__dict__.update(self.__dict__)
        twin._buffers, twin._col, twin._x_shape = {}, None, None
        return twin

    def _buffers_for(self, shape, dtype, oh, ow):
        key = (shape, dtype)
        buf = self._buffers.get(key)
        if buf is None:
            n, c, h, w = shape
            fh, fw, p = self.W.shape[2], self.W.shape[3], self.pad
            k = c * fh * fw
            xp = np.zeros((c, h + 2 * p, w + 2 * p, n), dtype=dtype) if p else None
            col = np.empty((k + 1, oh * ow * n), dtype=dtype)  # rows (fh, fw, c) then ones; columns (y, x, n)
            col[k] = 1
            buf = (xp, col)
            # Keep the newest shapes (train batch, last batch, evaluation chunk) up to a budget;
            # a bigger one (a whole test set at once) is used once and left to the collector.
            size = col.nbytes + (0 if xp is None else xp.nbytes)
            if size <= BUFFER_BUDGET:
                self._buffers[key] = buf
                while sum(a.nbytes for b in self._buffers.values() for a in b if a is not None) > BUFFER_BUDGET:
                    self._buffers.pop(next(iter(self._buffers)))
        return buf

    def forward(self, x):
        fn, c, fh, fw = self.W.shape
        _check_input(x, c, "Convolution")
        n, _, h, w = x.shape
        s, p = self.stride, self.pad
        oh, ow = output_size(h, w, fh, fw, s, p)
        dtype = np.result_type(x.dtype, self.W.dtype)
        xp, col = self._buffers_for(x.shape, dtype, oh, ow)
        if p:
            np.copyto(xp[:, p:p + h, p:p + w, :], _chwn(x))
        else:
            xp = _chwn_copy(x).astype(dtype, copy=False)
        k = c * fh * fw
        taps = np.reshape(col[:k], (fh, fw, c, oh, ow, n), copy=False)
        for i in range(fh):  # one contiguous block per filter offset
            for j in range(fw):
                np.copyto(taps[i, j], xp[:, i:i + s * oh:s, j:j + s * ow:s, :])
        wb = np.empty((fn, k + 1), dtype=dtype)
        wb[:, :k].reshape(fn, fh, fw, c)[...] = self.W.transpose(0, 2, 3, 1)
        wb[:, k] = self.b
        out = wb @ col  # (FN, OH·OW·N)
        self._x_shape, self._col = x.shape, col
        return _nchw(out.reshape(fn, oh, ow, n))

    def backward(self, dout):
        fn, c, fh, fw = self.W.shape
        n, _, h, w = self._x_shape
        s, p = self.stride, self.pad
        oh, ow = output_size(h, w, fh, fw, s, p)
        if getattr(dout, "shape", None) != (n, fn, oh, ow):
            raise ConvShapeError(f"Convolution.backward: dout has shape {getattr(dout, 'shape', None)}, "
                                 f"expected {(n, fn, oh, ow)}")
        k, col = c * fh * fw, self._col
        if col is None:
            raise RuntimeError("Convolution.backward needs a forward pass first (each forward allows one backward)")
        d = _chwn(dout).reshape(fn, oh * ow * n)  # a copy only if dout is not CHWN memory
        if d.dtype != col.dtype:
            d = d.astype(col.dtype)
        dwb = col @ d.T  # (FH·FW·C + 1, FN): dW, then db (OpenBLAS's faster orientation, measured)
        self.dW = np.ascontiguousarray(dwb[:k].T.reshape(fn, fh, fw, c).transpose(0, 3, 1, 2), dtype=self.W.dtype)
        self.db = dwb[k].astype(self.b.dtype)
        if not self.compute_dx:
            return None
        wt = np.ascontiguousarray(self.W.transpose(2, 3, 1, 0).reshape(k, fn), dtype=col.dtype)
        dcol = np.matmul(wt, d, out=col[:k])  # col is spent (dW is out): dcol takes its place
        dcol = dcol.reshape(fh, fw, c, oh, ow, n)
        dxp = np.zeros((c, h + 2 * p, w + 2 * p, n), dtype=dcol.dtype)
        for i in range(fh):  # col2im: one add of a contiguous block per filter offset
            for j in range(fw):
                dxp[:, i:i + s * oh:s, j:j + s * ow:s, :] += dcol[i, j]
        self._col = None  # spent: a second backward needs a forward first
        return _nchw(dxp[:, p:p + h, p:p + w, :] if p else dxp)


class Pooling:
    """Max pooling over pool_h x pool_w windows; stride defaults to the pool size.

    forward: x (N, C, H, W) → (N, C, OH, OW). Padding is -inf (it is never the maximum; pad must
    be smaller than the window). Ties: the whole gradient of a window goes to its *first* maximum
    in row-major window order (top row first, left to right), as np.argmax over the flattened
    window would choose (the book's choice).

    relu=True pools relu(x) instead, in the same pass: a ReLU followed by this pooling, at the
    cost of the pooling alone (max(0, max x) = max relu(x); a window whose maximum is ≤ 0 sends
    no gradient back, as the ReLU's mask would stop it). SequentialNet trains with it.
    """

    def __init__(self, pool_h: int, pool_w: int, stride: int | None = None, pad: int = 0, relu: bool = False):
        stride = pool_h if stride is None else stride
        output_size(pool_h, pool_w, pool_h, pool_w, stride, pad)  # checks sizes, stride, pad
        if pad >= min(pool_h, pool_w):
            raise ConvShapeError(f"Pooling: padding {pad} must be smaller than the {pool_h}x{pool_w} window")
        self.pool_h, self.pool_w, self.stride, self.pad = int(pool_h), int(pool_w), int(stride), int(pad)
        self.relu = bool(relu)
        self._x_shape = None
        # (C, OH, OW, N): the chosen maximum in each window, numbered from 1 in row-major window
        # order; 0 (relu=True only) where the window's maximum is ≤ 0 and nothing was chosen
        self._arg = None

    def _padded(self, xh):
        p = self.pad
        if not p:
            return xh
        c, h, w, n = xh.shape
        xp = np.full((c, h + 2 * p, w + 2 * p, n), -np.inf, dtype=xh.dtype)
        xp[:, p:p + h, p:p + w, :] = xh
        return xp

    def _windows(self, a, oh, ow):
        """The ph·pw strided views a[:, i::s, j::s, :] (C, OH, OW, N), in row-major window order."""
        s = self.stride
        return [a[:, i:i + s * oh:s, j:j + s * ow:s, :] for i in range(self.pool_h) for j in range(self.pool_w)]

    def forward(self, x):
        _check_input(x, None, "Pooling")
        h, w = x.shape[2:]
        oh, ow = output_size(h, w, self.pool_h, self.pool_w, self.stride, self.pad)
        views = self._windows(self._padded(_chwn(x)), oh, ow)
        shape = views[0].shape
        code = np.uint8 if len(views) < 255 else np.int32
        if self.relu:  # start from 0 "chosen by nobody": only a positive value takes a window
            out, first = np.zeros(shape, dtype=x.dtype), 0
            arg = np.zeros(shape, dtype=code)
        else:
            out, first = np.ascontiguousarray(views[0]), 1  # CHWN memory, whatever x's
            arg = np.ones(shape, dtype=code)
        gt, tmp = np.empty(shape, dtype=bool), np.empty_like(arg)
        for k, v in enumerate(views[first:], first + 1):
            np.greater(v, out, out=gt)  # strict: an equal later value leaves the first maximum chosen
            np.maximum(out, v, out=out)
            # arg = k where gt, branch-free (masked copies run 10x slower on random masks):
            # arg += (k - arg)·gt, wrapping around in the unsigned type
            np.subtract(code(k), arg, out=tmp)
            np.multiply(tmp, gt, out=tmp)
            np.add(arg, tmp, out=arg)
        self._x_shape, self._arg = x.shape, arg
        return _nchw(out)

    def backward(self, dout):
        n, c, h, w = self._x_shape
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        oh, ow = output_size(h, w, ph, pw, s, p)
        if getattr(dout, "shape", None) != (n, c, oh, ow):
            raise ConvShapeError(f"Pooling.backward: dout has shape {getattr(dout, 'shape', None)}, "
                                 f"expected {(n, c, oh, ow)}")
        dh = _chwn(dout)
        if s == ph == pw and not p and h == s * oh and w == s * ow:
            # Windows tile the input: dx as (C, OH, ph, OW, pw, N) is dout broadcast over each
            # window times (arg == the position's number): two whole-array passes, no loop.
            dx = np.empty((c, oh, ph, ow, pw, n), dtype=dout.dtype)
            codes = np.arange(1, ph * pw + 1, dtype=self._arg.dtype).reshape(1, 1, ph, 1, pw, 1)
            chosen = np.equal(self._arg[:, :, None, :, None, :], codes)
            np.multiply(dh[:, :, None, :, None, :], chosen, out=dx)
            return _nchw(dx.reshape(c, h, w, n))
        disjoint = s >= ph and s >= pw  # each input pixel in one window at most: write, don't add
        dxp = np.zeros((c, h + 2 * p, w + 2 * p, n), dtype=dout.dtype)
        for k, dst in enumerate(self._windows(dxp, oh, ow), 1):
            chosen = self._arg == k
            if disjoint:
                np.multiply(dh, chosen, out=dst)
            else:
                dst += dh * chosen
        return _nchw(dxp[:, p:p + h, p:p + w, :] if p else dxp)


class Flatten:
    """(N, ...) → (N, prod(...)) in C order of the NCHW shape (the book's order); backward reshapes back."""

    def __init__(self):
        self._x_shape = None

    def forward(self, x):
        self._x_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dout):
        if len(self._x_shape) == 4:  # hand the layers before the CHWN memory they work in
            n, c, h, w = self._x_shape
            return _nchw(np.ascontiguousarray(dout.T).reshape(c, h, w, n))
        return dout.reshape(self._x_shape)
