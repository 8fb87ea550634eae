"""Caches keep what recent builds used: they do not grow with every edit."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

from conftest import ROOT, build
from precompress.folder import precompress

BASE = ROOT / "tests" / "fixtures" / "base" / "content"


def entries(cache: Path) -> set[str]:
    return {p.name.split(".", 1)[0] for p in cache.glob("??/*") if p.is_file()}


def test_precompress_cache_keeps_the_last_two_builds(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "page.html"
    for round_ in range(3):
        page.write_text(f"<p>{round_}</p>" * 200)
        precompress(site, cache, quality=5)
    # one entry per build's page: the first build's is gone after the third
    assert len(entries(cache)) == 2
    (cache / "ab").mkdir(exist_ok=True)
    leftover = cache / "ab" / f"{'ab' * 32}.gz.999999999.tmp"  # a killed build's
    leftover.write_bytes(b"")
    precompress(site, cache, quality=5)
    assert not leftover.exists()
    assert len(entries(cache)) == 1  # the same page twice: one entry
    assert len(marshal.loads((cache / "recent.marshal").read_bytes())) == 2


def test_pre_marshal_caches_and_gone_outputs_are_pruned(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    stale_json = tmp_path / "cache" / "content" / "markdown.json"
    stale_json.parent.mkdir(parents=True)
    stale_json.write_text("{}")
    first = build(content, tmp_path / "first")
    manifests = tmp_path / "cache" / "render"
    assert not stale_json.exists()
    assert (tmp_path / "cache" / "content" / "markdown.marshal").exists()
    assert len(list(manifests.glob("manifest-*.json"))) == 1
    shutil.rmtree(first)
    build(content, tmp_path / "second")
    names = [p.name for p in manifests.glob("manifest-*.json")]
    assert len(names) == 1 and names[0].startswith("manifest-second-")
