"""The memory estimate and its refusals, tested by arithmetic and small networks: nothing big is allocated."""

from __future__ import annotations

import re
import threading

import numpy as np
import pytest

import nnstudio.core.nn.memory as M
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.optimizers import make_optimizer
from nnstudio.core.nn.records import FinishedRecord
from nnstudio.core.nn.fused import training_step
from nnstudio.core.nn.config import TrainConfig, parse_hidden
from nnstudio.core.nn.trainer import Trainer, TrainingCancelled

GB = 10 ** 9


def small_data(n=300, m=120, seed=0):
    rng = np.random.default_rng(seed)
    return ((rng.random((n, 784), dtype=np.float32), rng.integers(0, 10, n)),
            (rng.random((m, 784), dtype=np.float32), rng.integers(0, 10, m)))


def _largest_suggested(message: str, what: str) -> int:
    found = re.search(what + r" ([\d,]+)", message)
    assert found, message
    return int(found.group(1).replace(",", ""))


def _step(n: int) -> int:
    """The rounding unit of a suggestion (two significant digits)."""
    return 1 if n < 100 else 10 ** (len(str(n)) - 2)


# ---------------------------------------------------------------------- the estimate is honest
@pytest.mark.parametrize("optimizer, copies", [("sgd", 0), ("momentum", 1), ("adagrad", 1), ("adam", 2)])
def test_estimate_matches_the_bytes_of_a_small_built_network(optimizer, copies):
    cfg = TrainConfig(hidden=(30, 20), optimizer=optimizer, batch_size=16, iterations=1)
    est = M.estimate_training(cfg, n_train=300, n_test=120)
    net = cfg.build_network()
    opt = make_optimizer(optimizer, 0.01)
    update = training_step(net, opt)
    rng = np.random.default_rng(0)
    update(rng.random((16, 784), dtype=np.float32), rng.integers(0, 10, 16))
    assert est.parts["parameters"] == net.flat_params.nbytes
    assert est.parts["gradients"] == net._flat_grads.nbytes
    state = [a for name, d in vars(opt).items() if name in ("v", "h", "_ms", "_vs") and d for a in d.values()]
    assert est.parts["optimizer state"] == sum(a.nbytes for a in state) == copies * net.flat_params.nbytes
    ws = net._workspaces[16]
    buffers = [*ws.z, *ws.dz, *ws.tmp, ws.outT, ws.tmp_out, ws.tmp_out2, ws.rows, ws.ones, ws.target_at]
    real = sum(a.nbytes for a in buffers) + 16 * 784 * 4  # + the trainer's batch buffer
    assert real <= est.parts["mini-batch"] <= 1.5 * real + M.INDEX_BLOCK_ELEMENTS * 8


def test_estimate_counts_synthetic_digits_and_the_copy_of_the_training_set():
    base = M.estimate_training(TrainConfig(), n_train=1000, n_test=100)
    more = M.estimate_training(TrainConfig(synthetic=500), n_train=1000, n_test=100)
    assert base.parts["synthetic digits"] == base.parts["training set copy"] == 0
    assert more.parts["synthetic digits"] >= 500 * 784 * 4
    assert more.parts["training set copy"] >= 1500 * 784 * 4


def test_initial_weights_are_drawn_in_the_training_dtype_without_a_second_copy():
    import tracemalloc

    tracemalloc.start()  # NumPy reports its buffers to tracemalloc
    try:
        net = MultiLayerNet([784, 2000, 10], init="he", rng=3)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert net.params["W1"].dtype == np.float32
    # a float64 draw then a cast, or a copy into the flat buffer, would peak at 2-3x the parameters
    assert peak < 1.2 * net.flat_params.nbytes
    # float64 keeps the numbers a float64 draw of the whole matrix gave before
    w64 = MultiLayerNet([784, 40, 10], init="he", dtype=np.float64, rng=5).params["W1"]
    expected = np.random.default_rng(5).standard_normal((784, 40)) * np.sqrt(2.0 / 784)
    np.testing.assert_allclose(w64, expected, rtol=1e-12)


def test_weights_drawn_in_chunks_are_the_same_and_a_stop_cancels_the_drawing(monkeypatch):
    import nnstudio.core.nn.network as N

    whole = MultiLayerNet([784, 30, 10], rng=1).flat_params.copy()
    monkeypatch.setattr(N, "DRAW_CHUNK", 1000)
    np.testing.assert_array_equal(MultiLayerNet([784, 30, 10], rng=1).flat_params, whole)
    polls = []

    def stop_after_three():
        polls.append(1)
        return len(polls) > 3

    with pytest.raises(N.BuildCancelled):
        MultiLayerNet([784, 30, 10], rng=1, should_stop=stop_after_three)
    assert len(polls) == 4  # of the 24 chunks of W1


