"""The editor's tasks work as the README says."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build
from content_model.errors import ContentValidationError
from sitetools import scaffold

BASE = ROOT / "tests" / "fixtures" / "base" / "content"


def invoke(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_fast_check_passes_on_the_real_content():
    result = invoke("check", "--fast")
    assert result.returncode == 0, result.stderr
    assert "no errors" in result.stdout


def test_new_item_is_scaffolded_with_required_fields(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    path = scaffold.create(content, "events", "sv", title="Midsommar i Råshult")
    assert path == content / "events/sv/midsommar-i-rashult.md"
    with pytest.raises(ContentValidationError) as failure:
        build(content, tmp_path / "output")
    fields = sorted(e.field for e in failure.value.errors)
    assert fields == [
        "address",  # no destination: where it is held
        "body",  # the placeholder text, refused until it is replaced
        "category",
        "municipality",
        "organizer",
        "price",
        "start",
        "summary",
        "venue",
    ]


def test_new_translation_shows_the_source_text_to_translate(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    source = content / "destinations/sv/bara-svensk.md"
    swedish = "Stranden vid Åsnen är lång och ljus. " * 8
    source.write_text(source.read_text().replace("Text.", swedish.strip()))
    path = scaffold.create(
        content,
        "destinations",
        "de",
        key="bara-svensk",
        title="Am Ufer des Åsnen",
        languages=("sv", "en", "de"),
    )
    assert path.name == "am-ufer-des-asnen.md"
    header, note, body = path.read_text().split("\n\n", 2)
    lines = header.splitlines()
    assert re.fullmatch(r"translated_from: sv:[0-9a-f]{12}", lines.pop(1))
    assert lines == [
        "key: bara-svensk",
        "# sv: Åsnens strand",
        "title: Am Ufer des Åsnen",
        "# sv: Ett ställe som bara finns på svenska.",
        "summary: ",
        "# sv: Maj–september",
        "season: ",
        "# sv: Stigen är smal och går inte att ta sig fram på med rullstol.",
        "accessibility: ",
    ]
    assert note.startswith("TRANSLATE: translate the sv text below")
    assert body == swedish.strip() + "\n"
    with pytest.raises(ContentValidationError) as failure:
        build(content, tmp_path / "output")
    mine = f"content/destinations/de/{path.name}"
    assert sorted(str(e) for e in failure.value.errors if e.path == mine) == sorted(
        [
            f"{mine}:12: body: still has the placeholder text of ./dev new — write the "
            "text (and delete the placeholder line)",
            f"{mine}:6: summary: is empty — write the text after the colon",
            f"{mine}:8: season: is empty — write the text after the colon",
            f"{mine}:10: accessibility: is empty — write the text after the colon",
        ]
    )
    # Fields filled, the note deleted, the Swedish text left as it is: refused too.
    filled = path.read_text().replace(": \n", ": Übersetzt.\n")
    path.write_text(filled.replace(note + "\n\n", ""))
    with pytest.raises(ContentValidationError) as failure:
        build(content, tmp_path / "output")
    assert [str(e) for e in failure.value.errors] == [
        f"{mine}:12: body: is the same text as the sv file — translate it "
        "(./dev new --lang … copies the source text to start from)"
    ]


def test_new_refuses_a_name_the_check_would_refuse(tmp_path):
    with pytest.raises(scaffold.ScaffoldError, match="the file name would be '2027'"):
        scaffold.create(tmp_path, "events", "sv", title="2027")


def test_new_refuses_a_second_file_per_language_and_a_taken_key(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    with pytest.raises(scaffold.ScaffoldError, match="already has a de file"):
        scaffold.create(
            content, "destinations", "de", key="kosta-glasbruk", title="Noch"
        )
    with pytest.raises(scaffold.ScaffoldError, match="the key 'konsert' is taken"):
        scaffold.create(content, "stories", "sv", title="Konsert")
    with pytest.raises(scaffold.ScaffoldError, match="--lang must be one of"):
        scaffold.create(content, "stories", "fi", title="Uusi", languages=("sv", "en"))


def test_new_refuses_unknown_type_and_key(tmp_path):
    with pytest.raises(scaffold.ScaffoldError, match="--type must be one of"):
        scaffold.create(tmp_path, "blog", "sv", title="x")
    shutil.copytree(BASE, tmp_path / "content")
    with pytest.raises(scaffold.ScaffoldError, match="no events item has key 'nope'"):
        scaffold.create(tmp_path / "content", "events", "en", key="nope")


def test_untranslated_lists_missing_languages():
    result = invoke("untranslated")
    assert result.returncode == 0
    assert result.stdout.startswith("sv: ")
    assert "da: " in result.stdout and "nl: " in result.stdout


def test_unconfirmed_lists_addresses_to_find_and_example_details():
    result = invoke("unconfirmed")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # Bergdala glasbruk's address is not confirmed; Åsnen is an area (`address: none`).
    assert (
        "content/destinations/sv/bergdala-glasbruk.md:7  destinations/bergdala-glasbruk"
        in [line.strip() for line in lines]
    )
    assert "asnens-nationalpark" not in result.stdout
    assert "events/julmarknad-aseda: date" in result.stdout
    counts = [line for line in lines if not line.startswith(" ")]
    assert counts[0].startswith("addresses to confirm: ")
    assert counts[1].startswith("details shown as examples (illustrative): ")
    # Every event held at a town, a park or a square says whether its venue has an
    # address of its own.
    assert counts[2] == (
        "events at a destination without an address: 0 (give the venue's own "
        "'address:' if it has one, or 'address: none')"
    )


def test_a_language_without_catalog_is_one_clear_line(tmp_path, capsys):
    from sitetools.build import run

    code = run(
        ROOT / "pelicanconf.py",
        {
            "OUTPUT_PATH": str(tmp_path / "output"),
            "I18N": {"languages": ("sv", "en", "de", "da", "nl", "fi")},
        },
    )
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith(
        "no catalog for language 'fi' — run './dev i18n-init --lang fi', "
        "translate it, and build again"
    )
    assert "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "output").exists()
