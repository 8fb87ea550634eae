"""Text an editor can trust: spelling (real Hunspell, Debian's dictionaries), one name
per place, one figure per fact — on the real content and on planted mistakes."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from wording import check_wording, hunspell_missing

LANGUAGES = ("sv", "en", "de", "da", "nl")


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    """A copy of the real content, to plant mistakes in."""
    copy = tmp_path_factory.mktemp("wording") / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def messages(content) -> list[str]:
    return [str(e) for e in check_wording(content, LANGUAGES)]


def plant(path, old: str, new: str) -> str:
    """Replace `old` once in a content file; returns the original text."""
    original = path.read_text("utf-8")
    assert old in original, f"{old!r} is not in {path}"
    path.write_text(original.replace(old, new, 1), "utf-8")
    return original


def line_of(path, text: str) -> int:
    return next(
        n
        for n, row in enumerate(path.read_text("utf-8").splitlines(), 1)
        if text in row
    )


def test_hunspell_and_every_dictionary_are_installed():
    assert hunspell_missing(LANGUAGES) == "", "./dev test installs them (apt)"


def test_the_real_content_passes_spelling_names_and_facts():
    assert messages(ROOT / "content") == []


def test_a_planted_misspelling_is_found_with_hunspells_suggestion(content):
    path = content / "destinations/sv/bolmen-och-bolmso.md"
    original = plant(path, "Den stora sjön", "Den storra sjön")
    try:
        line = line_of(path, "storra")
        found = [m for m in messages(content) if "'storra'" in m]
    finally:
        path.write_text(original, "utf-8")
    assert len(found) == 1
    message = found[0]
    assert message.startswith(
        f"content/destinations/sv/bolmen-och-bolmso.md:{line}: summary: 'storra' is not "
        "in "
        "the Swedish dictionary (Hunspell sv_SE) — correct the spelling (perhaps "
    )
    assert "'stora'" in message.split("(perhaps ", 1)[1].split(")", 1)[0]
    assert message.endswith(
        "; if it is right, add it to content/words/sv.txt (or, for a name written "
        "the same in every language, to content/words/names.txt)"
    )


def test_a_swedish_word_left_in_a_danish_text_is_a_misspelling(content):
    path = next((content / "destinations/da").glob("*.md"))
    text = path.read_text("utf-8")
    path.write_text(text + "\nDet er hele länets stolthed.\n", "utf-8")
    try:
        found = [m for m in messages(content) if "'länets'" in m]
    finally:
        path.write_text(text, "utf-8")
    assert len(found) == 1
    assert "body: 'länets' is not in the Danish dictionary (Hunspell da_DK)" in found[0]


def test_a_name_variant_is_refused_with_the_glossary_name(content):
    path = content / "destinations/en/huseby-ironworks-estate.md"
    original = plant(path, "Huseby bruk", "Huseby Bruk")
    try:
        line = line_of(path, "Huseby Bruk")
        found = [m for m in messages(content) if "variant" in m]
    finally:
        path.write_text(original, "utf-8")
    assert found == [
        f"content/destinations/en/huseby-ironworks-estate.md:{line}: title: "
        "'Huseby Bruk' is a variant of 'Huseby bruk': one name per place — write "
        "'Huseby bruk', as content/glossary.toml gives it"
    ]


def test_a_conflicting_figure_is_refused_with_the_facts_value(content):
    path = content / "destinations/sv/bolmen-och-bolmso.md"
    text = path.read_text("utf-8")
    path.write_text(text + "\nBolmen är drygt 170 km² stor.\n", "utf-8")
    try:
        line = len(path.read_text("utf-8").splitlines())
        found = [m for m in messages(content) if "contradicts" in m]
    finally:
        path.write_text(text, "utf-8")
    assert found == [
        f"content/destinations/sv/bolmen-och-bolmso.md:{line}: body: '170 km²' about "
        "Bolmen contradicts the fact 'bolmen-area' (184) in content/facts.toml — write "
        "184; if the figure has changed, change it in content/facts.toml and in every "
        "text that gives it"
    ]


def test_a_year_is_checked_only_for_the_subject_it_is_said_of(content):
    path = content / "destinations/sv/kosta-glasbruk.md"
    text = path.read_text("utf-8")
    path.write_text(
        text + "\nBergdala, som grundades 1889, ligger nära Kosta.\n"
        "Kosta glasbruk grundades 1743.\n",
        "utf-8",
    )
    try:
        found = [m for m in messages(content) if "contradicts" in m]
    finally:
        path.write_text(text, "utf-8")
    assert len(found) == 1 and "'grundades … 1743' about Kosta" in found[0]


def test_an_unused_word_list_entry_is_refused(content):
    words = content / "words/de.txt"
    original = words.read_text("utf-8")
    words.write_text(original + "Flugzeugträgerverleih\n", "utf-8")
    try:
        line = len(words.read_text("utf-8").splitlines())
        found = [m for m in messages(content) if "words:" in m]
    finally:
        words.write_text(original, "utf-8")
    assert found == [
        f"content/words/de.txt:{line}: words: 'Flugzeugträgerverleih' is used in no "
        "German text — remove the line (the list keeps only words the texts use)"
    ]


def test_the_fast_check_without_hunspell_says_spelling_was_not_checked(tmp_path):
    """Editors' `./dev check --fast` needs no system packages: without Hunspell it says
    so and checks the rest; the full check refuses to pass without it."""
    bare = tmp_path / "bin"
    bare.mkdir()
    script = (
        "import sys; sys.path[:0] = ['plugins']\n"
        "from pathlib import Path\n"
        "from sitetools import content_status\n"
        "print('fast', content_status.check(Path('.'), need_spelling=False))\n"
        "print('full', content_status.check(Path('.'), need_spelling=True))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"PATH": str(bare), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    verdicts = [r for r in result.stdout.splitlines() if r.startswith(("fast", "full"))]
    assert verdicts == ["fast 0", "full 1"], result.stderr
    assert "note: spelling not checked — the spelling check needs hunspell" in (
        result.stderr
    )
