"""A new user's first commands, run as written in README.md, in a fresh copy of the tree.

The copy holds the tracked files only (what `git clone` gives), with a fresh HOME: its
first `./dev serve` creates .venv/ and installs the pinned packages from the registry.
The commands are read from README.md, so the README and this test cannot drift apart.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT, snapshot
from sitetools.nginx import free_port

FIRST_RUN_SECONDS = 900  # creating .venv and installing every pinned package
BROKEN = "content/events/sv/berattarkvall-sagomuseet.md"
# The line the broken field is on, wherever the file has it.
BROKEN_LINE = next(
    n
    for n, row in enumerate((ROOT / BROKEN).read_text("utf-8").splitlines(), 1)
    if row.startswith("municipality:")
)
BROKEN_MESSAGE = (
    f"{BROKEN}:{BROKEN_LINE}: municipality: 'Växjö' is not a known value — did you "
    "mean 'vaxjo'? use one of: alvesta,"
)
EPOCH = "1798761600"  # 2027-01-01: the same "today" for builds that are compared


def quick_start() -> list[str]:
    """The commands of README.md's Quick start block, comments left out."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "README.md: Quick start has no ```sh block"
    return [
        line.split("#", 1)[0].strip()
        for line in block.group(1).splitlines()
        if line.split("#", 1)[0].strip()
    ]


def tracked_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    return [name for name in listed.decode().split("\0") if name]


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """The tracked files as they are in the work tree: a clone with this change."""
    root = tmp_path_factory.mktemp("clone") / "site"
    for name in tracked_files():
        source = ROOT / name
        if source.is_file():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return root


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("home")


def environment(home: Path, **extra: str) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "PIP_INDEX_URL", "PIP_CONFIG_FILE")
    env = {k: v for k, v in os.environ.items() if k in keep}
    return {**env, "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1", **extra}


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def answering(url: str) -> bool:
    try:
        fetch(url)
    except OSError:
        return False
    return True


@contextmanager
def running(command: str, cwd: Path, env: dict, port: int, seconds: float) -> Iterator:
    """Start `command` as a user types it; wait until it answers on `port`; Ctrl+C."""
    log = cwd.parent / f"{command.replace(' ', '_').replace('/', '')}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bash", "-c", command],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + seconds
        while not answering(f"http://127.0.0.1:{port}/"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"{command!r} did not serve on :{port} "
                    f"(exit {process.poll()}):\n{log.read_text()[-3000:]}"
                )
            time.sleep(0.5)
        yield process, log
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C sends
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="module")
def served_first(clone: Path, home: Path) -> Path:
    """README's first command, as written, in the fresh copy: answers on :8000."""
    first = quick_start()[0]
    assert first == "./dev serve"
    with running(first, clone, environment(home), 8000, FIRST_RUN_SECONDS) as (
        process,
        log,
    ):
        for path, lang in (("/", "sv"), ("/en/", "en")):
            status, html = fetch(f"http://127.0.0.1:8000{path}")
            assert status == 200, path
            assert f'<html lang="{lang}"' in html, path
        status, html = fetch("http://127.0.0.1:8000/en/no-such-page/")
        assert status == 404 and '<html lang="en"' in html
    assert process.returncode == 0, log.read_text()
    assert "Serving on http://127.0.0.1:8000/" in log.read_text()
    assert not answering("http://127.0.0.1:8000/"), "still serving after Ctrl+C"
    return clone


