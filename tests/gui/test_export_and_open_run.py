"""File ▸ Export model… (a JobWorker writes safetensors, ONNX, a script), opening a state dict as
the model, and Open run… (a run exported another day, drawn over today's)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from helpers import bundled_mlp_info

from nnstudio.core.nn.config import TrainConfig
from nnstudio.core.nn.records import EpochRecord, FinishedRecord, StepRecord
from nnstudio.gui.run_history import Run, RunFileError, read_runs


def test_export_model_action_writes_each_format_off_the_gui_thread(main_window, qtbot, tmp_path, dialogs):
    exporter = main_window.model_exporter
    assert main_window.export_model_action.objectName() == "exportModelAction"
    assert main_window.export_model_action in main_window.menuBar().actions()[0].menu().actions()
    main_window.context.set_model(bundled_mlp_info())  # the x @ W layout checked below is an MLP's
    network = main_window.context.model.network
    for name in ("m.safetensors", "m.onnx", "s.py"):
        with qtbot.waitSignal(exporter.exported, timeout=60_000) as blocker:
            assert exporter.export_to(tmp_path / name)
        qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)
        assert main_window.statusBar().currentMessage().startswith(f"Exported the model to {name}")
    assert [p.rsplit("/", 1)[1] for p in blocker.args[0]] == ["s.py", "s.safetensors"]
    np.testing.assert_array_equal(load_file(str(tmp_path / "m.safetensors"))["0.weight"], network.params["W1"].T)
    assert (tmp_path / "m.onnx").stat().st_size > 0 and not dialogs


def test_export_failure_is_one_dialog(main_window, qtbot, tmp_path, dialogs):
    (tmp_path / "taken").mkdir()
    target = tmp_path / "taken" / "x.onnx"
    target.mkdir()  # a folder where the file should go: the rename fails
    with qtbot.waitSignal(main_window.model_exporter.failed, timeout=60_000):
        main_window.model_exporter.export_to(target)
    qtbot.waitUntil(lambda: not main_window.model_exporter.busy, timeout=30_000)
    (kind, title, text), = dialogs
    assert kind == "warning" and title == "Cannot export model" and text.startswith(f"{target}: cannot be written")


def test_a_state_dict_opens_as_the_model_and_save_asks_where(main_window, qtbot, tmp_path, dialogs):
    from nnstudio.gui.model_files import save_target

    main_window.context.set_model(bundled_mlp_info())  # a torch MLP's state dict is made from it
    network = main_window.context.model.network
    sd = {"0.weight": network.params["W1"].T.copy(), "0.bias": network.params["b1"],
          "2.weight": network.params["W2"].T.copy(), "2.bias": network.params["b2"],
          "4.weight": network.params["W3"].T.copy(), "4.bias": network.params["b3"]}
    save_file(sd, str(tmp_path / "torch.safetensors"))  # no metadata: the activation is unknown
    asked = []
    main_window.model_files.ask_declarations = lambda path, exc: asked.append((path, exc)) or None  # Cancel
    assert main_window.open_model(tmp_path / "torch.safetensors")
    qtbot.waitUntil(lambda: len(asked) == 1 and not main_window.model_files.loading, timeout=30_000)
    exc = asked[0][1]
    assert exc.needs_activation and not exc.needs_arch and [k for _i, k, _s in exc.layers] == ["Linear"] * 3
    assert not dialogs and main_window.context.model.network is network  # cancelled: the current model stays
    main_window.model_files.ask_declarations = lambda path, exc: {"activation": network.activation, "arch": None}
    with qtbot.waitSignal(main_window.context.model_changed, timeout=30_000):
        main_window.open_model(tmp_path / "torch.safetensors")  # declared in the dialog: read again
    x = np.random.default_rng(0).random((4, 784), dtype=np.float32)
    np.testing.assert_allclose(main_window.context.model.network.probabilities(x), network.probabilities(x),
                               atol=1e-6)
    qtbot.waitUntil(lambda: not main_window.model_files.loading, timeout=30_000)
    main_window.context.set_model(bundled_mlp_info())
    save_file(sd, str(tmp_path / "declared.safetensors"), metadata={"activation": network.activation})
    with qtbot.waitSignal(main_window.context.model_changed, timeout=30_000):
        main_window.open_model(tmp_path / "declared.safetensors")
    info = main_window.context.model
    np.testing.assert_allclose(info.network.probabilities(x), network.probabilities(x), atol=1e-6)
    assert save_target(info) is None  # File ▸ Save never writes an .npz over the state dict
    qtbot.waitUntil(lambda: not main_window.model_files.loading, timeout=30_000)


# ------------------------------------------------------------------ runs from files

def _run(number=1, lr=0.1):
    run = Run(number, TrainConfig(lr=lr), "book-twolayer", 10, 30)
    run.add([EpochRecord(0, 0, 0.1, 0.1, float("nan"), 0.0, 0.0)])
    run.add([StepRecord(i, i / 10, 2.3 / i, lr) for i in range(1, 31)])
    run.add([EpochRecord(e, 10 * e, 0.5 + e / 10, 0.5 + e / 11, 1 / e, e, 100.0) for e in (1, 2, 3)])
    run.add([FinishedRecord("completed", 30, 3.0, 3.0, 0.8, 0.77)])
    return run


def test_read_runs_reads_a_json_export_and_train_json(tmp_path):
    _run(lr=0.05).export(tmp_path / "run.json")
    run, = read_runs(tmp_path / "run.json")
    assert run.config.lr == 0.05 and list(run.losses) == list(_run().losses)
    assert [e.test_acc for e in run.epochs] == [e.test_acc for e in _run().epochs]
    train_json = {"preset": "book-twolayer", "config": TrainConfig(lr=0.2).to_dict(),
                  "history": [{"epoch": 0, "iteration": 0, "train_acc": 0.1, "test_acc": 0.1, "mean_loss": None,
                               "seconds": 0.0, "samples_per_s": 0.0},
                              {"epoch": 1, "iteration": 600, "train_acc": 0.9, "test_acc": 0.89,
                               "mean_loss": 0.4, "seconds": 1.0, "samples_per_s": 1e4}],
                  "finished": {"reason": "completed", "iteration": 600, "epoch": 1.0, "seconds": 1.0,
                               "final_train_acc": 0.9, "final_test_acc": 0.89}}
    (tmp_path / "cli.json").write_text(json.dumps(train_json))
    run, = read_runs(tmp_path / "cli.json")
    assert run.iters_per_epoch == 600 and list(run.iterations) == [600] and list(run.losses) == [0.4]
    assert run.epochs[1].test_acc == 0.89 and run.finished.final_test_acc == 0.89


@pytest.mark.parametrize("name, content, says", [
    ("r.csv", "iteration,loss\n", "export the run as JSON"),
    ("r.json", "{not json", "not a JSON run export"),
    ("r.json", '{"something": 1}', "not a run exported by NN Studio"),
    ("r.json", '{"run": 1, "steps": {"iteration": [1], "loss": [1.0]}}', "a damaged run export"),
    ("r.json", json.dumps({**json.loads(_run().to_json()), "config": {"lr": -1}}), "settings are not valid"),
])
def test_read_runs_refuses_in_one_line(tmp_path, name, content, says):
    (tmp_path / name).write_text(content)
    with pytest.raises(RunFileError, match=says) as err:
        read_runs(tmp_path / name)
    assert "\n" not in str(err.value) and name in str(err.value)


def test_open_run_is_compared_with_the_shown_run(main_window, qtbot, tmp_path, dialogs, monkeypatch):
    from nnstudio.gui.panels.training.history import FROM_FILE
    from nnstudio.gui.panels.training.open_run import opener

    panel = main_window.panels["trainingPanel"]
    assert main_window.open_run_action.objectName() == "openRunAction"
    asked = []
    monkeypatch.setattr("nnstudio.gui.panels.training.open_run.QFileDialog.getOpenFileName",
                        lambda *a, **k: asked.append(1) or ("", ""))
    box = panel.history_box
    box.overlay.setCurrentIndex(box.overlay.findData(FROM_FILE))  # "a run from a file…" in the compare list
    box.overlay.activated.emit(box.overlay.currentIndex())
    assert asked == [1] and box.overlay_run() == 0  # the dialog was asked; nothing compared meanwhile
    panel.history.runs.append(_run(1))  # today's run
    panel.history_box.set_runs(panel.history.runs, shown=1)
    _run(7, lr=0.3).export(tmp_path / "old.json")  # another day's, exported
    reader = opener(panel)
    assert reader.open(tmp_path / "old.json")
    qtbot.waitUntil(lambda: reader.worker is None, timeout=30_000)
    opened = panel.history.runs[-1]
    assert opened.number == 2 and opened.config.lr == 0.3 and "from old.json" in opened.label
    assert panel.history_box.shown_run() == 1 and panel.history_box.overlay_run() == 2
    assert panel.plots.acc_plot.count("ov_test") == 4  # its epochs drawn over today's
    assert panel.plots.loss_plot.count("ov_loss") == 30
    assert not dialogs
    (tmp_path / "bad.json").write_text("[]")
    reader.open(tmp_path / "bad.json")
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: reader.worker is None, timeout=30_000)
    assert dialogs[0][1] == "Open run" and "bad.json" in dialogs[0][2]


def test_the_declare_dialog_asks_a_conv_nets_layout_and_checks_it(qtbot, tmp_path):
    """A bare conv state dict: the dialog lists its layers, suggests an architecture from the weight
    shapes, refuses one that does not parse (staying open) and returns what the user declared."""
    from nnstudio.core.interop.state_dict import UndeclaredStateDict, read_safetensors
    from nnstudio.core.nn.sequential import SequentialNet
    from nnstudio.gui.declare_dialog import DeclareDialog

    net = SequentialNet("conv 4 3x3, pool 2, dense 10", rng=0)
    save_file({"0.weight": net.params["W1"], "0.bias": net.params["b1"],
               "4.weight": net.params["W2"].T.copy(), "4.bias": net.params["b2"]}, str(tmp_path / "c.safetensors"))
    with pytest.raises(UndeclaredStateDict) as caught:
        read_safetensors(tmp_path / "c.safetensors")
    dialog = DeclareDialog(None, "c.safetensors", caught.value)
    qtbot.addWidget(dialog)
    assert caught.value.needs_arch and dialog.arch.text() == "conv 4 3x3, pool 2, dense 10"
    assert "Conv2d (4, 1, 3, 3)" in dialog.findChild(type(dialog.error), "declareLayers").text()
    dialog.arch.setText("conv 4 3x3, pool 2, dense 7")  # the last layer must be dense 10
    dialog.accept()
    assert dialog.result() != DeclareDialog.Accepted and dialog.error.text()
    dialog.arch.setText("conv 4 3x3, pool 2, dense 10")
    dialog.activation.setCurrentIndex(dialog.activation.findData(net.activation))
    dialog.accept()
    assert dialog.result() == DeclareDialog.Accepted and not dialog.isVisible()
    back, _meta = read_safetensors(tmp_path / "c.safetensors", **dialog.declarations())
    x = np.random.default_rng(1).random((3, 784), dtype=np.float32)
    np.testing.assert_allclose(back.probabilities(x), net.probabilities(x), atol=1e-6)
