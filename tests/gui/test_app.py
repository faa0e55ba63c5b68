"""Before Qt can abort the interpreter, the app says in one line why no window can open."""

from nnstudio.gui.app import display_problem, main


def found(_name):
    return "lib.so"


def test_a_desktop_session_is_fine():
    assert display_problem({"DISPLAY": ":0"}, "linux", found) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda n: None) is None
    assert display_problem({}, "darwin", found) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", found) is None


def test_no_display():
    assert "no display" in display_problem({}, "linux", found)


def test_missing_x11_libraries_are_named():
    problem = display_problem({"DISPLAY": ":0"}, "linux", lambda n: None if n == "xcb-cursor" else "x")
    assert "xcb-cursor" in problem and "apt-get install" in problem and "\n" not in problem


def test_main_prints_one_line_and_exits_2(monkeypatch, capsys):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nnstudio: cannot open a window: no display") and err.count("\n") == 1


def test_interface_size_becomes_qt_scale_factor():
    from nnstudio.gui.app import apply_ui_scale

    env = {}
    assert apply_ui_scale(150, env) and env == {"QT_SCALE_FACTOR": "1.5"}
    env = {"QT_SCALE_FACTOR": "2"}  # the user's own setting wins
    assert not apply_ui_scale(125, env) and env == {"QT_SCALE_FACTOR": "2"}
    for odd in (100, "junk", None, 5000):  # the default, or a hand-edited settings file
        env = {}
        assert not apply_ui_scale(odd, env) and env == {}
