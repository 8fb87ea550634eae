"""One picture shows at most two items: `./dev check` refuses the third."""

from __future__ import annotations

import shutil

from conftest import ROOT, write_files
from content_model.pictures import shared_picture_errors
from content_model.site import load_site

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
LANGUAGES = ("sv", "en", "de", "da", "nl")

PLACE = """\
key: {key}
title: Plats {key}
summary: En plats.
image: glass.svg
image_alt: Tecknad glasblåsare
municipality: lessebo
kind: glass
coordinates: 56.76, 15.28
address: none
season: Sommar
accessibility: Stig.

Text.
"""


def errors_with(tmp_path, keys: list[str]) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    write_files(content, {f"destinations/sv/{k}.md": PLACE.format(key=k) for k in keys})
    entries, problems, _router = load_site(content, LANGUAGES, ROOT / "translations")
    assert problems == []
    return [str(e) for e in shared_picture_errors(entries)]


def test_a_picture_on_two_items_is_fine(tmp_path):
    # kosta-glasbruk in the fixture shows glass.svg too: two items in all.
    assert errors_with(tmp_path, ["a-plats"]) == []


def test_the_third_item_with_the_same_picture_is_refused(tmp_path):
    assert errors_with(tmp_path, ["a-plats", "b-plats"]) == [
        # Items in order of type and key: the last one is the one told to change.
        "content/destinations/sv/kosta-glasbruk.md:10: image: 'glass.svg' is already "
        "the picture of 2 items (destinations/a-plats, destinations/b-plats); one "
        "picture shows at most 2 — give this item a picture of its own "
        "(content/images/CREDITS.md says how to add one)"
    ]


def test_the_real_content_gives_every_picture_to_at_most_two_items():
    entries, problems, _router = load_site(
        ROOT / "content", LANGUAGES, ROOT / "translations"
    )
    assert problems == []
    assert [str(e) for e in shared_picture_errors(entries)] == []
