"""The UI catalogs: complete in every language, placeholders intact, URL folders valid."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from conftest import LANGUAGES, ROOT

PLACEHOLDER = re.compile(r"%\(\w+\)s")


def catalog(lang: str):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_is_complete(lang):
    messages = [m for m in catalog(lang) if m.id]
    strings = {m.id: m.string for m in messages}
    missing = [
        m.id
        for m in messages
        if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]
    assert missing == []
    assert len(strings) >= 90


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang):
    for message in catalog(lang):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == wanted, (lang, message.id)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_url_folders_are_slugs(lang):
    folders = [m.string for m in catalog(lang) if m.context == "URL path"]
    assert len(folders) == 13
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", f) for f in folders)
    assert len(set(folders)) == 13


def test_catalogs_match_the_templates(tmp_path):
    """Every string in templates and plugins is in the catalogs: extraction finds nothing new."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "translations/babel.cfg",
            "-o",
            str(pot),
            "-k",
            "N_",
            "-k",
            "_",
            "-k",
            "url_segment:1c,2",
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as f:
        extracted = {(m.context, m.id) for m in read_po(f) if m.id}
    known = {(m.context, m.id) for m in catalog("sv") if m.id}
    assert extracted - known == set()
