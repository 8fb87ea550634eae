"""Drafts, scheduled items, future stories and expired packages, in real builds."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import ROOT, build, project_settings, write_files

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

DRAFT = """\
key: hemlig-sjo
title: Hemlig sjö
summary: En sjö som ännu inte är klar.
municipality: lessebo
kind: water
coordinates: 56.75, 15.27
address: none
season: Sommar
accessibility: Stig.
draft: yes

Text.
"""
LINKING = """\
key: lankande
title: Länkande plats
summary: En plats som länkar.
municipality: lessebo
kind: nature
coordinates: 56.76, 15.28
address: none
season: Sommar
accessibility: Stig.

Se [Hemlig sjö]({key}hemlig-sjo) och [Kosta]({key}kosta-glasbruk).
"""
PACKAGE = """\
key: glashelg
title: Glashelg
summary: Två nätter i Glasriket.
includes: Två nätter
    Frukost
price_from: 1995
valid_from: 2027-01-01
valid_through: 2027-04-30
booking_url: https://example.org/boka/glashelg
seller: exempelhotellet
municipality: lessebo

Text.
"""
SELLERS = """[[seller]]
id = "exempelhotellet"
name = "Exempelhotellet"
website = "https://example.org"
"""


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    write_files(content, files)
    return content


def run(content: Path, out: Path, when: datetime = NOW, **overrides) -> Path:
    return build(content, out, BUILD_TIME=when, BUILD_DATE=when.date(), **overrides)


def everything(out: Path) -> str:
    """Every text file of the site, for 'appears nowhere' checks."""
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(out.rglob("*"))
        if p.is_file()
        and p.suffix in (".html", ".json", ".xml", ".ics", ".atom", ".rss")
    )


def test_a_draft_is_absent_from_the_published_site_and_marked_in_the_preview(tmp_path):
    content = site(
        tmp_path,
        {
            "destinations/sv/hemlig-sjo.md": DRAFT,
            "destinations/sv/lankande.md": LINKING,
        },
    )
    out = run(content, tmp_path / "published")
    assert not (out / "destinationer/hemlig-sjo").exists()
    assert "Hemlig sjö" not in everything(out).replace(
        "Se Hemlig sjö och", ""
    )  # the link from another page stays as plain text
    linking = (out / "destinationer/lankande/index.html").read_text()
    assert (
        "Se Hemlig sjö och" in linking and "/destinationer/kosta-glasbruk/" in linking
    )
    preview = run(content, tmp_path / "preview", CONTENT_PREVIEW=True)
    page = (preview / "destinationer/hemlig-sjo/index.html").read_text()
    assert 'class="publication-band publication-draft"' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "/destinationer/hemlig-sjo/" not in (preview / "sitemap.xml").read_text()
    assert "application/ld+json" not in page


def test_publish_from_and_a_story_dated_ahead_wait_for_their_moment(tmp_path):
    later = DRAFT.replace("draft: yes", "publish_from: 2027-03-02 08:00").replace(
        "hemlig-sjo", "snart"
    )
    content = site(tmp_path, {"destinations/sv/snart.md": later})
    story = content / "stories/sv/berattelse.md"
    story_date = next(
        line for line in story.read_text().splitlines() if line.startswith("date:")
    )
    story.write_text(story.read_text().replace(story_date, "date: 2027-03-05"))
    before = run(content, tmp_path / "before")
    assert not (before / "destinationer/snart").exists()
    assert not list((before / "berattelser").glob("*/index.html"))
    stories = json.loads((before / "feeds/sv/stories.feed.json").read_text())
    assert stories["items"] == []
    # 08:00 in Stockholm is 07:00 UTC in March
    after = run(content, tmp_path / "after", datetime(2027, 3, 2, 7, 0, tzinfo=UTC))
    assert (after / "destinationer/snart/index.html").is_file()
    assert not list((after / "berattelser").glob("*/index.html"))
    on_the_day = run(content, tmp_path / "day", datetime(2027, 3, 5, 6, tzinfo=UTC))
    assert list((on_the_day / "berattelser").glob("*/index.html"))


@pytest.mark.parametrize(
    ("when", "page", "listed"),
    [
        (datetime(2027, 4, 30, 12, tzinfo=UTC), "bookable", True),
        (datetime(2027, 5, 2, 12, tzinfo=UTC), "expired", False),
        (datetime(2028, 5, 2, 12, tzinfo=UTC), None, False),
    ],
)
def test_a_package_expires_with_its_valid_through(tmp_path, when, page, listed):
    content = site(
        tmp_path, {"packages/sv/glashelg.md": PACKAGE, "sellers.toml": SELLERS}
    )
    out = run(content, tmp_path / "out", when)
    path = out / "paket/glashelg/index.html"
    listing = (out / "paket/index.html").read_text()
    assert ("/paket/glashelg/" in listing) is listed
    assert ("/paket/glashelg/" in (out / "sitemap.xml").read_text()) is listed
    if page is None:
        assert not path.exists()
        return
    html = path.read_text()
    if page == "bookable":
        assert "https://example.org/boka/glashelg" in html and '"Offer"' in html
        return
    assert 'class="publication-band publication-expired"' in html
    assert "30 april 2027" in html and 'href="/paket/"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "https://example.org/boka/glashelg" not in html and '"Offer"' not in html


def test_draft_must_be_yes_or_no(tmp_path):
    from content_model.errors import ContentValidationError

    content = site(
        tmp_path,
        {"destinations/sv/hemlig-sjo.md": DRAFT.replace("draft: yes", "draft: kanske")},
    )
    with pytest.raises(ContentValidationError) as failure:
        run(content, tmp_path / "out")
    assert [str(e) for e in failure.value.errors] == [
        "content/destinations/sv/hemlig-sjo.md:10: draft: 'kanske' is not yes or no — "
        "write yes or no"
    ]


def test_dates_are_stockholm_days():
    from content_model.publication import moment

    assert moment(date(2027, 7, 1)).isoformat() == "2027-07-01T00:00:00+02:00"


def test_expiry_follows_source_date_epoch(tmp_path, monkeypatch):
    """The build's moment is SOURCE_DATE_EPOCH: a nightly rebuild expires a package."""
    from pelican import Pelican
    from pelican.settings import read_settings

    content = site(
        tmp_path, {"packages/sv/glashelg.md": PACKAGE, "sellers.toml": SELLERS}
    )

    def built(epoch: int, name: str) -> Path:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        settings = read_settings(
            str(ROOT / "pelicanconf.py"),
            override=project_settings(content, tmp_path / name),
        )
        Pelican(settings).run()
        return tmp_path / name

    before = built(int(datetime(2027, 4, 30, 12, tzinfo=UTC).timestamp()), "before")
    after = built(int(datetime(2027, 5, 1, 12, tzinfo=UTC).timestamp()), "after")
    assert "/paket/glashelg/" in (before / "paket/index.html").read_text()
    assert "/paket/glashelg/" not in (after / "paket/index.html").read_text()
    assert "publication-expired" in (after / "paket/glashelg/index.html").read_text()
