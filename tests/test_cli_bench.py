"""`nnstudio bench --json FILE` writes through the atomic writer: a failed write keeps the old file."""

import argparse
import errno
import json
import os

import pytest

from nnstudio.cli import CliError, bench
from nnstudio.core import files


def args_for(path):
    return argparse.Namespace(all=True, json=str(path), **{name: False for name in bench.SUITES})


def test_json_is_written_and_a_failure_keeps_the_old_file(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "SUITES", {})  # no benchmark runs: only the writing is tested
    target = tmp_path / "figures.json"
    assert bench.run(args_for(target)) == 0
    assert json.loads(target.read_text()) == {}
    target.write_text("old figures")

    def full_disk(*_a):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(CliError, match="figures.json: cannot write"):
        bench.run(args_for(target))
    assert target.read_text() == "old figures"
    assert [p.name for p in tmp_path.iterdir()] == ["figures.json"]
