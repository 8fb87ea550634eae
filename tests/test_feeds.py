"""Every feed of the real site parses with real parsers and says what partners need."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
from conftest import LANGUAGES, ROOT, build

SCHEMA = json.loads((ROOT / "plugins/feeds/events.schema.json").read_text())
JSON_FEED_SCHEMA = json.loads(
    (ROOT / "tests/schemas/jsonfeed-1.1.schema.json").read_text()
)
JSON_FEED_REQUIRED = {"version", "title", "items", "feed_url", "home_page_url"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("feeds") / "output"
    content = tmp_path_factory.mktemp("content") / "content"
    import shutil

    shutil.copytree(ROOT / "content", content)  # the ledger may be written
    return build(content, out)


def feed_files(site: Path, suffix: str) -> list[Path]:
    return sorted(site.glob(f"feeds/**/*{suffix}"))


def test_there_is_a_full_set_per_language_municipality_and_category(site):
    for lang in LANGUAGES:
        folders = {
            p.parent.relative_to(site / "feeds" / lang).as_posix()
            for p in (site / "feeds" / lang).rglob("events.ics")
        }
        assert len(folders) == 1 + 8 + 9
    subscriptions = [p for p in feed_files(site, ".ics") if p.name == "events.ics"]
    assert len(subscriptions) == len(LANGUAGES) * 18


@pytest.mark.parametrize("suffix", [".atom", ".rss"])
def test_atom_and_rss_parse_cleanly_with_unique_ids(site, suffix):
    for path in feed_files(site, suffix):
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == ("atom10" if suffix == ".atom" else "rss20")
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids)), path
        lang = path.relative_to(site / "feeds").parts[0]
        assert feed.feed.language == lang
        for entry in feed.entries:
            assert entry.link.startswith("http"), path
            assert entry.id.startswith("tag:")


def test_atom_feeds_have_self_link_updated_and_absolute_links(site):
    feed = feedparser.parse((site / "feeds/en/events.atom").read_bytes())
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"].endswith("/feeds/en/events.atom")
    assert links["alternate"].endswith("/en/events/")
    assert feed.feed.updated
    assert len(feed.entries) >= 15
    assert all(e.updated and e.published for e in feed.entries)
    assert feed.feed.author == "Destination Småland"  # RFC 4287 requires an author
    assert 'src="/' not in (site / "feeds/en/stories.atom").read_text()


def test_calendars_parse_with_timezone_and_no_component_errors(site):
    for path in feed_files(site, ".ics"):
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        zones = [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]
        assert "Europe/Stockholm" in zones
        assert cal["REFRESH-INTERVAL"].dt == timedelta(hours=12)
        assert str(cal["NAME"])
        uids = []
        for event in cal.walk("VEVENT"):
            assert event.errors == [], (path, event.errors)
            for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "SEQUENCE"):
                assert name in event, (path, name)
            uids.append(str(event["UID"]))
        assert len(uids) == len(set(uids))


def test_json_feeds_are_json_feed_1_1(site):
    validator = jsonschema.Draft202012Validator(
        JSON_FEED_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for path in feed_files(site, ".feed.json"):
        feed = json.loads(path.read_text())
        errors = sorted(validator.iter_errors(feed), key=str)
        assert errors == [], (path, errors[:3])
        assert set(feed) >= JSON_FEED_REQUIRED
        assert feed["feed_url"].endswith(path.relative_to(site).as_posix())
        for item in feed["items"]:
            assert item["id"] and item["url"].startswith("http")
            datetime.fromisoformat(item["date_modified"])


def test_events_json_matches_its_committed_schema(site):
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    files = [p for p in feed_files(site, "events.json")]
    assert len(files) == len(LANGUAGES) * 18
    for path in files:
        data = json.loads(path.read_text())
        errors = sorted(validator.iter_errors(data), key=str)
        assert errors == [], (path, errors[:3])
    everything = json.loads((site / "feeds/sv/events.json").read_text())
    assert len(everything["events"]) >= 15  # upcoming on the tests' build date
    published = json.loads((site / "feeds/events.schema.json").read_text())
    assert published == SCHEMA


def filtered_listing(site: Path, lang: str, kind: str, value: str) -> str:
    """The filtered events page a listing's feed discovery link points back from."""
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        wanted = f'href="/feeds/{lang}/{kind}/{value}/events.atom"'
        if (
            f'<html lang="{lang}"' in html
            and 'rel="alternate" type="application/atom+xml"' in html
            and wanted in html.split("</head>")[0]
        ):
            return "/" + page.parent.relative_to(site).as_posix() + "/"
    raise AssertionError(f"no page discovers the {lang} {kind} {value} feed")


