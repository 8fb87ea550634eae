"""Precompressed .gz/.br copies: exact, reproducible, cached by content, before the swap."""

from __future__ import annotations

import gzip
import random
import shutil
from pathlib import Path

import atomic_output
import brotli
import pytest
from conftest import ROOT, build
from precompress import PrecompressSettingsError
from precompress.compress import brotli_bytes, gzip_bytes, smaller
from precompress.folder import precompress

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
PAGE = ("<p>Välkommen till Kronoberg – sjöar, skogar och glasbruk.</p>\n" * 60).encode()


def noise(size: int) -> bytes:
    return random.Random(size).randbytes(size)


def test_gzip_is_reproducible_and_carries_no_time_or_name():
    first, second = gzip_bytes(PAGE), gzip_bytes(PAGE)
    assert first == second
    assert first[4:8] == b"\0\0\0\0"  # MTIME
    assert not first[3] & 0x08  # FNAME flag
    assert gzip.decompress(first) == PAGE


def test_brotli_round_trip():
    assert brotli.decompress(brotli_bytes(PAGE, 11)) == PAGE


def test_compression_that_saves_nothing_is_dropped():
    assert smaller(noise(2000), gzip_bytes(noise(2000))) is None
    assert smaller(PAGE, gzip_bytes(PAGE)) == gzip_bytes(PAGE)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_bytes(PAGE)
    (site / "en/index.html").write_bytes(PAGE.replace(b"Kronoberg", b"Smaland"))
    (site / "feed.ics").write_bytes(PAGE)
    (site / "small.css").write_bytes(b"a{color:red}")
    (site / "random.txt").write_bytes(noise(4000))
    (site / "photo.jpg").write_bytes(PAGE)  # not text: never compressed
    return site


def outputs(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.*[rz]"))


def test_text_files_get_exact_copies_small_and_incompressible_do_not(folder, tmp_path):
    report = precompress(folder, tmp_path / "cache", quality=11)
    assert outputs(folder) == [
        "en/index.html.br",
        "en/index.html.gz",
        "feed.ics.br",
        "feed.ics.gz",
        "index.html.br",
        "index.html.gz",
    ]
    for name in ("index.html", "en/index.html", "feed.ics"):
        original = (folder / name).read_bytes()
        assert gzip.decompress((folder / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((folder / f"{name}.br").read_bytes()) == original
    # index.html and feed.ics have the same bytes: compressed once.
    assert (report.files, report.compressed) == (4, 3)


def test_unchanged_files_come_from_the_cache(folder, tmp_path):
    cache = tmp_path / "cache"
    precompress(folder, cache, quality=11)
    before = {p: p.read_bytes() for p in folder.rglob("*.*[rz]")}
    assert precompress(folder, cache, quality=11).compressed == 0
    assert {p: p.read_bytes() for p in folder.rglob("*.*[rz]")} == before
    (folder / "en/index.html").write_bytes(PAGE + b"<p>Ny</p>\n")
    assert precompress(folder, cache, quality=11).compressed == 1
    assert brotli.decompress((folder / "en/index.html.br").read_bytes()).endswith(
        b"<p>Ny</p>\n"
    )
    # Another quality is another result: not taken from the cache.
    assert precompress(folder, cache, quality=5).compressed == 3


def test_many_files_on_every_core_match_one_process(tmp_path):
    sites = []
    for name in ("pool", "serial"):
        site = tmp_path / name
        for n in range(80):
            path = site / f"page-{n}/index.html"
            path.parent.mkdir(parents=True)
            path.write_bytes(PAGE + f"<p>{n}</p>".encode() * n)
        sites.append(site)
    pooled = precompress(sites[0], tmp_path / "cache-a", quality=9, workers=2)
    serial = precompress(sites[1], tmp_path / "cache-b", quality=9, workers=1)
    assert pooled.compressed == serial.compressed == 80
    for path in sites[0].rglob("*.*[rz]"):
        assert path.read_bytes() == (sites[1] / path.relative_to(sites[0])).read_bytes()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "content")
    return tmp_path / "content"


def test_a_built_site_is_compressed_before_it_is_swapped_in(
    content, tmp_path, monkeypatch
):
    seen: list[int] = []
    move_in = atomic_output.commit  # a plain build moves its new files into output/

    def observe(staging: Path, output: Path, removed) -> None:
        seen.append(len(list(staging.rglob("*.html.br"))))
        move_in(staging, output, removed)

    monkeypatch.setattr(atomic_output, "commit", observe)
    site = build(content, tmp_path / "output", PRECOMPRESS={"enabled": True})
    pages = sorted(site.rglob("*.html"))
    assert seen == [len(pages)] and len(pages) > 20
    for html in pages:
        assert brotli.decompress(html.with_name(html.name + ".br").read_bytes()) == (
            html.read_bytes()
        )
    css = next(site.glob("assets/css/*.css"))
    assert gzip.decompress(css.with_name(css.name + ".gz").read_bytes()) == (
        css.read_bytes()
    )
    assert (tmp_path / "cache/precompress").is_dir()  # beside content/, as images'


def test_off_by_default_for_the_preview(content, tmp_path):
    site = build(content, tmp_path / "output")
    assert not list(site.rglob("*.gz")) and not list(site.rglob("*.br"))


def test_publish_settings_turn_it_on(monkeypatch):
    from pelican.settings import read_settings

    monkeypatch.setenv("SITE_URL", "https://example.org")
    monkeypatch.setenv("CONTACT_EMAIL", "webb@example.org")
    monkeypatch.chdir(ROOT)
    assert read_settings(str(ROOT / "publishconf.py"))["PRECOMPRESS"]["enabled"]
    assert not read_settings(str(ROOT / "pelicanconf.py"))["PRECOMPRESS"]["enabled"]


def test_compressing_after_the_swap_is_refused(content, tmp_path):
    plugins = read_plugins()
    plugins.remove("precompress")
    plugins.append("precompress")
    with pytest.raises(PrecompressSettingsError) as error:
        build(content, tmp_path / "o", PLUGINS=plugins, PRECOMPRESS={"enabled": True})
    assert str(error.value) == (
        "PRECOMPRESS: list 'precompress' before 'atomic_output' in PLUGINS, "
        "so the staging folder is compressed before it is swapped in"
    )


def read_plugins() -> list[str]:
    from pelican.settings import read_settings

    return list(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"])


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            {"level": 9},
            "PRECOMPRESS: unknown key(s) level; known: enabled, cache, "
            "brotli_quality, min_size, extensions, workers",
        ),
        (
            {"brotli_quality": 12},
            "PRECOMPRESS: brotli_quality 12 must be a whole number 0-11",
        ),
    ],
)
def test_bad_settings_are_named(content, tmp_path, block, message):
    with pytest.raises(PrecompressSettingsError) as error:
        build(content, tmp_path / "o", PRECOMPRESS=block)
    assert str(error.value) == message
