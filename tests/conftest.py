"""Shared helpers: build real tiny sites in tmp_path with the real theme and catalogs."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from textwrap import dedent

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402
from sitetools.build import site_overrides  # noqa: E402

BUILD_DATE = date(2027, 3, 1)
BUILD_TIME = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
# The site's languages as configured: tests follow the setting, so a sixth language
# needs no test changes.
LANGUAGES: tuple[str, ...] = tuple(
    read_settings(str(ROOT / "pelicanconf.py"))["I18N"]["languages"]
)
DEFAULT_LANG = LANGUAGES[0]


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a content file, failing when the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def project_settings(content: Path, output: Path) -> dict:
    """The project's theme, plugins and catalogs for a site in `content`."""
    return site_overrides(content, output)


def build(content: Path, output: Path, **overrides) -> Path:
    """One real Pelican run over `content` with the project's settings."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            **project_settings(content, output),
            "BUILD_DATE": BUILD_DATE,
            "BUILD_TIME": BUILD_TIME,
            **overrides,
        },
    )
    Pelican(settings).run()
    return output


@pytest.fixture
def tiny_site(tmp_path: Path) -> Callable[..., Path]:
    """Write `files` under content/ and build them; returns the output folder."""

    def make(files: dict[str, str], **overrides) -> Path:
        content = tmp_path / "content"
        write_files(content, files)
        return build(content, tmp_path / "output", **overrides)

    return make


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real content/, built once per test run (from a copy: builds write the ledger)."""
    import shutil

    content = tmp_path_factory.mktemp("real-content") / "content"
    shutil.copytree(ROOT / "content", content)
    return build(content, tmp_path_factory.mktemp("real") / "output")


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The real content built as published (precompressed), behind the real nginx with
    deploy/nginx.conf on its own origin: (base URL, output folder)."""
    import shutil

    from sitetools.nginx import NginxMissing, free_port, serving

    port = free_port()
    content = tmp_path_factory.mktemp("published-content") / "content"
    shutil.copytree(ROOT / "content", content)
    site = build(
        content,
        tmp_path_factory.mktemp("published-site") / "output",
        SITEURL=f"http://127.0.0.1:{port}",
        PRECOMPRESS={"enabled": True},
    )
    try:
        with serving(site, tmp_path_factory.mktemp("nginx"), port) as base:
            yield base, site
    except NginxMissing as missing:  # fail, never skip: ./dev test installs nginx
        pytest.fail(str(missing))


def settled(folder: Path, timeout: float = 60) -> list[str]:
    """Names in `folder` once replaced sites (deleted in the background) are gone.

    The build caches (cache/) are left out: they sit beside content/ on purpose.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(".retired-" in p.name for p in folder.iterdir()):
            break
        time.sleep(0.05)
    return sorted(p.name for p in folder.iterdir() if p.name != "cache")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to compare builds exactly."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True)
def caches_written_at_once():
    """A LiveSite (livereload) makes later builds in this process write their caches
    in the background; tests after it would race those writes: undo it, and wait."""
    yield
    from render import stored

    stored.settle()
    stored.write_after_build = False
