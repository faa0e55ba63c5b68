"""The main window's status bar tells a paused run from a running one (issue 16, item 3)."""

from __future__ import annotations


def test_the_status_bar_says_paused_and_running(main_window, qtbot, mnist):
    from nnstudio.gui.context import DatasetInfo

    (xtr, ttr), (xte, tte) = mnist
    main_window.context.set_dataset(DatasetInfo("subset", None, ((xtr[:2000], ttr[:2000]), (xte[:500], tte[:500]))))
    panel = main_window.panels["trainingPanel"]
    panel.form.set_preset("book-twolayer")
    panel.form.epochs.setValue(1000)  # paused and stopped long before its end
    bar = main_window.statusBar()
    assert panel.start()
    qtbot.waitUntil(lambda: panel.run is not None and len(panel.run.iterations) > 0, timeout=60_000)
    assert bar.currentMessage() == "Training…"
    panel.toggle_pause()
    qtbot.waitUntil(lambda: panel.paused, timeout=10_000)
    assert "paused" in bar.currentMessage().lower()
    panel.toggle_pause()
    assert bar.currentMessage() == "Training…"
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert "paused" not in bar.currentMessage().lower()


def test_a_run_started_paused_says_so(main_window, qtbot, mnist):
    from nnstudio.gui.context import DatasetInfo

    (xtr, ttr), (xte, tte) = mnist
    main_window.context.set_dataset(DatasetInfo("subset", None, ((xtr[:2000], ttr[:2000]), (xte[:500], tte[:500]))))
    panel = main_window.panels["trainingPanel"]
    panel.step()  # from idle: a paused run that does one mini-batch
    qtbot.waitUntil(lambda: panel.running, timeout=10_000)
    assert "paused" in main_window.statusBar().currentMessage().lower()
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