# ---------------------------------------------------------------------- refusals with advice
def test_huge_hidden_sizes_are_refused_with_a_size_that_fits(monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 2 * GB)
    cfg = TrainConfig(hidden=(100_000, 100_000))
    with pytest.raises(M.NotEnoughMemory) as info:
        M.check_training(cfg)
    msg = str(info.value)
    assert "needs ~" in msg and "2.0 GB free" in msg and "try hidden sizes of at most" in msg
    n = _largest_suggested(msg, "hidden sizes of at most")
    M.check_training(cfg.with_(hidden=(n, n)))  # the suggestion fits ...
    with pytest.raises(M.NotEnoughMemory):  # ... and is not needlessly small
        M.check_training(cfg.with_(hidden=(n + _step(n), n + _step(n))))


def test_a_huge_batch_is_refused_with_a_batch_that_fits(monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 4 * GB)
    cfg = TrainConfig(batch_size=10_000_000)
    with pytest.raises(M.NotEnoughMemory) as info:
        M.check_training(cfg)
    n = _largest_suggested(str(info.value), "a batch of at most")
    M.check_training(cfg.with_(batch_size=n))
    with pytest.raises(M.NotEnoughMemory):
        M.check_training(cfg.with_(batch_size=n + _step(n)))


def test_too_many_synthetic_digits_are_refused_with_a_count_that_fits(monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 4 * GB)
    cfg = TrainConfig(synthetic=1_000_000_000)
    with pytest.raises(M.NotEnoughMemory) as info:
        M.check_training(cfg)
    n = _largest_suggested(str(info.value), r"fewer synthetic digits \(at most")
    M.check_training(cfg.with_(synthetic=n))
    with pytest.raises(M.NotEnoughMemory):
        M.check_training(cfg.with_(synthetic=n + _step(n)))


def test_an_absurdly_long_step_is_refused_even_when_memory_suffices(monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 1000 * GB)
    with pytest.raises(M.NotEnoughMemory) as info:
        M.check_training(TrainConfig(hidden=(100_000,)))
    msg = str(info.value)
    assert "operations per step" in msg and "try hidden sizes of at most" in msg
    n = _largest_suggested(msg, "hidden sizes of at most")
    assert M.estimate_training(TrainConfig(hidden=(n,))).step_macs <= M.MAX_STEP_MACS


def test_augmenting_a_huge_batch_counts_as_a_long_step(monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 1000 * GB)
    cfg = TrainConfig(batch_size=60_000, augment=True)
    M.check_training(cfg.with_(augment=False))
    with pytest.raises(M.NotEnoughMemory, match="operations per step") as info:
        M.check_training(cfg)
    n = _largest_suggested(str(info.value), "a batch of at most")
    M.check_training(cfg.with_(batch_size=n))


def test_the_trainer_refuses_before_building_anything(monkeypatch):
    import nnstudio.core.nn.config as C

    built = []
    monkeypatch.setattr(M, "available_memory", lambda: 1 * GB)
    monkeypatch.setattr(C, "MultiLayerNet", lambda *a, **k: built.append(a))
    with pytest.raises(M.NotEnoughMemory, match="try hidden sizes"):
        Trainer(TrainConfig(hidden=(20_000, 20_000), iterations=1), small_data())
    assert built == []


def test_synthetic_digits_are_refused_before_they_are_allocated(monkeypatch):
    from nnstudio.core.digits import synth

    monkeypatch.setattr(M, "available_memory", lambda: 1 * GB)
    with pytest.raises(M.NotEnoughMemory, match="fewer synthetic digits"):  # before any drawing
        synth.make_synthetic(10_000_000, np.random.default_rng(0),
                             progress=lambda done, total: pytest.fail("started drawing"))


def test_network_check_for_reset(monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 2 * GB)
    M.check_network([784, 1000, 10])
    with pytest.raises(M.NotEnoughMemory) as info:
        M.check_network([784, 100_000, 100_000, 10])
    n = _largest_suggested(str(info.value), "hidden sizes of at most")
    M.check_network([784, n, n, 10])


# ---------------------------------------------------------------------- what is free
def test_usable_memory_leaves_headroom():
    assert M.usable_memory(10 * GB) < 10 * GB
    assert M.usable_memory(100 << 20) < 0  # below the minimum headroom nothing is usable


# ---------------------------------------------------------------------- evaluation in chunks
def test_evaluation_chunks_are_bounded_by_memory_and_work():
    wide = [784, 100_000, 10]
    rows = M.eval_chunk_rows(wide)
    assert rows * (784 + 3 * 100_000) * 4 <= M.EVAL_BYTES
    assert rows * M.macs_per_row(wide) <= M.EVAL_MACS
    assert M.eval_chunk_rows([784, 50, 10]) == M.EVAL_MAX_ROWS


