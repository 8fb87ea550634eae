"""The code stays ruff-clean and ruff-formatted (the rules are in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_check_passes():
    result = ruff("check")
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_applied():
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout
