"""Evaluating a classifier on a labelled set: confusion matrix, mistakes, baselines, dataset stats."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NUM_CLASSES = 10
EVAL_CHUNK = 10_000  # rows per forward pass: bounds the memory of big sets


# ---------------------------------------------------------------------- counting
def label_counts(t: np.ndarray, num_classes: int = NUM_CLASSES) -> np.ndarray:
    """t : labels, shape (N,) → int64 counts, shape (num_classes,)."""
    return np.bincount(np.asarray(t, dtype=np.int64).ravel(), minlength=num_classes)[:num_classes]


def confusion_matrix(t_true: np.ndarray, t_pred: np.ndarray,
                     num_classes: int = NUM_CLASSES) -> np.ndarray:
    """Counts, shape (num_classes, num_classes): row = true label, column = predicted label.

    The total is len(t_true) and the diagonal holds the correct answers.
    """
    t_true = np.asarray(t_true, dtype=np.int64).ravel()
    t_pred = np.asarray(t_pred, dtype=np.int64).ravel()
    if t_true.shape != t_pred.shape:
        raise ValueError(f"{t_true.size} true labels but {t_pred.size} predictions")
    flat = np.bincount(t_true * num_classes + t_pred, minlength=num_classes * num_classes)
    return flat.reshape(num_classes, num_classes)


def per_digit_accuracy(cm: np.ndarray) -> np.ndarray:
    """cm : confusion matrix (rows true) → fraction right for each true label, nan where absent."""
    cm = np.asarray(cm, dtype=np.float64)
    totals = cm.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(cm) / np.maximum(totals, 1), np.nan)


# ---------------------------------------------------------------------- a model
def predict_with_confidence(network, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x : shape (N, 784) → (predicted labels int64 (N,), probability of that label float64 (N,)).

    `network` is anything with `probabilities(x)` (MultiLayerNet); works in chunks of at most
    EVAL_CHUNK rows (fewer when the network's `eval_chunk()` says so: wide layers).
    """
    n = len(x)
    pred = np.empty(n, dtype=np.int64)
    conf = np.empty(n, dtype=np.float64)
    chunk = EVAL_CHUNK
    if hasattr(network, "eval_chunk"):  # wide layers: fewer rows a pass (memory.eval_chunk_rows)
        chunk = max(min(int(network.eval_chunk()), EVAL_CHUNK), 1)
    for start in range(0, n, chunk):
        probs = np.asarray(network.probabilities(x[start:start + chunk]))
        p = probs.argmax(axis=1)
        pred[start:start + chunk] = p
        conf[start:start + chunk] = probs[np.arange(len(p)), p]
    return pred, conf


@dataclass(frozen=True)
class Mistakes:
    """The wrongly classified rows, most confident first; all arrays shape (M,)."""

    indices: np.ndarray  # row in the evaluated set
    true: np.ndarray  # the label
    pred: np.ndarray  # what the model said
    confidence: np.ndarray  # the probability it gave its (wrong) answer

    def __len__(self) -> int:
        return len(self.indices)


def mistakes_from(t: np.ndarray, pred: np.ndarray, confidence: np.ndarray) -> Mistakes:
    """Mistakes from predictions already made, sorted by falling confidence (ties: by index)."""
    t = np.asarray(t, dtype=np.int64).ravel()
    wrong = np.flatnonzero(t != pred)
    order = wrong[np.argsort(-confidence[wrong], kind="stable")]
    return Mistakes(order, t[order], np.asarray(pred)[order], np.asarray(confidence)[order])


def mistakes(network, x: np.ndarray, t: np.ndarray) -> Mistakes:
    """Rows of x (shape (N, 784)) the network gets wrong, most confident mistakes first."""
    pred, conf = predict_with_confidence(network, x)
    return mistakes_from(t, pred, conf)


@dataclass(frozen=True)
class Evaluation:
    """One model on one labelled set: everything the Evaluate view shows."""

    pred: np.ndarray  # (N,) predicted labels
    confidence: np.ndarray  # (N,) probability of the predicted label
    confusion: np.ndarray  # (10, 10) rows true, columns predicted
    accuracy: float
    digit_accuracy: np.ndarray  # (10,) nan where a digit is absent
    mistakes: Mistakes


def evaluate(network, x: np.ndarray, t: np.ndarray) -> Evaluation:
    """One forward pass over x (shape (N, 784)) with labels t (N,), and every summary of it."""
    t = np.asarray(t, dtype=np.int64).ravel()
    pred, conf = predict_with_confidence(network, x)
    cm = confusion_matrix(t, pred)
    acc = float(np.trace(cm) / max(len(t), 1))
    return Evaluation(pred, conf, cm, acc, per_digit_accuracy(cm), mistakes_from(t, pred, conf))


