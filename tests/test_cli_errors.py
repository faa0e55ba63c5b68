"""Bad command-line input: one line on stderr naming the option or file, exit status 2, nothing on
stdout, no file created or changed, never a traceback; genuine bugs still raise."""

from __future__ import annotations

import errno
import struct
import zlib

import numpy as np
import pytest

from nnstudio.cli import main
from nnstudio.core.errors import UserInputError

LONG = "a" * 300  # one path component past any file system's NAME_MAX (255)


def _status(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse's own errors
        return exc.code


def _snapshot(folder):
    return {p: (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def _assert_one_line_error(argv, tmp_path, capsys, *needles):
    before = _snapshot(tmp_path)
    assert _status(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith(f"nnstudio {argv[0]}: error: ")
    for needle in needles:
        assert needle in err, (needle, err)
    assert "Traceback" not in err
    assert _snapshot(tmp_path) == before


@pytest.fixture
def model(tmp_path):
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.nn.serialization import save_model

    path = tmp_path / "m.npz"
    save_model(path, MultiLayerNet([784, 10], rng=0))
    return path


@pytest.mark.parametrize("argv, needle", [
    (["train", "--epochs", "1e308"], "argument --epochs: must be a number above 0 and at most 10,000"),
    (["train", "--epochs", "0"], "argument --epochs"),
    (["train", "--epochs", "inf"], "argument --epochs: must be a finite number"),
    (["train", "--iters", "0"], "argument --iters: must be a whole number from 1 to 100,000,000"),
    (["train", "--iters", "1e400"], "argument --iters: not a finite number"),
    (["train", "--iters", "2.5"], "argument --iters: not a whole number"),
    (["train", "--iters", "9" * 5000], "argument --iters"),  # past int()'s digit limit
    (["train", "--seed", "-1"], "argument --seed: must be a whole number from 0 to 2,147,483,647"),
    (["train", "--seed", "1e20"], "argument --seed"),
    (["train", "--lr", "0"], "argument --lr: must be a number above 0"),
    (["train", "--lr", "1e400"], "argument --lr: must be a finite number"),
    (["train", "--lr", "-inf"], "argument --lr"),
    (["train", "--lr-decay", "0"], "argument --lr-decay: must be a number above 0 and at most 1"),
    (["train", "--lr-decay", "1.5"], "argument --lr-decay"),
    (["train", "--init-std", "-0.1"], "argument --init-std"),
    (["train", "--init-std", "nan"], "argument --init-std"),
    (["train", "--weight-decay", "-1"], "argument --weight-decay: must be a number from 0 to 10"),
    (["train", "--batch", "-5"], "argument --batch"),
    (["train", "--batch", "ten"], "argument --batch: not a whole number: 'ten'"),
    (["train", "--subset", "0"], "argument --subset"),
    (["train", "--synthetic", "-1"], "argument --synthetic: must be a whole number at least 0"),
    (["train", "--threads", "0"], "argument --threads: must be a whole number from 1 to 256"),
    (["train", "--threads", "100000"], "argument --threads"),
    (["predict", "M.npz", "x.png", "--top", "0"], "argument --top: must be a whole number from 1 to 10"),
    (["predict", "M.npz", "x.png", "--top", "11"], "argument --top"),
])
def test_numeric_options_are_range_checked_by_name(argv, needle, tmp_path, capsys):
    _assert_one_line_error(argv, tmp_path, capsys, needle)


def test_integral_numbers_may_be_written_in_float_notation():
    from nnstudio.cli.options import finite_positive_float, int_in_range

    assert int_in_range(1, 10**8)("1e4") == 10_000 and int_in_range(0)("1_000") == 1000
    assert finite_positive_float("3e-4") == 3e-4


@pytest.mark.parametrize("argv, option", [
    (["train", "--dataset", "{long}"], "--dataset"),
    (["train", "--iters", "1", "--save", "{long}/m.npz"], "--save"),
    (["train", "--iters", "1", "--save", "{tmp}/no/such/{long}/m.npz"], "--save"),  # a new folder
    (["train", "--iters", "1", "--json", "{long}.json"], "--json"),
    (["evaluate", "{long}.npz"], "MODEL"),
    (["evaluate", "{model}", "--dataset", "{long}"], "--dataset"),
    (["predict", "{long}.npz", "x.png"], "MODEL"),
    (["predict", "{model}", "{tmp}/ok.png", "{long}.png"], "IMAGE"),
    (["bench", "--data", "--json", "{long}.json"], "--json"),
])
def test_a_path_too_long_for_the_system_in_any_argument(argv, option, model, tmp_path, capsys):
    long = str(tmp_path / LONG)
    argv = [a.format(long=long, tmp=tmp_path, model=model) for a in argv]
    _assert_one_line_error(argv, tmp_path, capsys, f"argument {option}: ", "file name too long")


def test_output_paths_are_checked_before_training(tmp_path, capsys):
    (tmp_path / "plain").write_text("a file, not a folder")
    _assert_one_line_error(["train", "--iters", "1", "--json", str(tmp_path / "plain" / "h.json")],
                           tmp_path, capsys, "--json", "is a file, not a folder")
    _assert_one_line_error(["train", "--iters", "1", "--save", str(tmp_path)], tmp_path, capsys,
                           "--save", "is a folder")
    _assert_one_line_error(["bench", "--data", "--json", str(tmp_path)], tmp_path, capsys,
                           "--json", "is a folder")


def test_an_os_error_about_the_users_path_is_one_line(monkeypatch, tmp_path, capsys):
    import nnstudio.cli.evaluate as evaluate

    target = tmp_path / "sub" / "m.npz"

    def run(args):
        raise PermissionError(errno.EACCES, "Permission denied", str(target.parent))  # a folder above it
    monkeypatch.setattr(evaluate, "run", run)
    _assert_one_line_error(["evaluate", str(target)], tmp_path, capsys, f"{target.parent}: permission denied")

    def run_beside(args):  # the temporary file of an atomic write, beside the target
        raise OSError(errno.ENOSPC, "No space left on device", str(target.parent / ".m.npz.x1.tmp"))
    monkeypatch.setattr(evaluate, "run", run_beside)
    _assert_one_line_error(["evaluate", str(target)], tmp_path, capsys, "no space left on device")


def test_other_errors_keep_their_traceback(monkeypatch, tmp_path):
    import nnstudio.cli.evaluate as evaluate

    def unrelated(args):
        raise OSError(errno.ENOENT, "No such file or directory", "/usr/share/something/else")
    monkeypatch.setattr(evaluate, "run", unrelated)
    with pytest.raises(OSError):
        main(["evaluate", str(tmp_path / "m.npz")])

    def bug(args):
        raise ValueError("a bug, not the user's input")
    monkeypatch.setattr(evaluate, "run", bug)
    with pytest.raises(ValueError):
        main(["evaluate", str(tmp_path / "m.npz")])


def test_a_user_input_error_from_anywhere_is_one_line(monkeypatch, tmp_path, capsys):
    import nnstudio.cli.evaluate as evaluate

    def run(args):
        raise UserInputError(f"{args.model}: the header says 3 layers,\nthe file holds 2")
    monkeypatch.setattr(evaluate, "run", run)
    _assert_one_line_error(["evaluate", str(tmp_path / "m.npz")], tmp_path, capsys,
                           "m.npz: the header says 3 layers, the file holds 2")


def _png(width, height, idat, chunks=()):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + b"".join(chunk(k, d) for k, d in chunks)
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def test_an_image_past_qts_size_limit_is_called_too_large(model, tmp_path, capsys):
    pytest.importorskip("PySide6")
    big = tmp_path / "big.png"
    big.write_bytes(_png(20000, 20000, zlib.compress(b"\0" * 100)))  # 69 bytes that declare 400 Mpx
    _assert_one_line_error(["predict", str(model), str(big)], tmp_path, capsys,
                           f"{big}: image too large: 20,000x20,000 pixels")


def test_decoder_messages_never_reach_the_terminal(model, tmp_path, capfd):
    pytest.importorskip("PySide6")
    from nnstudio.gui.image_reader import ImageReadError, read_image

    rows = b"".join(b"\0" + bytes(255 * (3 < x < 7) for x in range(10)) for _ in range(10))
    good = _png(10, 10, zlib.compress(rows), chunks=[(b"iCCP", b"x\0\0" + zlib.compress(b"junk" * 20))])
    (tmp_path / "iccp.png").write_bytes(good)  # libpng warns about the profile, the image is fine
    (tmp_path / "cut.png").write_bytes(good[:70])  # libpng prints "libpng error: Read Error"
    assert read_image(tmp_path / "iccp.png").shape == (10, 10, 4)
    with pytest.raises(ImageReadError, match="damaged or truncated"):
        read_image(tmp_path / "cut.png")
    out, err = capfd.readouterr()  # the process's file descriptors, not only sys.stderr
    assert out == "" and err == ""


def test_the_decoders_message_filter_passes_other_messages_on(tmp_path):
    pytest.importorskip("PySide6")
    from PySide6.QtCore import qInstallMessageHandler

    from nnstudio.gui.image_reader import ImageReadError, read_image

    seen = []
    previous = qInstallMessageHandler(lambda mode, context, message: seen.append(message))
    try:
        rows = zlib.compress(b"\0" * 110)
        (tmp_path / "iccp.png").write_bytes(_png(10, 10, rows, chunks=[(b"iCCP", b"x\0\0" + zlib.compress(b"junk"))]))
        read_image(tmp_path / "iccp.png")  # "libpng warning: iCCP: ..." in Qt's qt.gui.imageio category
        (tmp_path / "cut.png").write_bytes(_png(10, 10, b"not deflate"))
        with pytest.raises(ImageReadError):
            read_image(tmp_path / "cut.png")
        from PySide6.QtCore import qWarning

        qWarning("still ours")
    finally:
        qInstallMessageHandler(previous)
    assert seen == ["still ours"]


def test_a_model_whose_outputs_overflow_is_one_line(tmp_path, capsys):
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.nn.serialization import save_model

    huge = tmp_path / "huge.npz"
    save_model(huge, MultiLayerNet([784, 10], params={"W1": np.full((784, 10), 3e38, np.float32),
                                                      "b1": np.zeros(10, np.float32)}))
    _assert_one_line_error(["evaluate", str(huge)], tmp_path, capsys, f"{huge}: the model's outputs overflow")
    _assert_one_line_error(["predict", str(huge), str(huge)], tmp_path, capsys, "outputs overflow")


def test_a_diverging_run_prints_no_numpy_warnings(tmp_path, capsys):
    # pytest turns warnings into errors here: a RuntimeWarning would fail the run
    assert main(["train", "--lr", "1e308", "--iters", "3", "--subset", "100", "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert "diverged" in out and err == ""
