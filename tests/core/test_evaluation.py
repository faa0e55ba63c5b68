"""Confusion matrix, mistakes, baselines and dataset statistics (nnstudio.core.digits.evaluation)."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from nnstudio.core.digits import evaluation as E
from nnstudio.core.nn.network import MultiLayerNet


@pytest.fixture(scope="module")
def trained(mnist):
    """A 784-30-10 sigmoid net trained on 5000 images for two epochs (a few seconds)."""
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.core.nn.trainer import Trainer

    (xtr, ttr), test = mnist
    cfg = TrainConfig(hidden=(30,), lr=0.5, batch_size=50, epochs=2, iterations=None, sampling="shuffle",
                      init="nielsen", train_subset=5000, seed=1)
    trainer = Trainer(cfg, ((xtr, ttr), test), eval_train_limit=100)
    for _ in trainer.run():
        pass
    return trainer.network


def test_confusion_matrix_by_hand():
    cm = E.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], num_classes=3)
    assert_array_equal(cm, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert_allclose(E.per_digit_accuracy(cm), [0.5, 1.0, 2 / 3])


def test_confusion_matrix_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="3 true labels but 2 predictions"):
        E.confusion_matrix([1, 2, 3], [1, 2])


def test_per_digit_accuracy_is_nan_for_an_absent_digit():
    cm = E.confusion_matrix([0, 1], [0, 0])
    acc = E.per_digit_accuracy(cm)
    assert acc[0] == 1.0 and acc[1] == 0.0 and np.isnan(acc[2:]).all()


def test_trained_model_confusion_matrix_matches_accuracy(trained, mnist):
    _, (xte, tte) = mnist
    ev = E.evaluate(trained, xte, tte)
    assert ev.confusion.shape == (10, 10)
    assert ev.confusion.sum() == len(tte) == 10_000
    assert np.trace(ev.confusion) / ev.confusion.sum() == pytest.approx(ev.accuracy)
    assert ev.accuracy == pytest.approx(trained.accuracy(xte, tte))
    assert ev.accuracy > 0.85  # it did learn
    assert_array_equal(ev.confusion.sum(axis=1), np.bincount(tte, minlength=10))
    ok = np.diag(ev.confusion) / ev.confusion.sum(axis=1)
    assert_allclose(ev.digit_accuracy, ok)


def test_invariants_hold_for_an_untrained_model(mnist):
    _, (xte, tte) = mnist
    net = MultiLayerNet([784, 20, 10], init="nielsen", rng=3)
    ev = E.evaluate(net, xte[:3000], tte[:3000])
    assert ev.confusion.sum() == 3000
    assert np.trace(ev.confusion) / 3000 == pytest.approx(net.accuracy(xte[:3000], tte[:3000]))
    assert len(ev.mistakes) == 3000 - np.trace(ev.confusion)


def test_mistakes_are_wrong_and_most_confident_first(trained, mnist):
    _, (xte, tte) = mnist
    m = E.mistakes(trained, xte, tte)
    assert len(m) > 0
    assert np.all(m.true != m.pred)
    assert_array_equal(m.true, tte[m.indices])
    assert_array_equal(m.pred, trained.predict_labels(xte[m.indices]))
    assert np.all(np.diff(m.confidence) <= 0)
    probs = trained.probabilities(xte[m.indices[:5]])
    assert_allclose(m.confidence[:5], probs.max(axis=1), rtol=1e-5)
    assert np.all((m.confidence > 0.1 - 1e-6) & (m.confidence <= 1.0))


def test_predict_with_confidence_works_in_chunks(monkeypatch, mnist):
    _, (xte, tte) = mnist
    net = MultiLayerNet([784, 10, 10], init="nielsen", rng=0)
    whole = E.predict_with_confidence(net, xte[:250])
    monkeypatch.setattr(E, "EVAL_CHUNK", 64)
    chunked = E.predict_with_confidence(net, xte[:250])
    assert_array_equal(whole[0], chunked[0])
    assert_allclose(whole[1], chunked[1], rtol=1e-5)


def test_random_guess_is_about_ten_percent(mnist):
    _, (_, tte) = mnist
    acc = E.random_guess_accuracy(tte, np.random.default_rng(5))
    assert 0.09 < acc < 0.11
    assert E.random_guess_accuracy(tte) == E.random_guess_accuracy(tte)  # seeded by default


def test_average_darkness_baseline_on_mnist(mnist):
    (xtr, ttr), (xte, tte) = mnist
    acc = E.average_darkness_classifier(xtr, ttr, xte, tte)
    assert 0.18 <= acc <= 0.26
    model = E.AverageDarkness().fit(xtr, ttr)
    assert model.means[1] == min(model.means)  # a one uses the least ink


def test_average_darkness_by_hand():
    x = np.zeros((4, 784), dtype=np.float32)
    x[0, :10] = 1.0  # digit 3, ink 10
    x[1, :30] = 1.0  # digit 7, ink 30
    x[2, :12] = 1.0  # test, nearest 10 → 3
    x[3, :25] = 1.0  # test, nearest 30 → 7
    model = E.AverageDarkness().fit(x[:2], np.array([3, 7]))
    assert_allclose(model.means[[3, 7]], [10, 30])
    assert_array_equal(model.predict(x[2:]), [3, 7])
    assert model.accuracy(x[2:], np.array([3, 3])) == 0.5
    with pytest.raises(ValueError, match="fit"):
        E.AverageDarkness().predict(x)


def test_label_counts_match_bincount(mnist):
    (_, ttr), (_, tte) = mnist
    assert_array_equal(E.label_counts(ttr), np.bincount(ttr, minlength=10))
    assert_array_equal(E.label_counts(tte), np.bincount(tte, minlength=10))
    assert_array_equal(E.label_counts(np.array([9, 9], dtype=np.uint8)), [0] * 9 + [2])


def test_mean_images(mnist):
    (xtr, ttr), _ = mnist
    means = E.mean_images(xtr[:2000], ttr[:2000])
    assert means.shape == (10, 784) and means.dtype == np.float32
    assert_allclose(means[4], xtr[:2000][ttr[:2000] == 4].mean(axis=0), atol=1e-6)
    empty = E.mean_images(xtr[:3], np.array([1, 1, 1]))
    assert not empty[0].any() and empty[1].any()


def test_pixel_histogram_counts_every_pixel():
    rng = np.random.default_rng(0)
    x = (rng.integers(0, 256, (50, 784)) / 255).astype(np.float32)
    x[:10] = 0.0
    counts, edges = E.pixel_histogram(x, bins=16)
    assert counts.sum() == x.size and len(edges) == 17
    expected, _ = np.histogram(np.rint(x * 255), bins=16, range=(0, 256))
    assert_array_equal(counts, expected)


def test_dataset_summary(mnist):
    _, (xte, tte) = mnist
    s = E.dataset_summary(xte[:500], tte[:500], bins=8)
    assert_array_equal(s.counts, np.bincount(tte[:500], minlength=10))
    assert s.means.shape == (10, 784)
    assert s.hist_counts.sum() == 500 * 784 and s.hist_edges[-1] == 1.0
