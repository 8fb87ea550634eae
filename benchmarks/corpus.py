"""A seeded, realistic corpus in our content model, for benchmarks.

    python benchmarks/corpus.py /tmp/corpus --events 2000

writes content/events/<lang>/*.md in five languages (Swedish text with å ä ö, Markdown
with headings, lists, links and a table), spread over the municipalities and categories,
some repeating, some cancelled, plus the pages every site has.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from content.vocabulary import EVENT_CATEGORIES, MUNICIPALITIES  # noqa: E402

LANGUAGES = ("sv", "en", "de", "da", "nl")
WORDS = {
    "sv": [
        "sjö",
        "skog",
        "glasbruk",
        "höstmarknad",
        "gärdsgård",
        "älg",
        "ängsblommor",
        "kyrkbacke",
        "kvällssol",
        "åkerlapp",
        "björkhage",
        "hembygdsgård",
    ],
    "en": [
        "lake",
        "forest",
        "glassworks",
        "market",
        "stone",
        "wall",
        "moose",
        "meadow",
        "church",
        "evening",
        "field",
        "birch",
        "grove",
        "homestead",
    ],
    "de": [
        "See",
        "Wald",
        "Glashütte",
        "Markt",
        "Steinmauer",
        "Elch",
        "Wiese",
        "Kirche",
        "Abendsonne",
        "Feld",
        "Birkenhain",
        "Heimatmuseum",
    ],
    "da": [
        "sø",
        "skov",
        "glasværk",
        "marked",
        "stengærde",
        "elg",
        "eng",
        "kirke",
        "aftensol",
        "mark",
        "birkelund",
        "hjemstavn",
    ],
    "nl": [
        "meer",
        "bos",
        "glasblazerij",
        "markt",
        "stenen",
        "muur",
        "eland",
        "weide",
        "kerk",
        "avondzon",
        "veld",
        "berkenbos",
        "heemkunde",
    ],
}
TITLE = {
    "sv": "Evenemang",
    "en": "Event",
    "de": "Veranstaltung",
    "da": "Begivenhed",
    "nl": "Evenement",
}


def sentence(rng: random.Random, lang: str, words: int = 12) -> str:
    text = " ".join(rng.choice(WORDS[lang]) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def body(rng: random.Random, lang: str) -> str:
    return "\n".join(
        [
            sentence(rng, lang, 30),
            "",
            "## " + sentence(rng, lang, 3).rstrip("."),
            "",
            *(f"- {sentence(rng, lang, 5)}" for _ in range(3)),
            "",
            "| A | B |",
            "| --- | --- |",
            f"| {rng.choice(WORDS[lang])} | {rng.randint(1, 99)} |",
            "",
            sentence(rng, lang, 40),
            "",
        ]
    )


def event_files(rng: random.Random, number: int) -> dict[str, str]:
    key = f"evenemang-{number:05d}"
    start = date(2027, 1, 1) + timedelta(days=rng.randrange(365))
    hour = rng.choice([10, 13, 18, 19])
    shared = [
        f"start: {start} {hour}:00",
        f"end: {start} {hour + 2}:00",
        f"venue: {rng.choice(WORDS['sv']).capitalize()}gården",
        f"municipality: {rng.choice(list(MUNICIPALITIES))}",
        f"category: {rng.choice(list(EVENT_CATEGORIES))}",
        f"price: {rng.choice(['free', '100', '150-300'])}",
        "organizer: Hembygdsföreningen",
    ]
    if number % 10 == 0:
        shared += ["repeat: weekly", "repeat_count: 6"]
    if number % 37 == 0:
        shared.append("status: cancelled")
    files = {}
    for lang in LANGUAGES:
        header = [
            f"key: {key}",
            f"title: {TITLE[lang]} {number} – {sentence(rng, lang, 3)}",
            f"summary: {sentence(rng, lang, 14)}",
        ]
        if lang == "sv":
            header += shared
        files[f"events/{lang}/{key}-{lang}.md"] = (
            "\n".join(header) + "\n\n" + body(rng, lang)
        )
    return files


def generate(dest: Path, events: int, seed: int = 2026) -> int:
    rng = random.Random(seed)
    written = 0
    for number in range(events):
        for name, text in event_files(rng, number).items():
            path = dest / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--events", type=int, default=2000)
    args = parser.parse_args()
    count = generate(args.dest / "content", args.events)
    print(f"{count} files in {args.dest / 'content'}")


if __name__ == "__main__":
    main()