@pytest.mark.parametrize(
    ("lang", "kind", "value"),
    [
        ("de", "municipality", "ljungby"),
        ("sv", "municipality", "vaxjo"),
        ("en", "category", "music"),
        ("nl", "category", "market"),
    ],
)
def test_a_filtered_feed_links_its_filtered_listing(site, lang, kind, value):
    page = filtered_listing(site, lang, kind, value)
    assert (
        page.count("/") >= 4
    )  # /de/veranstaltungen/gemeinden/ljungby/, not the listing
    folder = site / "feeds" / lang / kind / value
    data = json.loads((folder / "events.json").read_text())
    assert data["url"].endswith(page)
    feed = json.loads((folder / "events.feed.json").read_text())
    assert feed["home_page_url"].endswith(page)
    atom = feedparser.parse((folder / "events.atom").read_bytes())
    alternate = [x.href for x in atom.feed.links if x.rel == "alternate"]
    assert alternate and alternate[0].endswith(page)
    calendar = icalendar.Calendar.from_ical((folder / "events.ics").read_bytes())
    assert str(calendar["URL"]).endswith(page)


def test_listings_announce_their_feeds(site):
    head = (site / "en" / "events" / "index.html").read_text().split("</head>")[0]
    for kind, name in (
        ("application/atom+xml", "events.atom"),
        ("application/rss+xml", "events.rss"),
        ("application/feed+json", "events.feed.json"),
        ("text/calendar", "events.ics"),
    ):
        assert f'type="{kind}"' in head and f'href="/feeds/en/{name}"' in head
    stories = (site / "en" / "stories" / "index.html").read_text().split("</head>")[0]
    assert 'href="/feeds/en/stories.atom"' in stories


def template_of(site: Path, link: str) -> str | None:
    """The template a root-relative link's page was made with, if it exists."""
    page = site / link.strip("/") / "index.html"
    if not link.startswith("/") or not page.is_file():
        return None
    return re.search(r'<body data-template="([^"]*)"', page.read_text())[1]


def test_the_partner_page_links_the_feeds_page_and_widget_builder(site):
    """In every language, to that language's pages."""
    for lang in LANGUAGES:
        source = next(
            p
            for p in (ROOT / "content" / "pages" / lang).glob("*.md")
            if "key: for-foretag-och-partner" in p.read_text(encoding="utf-8")
        )
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        html = (site / f"{prefix}{source.stem}" / "index.html").read_text()
        main = html.split('<main id="main-content"', 1)[1].split("</main>")[0]
        targets = {
            template_of(site, link): link
            for link in re.findall(r'href="([^"]+)"', main)
        }
        for template in ("feeds", "widgets"):
            assert template in targets, f"{lang}: no link to the {template} page"
            linked = (site / targets[template].strip("/") / "index.html").read_text()
            assert f'<html lang="{lang}"' in linked


