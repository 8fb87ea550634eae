"""Lighthouse (npm, pinned) on a URL in Debian's Chromium: scores and key metrics."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checks.accessibility import CHROMIUM_FLAGS, chromium_path
from checks.html_validation import ToolMissing
from lxml import html

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "bytes": "total-byte-weight",
}


def item_linked_from(site: Path, listing: str) -> str:
    """The first item page a built listing links to, e.g. an event from /en/events/."""
    page = html.parse(str(site / listing.lstrip("/") / "index.html")).getroot()
    for href in page.xpath("//main//a/@href"):
        rest = href.removeprefix(listing)
        if href.startswith(listing) and rest.count("/") == 1 and rest.endswith("/"):
            return href
    raise LookupError(f"no item page is linked from {listing}")


@dataclass(frozen=True)
class Result:
    url: str
    scores: dict[str, float]  # category → 0..1
    metrics: dict[str, float]  # FCP/LCP/TBT in ms, CLS unitless, bytes transferred
    failed: dict[str, str]  # audit id → title, for audits that lost points


def lighthouse(url: str, form_factor: str = "mobile") -> Result:
    """One run (mobile emulation with simulated throttling, Lighthouse's default)."""
    if not LIGHTHOUSE.exists():
        raise ToolMissing("Lighthouse is not installed — npm ci (./dev test does)")
    chromium = chromium_path()
    with tempfile.TemporaryDirectory() as profile:
        report = Path(profile) / "report.json"
        flags = " ".join(
            ["--headless", *CHROMIUM_FLAGS, f"--user-data-dir={profile}/p"]
        )
        args = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ]
        if form_factor == "desktop":
            args.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": chromium}
        done = subprocess.run(
            args, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode or not report.exists():
            raise RuntimeError(f"lighthouse {url} failed: {done.stderr[-2000:]}")
        data = json.loads(report.read_text())
    if data.get("runtimeError"):
        raise RuntimeError(f"lighthouse {url}: {data['runtimeError']}")
    audits = data["audits"]
    failed = {
        key: audit["title"]
        for key, audit in audits.items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    }
    return Result(
        url,
        {c: data["categories"][c]["score"] for c in CATEGORIES},
        {name: audits[key]["numericValue"] for name, key in METRICS.items()},
        failed,
    )
