"""Page weight budget: each page plus its CSS and scripts, gzipped, within 50 KB."""

from __future__ import annotations

import random
from pathlib import Path

from precompress.compress import gzip_bytes
from sitetools.pageweight import BUDGET, weigh


def test_every_real_page_is_within_the_budget(real_site):
    weights = weigh(real_site)
    over = [
        f"{w.url} weighs {w.total:,} bytes (page {w.html:,} + CSS/JS {w.assets:,})"
        for w in weights
        if w.total > BUDGET
    ]
    assert not over, f"over the {BUDGET:,}-byte budget (gzip):\n" + "\n".join(over)
    assert len(weights) > 400
    assert all(w.assets > 0 for w in weights if not w.url.startswith("/widgets/"))


def test_a_heavy_page_is_named_with_its_weight(tmp_path: Path):
    site = tmp_path
    (site / "assets").mkdir()
    css = b"body{margin:0}\n" * 40
    (site / "assets/site.css").write_bytes(css)
    (site / "app.js").write_bytes(b"console.log(1)")
    heavy = random.Random(6).randbytes(60_000).hex().encode()
    page = (
        b'<!doctype html><html><head><link rel="stylesheet" href="/assets/site.css">'
        b'<script src="/app.js"></script><script src="/app.js"></script>'
        b'<link rel="icon" href="/favicon.svg"></head><body><p>'
        + heavy
        + b"</p></body></html>"
    )
    (site / "index.html").write_bytes(page)
    (site / "light.html").write_bytes(
        b'<!doctype html><link rel="stylesheet" href="/assets/site.css"><p>Hej</p>'
    )
    # A prebuilt .gz is what nginx sends: it counts instead of compressing again.
    (site / "assets/site.css.gz").write_bytes(b"x" * 7)
    heaviest, lightest = weigh(site)
    assert heaviest.url == "/"
    assert heaviest.html == len(gzip_bytes(page))
    assert heaviest.assets == 7 + len(gzip_bytes(b"console.log(1)"))  # each file once
    assert heaviest.total > BUDGET
    assert (lightest.url, lightest.assets) == ("/light.html", 7)