def run(command: str, cwd: Path, home: Path, timeout: float = 300, **extra: str):
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=environment(home, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_quick_start_serve_answers_in_two_languages(served_first):
    assert (served_first / ".venv" / "bin" / "python").exists()


def test_quick_start_second_command_is_what_ci_runs():
    second = quick_start()[1]
    assert second == "./dev test"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert second in [line.strip() for line in ci]


def test_serve_on_another_port_and_a_busy_port(served_first, home):
    port = free_port()
    with running(
        f"./dev serve --port {port}", served_first, environment(home), port, 120
    ):
        status, _ = fetch(f"http://127.0.0.1:{port}/de/")
        assert status == 200
        started = time.monotonic()
        busy = run(f"./dev serve --port {port}", served_first, home)
        assert busy.returncode != 0
        assert f"serve: port {port} on 127.0.0.1 is already in use" in busy.stderr, (
            busy.stderr
        )
        assert f"--port {port + 1}" in busy.stderr
        assert time.monotonic() - started < 30  # refused before building
        assert "Built in" not in busy.stdout


def test_serve_with_a_content_error_stops_before_serving(served_first, home):
    broken = served_first / BROKEN
    original = broken.read_text(encoding="utf-8")
    broken.write_text(
        original.replace("municipality: ljungby", "municipality: Växjö"),
        encoding="utf-8",
    )
    port = free_port()
    try:
        result = run(f"./dev serve --port {port}", served_first, home)
    finally:
        broken.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert BROKEN_MESSAGE in result.stderr
    assert "Traceback" not in result.stderr
    assert "Serving" not in result.stdout
    assert not answering(f"http://127.0.0.1:{port}/")


def test_livereload_a_save_changes_the_served_page(served_first, home):
    port = free_port()
    page = f"http://127.0.0.1:{port}/evenemang/berattarkvall-sagomuseet/"
    source = served_first / BROKEN
    original = source.read_text(encoding="utf-8")
    with running(
        f"./dev livereload --port {port}", served_first, environment(home), port, 120
    ):
        assert "Berättarkväll för vuxna" in fetch(page)[1]
        source.write_text(
            original.replace("Berättarkväll för vuxna", "Spökkväll för vuxna"),
            encoding="utf-8",
        )
        try:
            deadline = time.monotonic() + 60
            while "Spökkväll för vuxna" not in fetch(page)[1]:
                assert time.monotonic() < deadline, "the save did not reach the page"
                time.sleep(0.3)
        finally:
            source.write_text(original, encoding="utf-8")


def test_fast_check_build_and_new_install_no_system_tools(served_first, home, tmp_path):
    """Only the full gates need Chromium, Java and the Node tools."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    calls = tmp_path / "calls"
    for tool in ("apt-get", "sudo", "npm"):
        (stubs / tool).write_text(f'#!/bin/sh\necho "{tool} $*" >> {calls}\nexit 1\n')
        (stubs / tool).chmod(0o755)
    shutil.rmtree(served_first / "node_modules", ignore_errors=True)
    path = f"{stubs}:{os.environ['PATH']}"
    for command in (
        "./dev check --fast",
        "./dev build",
        './dev new --type events --title "Prova på"',
    ):
        result = run(command, served_first, home, PATH=path)
        assert result.returncode == 0, f"{command}: {result.stderr}"
    assert not calls.exists(), calls.read_text()
    assert not (served_first / "node_modules").exists()
    (served_first / "content/events/sv/prova-pa.md").unlink()


def test_pelican_content_builds_what_dev_build_builds(served_first, home):
    dev = run("./dev build", served_first, home, SOURCE_DATE_EPOCH=EPOCH)
    assert dev.returncode == 0, dev.stderr
    pelican = run(
        ". .venv/bin/activate && pelican content -s pelicanconf.py -o pelican-output",
        served_first,
        home,
        SOURCE_DATE_EPOCH=EPOCH,
    )
    assert pelican.returncode == 0, pelican.stderr
    assert "Traceback" not in pelican.stderr
    assert re.search(r"Built in [\d.]+ s: \d+ files made", pelican.stdout)
    ours, theirs = (
        snapshot(served_first / "output"),
        snapshot(served_first / "pelican-output"),
    )
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    shutil.rmtree(served_first / "pelican-output")


def test_pelican_with_a_content_error_prints_it_and_keeps_output(served_first, home):
    before = snapshot(served_first / "output")
    broken = served_first / BROKEN
    original = broken.read_text(encoding="utf-8")
    broken.write_text(
        original.replace("municipality: ljungby", "municipality: Växjö"),
        encoding="utf-8",
    )
    try:
        for command in ("pelican content -s pelicanconf.py -o output", "pelican"):
            result = run(f". .venv/bin/activate && {command}", served_first, home)
            assert result.returncode == 1, command
            assert BROKEN_MESSAGE in result.stderr, command
            assert "1 content error; the build stopped" in result.stderr
            assert "Traceback" not in result.stderr + result.stdout, command
    finally:
        broken.write_text(original, encoding="utf-8")
    assert snapshot(served_first / "output") == before
    assert not list(served_first.glob("output.staging-*"))


def test_pelican_settings_only_invoke_build_and_listen(served_first, home):
    shutil.rmtree(served_first / "output")
    built = run(". .venv/bin/activate && pelican -s pelicanconf.py", served_first, home)
    assert built.returncode == 0, built.stderr
    assert (served_first / "output" / "en" / "index.html").is_file()
    invoked = run(". .venv/bin/activate && invoke build", served_first, home)
    assert invoked.returncode == 0, invoked.stderr
    assert "files made" in invoked.stdout
    port = free_port()
    with running(
        f". .venv/bin/activate && pelican --listen -p {port}",
        served_first,
        environment(home),
        port,
        60,
    ):
        status, html = fetch(f"http://127.0.0.1:{port}/de/")
        assert status == 200 and '<html lang="de"' in html


def test_pelican_autoreload_names_the_command_to_use(served_first, home):
    for command in ("pelican -r", "pelican -r --listen"):
        result = run(f". .venv/bin/activate && {command}", served_first, home, 60)
        assert result.returncode == 2, command
        assert result.stderr.strip().startswith(
            "pelican -r: use ./dev livereload instead"
        ), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_the_tree_holds_only_the_project():
    """Every top-level entry is one README's Project layout names; no big files."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = text.split("## Project layout", 1)[1].split("```")[1]
    named = {
        line.split()[0].split("/")[0] for line in layout.splitlines() if line.strip()
    }
    files = tracked_files()
    top = {name.split("/", 1)[0] for name in files}
    assert top - named == set()
    large = [
        n for n in files if (ROOT / n).is_file() and (ROOT / n).stat().st_size > 2**20
    ]
    assert large == []


def test_port_check_refuses_a_listening_port():
    from sitetools.serve import PortBusy, check_port

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(
            PortBusy, match=f"port {port} on 127.0.0.1 is already in use"
        ):
            check_port(port)
    check_port(port)  # free again


def test_dev_translated_takes_the_file_as_the_readme_writes_it(served_first, home):
    translation = next((served_first / "content" / "events" / "de").glob("*.md"))
    name = translation.relative_to(served_first).as_posix()
    done = run(f"./dev translated {name}", served_first, home)
    assert done.returncode == 0, done.stderr
    assert f"{name}: up to date with content/events/sv/" in done.stdout
    assert "./dev translated content/events/de/" in (ROOT / "README.md").read_text()
