"""The benchmark scripts still run and print their table (tiny sizes: figures not judged)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_build_benchmark_prints_every_row_for_a_tiny_corpus():
    run = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--sizes", "150"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    rows = {
        match[1]: match[2]
        for match in re.finditer(
            r"^\| (cold|warm|one edit|livereload edit) \|(.+)\|$", run.stdout, re.M
        )
    }
    assert set(rows) == {"cold", "warm", "one edit", "livereload edit"}, run.stdout
    seconds = {name: float(cells.split("|")[0]) for name, cells in rows.items()}
    assert all(value > 0 for value in seconds.values())
    assert "×" in rows["cold"]  # stock Pelican built the same corpus


def test_search_benchmark_prints_its_row_for_a_tiny_corpus():
    run = subprocess.run(
        [sys.executable, "benchmarks/search.py", "--sizes", "150"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    row = re.search(
        r"^\s+150\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)$", run.stdout, re.M
    )
    assert row, run.stdout
    seconds, _total, _language, first_query, _second = row.groups()
    assert float(seconds) > 0 and int(first_query) > 0
