"""Stale translations: a source edited after its translations is reported, with what
changed, on the command line and on the editors' status page; marking fixes it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, build
from sitetools import translation_status

SOURCE = "content/events/sv/skordedag-huseby-bruk.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The real content in a git repository of its own, as an editor's clone has it."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(ROOT / "pelicanconf.py", root)
    for folder in ("content", "translations"):
        shutil.copytree(ROOT / folder, root / folder)

    def git(*args):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x")
    return root


def test_an_edited_source_makes_its_four_translations_stale(project, capsys):
    assert translation_status.report(project, strict=True) == 0
    source = project / SOURCE
    source.write_text(
        source.read_text(encoding="utf-8") + "\nNytt stycke om äppelmusten.\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert translation_status.report(project, strict=True) == 1
    printed = capsys.readouterr().out
    stale = [line for line in printed.splitlines() if line.strip().startswith("stale")]
    assert len(stale) == 4
    assert all("events/skordedag-huseby-bruk" in line for line in stale)
    assert "    +Nytt stycke om äppelmusten." in printed  # what changed since
    items = len(list((project / "content" / "events" / "sv").glob("*.md"))) + sum(
        len(list((project / "content" / kind / "sv").glob("*.md")))
        for kind in (
            "destinations",
            "activities",
            "packages",
            "stories",
            "pages",
            "municipalities",
        )
    )
    for lang in ("en", "de", "da", "nl"):
        assert (
            f"{lang}: {items - 1} up to date, 1 stale, 0 not recorded, 0 missing"
            in printed
        )
    translation = next(line.split()[-1] for line in stale if "/nl/" in line)
    assert translation_status.mark(project, [translation]) == 0
    capsys.readouterr()
    translation_status.report(project)
    assert f"nl: {items} up to date" in capsys.readouterr().out


def test_facts_are_not_part_of_a_translation(project, capsys):
    """A changed date is shown in every language at once: no translation goes stale."""
    source = project / SOURCE
    text = source.read_text(encoding="utf-8")
    start = next(line for line in text.splitlines() if line.startswith("start:"))
    source.write_text(text.replace(start, start.replace("09", "08")), encoding="utf-8")
    assert translation_status.report(project, strict=True) == 0


def test_the_status_page_lists_stale_translations_only_when_asked(project, tmp_path):
    source = project / SOURCE
    source.write_text(
        source.read_text(encoding="utf-8") + "\nNytt stycke.\n", encoding="utf-8"
    )
    preview = build(project / "content", tmp_path / "preview", CONTENT_STATUS_PAGE=True)
    page = (preview / "_status/index.html").read_text()
    assert page.count("events/skordedag-huseby-bruk") == 4
    assert '<meta name="robots" content="noindex">' in page
    assert "/_status/" not in (preview / "sitemap.xml").read_text()
    plain = build(project / "content", tmp_path / "plain")
    assert not (plain / "_status").exists()
