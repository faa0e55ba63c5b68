"""The fast training path: the maths of layers.py (Affine, the activations, SoftmaxWithLoss,
SigmoidQuadraticLoss) fused into one forward/backward pass for speed.

A reader learns backpropagation from layers.py and network.py's `gradient`, layer by layer, as the
books build it. Training runs this instead: the same derivatives, written into preallocated
buffers with `out=`, softmax and cross-entropy taken together as (y − t)/batch, the hidden
activations applied in place and differentiated from their outputs, and the optimizer's step on
one flat parameter array. tests/core/test_fused.py proves both give the same numbers for every
activation, loss and optimizer.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from nnstudio.core.nn import functions as F
from nnstudio.core.nn.optimizers import SGD


class FusedBackprop:
    """Buffers and the lean forward/backward for one network and one batch size.

    Every intermediate lives in a preallocated array and each operation writes with `out=`, so a
    step allocates almost nothing; the hidden activations are applied in place and their
    derivatives are taken from their outputs (sigmoid: z(1−z), tanh: 1−z², ReLU: sign(z)).
    """

    def __init__(self, net, batch: int):
        self.net, self.batch = net, batch
        dt = net.dtype
        n = net.n_layers
        self.W = [net.params[f"W{i}"] for i in range(1, n + 1)]
        self.b = [net.params[f"b{i}"] for i in range(1, n + 1)]
        # One flat gradient buffer laid out like flat_params (params are in W1, b1, W2, ... order).
        if getattr(net, "_flat_grads", None) is None:  # shared: a last partial batch needs no second copy
            net._flat_grads = np.zeros_like(net.flat_params)
        self.flat_grads = net._flat_grads
        grads, offset = {}, 0
        for key, value in net.params.items():
            grads[key] = self.flat_grads[offset:offset + value.size].reshape(value.shape)
            offset += value.size
        self.dW = [grads[f"W{i}"] for i in range(1, n + 1)]
        self.db = [grads[f"b{i}"] for i in range(1, n + 1)]
        self.z = [np.empty((batch, m), dt) for m in net.sizes[1:-1]]  # hidden outputs (in place)
        # The output layer is kept transposed, (classes, batch): softmax's reductions over the
        # classes then run along contiguous memory (numpy reduces the short rows of a (batch, 10)
        # array several times slower) and the delta it yields is used as outT.T.
        k = net.sizes[-1]
        self.outT = np.empty((k, batch), dt)
        self.tmp_out, self.tmp_out2 = np.empty((k, batch), dt), np.empty((k, batch), dt)
        self.dz = [np.empty((batch, m), dt) for m in net.sizes[1:-1]]  # gradients wrt hidden outputs
        self.tmp = [np.empty((batch, m), dt) for m in net.sizes[1:-1]]
        self.rows = np.arange(batch)
        self.ones = np.ones(batch, dt)  # bias gradients as ones·delta: BLAS, not a strided sum
        self.target_at = np.empty(batch, np.intp)  # flat index of each row's target in outT
        self.scale = dt.type(1.0 / batch)
        self.dtype = dt
        self.activation, self.loss = net.activation, net.loss_name
        self.slope = dt.type(F.LEAKY_SLOPE)

    def _activate(self, a):
        kind = self.activation
        if kind == "sigmoid":
            _sigmoid_inplace(a)
        elif kind == "relu":
            np.maximum(a, 0, out=a)
        elif kind == "tanh":
            np.tanh(a, out=a)
        elif kind == "leaky_relu":
            np.maximum(a, a * self.slope, out=a)  # slope < 1: max(a, αa) is a for a > 0, αa below
        # identity: nothing to do

    def _backprop_activation(self, i):
        """dz[i] <- dz[i] * f'(a), with f' read from the output z[i]."""
        kind, z, dz = self.activation, self.z[i], self.dz[i]
        if kind == "sigmoid":
            tmp = self.tmp[i]
            np.subtract(1, z, out=tmp)
            tmp *= z
            dz *= tmp
        elif kind == "relu":
            np.sign(z, out=self.tmp[i])  # z >= 0, so sign(z) is ReLU's 0/1 derivative (float32,
            dz *= self.tmp[i]  # unlike a boolean mask, which multiplies through a casting loop)
        elif kind == "tanh":
            tmp = self.tmp[i]
            np.multiply(z, z, out=tmp)
            np.subtract(1, tmp, out=tmp)
            dz *= tmp
        elif kind == "leaky_relu":
            tmp = self.tmp[i]
            np.sign(z, out=tmp)
            np.maximum(tmp, 0, out=tmp)  # 1 above zero, 0 at or below
            tmp *= 1 - self.slope  # → 1 above, slope at or below
            tmp += self.slope
            dz *= tmp

    def run(self, x, t, scale=1.0):
        W, b, z = self.W, self.b, self.z
        n = len(W)
        h = x
        for i in range(n - 1):  # forward: a = h·W + b, then the activation in place
            np.matmul(h, W[i], out=z[i])
            z[i] += b[i]
            self._activate(z[i])
            h = z[i]
        outT = self.outT  # the output layer, transposed: a^T = W^T·h^T + b
        np.matmul(W[-1].T, h.T, out=outT)
        outT += b[-1][:, None]
        at = self.target_at  # outT.flat[at[r]] is row r's score for its target
        np.multiply(t, self.batch, out=at)
        at += self.rows
        flat = outT.reshape(-1)
        if self.loss == "cross_entropy":
            # ufunc.reduce directly: np.sum/np.max add a Python wrapper per call (a cost paid on every step)
            outT -= np.maximum.reduce(outT, axis=0)  # max-shift: exp cannot overflow
            np.exp(outT, out=outT)
            outT /= np.add.reduce(outT, axis=0)
            picked = flat.take(at)  # each row's probability of its target
            np.put(flat, at, picked - 1)  # y − t: softmax and cross-entropy together
            np.maximum(picked, F.CE_DELTA, out=picked)
            loss = -float(np.add.reduce(np.log(picked, out=picked))) / self.batch
        else:  # sigmoid outputs with the quadratic cost
            _sigmoid_inplace(outT)
            diff, deriv = self.tmp_out, self.tmp_out2
            np.copyto(diff, outT)
            np.put(diff.reshape(-1), at, flat.take(at) - 1)  # diff = y − t
            d = diff.reshape(-1)
            loss = 0.5 * float(np.dot(d, d)) / self.batch
            np.subtract(1, outT, out=deriv)  # outT ← y (1 − y) (y − t)
            outT *= deriv
            outT *= diff
        outT *= self.scale if scale == 1.0 else self.dtype.type(scale / self.batch)  # (· scale) / batch
        delta = outT.T
        for i in range(n - 1, -1, -1):  # backward
            inp = x if i == 0 else z[i - 1]
            np.matmul(inp.T, delta, out=self.dW[i])
            np.matmul(self.ones, delta, out=self.db[i])
            if i > 0:
                np.matmul(delta, W[i].T, out=self.dz[i - 1])
                self._backprop_activation(i - 1)
                delta = self.dz[i - 1]
        wd = self.net.weight_decay
        if wd:
            for Wi, dWi in zip(W, self.dW):
                dWi += (wd * scale) * Wi
            loss += self.net._decay_penalty()
        return self.flat_grads, loss


def _sigmoid_inplace(a):
    """a ← 1/(1 + e^(−a)) through tanh (no overflow), in four in-place operations."""
    a *= 0.5
    np.tanh(a, out=a)
    a += 1
    a *= 0.5


def training_step(net, opt) -> Callable:
    """The trainer's update as a function (x, t) -> loss: backprop of the mini-batch, then the
    optimizer's step on every parameter; a non-finite loss leaves the weights as they were.

    Plain SGD is x ← x − lr·g: the network scales its gradient by lr inside the backward pass
    (where it scales by 1/batch anyway) and the update is one subtraction.
    """
    flat = net.flat_params
    if type(opt) is SGD:
        def update(x, t):
            grads, loss = net.train_gradient(x, t, opt.lr)  # opt.lr read each step: it may change
            if math.isfinite(loss):
                np.subtract(flat, grads, out=flat)
            return loss
    else:
        params = {"all": flat}  # optimizers are element-wise: one array, one call per operation

        def update(x, t):
            grads, loss = net.train_gradient(x, t)
            if math.isfinite(loss):
                opt.step(params, {"all": grads}, overwrite_grads=True)  # grads are not needed after
            return loss
    return update