# ---------------------------------------------------------------------- baselines
def random_guess_accuracy(t: np.ndarray, rng: np.random.Generator | None = None,
                          num_classes: int = NUM_CLASSES) -> float:
    """Accuracy of guessing a uniformly random label for each row (expected 1/num_classes)."""
    rng = np.random.default_rng(0) if rng is None else rng
    t = np.asarray(t).ravel()
    if t.size == 0:
        return float("nan")
    return float(np.mean(rng.integers(0, num_classes, t.size) == t))


def darkness(x: np.ndarray) -> np.ndarray:
    """Total ink of each image: x shape (N, 784) → (N,) float64."""
    return np.asarray(x).reshape(len(x), -1).sum(axis=1, dtype=np.float64)


class AverageDarkness:
    """Nielsen's baseline: learn each digit's mean darkness, answer the digit whose mean is nearest.

    A digit absent from the training set is never answered.
    """

    def __init__(self, num_classes: int = NUM_CLASSES):
        self.num_classes = num_classes
        self.means = np.full(num_classes, np.nan)

    def fit(self, x: np.ndarray, t: np.ndarray) -> "AverageDarkness":
        t = np.asarray(t, dtype=np.int64).ravel()
        ink = darkness(x)
        counts = np.bincount(t, minlength=self.num_classes)[:self.num_classes]
        sums = np.bincount(t, weights=ink, minlength=self.num_classes)[:self.num_classes]
        with np.errstate(invalid="ignore", divide="ignore"):
            self.means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        if np.all(np.isnan(self.means)):
            raise ValueError("fit the classifier on a non-empty training set first")
        gaps = np.abs(darkness(x)[:, None] - self.means[None, :])
        return np.where(np.isnan(gaps), np.inf, gaps).argmin(axis=1)

    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float:
        t = np.asarray(t).ravel()
        return float(np.mean(self.predict(x) == t)) if t.size else float("nan")


def average_darkness_classifier(x_train, t_train, x_test, t_test) -> float:
    """Fit AverageDarkness on the training set; its accuracy on the test set (MNIST: about 0.22)."""
    return AverageDarkness().fit(x_train, t_train).accuracy(x_test, t_test)


# ---------------------------------------------------------------------- dataset statistics
def mean_images(x: np.ndarray, t: np.ndarray, num_classes: int = NUM_CLASSES) -> np.ndarray:
    """x : (N, 784), t : (N,) → float32 (num_classes, 784): the mean image of each label (zeros if absent)."""
    x = np.asarray(x).reshape(len(x), -1)
    t = np.asarray(t, dtype=np.int64).ravel()
    out = np.zeros((num_classes, x.shape[1]), dtype=np.float32)
    for digit in range(num_classes):
        rows = x[t == digit]
        if len(rows):
            out[digit] = rows.mean(axis=0, dtype=np.float64)
    return out


def pixel_histogram(x: np.ndarray, bins: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """Histogram of every pixel value of x (values in [0, 1]) → (counts int64 (bins,), edges (bins+1,)).

    Pixels are quantised to 256 levels first (MNIST's bytes) so the count is one fast bincount.
    """
    x = np.asarray(x).reshape(len(x), -1)
    per_level = np.zeros(256, dtype=np.int64)
    for start in range(0, len(x), EVAL_CHUNK):  # chunks: no 200 MB temporaries for 60k images
        chunk = np.asarray(x[start:start + EVAL_CHUNK], dtype=np.float32)
        ink = chunk[chunk > 0]  # most pixels are blank: count those without converting them
        levels = np.minimum(ink * np.float32(255) + np.float32(0.5), np.float32(255)).astype(np.uint8)
        per_level += np.bincount(levels, minlength=256)
        per_level[0] += chunk.size - ink.size
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.minimum((np.arange(256) / 255.0 * bins).astype(np.int64), bins - 1)
    return np.bincount(which, weights=per_level, minlength=bins).astype(np.int64), edges


@dataclass(frozen=True)
class DatasetSummary:
    """What the Browse view plots for one split of a dataset."""

    counts: np.ndarray  # (10,) images per label
    means: np.ndarray  # (10, 784) mean image per label
    hist_counts: np.ndarray  # (bins,) pixels per value bin
    hist_edges: np.ndarray  # (bins + 1,)


def dataset_summary(x: np.ndarray, t: np.ndarray, bins: int = 32) -> DatasetSummary:
    """Label counts, mean images and the pixel histogram of x (N, 784) with labels t (N,)."""
    counts, edges = pixel_histogram(x, bins)
    return DatasetSummary(label_counts(t), mean_images(x, t), counts, edges)
