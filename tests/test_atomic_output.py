"""A build that is killed part-way leaves the previous site complete."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, settled, snapshot

SCRIPT = (
    "import sys; sys.path.insert(0, 'plugins'); from pathlib import Path; "
    "from sitetools.build import run; "
    "sys.exit(run(Path('pelicanconf.py'), {'OUTPUT_PATH': sys.argv[1], "
    "'PATH': sys.argv[2], 'I18N_TRANSLATIONS_PATH': 'translations'}))"
)


def start_build(output: Path, epoch: str = "1795000000") -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    content = output.parent / "content"  # a copy: a build may update the ledger
    if not content.exists():
        shutil.copytree(ROOT / "content", content)
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(output), str(content)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_sigkill_during_writing_keeps_previous_site(tmp_path):
    output = tmp_path / "output"
    first = start_build(output)
    assert first.wait(timeout=120) == 0, first.stderr.read()
    before = snapshot(output)

    # Another day: every page is made again (an unchanged page would not be written).
    second = start_build(output, epoch="1796000000")
    staging = tmp_path / f"output.staging-{second.pid}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if staging.is_dir() and sum(1 for _ in staging.rglob("*.html")) >= 20:
            break
        time.sleep(0.002)
    else:
        raise AssertionError("the build never started writing")
    second.send_signal(signal.SIGKILL)
    second.wait(timeout=30)

    assert second.returncode == -signal.SIGKILL
    assert snapshot(output) == before  # nothing of the half build reached output/
    assert staging.is_dir()  # the half build is beside it, not in it

    third = start_build(output)
    assert third.wait(timeout=120) == 0
    assert snapshot(output) == before
    assert settled(tmp_path) == ["content", "output"]
