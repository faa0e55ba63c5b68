"""What every network of the engine shares (MultiLayerNet, SequentialNet): parameters as views
into one flat array, chunked inference, the loss with its L2 penalty, the numerical gradient.

A subclass provides `config()`/`from_config()`, `predict(x)` (scores, keeping the layers' inputs
for backprop), `scores(x)` (the same scores for inference only), `eval_chunk()`, and the
attributes `params`, `_flat`, `last_layer`, `loss_name`, `weight_decay` and `dtype`.
"""

from __future__ import annotations

import numpy as np

from nnstudio.core.nn.gradient import numerical_gradient as _numerical_gradient


def labels_of(t) -> np.ndarray:
    """Integer labels from labels (N,) or one-hot rows (N, classes)."""
    t = np.asarray(t)
    return t.argmax(axis=1) if t.ndim == 2 else t


class Network:
    """The shared half of a network; see the module's docstring for what a subclass provides."""

    def copy(self, dtype=None):
        """An independent network with copied parameters (optionally in another dtype)."""
        from nnstudio.core.nn.sequential import build_network

        config = dict(self.config(), dtype=np.dtype(dtype or self.dtype).name)
        return build_network(config, params=self.params_copy())

    def params_copy(self) -> dict:
        return {k: v.copy() for k, v in self.params.items()}

    def set_params(self, params: dict) -> None:
        """Copy values into the existing arrays (the layers keep their references)."""
        for key, value in params.items():
            self.params[key][...] = value

    @property
    def flat_params(self) -> np.ndarray:
        """All parameters as one contiguous 1-D array; `params` holds views into it.

        Optimizers are element-wise, so stepping {"all": flat_params} with the flat gradient of
        `train_gradient` updates every layer in one call per operation instead of one per array.
        """
        return self._flat

    def probabilities(self, x):
        """Softmax of the scores (or, for sigmoid outputs, the sigmoids normalised to sum to 1)."""
        out = self.last_layer.output(self.scores(x))
        if self.loss_name != "cross_entropy":
            out = out / np.maximum(out.sum(axis=-1, keepdims=True), 1e-12)
        return out

    def loss(self, x, t) -> float:
        """Data loss plus the L2 penalty 0.5·λ·ΣW²."""
        return float(self.last_layer.forward(self.predict(x), np.asarray(t))) + self._decay_penalty()

    def _decay_penalty(self) -> float:
        if not self.weight_decay:
            return 0.0
        return 0.5 * self.weight_decay * sum(float(np.sum(v * v)) for k, v in self.params.items()
                                             if k.startswith("W"))

    def accuracy(self, x, t) -> float:
        """Fraction of rows whose largest score is the label; t : labels (N,) or one-hot rows."""
        return float(np.mean(self.predict_labels(x) == labels_of(t)))

    def predict_labels(self, x, should_stop=None) -> np.ndarray | None:
        """Arg-max class per row of x → int64 (N,), in chunks of `eval_chunk()` rows: the memory
        and the time of one chunk are bounded whatever N and the layers are.
        should_stop : optional callable polled between chunks; None is returned when it says True."""
        out = np.empty(len(x), dtype=np.int64)
        chunk = self.eval_chunk()
        for start in range(0, len(x), chunk):
            if should_stop is not None and should_stop():
                return None
            out[start:start + chunk] = self.scores(x[start:start + chunk]).argmax(axis=1)
        return out

    def numerical_gradient(self, x, t) -> dict:
        """The same gradient by central differences: slow, for checking backprop."""
        f = lambda _: self.loss(x, t)  # noqa: E731 - f reads params, which the helper perturbs
        return {key: _numerical_gradient(f, value) for key, value in self.params.items()}