def validator_for(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "plugins/feeds" / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize(
    ("file", "schema", "records"),
    [
        ("events.json", "events.schema.json", "events"),
        ("destinations.json", "destinations.schema.json", "destinations"),
        ("activities.json", "activities.schema.json", "activities"),
        ("changes.json", "changes.schema.json", "changes"),
    ],
)
def test_every_json_feed_validates_and_tolerates_new_fields(
    site, file, schema, records
):
    """A consumer that validates with today's schema keeps working when we add a field."""
    validator = validator_for(schema)
    files = feed_files(site, file)
    assert len(files) >= len(LANGUAGES)
    for path in files:
        data = json.loads(path.read_text())
        assert sorted(map(str, validator.iter_errors(data))) == [], path
        assert data["$schema"].endswith(f"/feeds/{schema}")
        assert data["license"]["name"] == "CC BY 4.0"
        data["added_later"] = {"any": "thing"}
        for record in data[records]:
            record["added_later"] = 1
        assert sorted(map(str, validator.iter_errors(data))) == [], path
    published = json.loads((site / "feeds" / schema).read_text())
    assert published == json.loads((ROOT / "plugins/feeds" / schema).read_text())


def test_destinations_carry_what_the_content_model_has(site):
    data = json.loads((site / "feeds/en/destinations.json").read_text())
    by_key = {d["key"]: d for d in data["destinations"]}
    assert all(d["accessibility"] for d in by_key.values())
    with_image = [d for d in by_key.values() if d["image"]]
    assert with_image and all(d["image"]["credit"] for d in with_image)
    assert "CC BY 4.0" in with_image[0]["image"]["credit"]
    assert any(d["website"] for d in by_key.values())


def test_activities_carry_their_municipalities_kind_and_difficulty(site):
    data = json.loads((site / "feeds/de/activities.json").read_text())
    by_key = {a["key"]: a for a in data["activities"]}
    assert len(by_key) == len(list((ROOT / "content/activities/sv").glob("*.md")))
    assert data["url"].endswith("/de/aktivitaeten/")
    several = [a for a in by_key.values() if len(a["municipalities"]) > 1]
    assert several, "an activity done in more than one municipality"
    assert all(a["kind"]["label"] and a["difficulty"]["label"] for a in by_key.values())
    assert all(a["where"] and a["duration"] and a["season"] for a in by_key.values())


def test_atom_and_rss_state_the_licence(site):
    atom = feedparser.parse((site / "feeds/de/events.atom").read_bytes())
    assert atom.feed.rights.startswith("CC BY 4.0 (https://creativecommons.org/")
    rss = feedparser.parse((site / "feeds/de/events.rss").read_bytes())
    assert "CC BY 4.0" in rss.feed.rights


def test_month_feeds_per_municipality_hold_that_months_events(site):
    folder = site / "feeds/de/municipality/ljungby"
    months = sorted(p.stem for p in folder.glob("????-??.ics"))
    assert months and months == sorted(p.stem for p in folder.glob("????-??.json"))
    validator = validator_for("events.schema.json")
    for month in months:
        data = json.loads((folder / f"{month}.json").read_text())
        assert sorted(map(str, validator.iter_errors(data))) == []
        assert data["events"] and data["url"].endswith("/gemeinden/ljungby/")
        for event in data["events"]:
            assert event["municipality"]["id"] == "ljungby"
            assert any(
                o["start"][:7] <= month <= o["end"][:7] for o in event["occurrences"]
            ), (month, event["key"])
        calendar = icalendar.Calendar.from_ical((folder / f"{month}.ics").read_bytes())
        uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
        assert uids == {e["id"] for e in data["events"]}
    # June 2027: the summer Saturday market, every Saturday of it
    june = json.loads((folder / "2027-06.json").read_text())
    assert "samstagsmarkt-ljungby" in {
        e["url"].rstrip("/").rsplit("/", 1)[1] for e in june["events"]
    }


def test_the_developer_page_documents_every_field_and_file(site):
    for lang in LANGUAGES:
        feeds_page = next(
            p
            for p in site.rglob("index.html")
            if f'<html lang="{lang}"' in (text := p.read_text())
            and 'data-template="feeds"' in text
        )
        link = re.search(r'<a href="([^"]+)">[^<]+</a> – ', feeds_page.read_text())[1]
        html = (site / link.strip("/") / "index.html").read_text()
        assert 'data-template="developers"' in html and f'<html lang="{lang}"' in html
        for name in ("events", "destinations", "activities", "changes"):
            schema = json.loads(
                (ROOT / f"plugins/feeds/{name}.schema.json").read_text()
            )
            from feeds.schemadoc import fields

            for field in fields(schema):
                assert f"<code>{field.path}</code>" in html, (lang, name, field.path)
        assert "CC BY 4.0" in html and "script-src http" in html
        assert "/feeds/&lt;lang&gt;/changes.json" in html


def test_event_pages_offer_web_calendars_as_plain_links(site):
    html = (site / "de/veranstaltungen/samstagsmarkt-ljungby/index.html").read_text()
    google = re.search(r'href="(https://calendar\.google\.com/[^"]+)"', html)[1]
    outlook = re.search(r'href="(https://outlook\.live\.com/[^"]+)"', html)[1]
    from html import unescape
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(unescape(google)).query)
    assert query["text"] == ["Sommerlicher Samstagsmarkt in Ljungby"]
    start, end = query["dates"][0].split("/")
    assert start.endswith("Z") and start < end  # UTC, the next Saturday's market
    assert parse_qs(urlsplit(unescape(outlook)).query)["subject"] == query["text"]
    assert "calendar.google.com" not in (site / "de/index.html").read_text()


def test_a_cancelled_event_offers_no_web_calendar(site):
    html = (site / "evenemang/langfardsskridsko-asnen/index.html").read_text()
    assert "calendar.google.com" not in html and "outlook.live.com" not in html


def test_feeds_joined_from_pieces_declare_each_namespace_once(site):
    """Entries are serialised one by one (feeds/pieces.py) and joined: each still has
    its full content, and no entry declares a namespace of its own."""
    from lxml import etree

    content = "{http://purl.org/rss/1.0/modules/content/}encoded"
    for path in feed_files(site, ".rss"):
        raw = path.read_bytes()
        assert raw.count(b"xmlns:content=") == 1, path
        items = etree.fromstring(raw).findall("channel/item")
        assert all(item.find(content).text for item in items), path
    for path in feed_files(site, ".atom"):
        raw = path.read_bytes()
        assert raw.count(b"xmlns=") == 1, path
        entries = feedparser.parse(raw).entries
        assert all(e.content[0].value for e in entries), path


def test_a_json_list_joined_from_pieces_is_the_same_bytes_as_whole():
    from feeds.jsonfeed import dumps, with_list

    head = {"title": "Évent «1»", "n": 1, "nested": {"a": [1, 2]}}
    parts = [{"id": "x", "text": 'å\n"q"'}, {"id": "y", "html": "<p>&amp;</p>"}]
    joined = with_list(head, "items", [dumps(p)[:-1] for p in parts])
    assert joined == dumps({**head, "items": parts})
    assert with_list(head, "items", []) == dumps({**head, "items": []})
