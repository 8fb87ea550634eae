"""A seeded, realistic corpus in our content model, for benchmarks.

    python benchmarks/corpus.py /tmp/corpus --pages 10000 [--stock]

writes about `--pages` item pages: events, destinations, activities, packages and stories,
each in sv, en, de, da and nl (Swedish text with å ä ö; Markdown with headings, lists,
links and tables; generated JPEG photos), plus the real municipalities and pages. With
`--stock` it also writes the same corpus as stock Pelican reads it (native translations).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from content_model.vocabulary import (  # noqa: E402
    ACTIVITY_KINDS,
    DESTINATION_KINDS,
    DIFFICULTIES,
    EVENT_CATEGORIES,
    MUNICIPALITIES,
)

LANGUAGES = ("sv", "en", "de", "da", "nl")
WORDS = {
    "sv": "sjö skog glasbruk höstmarknad gärdsgård älg ängsblommor kyrkbacke kvällssol "
    "åkerlapp björkhage hembygdsgård stenmur ödegård",
    "en": "lake forest glassworks market stone wall moose meadow church evening field "
    "birch grove homestead",
    "de": "See Wald Glashütte Markt Steinmauer Elch Wiese Kirche Abendsonne Feld "
    "Birkenhain Heimatmuseum Größe",
    "da": "sø skov glasværk marked stengærde elg eng kirke aftensol mark birkelund "
    "hjemstavn",
    "nl": "meer bos glasblazerij markt stenen muur eland weide kerk avondzon veld "
    "berkenbos heemkunde",
}
WORDS = {lang: words.split() for lang, words in WORDS.items()}
SECTION = {
    "sv": ("Så hittar du hit", "Bra att veta", "Öppettider och priser"),
    "en": ("Getting there", "Good to know", "Opening hours and prices"),
    "de": ("Anreise", "Gut zu wissen", "Öffnungszeiten und Preise"),
    "da": ("Sådan finder du hertil", "Godt at vide", "Åbningstider og priser"),
    "nl": ("Hoe kom je er", "Goed om te weten", "Openingstijden en prijzen"),
}
# Roughly the mix of a tourism site: most pages are events and places.
TYPE_SHARE = {
    "events": 0.40,
    "destinations": 0.25,
    "activities": 0.15,
    "packages": 0.10,
    "stories": 0.10,
}
PHOTOS = 12
REAL_LINK = re.compile(r"\[([^\]]*)\]\(\{key\}[^)]*\)")
# Inside Kronoberg (the validator refuses coordinates outside the county).
LATITUDES, LONGITUDES = (56.45, 57.15), (13.6, 15.6)


@dataclass
class Corpus:
    files: int
    entries: int
    items: int


def sentence(rng: random.Random, lang: str, words: int = 12) -> str:
    text = " ".join(rng.choice(WORDS[lang]) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def body(rng: random.Random, lang: str, keys: list[str], photo: str) -> str:
    """About 2 KB of Markdown: paragraphs, headings, a list, links, a table, an image."""
    linked = rng.choice(keys) if keys else None
    link = f" [{rng.choice(WORDS[lang])}]({{key}}{linked})" if linked else ""
    heading_a, heading_b, heading_c = SECTION[lang]
    return "\n".join(
        [
            sentence(rng, lang, 40) + link + " " + sentence(rng, lang, 25),
            "",
            f"## {heading_a}",
            "",
            sentence(rng, lang, 30),
            "",
            *(f"- {sentence(rng, lang, 6)}" for _ in range(4)),
            "",
            f"![{sentence(rng, lang, 5)}]({{image}}{photo})",
            "",
            f"## {heading_b}",
            "",
            sentence(rng, lang, 35)
            + f" [visitsmaland.se](https://www.visitsmaland.se/{rng.randrange(999)})",
            "",
            f"### {heading_c}",
            "",
            "| | |",
            "| --- | --- |",
            *(
                f"| {rng.choice(WORDS[lang])} | {rng.randint(10, 99)}0 kr |"
                for _ in range(3)
            ),
            "",
            sentence(rng, lang, 40),
            "",
        ]
    )


def coordinates(rng: random.Random) -> str:
    return f"{rng.uniform(*LATITUDES):.4f}, {rng.uniform(*LONGITUDES):.4f}"


def shared_fields(rng: random.Random, kind: str, number: int) -> list[str]:
    """Facts written once, in the Swedish source file."""
    town = rng.choice(list(MUNICIPALITIES))
    if kind == "events":
        start = date(2027, 1, 1) + timedelta(days=rng.randrange(365))
        hour = rng.choice([10, 13, 18, 19])
        fields = [
            f"start: {start} {hour}:00",
            f"end: {start} {hour + 2}:00",
            f"venue: {rng.choice(WORDS['sv']).capitalize()}gården",
            f"address: Storgatan {number % 90 + 1}, 352 31 Växjö",
            f"municipality: {town}",
            f"category: {rng.choice(list(EVENT_CATEGORIES))}",
            f"price: {rng.choice(['free', '100', '150-300'])}",
            "organizer: Hembygdsföreningen",
            f"coordinates: {coordinates(rng)}",
        ]
        if number % 10 == 0:
            fields += ["repeat: weekly", "repeat_count: 6"]
        if number % 37 == 0:
            fields.append("status: cancelled")
        return fields
    if kind == "destinations":
        return [
            f"municipality: {town}",
            f"kind: {rng.choice(list(DESTINATION_KINDS))}",
            f"coordinates: {coordinates(rng)}",
            f"address: Storgatan {number % 90 + 1}, 352 31 Växjö",
            f"website: https://www.example.se/{number}",
        ]
    if kind == "activities":
        towns = sorted(set(rng.sample(list(MUNICIPALITIES), rng.randint(1, 3))))
        return [
            f"kind: {rng.choice(list(ACTIVITY_KINDS))}",
            f"municipality: {','.join(towns)}",
            f"difficulty: {rng.choice(list(DIFFICULTIES))}",
            f"distance_km: {rng.randint(2, 40)}",
        ]
    if kind == "packages":
        return [
            f"price_from: {rng.randrange(500, 5000, 5)}",
            "valid_from: 2027-04-01",
            "valid_through: 2027-10-31",
            f"booking_url: https://boka.example.se/paket/{number}",
            "seller: exempelhotellet",
            f"municipality: {town}",
        ]
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(600))
    return [f"date: {day}", "author: Destination Småland", f"municipality: {town}"]


def language_fields(rng: random.Random, kind: str, lang: str) -> list[str]:
    """Fields every language writes for itself."""
    if kind == "destinations":
        return [
            f"season: {sentence(rng, lang, 4)}",
            f"accessibility: {sentence(rng, lang, 18)}",
        ]
    if kind == "activities":
        return [
            f"where: {sentence(rng, lang, 5)}",
            f"season: {sentence(rng, lang, 3)}",
            f"duration: {rng.randint(1, 6)} h",
        ]
    if kind == "packages":
        lines = "\n    ".join(sentence(rng, lang, 4) for _ in range(4))
        return [f"includes: {lines}", f"price_note: {sentence(rng, lang, 5)}"]
    return []


def entry_files(
    rng: random.Random, kind: str, number: int, keys: list[str]
) -> Iterator[tuple[str, str]]:
    key = f"{kind[:4]}-{number:05d}"
    photo = f"foto-{rng.randrange(PHOTOS):02d}.jpg"
    shared = [*shared_fields(rng, kind, number), f"image: {photo}"]
    for lang in LANGUAGES:
        header = [
            f"key: {key}",
            f"title: {sentence(rng, lang, 4).rstrip('.')} {number}",
            f"summary: {sentence(rng, lang, 16)}",
            f"image_alt: {sentence(rng, lang, 6)}",
            *language_fields(rng, kind, lang),
        ]
        if lang == "sv":
            header += shared
        text = "\n".join(header) + "\n\n" + body(rng, lang, keys, photo)
        yield f"{kind}/{lang}/{key}-{lang}.md", text


def photos(dest: Path, rng: random.Random) -> None:
    """Drawn 1600×1067 JPEGs: sky, lake and forest bands in seeded colours."""
    from PIL import Image, ImageDraw

    dest.mkdir(parents=True, exist_ok=True)
    for number in range(PHOTOS):
        image = Image.new("RGB", (1600, 1067), (150, 190, 230))
        draw = ImageDraw.Draw(image)
        for band in range(40):
            y = 400 + band * 17
            green = (30 + rng.randrange(60), 90 + rng.randrange(80), 40)
            draw.polygon(
                [(rng.randrange(1600), y - 80), (rng.randrange(1600), y), (0, y + 60)],
                fill=green,
            )
        draw.rectangle((0, 800, 1600, 1067), fill=(40, 80, 140 + rng.randrange(60)))
        image.save(dest / f"foto-{number:02d}.jpg", quality=85)
    # Every published image needs a credit (content/images/CREDITS.md).
    rows = "".join(
        f"| `foto-{n:02d}.jpg` | A generated landscape | Generated by the benchmark; CC0 |\n"
        for n in range(PHOTOS)
    )
    (dest / "CREDITS.md").write_text(
        "| File | What it shows | Credit |\n| --- | --- | --- |\n" + rows,
        encoding="utf-8",
    )


def real_pictures(content: Path) -> None:
    """The pictures the copied real pages show (the home page's panorama), with
    their credit rows: every published image needs one."""
    images = ROOT / "content" / "images"
    credits = (images / "CREDITS.md").read_text(encoding="utf-8").splitlines()
    for page in sorted((content / "pages").rglob("*.md")):
        for name in re.findall(r"^image: (\S+)$", page.read_text("utf-8"), re.M):
            shutil.copy2(images / name, content / "images" / name)
            row = next(r for r in credits if r.startswith(f"| `{name}` |"))
            with (content / "images" / "CREDITS.md").open("a", encoding="utf-8") as f:
                f.write(row + "\n")


def generate(dest: Path, pages: int, seed: int = 2026) -> Corpus:
    """Write `dest/content` with about `pages` item pages; returns the counts."""
    rng = random.Random(seed)
    content = dest / "content"
    entries = max(len(TYPE_SHARE), pages // len(LANGUAGES))
    keys: list[str] = []
    files = 0
    for kind, share in TYPE_SHARE.items():
        for number in range(max(1, round(entries * share))):
            for name, text in entry_files(rng, kind, number, keys):
                path = content / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                files += 1
            keys.append(f"{kind[:4]}-{number:05d}")
    for folder in ("municipalities", "pages"):
        for source in (ROOT / "content" / folder).rglob("*.md"):
            target = content / source.relative_to(ROOT / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            # Their links point at real items the corpus does not have: keep the text.
            target.write_text(REAL_LINK.sub(r"\1", source.read_text(encoding="utf-8")))
            files += 1
    photos(content / "images", rng)
    real_pictures(content)
    # Packages are sold by a seller of content/sellers.toml.
    (content / "sellers.toml").write_text(
        '[[seller]]\nid = "exempelhotellet"\nname = "Exempelhotellet"\n'
        'website = "https://boka.example.se"\nexample = true\n',
        encoding="utf-8",
    )
    return Corpus(files=files, entries=len(keys), items=len(keys) * len(LANGUAGES))


STOCK_LINK = re.compile(r"\{(?:key|image)\}([^\s)\]\"'#]*)")


def stock_copy(content: Path, dest: Path) -> int:
    """The same files as stock Pelican reads them: articles with `key` linking languages.

    `{key}`/`{image}` links become plain paths and our event `status` is renamed, since
    Pelican's own `status` only knows draft/hidden/published. Everything else is as is.
    """
    written = 0
    for source in sorted(content.rglob("*.md")):
        relative = source.relative_to(content)
        if relative.parts[0] == "images":
            continue  # the credits file, not an article
        text = STOCK_LINK.sub(r"/\1", source.read_text(encoding="utf-8"))
        text = re.sub(r"^status:", "event_status:", text, flags=re.M)
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"slug: {source.stem}\n" + text, encoding="utf-8")
        written += 1
    shutil.copytree(content / "images", dest / "images")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--stock", action="store_true")
    args = parser.parse_args()
    corpus = generate(args.dest, args.pages)
    print(f"{corpus.files} files, {corpus.items} items in {args.dest / 'content'}")
    if args.stock:
        count = stock_copy(args.dest / "content", args.dest / "stock-content")
        print(f"{count} files in {args.dest / 'stock-content'}")


if __name__ == "__main__":
    main()
