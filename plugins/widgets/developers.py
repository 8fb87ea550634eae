"""The developer page (`/utvecklare/`, `/en/developers/` …): everything a partner's web
developer needs, made from the same lists and schemas as the files it documents."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from content_model.vocabulary import (
    DESTINATION_KINDS,
    EVENT_CATEGORIES,
    MUNICIPALITIES,
    N_,
)
from feeds import licence
from feeds.catalog import (
    ACTIVITIES_SCHEMA_PATH,
    CHANGES_SCHEMA_PATH,
    DESTINATIONS_SCHEMA_PATH,
    DEVELOPERS_PAGE,
    SCHEMA_PATH,
    TOURISM_PATH,
)
from feeds.schemadoc import fields

DEVELOPERS = DEVELOPERS_PAGE
SCHEMAS = Path(__file__).parents[1] / "feeds"

# (what, URL pattern): <lang>, <municipality>, <category>, <key> are the ids below.
FILES = [
    (
        N_("All events: calendar, feeds, data"),
        "/feeds/<lang>/events.ics · .atom · .rss · .feed.json · .json",
    ),
    (
        N_("Events of one municipality"),
        "/feeds/<lang>/municipality/<municipality>/events.ics · .atom · .rss · .feed.json · .json",
    ),
    (
        N_("Events of one category"),
        "/feeds/<lang>/category/<category>/events.ics · .atom · .rss · .feed.json · .json",
    ),
    (
        N_("One municipality's events of one month (Stockholm time)"),
        "/feeds/<lang>/municipality/<municipality>/<yyyy-mm>.ics · .json",
    ),
    (N_("One event, for “add to calendar”"), "/feeds/<lang>/event/<key>.ics"),
    (
        N_("What changed: added, updated, cancelled and removed events"),
        "/feeds/<lang>/changes.json",
    ),
    (N_("Destinations"), "/feeds/<lang>/destinations.json"),
    (N_("Activities"), "/feeds/<lang>/activities.json"),
    (N_("Stories"), "/feeds/<lang>/stories.atom · .rss · .feed.json"),
    (N_("Destinations and events as schema.org JSON-LD, every language"), TOURISM_PATH),
    (
        N_("Widget script (pin the newest with its integrity hash)"),
        "/widgets/widgets-<hash>.js",
    ),
    (
        N_("Widget frame page, without JavaScript too"),
        "/widgets/frame/<lang>/events/municipality/<municipality>/",
    ),
]

# (file, its schema's path)
DOCUMENTED = [
    ("events.json", SCHEMA_PATH),
    ("destinations.json", DESTINATIONS_SCHEMA_PATH),
    ("activities.json", ACTIVITIES_SCHEMA_PATH),
    ("changes.json", CHANGES_SCHEMA_PATH),
]

# (attribute, values, default, what it does)
ATTRIBUTES = [
    (
        "lang",
        "sv | en | de | da | nl",
        N_("the host page's language if it is one of these, else sv"),
        N_("Language of the texts and dates"),
    ),
    (
        "municipality",
        " | ".join(MUNICIPALITIES),
        N_("all"),
        N_("Only this municipality"),
    ),
    (
        "category",
        " | ".join(EVENT_CATEGORIES),
        N_("all"),
        N_("Only this category (events)"),
    ),
    (
        "kind",
        " | ".join(DESTINATION_KINDS),
        N_("all"),
        N_("Only this kind of place (destinations)"),
    ),
    ("from", "YYYY-MM-DD", N_("now"), N_("Events from this day on (Stockholm time)")),
    (
        "days",
        N_("a whole number"),
        N_("no limit"),
        N_("Only events starting within this many days"),
    ),
    ("limit", N_("a whole number"), "5 / 6", N_("How many to show at most")),
    ("layout", "list | cards", "list", N_("Compact list or cards with pictures")),
    (
        "theme",
        "light | dark | auto",
        "light",
        N_("Colours; auto follows the reader's device"),
    ),
    (
        "accent · text · background",
        "#rrggbb",
        "#1d4e6b · #1b1f23 · #ffffff",
        N_("Link, text and background colour"),
    ),
]


@cache
def schema_docs() -> tuple[dict, ...]:
    """Read once per process: every language's page shows the same tables."""
    docs = []
    for name, path in DOCUMENTED:
        schema = json.loads((SCHEMAS / Path(path).name).read_text(encoding="utf-8"))
        docs.append(
            {
                "file": name,
                "id": name.replace(".", "-"),
                "schema": path,
                "description": schema.get("description", ""),
                "fields": fields(schema),
            }
        )
    return tuple(docs)


def partner_csp(site: str) -> str:
    return f"script-src {site}; connect-src {site}; img-src {site}; frame-src {site}"


def examples(site: str, lang: str, script: str, integrity: str, webcal: str) -> dict:
    feed = f"{site}/feeds/{lang}/municipality/ljungby/events.json"
    return {
        "script": (
            f'<script type="module" src="{site}/widgets/{script}"\n'
            f'        integrity="{integrity}" crossorigin="anonymous"></script>\n'
            f'<ds-events lang="{lang}" municipality="ljungby" days="30" limit="5"></ds-events>\n'
            f'<noscript><a href="{site}/">Destination Småland</a></noscript>'
        ),
        "iframe": (
            f'<iframe src="{site}/widgets/frame/{lang}/events/municipality/ljungby/?days=30"\n'
            '        title="…" width="600" height="600" loading="lazy"></iframe>\n'
            f'<script type="module" src="{site}/widgets/embed.js" crossorigin="anonymous"></script>'
        ),
        "fetch": (
            f'const response = await fetch("{feed}");\n'
            "const data = await response.json();  // ignore fields you do not know\n"
            "for (const event of data.events) {\n"
            "  const when = event.next ?? event.occurrences[0];\n"
            "  console.log(event.title, when.start, event.url);\n"
            "}\n"
            "// Credit: data.license.attribution (CC BY 4.0)"
        ),
        "calendar": webcal,
    }


def context(
    site: str,
    lang: str,
    languages: tuple[str, ...],
    script: str,
    integrity: str,
    pages: dict[str, str],
) -> dict:
    """The template's context (developers.html); `pages`: builder and feeds page URLs."""
    webcal = "webcal://" + site.split("://", 1)[1] + f"/feeds/{lang}/events.ics"
    return {
        "dev_licence": licence.record(site),
        "dev_files": FILES,
        "dev_ids": {
            "lang": list(languages),
            "municipality": list(MUNICIPALITIES),
            "category": list(EVENT_CATEGORIES),
            "kind": list(DESTINATION_KINDS),
        },
        "dev_schemas": schema_docs(),
        "dev_csp": partner_csp(site),
        "dev_examples": examples(site, lang, script, integrity, webcal),
        "dev_attributes": ATTRIBUTES,
        "dev_pages": pages,
    }
