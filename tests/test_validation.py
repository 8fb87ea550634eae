"""Each kind of bad input fails the build with its message and leaves output/ untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build, settled, snapshot, write_files
from content_model.errors import ContentValidationError

BASE = ROOT / "tests" / "fixtures" / "base" / "content"

DESTINATION = """\
key: ny-plats
title: Ny plats
summary: En plats.
municipality: vaxjo
kind: nature
coordinates: 56.8790, 14.8059
season: Året runt
accessibility: Plant underlag.
address: none

Text.
"""
EVENT = """\
key: ny-fest
title: Ny fest
summary: En fest.
start: 2027-06-05
venue: Torget
municipality: vaxjo
category: festival
price: free
organizer: Föreningen
address: none

Text.
"""

CASES = {
    "destination without an address": (
        {"destinations/sv/ny-plats.md": DESTINATION.replace("address: none\n", "")},
        "content/destinations/sv/ny-plats.md:1: address: is required but missing "
        "— add a line 'address: …' to the header (see content/README.md)",
    ),
    "event with neither an address nor a destination": (
        {"events/sv/ny-fest.md": EVENT.replace("address: none\n", "")},
        "content/events/sv/ny-fest.md:1: address: is required for an event that has "
        "no destination — add 'address: street, postcode town' ('none' for a square, "
        "a park or a lake; 'unconfirmed' until you have it), or 'destination: …' to "
        "hold it at a destination and take that one's",
    ),
    "empty address, as the scaffold leaves it": (
        {"events/sv/ny-fest.md": EVENT.replace("address: none", "address: ")},
        "content/events/sv/ny-fest.md:10: address: is empty — write 'street, postcode "
        "town', e.g. 'Södra Järnvägsgatan 2, 352 31 Växjö'; in the countryside the "
        "farm or village stands for the street: 'Stenbrohult, 343 71 Diö'; or 'none' "
        "for a place without a postal address (a lake, a trail, a whole town), or "
        "'unconfirmed' until you have the real one",
    ),
    "address without a postcode": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "address: none", "address: Stortorget, Växjö"
            )
        },
        "content/events/sv/ny-fest.md:10: address: 'Stortorget, Växjö' is not street, "
        "postcode and town — write 'street, postcode town', e.g. 'Södra "
        "Järnvägsgatan 2, 352 31 Växjö'; in the countryside the farm or village "
        "stands for the street: 'Stenbrohult, 343 71 Diö'; or 'none' for a place "
        "without a postal address (a lake, a trail, a whole town), or 'unconfirmed' "
        "until you have the real one",
    ),
    "missing required field": (
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "coordinates: 56.8790, 14.8059\n", ""
            )
        },
        "content/destinations/sv/ny-plats.md:1: coordinates: is required but missing "
        "— add a line 'coordinates: …' to the header (see content/README.md)",
    ),
    "unparseable date": (
        {"events/sv/ny-fest.md": EVENT.replace("2027-06-05", "2027-13-05")},
        "content/events/sv/ny-fest.md:4: start: '2027-13-05' is not a real date — "
        "check the month (01–12) and the day",
    ),
    "end before start": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "start: 2027-06-05\n", "start: 2027-06-05\nend: 2027-06-04\n"
            )
        },
        "content/events/sv/ny-fest.md:5: end: 2027-06-04 is before the start "
        "2027-06-05 — correct the end, or the start",
    ),
    "unknown municipality": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "municipality: vaxjo", "municipality: kalmar"
            )
        },
        "content/events/sv/ny-fest.md:6: municipality: 'kalmar' is not a known value "
        "— use one of: alvesta, lessebo, ljungby, markaryd, tingsryd, uppvidinge, "
        "vaxjo, almhult",
    ),
    "unknown category": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "category: festival", "category: opera"
            )
        },
        "content/events/sv/ny-fest.md:7: category: 'opera' is not a known value — "
        "use one of: music, culture, sports, food, market, family, outdoors, "
        "festival, exhibition",
    ),
    "municipality written as a name": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "municipality: vaxjo", "municipality: Växjö"
            )
        },
        "content/events/sv/ny-fest.md:6: municipality: 'Växjö' is not a known value "
        "— did you mean 'vaxjo'? use one of: alvesta, lessebo, ljungby, markaryd, "
        "tingsryd, uppvidinge, vaxjo, almhult",
    ),
    "a field pushed right by a tab": (
        {"events/sv/ny-fest.md": EVENT.replace("venue: Torget", "\tvenue: Torget")},
        "content/events/sv/ny-fest.md:5: header: the line 'venue: Torget' starts with "
        "a space or tab, so it would be read as part of 'start' — start a field at the "
        "beginning of the line; only list lines are indented, by four spaces",
    ),
    "raw HTML in a body": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "Text.", 'Karta: <iframe src="https://example.org/map"></iframe>'
            )
        },
        "content/events/sv/ny-fest.md:12: body: has HTML (<iframe>), which the page "
        "shows as text — write Markdown instead; for a map, a video or a form, link "
        "to it: [text](https://…)",
    ),
    "two files of one language share a key": (
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "ny-plats", "kosta-glasbruk"
            )
        },
        "content/destinations/sv/ny-plats.md:1: key: 'kosta-glasbruk' already has a "
        "sv file: content/destinations/sv/kosta-glasbruk.md — each key has one file "
        "per language; give one of them another key",
    ),
    "image file missing": (
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "season:", "image: saknas.svg\nimage_alt: En bild\nseason:"
            )
        },
        "content/destinations/sv/ny-plats.md:7: image: 'saknas.svg' is not in "
        "content/images/ — add the file there or correct the name",
    ),
    "translation without alt text": (
        {
            "destinations/en/kosta-glassworks.md": (
                BASE / "destinations/en/kosta-glassworks.md"
            )
            .read_text()
            .replace("image_alt: Drawing of a glassblower\n", "")
        },
        "content/destinations/en/kosta-glassworks.md:1: image_alt: is missing, but "
        "the item has an image — describe what the image shows in this language: "
        "'image_alt: …'",
    ),
    "body image without alt text": (
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "Text.", "![]({image}glass.svg)"
            )
        },
        "content/destinations/sv/ny-plats.md:11: body: has an image without alt text "
        "— write what the image shows between the brackets: ![Alt text](…)",
    ),
    "shared fact differs in a translation": (
        {
            "destinations/de/glashuette-kosta.md": (
                BASE / "destinations/de/glashuette-kosta.md"
            )
            .read_text()
            .replace("season:", "municipality: vaxjo\nseason:")
        },
        "content/destinations/de/glashuette-kosta.md:4: municipality: differs from "
        "content/destinations/sv/kosta-glasbruk.md — shared facts are written once; "
        "delete this line or correct the source file",
    ),
    "link to an unknown key": (
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "Text.", "Se [mer]({key}finns-inte)."
            )
        },
        "content/destinations/sv/ny-plats.md:11: body: links to an unknown key "
        "'finns-inte' — use the key: field of an existing item, e.g. "
        "{key}kosta-glasbruk",
    ),
    "unknown field": (
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "season:", "color: red\nseason:"
            )
        },
        "content/destinations/sv/ny-plats.md:7: color: is not a field of destinations "
        "— remove it or use one of: accessibility, address, coordinates, draft, featured, "
        "image, image_alt, key, kind, municipality, nearest_stop, new_item, opening_hours, "
        "publish_from, season, summary, title, translated_from, website (see "
        "content/README.md)",
    ),
    "level-1 heading in the body": (
        {"destinations/sv/ny-plats.md": DESTINATION.replace("Text.", "# Rubrik")},
        "content/destinations/sv/ny-plats.md:11: body: has a level-1 heading; the "
        "title is the page's only one — start sections with '## '",
    ),
    "swapped coordinates": (
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "56.8790, 14.8059", "14.8059, 56.8790"
            )
        },
        "content/destinations/sv/ny-plats.md:6: coordinates: 14.8059, 56.879 is "
        "outside Kronoberg (latitude and longitude swapped?) — check the point on a "
        "map; Kronoberg lies near 56.9, 14.5",
    ),
    "unknown language folder": (
        {"destinations/xx/paikka.md": DESTINATION},
        "content/destinations/xx/paikka.md:1: file: is not in a language folder — "
        "put it at content/destinations/<lang>/<slug>.md, <lang> one of sv, en, de, "
        "da, nl",
    ),
    "field given twice": (
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "season: Året runt\n", "season: Året runt\nseason: Sommar\n"
            )
        },
        "content/destinations/sv/ny-plats.md:8: season: is given twice (first on line "
        "7) — keep one of the two lines",
    ),
    "rescheduled without previous start": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "price: free", "price: free\nstatus: rescheduled"
            )
        },
        "content/events/sv/ny-fest.md:9: status: is 'rescheduled' but there is no "
        "previous_start — add 'previous_start: …' with the date the event had before",
    ),
    "repeat with neither end nor count": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "price: free", "price: free\nrepeat: weekly"
            )
        },
        "content/events/sv/ny-fest.md:9: repeat: has neither repeat_until nor "
        "repeat_count — add 'repeat_until: YYYY-MM-DD' (the last date) or "
        "'repeat_count: N'",
    ),
    "exception date outside the rule": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "price: free",
                "price: free\nrepeat: weekly\nrepeat_until: 2027-08-28\n"
                "repeat_except: 2027-06-26, 2027-06-27",
            )
        },
        "content/events/sv/ny-fest.md:11: repeat_except: 2027-06-27 is not a date the "
        "event repeats on — list only dates the rule produces, e.g. a Saturday for a "
        "weekly Saturday event",
    ),
    "unknown time zone": (
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "price: free", "price: free\ntimezone: Europe/Växjö"
            )
        },
        "content/events/sv/ny-fest.md:9: timezone: 'Europe/Växjö' is not a known time "
        "zone — leave the field out for Swedish time, or write an IANA name such as "
        "Europe/Stockholm",
    ),
}


@pytest.fixture
def good_site(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    output = build(content, tmp_path / "output")
    return content, output


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_with_message_and_keeps_output(case, good_site, tmp_path):
    content, output = good_site
    files, expected = CASES[case]
    before = snapshot(output)
    write_files(content, files)
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [str(e) for e in failure.value.errors] == [expected]
    assert snapshot(output) == before
    assert settled(tmp_path) == ["content", "output"]


def test_invalid_utf8_is_reported_not_raised(good_site):
    content, output = good_site
    (content / "destinations/sv/trasig.md").write_bytes(
        DESTINATION.replace("ny-plats", "trasig").encode() + b"\xff\xfe bad\n"
    )
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [str(e) for e in failure.value.errors] == [
        "content/destinations/sv/trasig.md:12: file: is not valid UTF-8 text — save "
        "the file as UTF-8 (every modern editor offers it)"
    ]


def test_all_errors_of_a_run_are_reported_together(good_site):
    content, output = good_site
    write_files(
        content,
        {
            "events/sv/ny-fest.md": EVENT.replace("category: festival", "category: x"),
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "kind: nature", "kind: y"
            ),
        },
    )
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [(e.path, e.field) for e in failure.value.errors] == [
        ("content/destinations/sv/ny-plats.md", "kind"),
        ("content/events/sv/ny-fest.md", "category"),
    ]
    assert str(failure.value).startswith("2 content errors; nothing was written.")


def test_bom_and_crlf_are_read_as_plain_text(good_site):
    content, output = good_site
    text = "\ufeff" + DESTINATION.replace("\n", "\r\n")
    (content / "destinations/sv/ny-plats.md").write_bytes(text.encode("utf-8"))
    build(content, output)
    assert (output / "destinationer/ny-plats/index.html").is_file()


def test_a_time_skipped_by_daylight_saving_is_an_error(good_site):
    content, output = good_site
    write_files(
        content,
        {
            "events/sv/ny-fest.md": EVENT.replace(
                "start: 2027-06-05", "start: 2027-03-28 02:30"
            )
        },
    )
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [str(e) for e in failure.value.errors] == [
        "content/events/sv/ny-fest.md:4: start: 2027-03-28 02:30 does not exist in "
        "Europe/Stockholm: the clocks go forward that night — choose a time outside "
        "the skipped hour"
    ]


def test_a_file_without_key_is_reported_not_skipped(good_site):
    content, output = good_site
    write_files(content, {"events/sv/ny-fest.md": EVENT.replace("key: ny-fest\n", "")})
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [str(e) for e in failure.value.errors] == [
        "content/events/sv/ny-fest.md:1: key: is required but missing — add a line "
        "'key: …' that links the languages of this item, e.g. 'key: ny-fest'"
    ]


def test_unreadable_and_clashing_images_are_content_errors(good_site):
    content, output = good_site
    (content / "images/trasig.jpg").write_bytes(b"not a picture at all")
    from PIL import Image

    Image.new("RGB", (20, 10)).save(content / "images/sjo.jpg")
    Image.new("RGB", (20, 10)).save(content / "images/sjo.png")
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [str(e) for e in failure.value.errors] == [
        "content/images/sjo.png:1: file: has the same name as sjo.jpg but another "
        "ending — rename one of them: both would be published as the same files",
        "content/images/trasig.jpg:1: file: is not an image that can be read — export "
        "it again as JPEG, PNG or WebP (at most about 90 megapixels)",
    ]


def fast_check_project(folder: Path, content: Path) -> Path:
    """A project whose pelicanconf.py reads `content`, for `./dev check --fast`."""
    folder.mkdir(exist_ok=True)
    (folder / "pelicanconf.py").write_text(
        (ROOT / "pelicanconf.py").read_text()
        + f"\nPATH = {str(content)!r}\nI18N_TRANSLATIONS_PATH = "
        f"{str(ROOT / 'translations')!r}\n"
    )
    return folder


def test_image_names_must_be_url_safe_and_credited(good_site, tmp_path, capsys):
    """A photo straight from a camera folder is refused before it breaks srcset lists,
    by the fast check as by the build, with the rename to do."""
    content, output = good_site
    from PIL import Image
    from sitetools.content_status import check

    Image.new("RGB", (20, 10)).save(content / "images/Utsikt från Trollberget.JPG")
    Image.new("RGB", (20, 10)).save(content / "images/okand.jpg")
    expected = [
        "content/images/Utsikt från Trollberget.JPG:1: credit: is not listed in "
        "CREDITS.md, and an image without a credit must not be published — add a row "
        "to content/images/CREDITS.md: | `Utsikt från Trollberget.JPG` | what it shows "
        "| who made it; licence |",
        "content/images/Utsikt från Trollberget.JPG:1: file: the name has capitals, "
        "spaces or letters outside a-z, which break image addresses — rename it to "
        "utsikt-fran-trollberget.jpg (and its uses in content files)",
        "content/images/okand.jpg:1: credit: is not listed in CREDITS.md, and an image "
        "without a credit must not be published — add a row to "
        "content/images/CREDITS.md: | `okand.jpg` | what it shows | who made it; "
        "licence |",
    ]
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [str(e) for e in failure.value.errors] == expected
    project = fast_check_project(tmp_path / "project", content)
    capsys.readouterr()
    assert check(project) == 1
    printed = capsys.readouterr().err.splitlines()
    assert all(line in printed for line in expected), printed


def test_a_key_typo_is_reported_in_the_file_that_has_it(good_site):
    """Not as missing facts in the translations, which would make a second item."""
    content, output = good_site
    source = content / "destinations/sv/kosta-glasbruk.md"
    source.write_text(
        source.read_text().replace("key: kosta-glasbruk", "key: kosta-glasbrk")
    )
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [str(e) for e in failure.value.errors] == [
        "content/destinations/sv/kosta-glasbruk.md:1: key: 'kosta-glasbrk' looks like a "
        "typo: the other files of this item (content/destinations/de/glashuette-kosta.md, "
        "content/destinations/en/kosta-glassworks.md) say 'kosta-glasbruk' — write "
        "'key: kosta-glasbruk' here (a key never changes once published)"
    ]


def test_relative_links_are_refused(good_site):
    content, output = good_site
    write_files(
        content,
        {
            "destinations/sv/ny-plats.md": DESTINATION.replace(
                "Text.", "Se [sidan](../kontakt/)."
            )
        },
    )
    with pytest.raises(ContentValidationError) as failure:
        build(content, output)
    assert [e.problem for e in failure.value.errors] == [
        "has a relative link '../kontakt/', which breaks between languages"
    ]


def test_a_root_relative_link_to_no_page_is_found_by_the_fast_check(tmp_path, capsys):
    """Against the site's addresses: its items' and content/urls.json's."""
    from sitetools.content_status import check

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    fast_check_project(tmp_path, content)
    page = content / "destinations/sv/kosta-glasbruk.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text + "\n[Glasbruket](/destinationer/kosta-glasbruket/), [flöden](/floden/), "
        "[kalendern](/feeds/sv/events.ics)\n",
        encoding="utf-8",
    )
    line = len(text.split("\n")) + 1
    capsys.readouterr()
    assert check(tmp_path) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"content/destinations/sv/kosta-glasbruk.md:{line}: body: links to "
        "/destinationer/kosta-glasbruket/, which is no page of this site — did you "
        "mean /destinationer/kosta-glasbruk/? Links to our items are safest as "
        "{key}kosta-glasbruk"
    )


