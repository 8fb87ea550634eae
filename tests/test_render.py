"""Incremental, parallel output: a rebuild keeps unchanged files and equals a clean build."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build, edit, project_settings, snapshot
from pelican.settings import read_settings
from PIL import Image
from render import stored
from render.fingerprint import Fingerprinter, UnknownInput
from render.parallel import WorkerFailed, fork_map

BASE = ROOT / "tests" / "fixtures" / "base" / "content"
CONTENT_SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))["CONTENT"]
KONSERT = "events/sv/konsert.md"


@pytest.fixture
def site(tmp_path: Path):
    """The base fixture, built incrementally into one output (caches beside it)."""
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    stats: list[dict] = []

    def incremental(**overrides) -> Path:
        settings = {
            "THEME": str(theme),
            "I18N_TRANSLATIONS_PATH": str(translations),
            **overrides,
        }
        out = build(content, tmp_path / "output", **settings)
        stats.append(dict(LAST_SETTINGS["RENDER_STATS"]))
        return out

    def clean(name: str, **overrides) -> dict[str, bytes]:
        """A from-scratch build: no caches, no earlier output, and in a new process (this
        one remembers unchanged files and entries, as livereload does)."""
        scratch = tmp_path / f"clean-{name}"
        build_in_new_process(
            content,
            scratch / "output",
            THEME=str(theme),
            I18N_TRANSLATIONS_PATH=str(translations),
            RENDER={"cache": str(scratch / "render"), "reuse": False},
            **{
                **overrides,
                "CONTENT": {
                    **overrides.get("CONTENT", CONTENT_SETTINGS),
                    "cache_bodies": False,
                },
            },
        )
        return snapshot(scratch / "output")

    return content, theme, incremental, clean, stats


LAST_SETTINGS: dict = {}


def build_in_new_process(content: Path, output: Path, **overrides) -> None:
    code = (
        "import pickle, sys\n"
        "from conftest import build\n"
        "args, overrides = pickle.load(sys.stdin.buffer)\n"
        "build(*args, **overrides)\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        input=pickle.dumps(((content, output), overrides)),
        cwd=ROOT / "tests",
        check=True,
        capture_output=True,
    )


@pytest.fixture(autouse=True)
def remember_settings(monkeypatch):
    """The settings of the last build, for its RENDER_STATS (a real build, observed)."""
    from pelican import Pelican

    original = Pelican.run

    def run(self):
        original(self)
        LAST_SETTINGS.clear()
        LAST_SETTINGS.update(self.settings)

    monkeypatch.setattr(Pelican, "run", run)


def tmp_output(content: Path) -> Path:
    return content.parent / "output"


def photo(path: Path, size: tuple[int, int]) -> None:
    Image.new("RGB", size, (40, 90, 140)).save(path, "JPEG", quality=80)


def add_photo(content: Path, size: tuple[int, int]) -> None:
    photo(content / "images/foto.jpg", size)
    edit(content / "destinations/sv/kosta-glasbruk.md", "glass.svg", "foto.jpg")


def write_activity(content: Path) -> None:
    folder = content / "activities" / "sv"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "paddla-asnen.md").write_text(
        "key: paddla-asnen\ntitle: Paddla i Åsnen\nsummary: En dag på sjön.\n"
        "kind: paddling\nmunicipality: tingsryd\nwhere: Sjön Åsnen\n"
        "season: Maj–september\nduration: En dag\ndifficulty: easy\n\nText.\n",
        encoding="utf-8",
    )


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_a_rebuild_keeps_every_unchanged_file(site):
    content, _theme, incremental, clean, stats = site
    out = incremental()
    first, files = snapshot(out), stamps(out)
    assert LAST_SETTINGS["CONTENT_BODIES_CONVERTED"] > 0
    second = snapshot(incremental())
    assert stats[0]["made"] > 50 and stats[0]["kept"] == 0
    assert stats[1] == {**stats[1], "made": 0, "kept": stats[0]["made"]}
    assert LAST_SETTINGS["CONTENT_BODIES_CONVERTED"] == 0  # from the cache
    assert first == second == clean("same")
    # Not rewritten: the very same files (pages, feeds) are still there.
    after = stamps(out)
    pages = [p for p in files if p.endswith(("index.html", ".ics", ".atom"))]
    assert pages and all(after[p] == files[p] for p in pages)
    edit(content / "pages/sv/om-oss.md", "\n\n", "\n\nNytt. ")
    incremental()
    assert LAST_SETTINGS["CONTENT_BODIES_CONVERTED"] == 1


def test_each_kind_of_edit_gives_exactly_the_clean_build(site):
    content, theme, incremental, clean, stats = site
    incremental()
    total = stats[0]["made"]
    steps = [
        ("title", lambda: edit(content / KONSERT, "title: ", "title: Ny titel – ")),
        ("date", lambda: edit(content / KONSERT, "2027-", "2028-")),
        ("delete", lambda: (content / "destinations/de/glashuette-kosta.md").unlink()),
        # A linked page moves: bodies linking to it ({key}) change, though their own
        # files did not.
        (
            "move",
            lambda: (content / "destinations/sv/bara-svensk.md").rename(
                content / "destinations/sv/asnens-strand.md"
            ),
        ),
        ("body", lambda: edit(content / "pages/sv/om-oss.md", "\n\n", "\n\nNytt. ")),
        # Activities: their listing, filters and activities.json (kept per language
        # while what they show is equal).
        ("activity added", lambda: write_activity(content)),
        (
            "activity renamed",
            lambda: edit(
                content / "activities/sv/paddla-asnen.md", "Paddla", "Kanot på"
            ),
        ),
        # An event held at a destination takes its place; when the destination
        # moves, the event's page, feeds and map move with it, though its files did
        # not change.
        (
            "held at a destination",
            lambda: edit(
                content / KONSERT, "address: none", "destination: kosta-glasbruk"
            ),
        ),
        (
            "destination moved",
            lambda: edit(
                content / "destinations/sv/kosta-glasbruk.md",
                "coordinates: 56.8436, 15.3932",
                "coordinates: 56.8500, 15.4100",
            ),
        ),
        # A catalog: event category names and their URLs, feed texts.
        (
            "catalog",
            lambda: edit(
                content.parent / "translations/sv/LC_MESSAGES/messages.po",
                'msgstr "Musik"',
                'msgstr "Musik och sång"',
            ),
        ),
        ("template", lambda: edit(theme / "templates/base.html", "<main", "<main ")),
        # A photo comes, then is replaced by one of another size: pages, listings and
        # feeds (destinations.json) show the new sizes and addresses.
        ("photo", lambda: add_photo(content, (1200, 800))),
        ("photo replaced", lambda: photo(content / "images/foto.jpg", (600, 900))),
    ]
    for name, change in steps:
        change()
        built, expected = snapshot(incremental()), clean(name)
        differing = sorted(
            p for p in built.keys() | expected.keys() if built.get(p) != expected.get(p)
        )
        assert not differing, f"{name}: {differing}"
    # The deleted translation's page is gone; its published address now forwards to
    # the item in another language (the redirects plugin).
    gone = tmp_output(content) / "de" / "reiseziele" / "glashuette-kosta"
    assert 'http-equiv="refresh"' in (gone / "index.html").read_text()
    made = [s["made"] for s in stats[1:]]
    # An edit remakes its pages, listings and feeds, not the whole site; a template
    # change remakes every page.
    assert all(0 < m < total for m in made[:9]), made
    assert stats[11]["kept"] < total / 2


def test_a_file_changed_by_hand_in_output_is_made_again(site):
    _content, _theme, incremental, clean, stats = site
    out = incremental()
    page = next(out.rglob("index.html"))
    page.write_text("vandalised", encoding="utf-8")
    assert snapshot(incremental()) == clean("repaired")
    assert stats[1]["made"] == 1


def test_one_worker_and_two_make_the_same_bytes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    outputs = []
    for workers in (1, 2):
        out = build(
            content,
            tmp_path / f"out-{workers}",
            RENDER={"workers": workers, "cache": str(tmp_path / f"c{workers}")},
        )
        outputs.append(snapshot(out))
    assert outputs[0] == outputs[1]


def test_livereload_edits_in_place_and_removes_pages_that_are_gone(tmp_path):
    from sitetools.live import LiveSite

    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    output = tmp_path / "output"
    live = LiveSite(ROOT / "pelicanconf.py", project_settings(content, output))
    assert live.rebuild() == 0
    inode = os.stat(output).st_ino
    german = output / "de" / "reiseziele" / "glashuette-kosta" / "index.html"
    assert german.is_file()
    (content / "destinations/de/glashuette-kosta.md").unlink()
    edit(content / KONSERT, "title: ", "title: Ändrad – ")
    assert live.rebuild() == 0
    assert live.stats["made"] < live.stats["kept"]
    assert os.stat(output).st_ino == inode  # the same folder, changed in place
    assert not german.exists()
    assert "Ändrad" in (output / "evenemang" / "konsert" / "index.html").read_text()
    # A photo replaced by a smaller one leaves no variant of the old one behind.
    add_photo(content, (1200, 800))
    assert live.rebuild() == 0
    assert (output / "images" / "foto-800.webp").is_file()
    photo(content / "images/foto.jpg", (600, 400))
    assert live.rebuild() == 0
    assert not (output / "images" / "foto-800.webp").exists()
    assert (output / "images" / "foto-600.webp").is_file()
    live.settle()  # the search index follows each build in the background
    before = snapshot(output)
    edit(content / KONSERT, "municipality: ", "municipality: atlantis")
    assert live.rebuild() == 1  # a content error: reported, no page written
    report = "_preview/errors.json"  # for the browser (js/preview.js)
    live.settle()
    after = snapshot(output)
    assert b"municipality: 'atlantis" in after.pop(report)
    before.pop(report)
    assert after == before


def test_fingerprints_follow_values_not_identity():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Card:
        title: str
        tags: frozenset

    digest = Fingerprinter("salt")
    one = digest({"card": Card("Åsnen", frozenset({"a", "b"}))})
    assert one == digest({"card": Card("Åsnen", frozenset({"b", "a"}))})
    assert one != digest({"card": Card("Asnen", frozenset({"a", "b"}))})
    assert one != Fingerprinter("other salt")({"card": Card("Åsnen", frozenset())})
    with pytest.raises(UnknownInput, match="give it a `fingerprint`"):
        digest([object()])


def test_fork_map_keeps_order_and_reports_a_worker_failure():
    numbers = list(range(100))
    assert fork_map(lambda n: n * n, numbers, 2) == [n * n for n in numbers]

    def fails_on_odd_worker(n: int) -> int:
        if n == 51:
            raise ValueError("bad item 51")
        return n

    with pytest.raises(WorkerFailed, match="bad item 51"):
        fork_map(fails_on_odd_worker, numbers, 2)


def test_without_its_cache_a_build_still_drops_pages_that_are_gone(site):
    content, _theme, incremental, clean, _stats = site
    out = incremental()
    german = out / "de" / "reiseziele" / "glashuette-kosta" / "index.html"
    assert german.is_file()
    (content / "destinations/de/glashuette-kosta.md").unlink()
    stored.settle()  # a livereload test earlier in this process defers cache writes
    shutil.rmtree(content.parent / "cache")
    assert snapshot(incremental()) == clean("no-cache")
    assert 'http-equiv="refresh"' in german.read_text()  # a redirect, not the page


def test_a_checked_build_keeps_what_a_plain_build_made(site):
    """`./dev check` (complete staging site, precompressed) after `./dev build`."""
    from atomic_output.swap import publish

    _content, _theme, incremental, _clean, stats = site
    out = incremental()
    before = snapshot(out)
    incremental(ATOMIC_OUTPUT_SWAP=False, PRECOMPRESS={"enabled": True})
    assert stats[1]["made"] == 0 and stats[1]["kept"] == stats[0]["made"]
    staging = Path(LAST_SETTINGS["ATOMIC_OUTPUT_STAGING"])
    publish(staging, out)
    after = snapshot(out)
    assert {k: v for k, v in after.items() if not k.endswith((".gz", ".br"))} == before
    assert any(k.endswith(".br") for k in after)


def test_bodies_are_checked_again_when_what_they_link_to_is_gone(tmp_path):
    """Bodies that passed their checks are remembered on disk for a new process, for
    the same keys and images only."""
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    build_in_new_process(content, tmp_path / "output")
    clean = content.parent / "cache" / "content" / "clean-bodies.marshal"
    assert clean.is_file()
    # Both Kosta files link to {key}bara-svensk, whose only file goes.
    (content / "destinations/sv/bara-svensk.md").unlink()
    with pytest.raises(subprocess.CalledProcessError) as failed:
        build_in_new_process(content, tmp_path / "output")
    stderr = failed.value.stderr.decode()
    assert "destinations/sv/kosta-glasbruk.md:15: body:" in stderr
    assert "destinations/en/kosta-glassworks.md:8: body:" in stderr


def test_a_kept_listing_page_shows_what_other_plugins_add_anew(site, tmp_path):
    """A listing page whose cards are unchanged keeps its plan in a long-lived process,
    but the links other plugins add to it (the browse pages' kinds) are this build's:
    one card a page, and the kind of the other page's destination changes."""
    from sitetools.live import LiveSite

    content, _theme, _incremental, clean, _stats = site
    one_a_page = {"CONTENT": {**CONTENT_SETTINGS, "listing_page_size": 1}}
    output = tmp_path / "live"
    live = LiveSite(
        ROOT / "pelicanconf.py", {**project_settings(content, output), **one_a_page}
    )
    assert live.rebuild() == 0
    assert live.rebuild() == 0  # now with a record of the output, as after a restart
    edit(content / "destinations/sv/bara-svensk.md", "kind: nature", "kind: water")
    assert live.rebuild() == 0
    live.settle()
    first = "destinationer/index.html"
    expected = clean("kind", **one_a_page)[first].decode()
    assert "Kosta glasbruk" in expected  # the page whose cards did not change

    def kind_links(html: str) -> set[str]:
        return set(re.findall(r'href="(/destinationer/[^/"]+/[^/"]+/)"', html))

    shown = kind_links((output / first).read_text())
    assert shown == kind_links(expected) and len(shown) > 2, shown