def test_chunked_predictions_match_and_poll_the_stop(monkeypatch):
    net = MultiLayerNet([784, 16, 10], activation="relu", init="he", rng=0)
    x = np.random.default_rng(1).random((250, 784), dtype=np.float32)
    expected = net.predict(x).argmax(axis=1)
    monkeypatch.setattr(net, "eval_chunk", lambda: 32)
    np.testing.assert_array_equal(net.predict_labels(x), expected)
    polls = []
    assert net.predict_labels(x, should_stop=lambda: polls.append(1) or len(polls) > 2) is None
    assert len(polls) == 3


def test_a_stop_while_evaluating_ends_the_run_before_its_first_step():
    trainer = Trainer(TrainConfig(hidden=(16,), iterations=100, batch_size=10), small_data(n=300, m=120))
    net = trainer.network
    net.eval_chunk = lambda: 10  # 42 chunks for the 420 images
    real, chunks = net.scores, []

    def scores(x):
        chunks.append(len(x))
        if len(chunks) == 3:
            trainer.stop()  # as the GUI's Stop button does, from another thread
        return real(x)

    net.scores = scores
    records = list(trainer.run())
    assert records == [FinishedRecord("stopped", 0, 0.0, records[0].seconds)]
    assert len(chunks) == 3 and trainer.iteration == 0


def test_a_stop_while_evaluating_at_an_epoch_end_keeps_the_last_figures():
    trainer = Trainer(TrainConfig(hidden=(16,), epochs=3, iterations=None, batch_size=100, sampling="shuffle"),
                      small_data(n=300, m=120))
    net = trainer.network
    net.eval_chunk = lambda: 10
    real, chunks = net.scores, []

    def scores(x):
        chunks.append(len(x))
        if len(chunks) == 45:  # the epoch-0 evaluation takes 42 chunks: this is epoch 1's
            trainer.stop()
        return real(x)

    net.scores = scores
    records = list(trainer.run())
    final = records[-1]
    assert final.reason == "stopped" and final.iteration == 3  # one epoch of 3 steps, then stopped
    assert final.final_test_acc == records[0].test_acc  # the epoch-0 figures, the last complete ones


# ---------------------------------------------------------------------- stop while preparing
def test_a_stop_while_drawing_synthetic_digits_ends_early(monkeypatch):
    import nnstudio.core.digits.preprocess as P

    drawn = []
    real = P.strokes_to_input
    monkeypatch.setattr(P, "strokes_to_input", lambda *a, **k: drawn.append(1) or real(*a, **k))
    stop = threading.Event()

    def progress(done, total):
        if done >= 256:
            stop.set()  # as Stop does while the first digits are drawn

    with pytest.raises(TrainingCancelled):
        Trainer(TrainConfig(hidden=(8,), iterations=1, synthetic=5000), small_data(),
                stop_event=stop, progress=progress)
    assert 256 <= len(drawn) < 5000


def test_a_stop_before_the_network_is_built_cancels_the_preparation(monkeypatch):
    import nnstudio.core.nn.config as C

    built = []
    monkeypatch.setattr(C, "MultiLayerNet", lambda *a, **k: built.append(a))
    stop = threading.Event()
    stop.set()
    with pytest.raises(TrainingCancelled):
        Trainer(TrainConfig(hidden=(8,), iterations=1), small_data(), stop_event=stop)
    assert built == []


# ---------------------------------------------------------------------- hidden sizes, GUI = CLI
@pytest.mark.parametrize("text, sizes", [("50", (50,)), ("256, 128", (256, 128)), ("8;4", (8, 4)),
                                         ("", ()), ("none", ()), (" None ", ())])
def test_hidden_sizes_parse(text, sizes):
    assert parse_hidden(text) == sizes


@pytest.mark.parametrize("text", ["0", "50,0", "-3", "100001", "1e3", "abc"])
def test_hidden_sizes_refused(text):
    with pytest.raises(ValueError, match="hidden sizes"):
        parse_hidden(text)


def test_more_hidden_layers_than_a_model_file_holds_are_refused():
    from nnstudio.core.nn.config import MAX_HIDDEN_LAYERS
    from nnstudio.core.nn.serialization import MAX_MEMBERS

    assert 2 * (MAX_HIDDEN_LAYERS + 1) + 1 <= MAX_MEMBERS  # every trainable net can be reopened
    assert len(parse_hidden(",".join(["4"] * MAX_HIDDEN_LAYERS))) == MAX_HIDDEN_LAYERS
    with pytest.raises(ValueError, match=f"at most {MAX_HIDDEN_LAYERS} hidden layers"):
        parse_hidden(",".join(["4"] * (MAX_HIDDEN_LAYERS + 1)))