def test_a_key_changed_in_every_language_is_refused(tmp_path, capsys):
    """Partners' calendars know the old key; a new item says so with new_item: yes."""
    from sitetools.content_status import check

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    fast_check_project(tmp_path, content)
    files = [
        p
        for p in content.glob("destinations/*/*.md")
        if "key: kosta-glasbruk\n" in p.read_text(encoding="utf-8")
    ]
    assert len(files) == 5
    for path in files:
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "key: kosta-glasbruk\n", "key: kosta\n"
            ),
            encoding="utf-8",
        )
    capsys.readouterr()
    assert check(tmp_path) == 1
    assert (
        "content/destinations/sv/kosta-glasbruk.md:1: key: was 'kosta-glasbruk' when "
        "/destinationer/kosta-glasbruk/ was published; a key never changes (links, "
        "feeds and calendars use it) — write 'key: kosta-glasbruk' again; if this is "
        "a new item in place of the old one, add 'new_item: yes' to its source file"
    ) in capsys.readouterr().err.splitlines()
    source = content / "destinations/sv/kosta-glasbruk.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "key: kosta\n", "key: kosta\nnew_item: yes\n"
        ),
        encoding="utf-8",
    )
    for path in content.rglob("*.md"):  # links to the old key are errors of their own
        text = path.read_text(encoding="utf-8")
        text = text.replace("{key}kosta-glasbruk", "{key}kosta")
        # and so are the destination fields of events and packages that name it
        text = re.sub(
            r"^(destinations?:.*\b)kosta-glasbruk\b",
            r"\1kosta",
            text,
            flags=re.MULTILINE,
        )
        path.write_text(text, encoding="utf-8")
    assert check(tmp_path) == 0
