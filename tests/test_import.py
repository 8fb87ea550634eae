"""`./dev import`: partners' calendars from a real local HTTP server into real content
files, then a real build; matching, updates, cancellations, conflicts, hostile text."""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, write_files
from imports.files import find_imported
from imports.run import run_import

FIXTURES = ROOT / "tests" / "fixtures" / "imports"
BASE = ROOT / "tests" / "fixtures" / "base" / "content"
TODAY = date(2027, 1, 1)


class Partner:
    """A partner's web server: files it serves (changeable), ETags, a slow path."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {
            f"/{p.name}": p.read_bytes() for p in FIXTURES.glob("*.ics")
        }
        self.not_modified = 0
        partner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/slow.ics":
                    time.sleep(3)
                body = partner.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                etag = '"' + hashlib.sha1(body).hexdigest() + '"'
                if self.headers.get("If-None-Match") == etag:
                    partner.not_modified += 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # The importer gives up on the slow path, as it should.
                with contextlib.suppress(BrokenPipeError):
                    self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def partner():
    served = Partner()
    served.files["/slow.ics"] = served.files["/google.ics"]
    yield served
    served.close()


def sources_toml(url: str, approval: bool = False) -> str:
    return f"""
    # Test sources: each as a partner's system exports it.
    [[source]]
    id = "bibliotek"
    name = "Växjö stadsbibliotek"
    url = "{url}/google.ics"
    format = "icalendar"
    language = "sv"
    licence = "CC0 1.0"
    licence_url = "https://creativecommons.org/publicdomain/zero/1.0/"
    attribution = "Växjö kommun"
    website = "https://bibliotek.example.se/"
    category = "culture"
    approval = {"true" if approval else "false"}

    [[source]]
    id = "konserthus"
    name = "Växjö Konserthus"
    url = "{url}/outlook.ics"
    format = "icalendar"
    language = "sv"
    licence = "CC BY 4.0"
    attribution = "Växjö Konserthus"
    municipality = "vaxjo"

    [source.categories]
    konsert = "music"

    [[source]]
    id = "ljungby"
    name = "Ljungby kommun"
    url = "{url}/municipal-cms.ics"
    format = "icalendar"
    language = "sv"
    licence = "CC BY 4.0"
    attribution = "Ljungby kommun"

    [source.categories]
    marknad = "market"

    [[source]]
    id = "borta"
    name = "A calendar that moved"
    url = "{url}/gone.ics"
    format = "icalendar"
    language = "sv"
    licence = "CC0"
    attribution = "—"
    category = "culture"

    [[source]]
    id = "seg"
    name = "A slow server"
    url = "{url}/slow.ics"
    format = "icalendar"
    language = "sv"
    licence = "CC0"
    attribution = "—"
    category = "culture"
    """


def project(tmp_path: Path, url: str, approval: bool = False) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root / "content")
    write_files(root / "content", {"sources.toml": sources_toml(url, approval)})
    return root


def do_import(root: Path, today: date = TODAY):
    lines: list[str] = []
    report = run_import(root, today, timeout=1.0, say=lines.append)
    return report, lines


def imported_files(root: Path) -> dict[str, str]:
    return {
        p.name: p.read_text("utf-8")
        for p in sorted((root / "content" / "events").glob("*/*.md"))
        if "source:" in p.read_text("utf-8")
    }


def file_with(root: Path, text: str) -> Path:
    found = [
        p
        for p in (root / "content" / "events").glob("*/*.md")
        if text in p.read_text("utf-8")
    ]
    assert len(found) == 1, (text, found)
    return found[0]


def test_partners_events_reach_pages_and_feeds(partner, tmp_path):
    root = project(tmp_path, partner.url)
    report, lines = do_import(root)
    text = "\n".join(lines)
    # One failing source never stops the others; each failure is one line.
    assert f"borta: {partner.url}/gone.ics answered 404 Not Found" in text
    assert f"seg: {partner.url}/slow.ics" in text and "1 s" in text
    assert report.failed_sources == 2
    # What cannot be mapped is reported, not guessed.
    assert (
        "'Föredrag om sägner': no category for the partner's categories Föreläsning"
        in text
    )
    assert report.created == 6, text

    # Google: UTC times in a Europe/Stockholm calendar; the weekly rule kept as ours,
    # the EXDATE and the moved run as exceptions, the moved run as its own event.
    series = file_with(root, "title: Stickcafé för alla åldrar\n").read_text("utf-8")
    assert "start: 2027-01-12 18:00\nend: 2027-01-12 19:30\nrepeat: weekly\n" in series
    assert "repeat_until: 2027-03-30\nrepeat_except: 2027-02-16, 2027-03-02\n" in series
    assert "address: Västra Esplanaden 7, 352 31 Växjö\nmunicipality: vaxjo\n" in series
    assert "[bibliotekets sida](https://bibliotek.example.se/stickcafe)" in series
    moved = file_with(root, "senare i kväll").read_text("utf-8")
    assert (
        "start: 2027-03-02 19:00\n" in moved
        and "source_recurrence: 2027-03-02T18:00" in moved
    )
    # An all-day event: DTEND is exclusive in iCalendar, inclusive in our files.
    assert (
        "start: 2027-03-20\nend: 2027-03-21\n" in file_with(root, "Bokrea").read_text()
    )
    # Outlook: a Windows zone name with VTIMEZONE in summer time, RDATE as a second run.
    concert = file_with(root, "Orgelkonsert").read_text("utf-8")
    assert (
        "start: 2027-06-12 19:00\nend: 2027-06-12 20:30\nrepeat: weekly\nrepeat_until: 2027-06-19\n"
        in concert
    )
    assert "category: music\nprice: unknown\n" in concert
    # Cancelled upstream: imported as cancelled.
    assert "status: cancelled" in file_with(root, "Kammarmusik").read_text("utf-8")
    # A CMS export: floating local times; the town from the place; GEO kept.
    market = file_with(root, "Vårmarknad").read_text("utf-8")
    assert "start: 2027-05-08 10:00\n" in market
    assert (
        "municipality: ljungby\ncoordinates: 56.833, 13.9408\ncategory: market\n"
        in market
    )

    output = build(root / "content", tmp_path / "output", BUILD_DATE=TODAY)
    page = next((output / "evenemang").glob("*orgelkonsert*/index.html"))
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    credit = soup.select_one(".source-credit")
    assert credit is not None
    assert "Från Växjö Konserthus kalender — Växjö Konserthus, CC BY 4.0" in " ".join(
        credit.get_text().split()
    )
    assert "Fråga arrangören" in soup.select_one(".facts").get_text()
    events = json.loads((output / "feeds" / "sv" / "events.json").read_text("utf-8"))
    by_title = {e["title"]: e for e in events["events"]}
    organ = by_title["Orgelkonsert – Bach och Buxtehude"]
    assert [o["start"] for o in organ["occurrences"]] == [
        "2027-06-12T19:00:00+02:00",
        "2027-06-19T19:00:00+02:00",
    ]
    assert organ["source"]["name"] == "Växjö Konserthus"
    assert organ["price"] == {
        "free": False,
        "min": None,
        "max": None,
        "currency": "SEK",
        "note": None,
    }
    knitting = by_title["Stickcafé för alla åldrar"]
    starts = [o["start"][:10] for o in knitting["occurrences"]]
    assert "2027-02-16" not in starts and "2027-03-02" not in starts
    assert (
        starts[0] == "2027-01-12" and starts[-1] == "2027-03-30" and len(starts) == 10
    )
    calendar = icalendar.Calendar.from_ical(
        (output / "feeds" / "sv" / "events.ics").read_bytes()
    )
    descriptions = [str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")]
    assert any(
        "Från Ljungby kommun kalender — Ljungby kommun, CC BY 4.0" in d
        for d in descriptions
    )
    atom = feedparser.parse((output / "feeds" / "sv" / "events.atom").read_bytes())
    assert not atom.bozo
    organ_entry = next(e for e in atom.entries if "Orgelkonsert" in e.title)
    assert "Växjö Konserthus, CC BY 4.0" in organ_entry.rights


def test_a_second_import_changes_nothing_and_asks_politely(partner, tmp_path):
    root = project(tmp_path, partner.url)
    do_import(root)
    before = imported_files(root)
    output = build(root / "content", tmp_path / "first", BUILD_DATE=TODAY)
    report, _lines = do_import(root)
    assert imported_files(root) == before
    assert (report.created, report.updated, report.cancelled) == (0, 0, 0)
    assert report.unchanged == 6
    assert partner.not_modified == 3  # ETag: the three calendars that answered
    again = build(root / "content", tmp_path / "second", BUILD_DATE=TODAY)
    for name in ("feeds/sv/events.json", "feeds/sv/events.ics"):
        first, second = (output / name).read_bytes(), (again / name).read_bytes()
        assert first == second


def test_upstream_edit_updates_and_cancellations_cancel(partner, tmp_path):
    root = project(tmp_path, partner.url)
    do_import(root)
    cms = partner.files["/municipal-cms.ics"].decode()
    partner.files["/municipal-cms.ics"] = cms.replace(
        "DTSTART:20270508T100000", "DTSTART:20270508T090000"
    ).encode()
    google = partner.files["/google.ics"].decode()
    bokrea = google.index("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE")
    partner.files["/google.ics"] = (
        google[:bokrea] + google[google.index("END:VEVENT", bokrea) + 12 :]
    ).encode()
    outlook = partner.files["/outlook.ics"].decode()
    partner.files["/outlook.ics"] = outlook.replace(
        "STATUS:CONFIRMED\r\nSEQUENCE:0", "STATUS:CANCELLED\r\nSEQUENCE:1"
    ).encode()
    report, lines = do_import(root)
    text = "\n".join(lines)
    assert "start: 2027-05-08 09:00\n" in file_with(root, "Vårmarknad").read_text()
    assert "'Vårmarknad på Stortorget': updated" in text
    # Gone from the calendar: kept, marked cancelled (never deleted).
    assert "status: cancelled" in file_with(root, "Bokrea").read_text()
    assert "'Bokrea-helg': gone from the partner's calendar, marked cancelled" in text
    assert "status: cancelled" in file_with(root, "Orgelkonsert").read_text()
    assert report.cancelled == 2 and report.updated == 1
    # A source that failed says nothing about its events: none are cancelled for it.
    assert "borta" not in "".join(imported_files(root))


def test_an_editors_change_is_kept_and_reported(partner, tmp_path):
    root = project(tmp_path, partner.url)
    do_import(root)
    market = file_with(root, "Vårmarknad")
    edited = market.read_text("utf-8").replace(
        "Knallar, loppis och fika", "Knallar, loppis, musik och fika"
    )
    market.write_text(edited, "utf-8")
    # Unchanged upstream: the edit simply stands.
    report, _ = do_import(root)
    assert report.conflicts == 0 and market.read_text("utf-8") == edited
    cms = partner.files["/municipal-cms.ics"].decode()
    partner.files["/municipal-cms.ics"] = cms.replace("T150000", "T160000").encode()
    report, lines = do_import(root)
    assert market.read_text("utf-8") == edited
    assert report.conflicts == 1
    conflict = next(line for line in lines if "conflict" in line)
    assert conflict.startswith(
        "ljungby: 'Vårmarknad på Stortorget': conflict — content/events/sv/"
    )
    assert "edited here and changed upstream; the file is left as it is" in conflict


def test_events_needing_approval_wait_as_drafts(partner, tmp_path):
    root = project(tmp_path, partner.url, approval=True)
    _, lines = do_import(root)
    knitting = file_with(root, "title: Stickcafé för alla åldrar\n")
    assert "draft: yes\n" in knitting.read_text("utf-8")
    assert any(
        "draft: an editor accepts it by removing 'draft: yes'" in line for line in lines
    )
    output = build(root / "content", tmp_path / "output", BUILD_DATE=TODAY)
    assert not list((output / "evenemang").glob("*stickcafe-for-alla*"))
    # Accepting it is not an edit: the next import neither conflicts nor re-drafts it.
    knitting.write_text(
        knitting.read_text("utf-8").replace("draft: yes\n", ""), "utf-8"
    )
    report, _ = do_import(root)
    assert report.conflicts == 0 and "draft:" not in knitting.read_text("utf-8")


def test_hostile_descriptions_are_neutralised_or_refused(partner, tmp_path):
    root = project(tmp_path, partner.url)
    huge = "A" * 1_048_576
    partner.files["/municipal-cms.ics"] = (
        partner.files["/municipal-cms.ics"]
        .decode()
        .replace("DESCRIPTION:Ett föredrag.", f"DESCRIPTION:{huge}")
        .replace("CATEGORIES:Föreläsning", "CATEGORIES:Marknad")
        .encode()
    )
    _, lines = do_import(root)
    refused = next(line for line in lines if "Föredrag om sägner" in line)
    assert (
        "the description has 1,048,576 characters; at most 20,000 are imported; skipped"
        in refused
    )
    concert = file_with(root, "Orgelkonsert").read_text("utf-8")
    assert (
        "<script" not in concert
        and "javascript:" not in concert
        and "onerror" not in concert
    )
    assert "Musik av *Bach* och **Buxtehude**." in concert
    output = build(root / "content", tmp_path / "output", BUILD_DATE=TODAY)
    page = next((output / "evenemang").glob("*orgelkonsert*/index.html")).read_text()
    soup = BeautifulSoup(page, "html.parser")
    body = soup.select_one("main")
    assert not body.find_all(
        "script", src=False, type=lambda t: t != "application/ld+json"
    )
    assert not [
        a for a in body.find_all("a") if a.get("href", "").startswith("javascript")
    ]
    assert "Klicka här" in body.get_text()


def test_a_broken_sources_file_names_file_line_and_field(tmp_path):
    root = tmp_path / "project"
    write_files(
        root / "content",
        {
            "sources.toml": """
            [[source]]
            id = "a"
            name = "A"
            url = "https://a.example/cal.ics"
            format = "ics"
            language = "sv"
            licence = "CC0"
            attribution = "A"
            categry = "music"
            """
        },
    )
    _, lines = do_import(root)
    assert (
        "content/sources.toml:1: format: 'ics' is not known — use one of: icalendar, events-json, json-feed"
        in lines
    )
    assert any(
        line.startswith("content/sources.toml:1: categry: is not a field of a source")
        for line in lines
    )


def test_an_unknown_source_id_in_an_event_is_a_content_error(tmp_path):
    from content_model.errors import ContentValidationError

    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    event = (content / "events" / "sv" / "konsert.md").read_text("utf-8")
    (content / "events" / "sv" / "konsert.md").write_text(
        event.replace("\n\n", "\nsource: okand\nsource_uid: x@y\n\n", 1), "utf-8"
    )
    with pytest.raises(ContentValidationError) as raised:
        build(content, tmp_path / "output")
    assert "source: 'okand' is not a source in content/sources.toml" in str(
        raised.value
    )


def test_imported_files_are_found_again_by_source_and_uid(partner, tmp_path):
    root = project(tmp_path, partner.url)
    do_import(root)
    found, keys = find_imported(root / "content" / "events")
    assert {ident[0] for ident in found} == {"bibliotek", "konserthus", "ljungby"}
    assert all(imported.key in keys for imported in found.values())


def test_our_own_json_and_json_feed_import_as_sources(tmp_path):
    """Another site built by this generator (or a partner writing our schema) is a
    source: its events.json and its JSON Feed."""
    root = tmp_path / "project"
    shutil.copytree(BASE, root / "content")
    shutil.copytree(BASE, tmp_path / "theirs")
    site = build(tmp_path / "theirs", tmp_path / "their-site", BUILD_DATE=TODAY)
    for name in ("events.json", "events.feed.json"):
        (root / name).write_bytes((site / "feeds" / "sv" / name).read_bytes())
    common = 'language = "sv"\nlicence = "CC BY 4.0"\nattribution = "Grannsajten"\n'
    write_files(
        root / "content",
        {
            "sources.toml": f"""
            [[source]]
            id = "granne"
            name = "Grannsajten"
            path = "events.json"
            format = "events-json"
            {common}
            [[source]]
            id = "granne-feed"
            name = "Grannsajten (JSON Feed)"
            path = "events.feed.json"
            format = "json-feed"
            category = "music"
            municipality = "lessebo"
            {common}
            """.replace("\n", "\n            ")
        },
    )
    report, lines = do_import(root)
    assert report.failed_sources == 0 and report.created == 2, lines
    ours = json.loads((site / "feeds" / "sv" / "events.json").read_text("utf-8"))[
        "events"
    ][0]
    copy = file_with(root, "source: granne\n").read_text("utf-8")
    assert f"title: {ours['title']}\n" in copy
    assert f"municipality: {ours['municipality']['id']}\n" in copy
    assert f"category: {ours['category']['id']}\n" in copy
    from_feed = file_with(root, "source: granne-feed\n").read_text("utf-8")
    assert "municipality: lessebo\ncategory: music\n" in from_feed
    build(root / "content", tmp_path / "output", BUILD_DATE=TODAY)


# Regressions found in review: each is a calendar a partner could really send.

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n{events}END:VCALENDAR\r\n"
)


def vevent(uid: str, *lines: str) -> str:
    return (
        "BEGIN:VEVENT\r\nUID:"
        + uid
        + "\r\n"
        + "".join(f"{x}\r\n" for x in lines)
        + "END:VEVENT\r\n"
    )


def local_project(tmp_path: Path, **calendars: str) -> Path:
    """A project whose sources are local files (no server needed)."""
    root = tmp_path / "project"
    shutil.copytree(BASE, root / "content")
    blocks = []
    for name, text in calendars.items():
        (root / f"{name}.ics").write_text(text, "utf-8", newline="")
        blocks.append(
            f'[[source]]\nid = "{name}"\nname = "{name.title()}"\npath = "{name}.ics"\n'
            'format = "icalendar"\nlanguage = "sv"\nlicence = "CC0"\nattribution = "x"\n'
            'category = "culture"\nmunicipality = "vaxjo"\n'
        )
    (root / "content" / "sources.toml").write_text("\n".join(blocks), "utf-8")
    return root


def test_one_broken_calendar_or_event_never_stops_the_others(tmp_path):
    broken = ICS.format(
        events=vevent(
            "a", "DTSTART:20270301T180000", "DTEND:tomorrow", "SUMMARY:Trasig"
        )
    )
    half = ICS.format(
        events=vevent(
            "b", "DTSTART:20270301T180000", "DURATION:soon", "SUMMARY:Också trasig"
        )
        + vevent("c", "DTSTART:20270302T180000", "SUMMARY:Hel")
    )
    good = ICS.format(events=vevent("d", "DTSTART:20270303T180000", "SUMMARY:Bra"))
    root = local_project(tmp_path, trasig=broken, halv=half, bra=good)
    report, lines = do_import(root)
    assert report.created == 2, lines  # "Hel" and "Bra"
    assert any(line.startswith("trasig: ") for line in lines)
    assert any("'Också trasig'" in line and "skipped" in line for line in lines)


def test_what_the_build_would_refuse_is_reported_and_never_written(tmp_path):
    calendar = ICS.format(
        events=vevent(
            "x", "DTSTART:20270301T180000", "DTEND:20270301T170000", "SUMMARY:Baklänges"
        )
        + vevent(
            "y", "DTSTART:20270328T023000", "DTEND:20270328T033000", "SUMMARY:Sommartid"
        )
    )
    root = local_project(tmp_path, kalender=calendar)
    report, lines = do_import(root)
    assert report.created == 0 and report.skipped == 2, lines
    assert any("'Baklänges'" in line and "end:" in line for line in lines), lines
    assert any("'Sommartid'" in line and "does not exist" in line for line in lines), (
        lines
    )
    build(root / "content", tmp_path / "output")  # the site still builds


def test_a_title_is_text_never_markup(tmp_path):
    calendar = ICS.format(
        events=vevent(
            "t",
            "DTSTART:20270301T180000",
            "SUMMARY:Konsert [Köp här](https://phish.example/) ![x](https://t.example/p.gif)",
        )
    )
    root = local_project(tmp_path, kalender=calendar)
    do_import(root)
    output = build(root / "content", tmp_path / "output")
    body = next((output / "evenemang").glob("kalender-*/index.html")).read_text("utf-8")
    soup = BeautifulSoup(body, "html.parser").select_one(".prose")
    assert not soup.find_all(["a", "img"]) and "[Köp här]" in soup.get_text()


def test_only_recent_and_coming_runs_get_files_of_their_own(tmp_path):
    calendar = ICS.format(
        events=vevent(
            "tt",
            "DTSTART:20150106T180000",
            "DTEND:20150106T190000",
            "RRULE:FREQ=WEEKLY;BYDAY=TU,TH",
            "SUMMARY:Kör",
        )
        + vevent("old", "DTSTART:20200101T180000", "SUMMARY:Förr")
    )
    root = local_project(tmp_path, kalender=calendar)
    report, _lines = do_import(root)
    files = imported_files(root)
    starts = sorted(text.split("start: ")[1][:10] for text in files.values())
    assert starts[0] >= "2026-12-01" and starts[-1] <= "2028-12-31"
    assert not any("Förr" in text for text in files.values())
    assert 150 < report.created < 220


def test_a_series_that_changes_shape_is_not_shown_twice(tmp_path):
    weekly = vevent(
        "s",
        "DTSTART:20270105T180000",
        "DTEND:20270105T190000",
        "RRULE:FREQ=WEEKLY;COUNT=4",
        "SUMMARY:Serie",
    )
    root = local_project(tmp_path, kalender=ICS.format(events=weekly))
    do_import(root)
    with_rdate = weekly.replace(
        "SUMMARY:Serie", "RDATE:20270108T180000\r\nSUMMARY:Serie"
    )
    (root / "kalender.ics").write_text(
        ICS.format(events=with_rdate), "utf-8", newline=""
    )
    report, lines = do_import(root)
    files = imported_files(root)
    shown = [
        t
        for t in files.values()
        if "draft: yes" not in t and "status: cancelled" not in t
    ]
    assert len(shown) == 5 and report.cancelled == 0, lines  # one file per run now
    assert any("repeats it differently" in line for line in lines)


def test_a_uid_with_odd_spacing_is_the_same_event_every_time(tmp_path):
    calendar = ICS.format(
        events=vevent("abc  def ", "DTSTART:20270301T180000", "SUMMARY:Mellanslag")
    )
    root = local_project(tmp_path, kalender=calendar)
    do_import(root)
    report, _ = do_import(root)
    assert (report.created, report.unchanged, report.cancelled) == (0, 1, 0)


def test_an_editors_comment_counts_as_an_edit(tmp_path):
    calendar = ICS.format(
        events=vevent("c", "DTSTART:20270301T180000", "SUMMARY:Kommenterad")
    )
    root = local_project(tmp_path, kalender=calendar)
    do_import(root)
    path = file_with(root, "Kommenterad")
    path.write_text(
        "# Redaktör: kontrollera lokalen\n" + path.read_text("utf-8"), "utf-8"
    )
    (root / "kalender.ics").write_text(
        calendar.replace("T180000", "T190000"), "utf-8", newline=""
    )
    report, _ = do_import(root)
    assert report.conflicts == 1 and path.read_text("utf-8").startswith("# Redaktör")
