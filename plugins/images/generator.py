"""Pelican glue: process every image once (cached), rewrite body images, copy the files."""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

from atomic_output.owned import remove_unwritten
from content_model.credits import read_credits
from content_model.imagesize import image_size
from content_model.settings import project_path
from pelican.generators import Generator
from render.parallel import Background, workers_for

from .cards import cached_card, card_for, site_card
from .markup import rewrite_body
from .process import RASTER, ImageSet, Variant, process, variants_folder
from .settings import resolve

log = logging.getLogger(__name__)
VARIANT_FOLDER = re.compile(r"[0-9a-f]{20}")  # process.digest()
SITE_CARD_NAME = "Destination Småland"
SITE_CARD_REGION = "Kronoberg · Småland · Sweden"


def card_file(image: str) -> str:
    """/images/og-<name>.jpg: an image's sharing card; og-site.jpg: the site's."""
    return f"og-{Path(image).stem}.jpg" if image else "og-site.jpg"


def prune_cards(cache: Path, used: set[Path]) -> None:
    """Cards of images that changed or went: the cache would grow with every edit."""
    for card in (cache / "cards").glob("*.jpg"):
        if card not in used:
            card.unlink(missing_ok=True)


class ImagesGenerator(Generator):
    """Runs after the content generator (whose item bodies it rewrites)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = resolve(self.settings.get("IMAGES"))
        self.source_dir = Path(self.path) / "images"
        self.cache = project_path(self.settings, options["cache"])
        cache = self.cache
        photos = [s for s in self.listed() if s.suffix.lower() in RASTER]
        # Each photo read once: its bytes name its folder of variants.
        folders = self.folders = {s: variants_folder(s, cache) for s in photos}
        self.new_photos = [s for s in photos if not (folders[s] / "done").is_file()]
        # New photos (a tenth of a second or more each) are processed from the start
        # of the build, beside the content's reading and planning, on every core.
        Background.finish_abandoned()
        self.processing = Background(
            lambda s: process(s, cache, folder=folders[s]),
            self.new_photos,
            workers_for(self.settings),
        )
        # New sharing cards too (a drawing takes resvg about 0.1 s at 1200 px).
        self.new_cards = [
            s
            for s in self.listed()
            if s.suffix.lower() in (*RASTER, ".svg")
            and not cached_card(s, cache).is_file()
        ]
        self.carding = Background(
            lambda s: card_for(s, cache), self.new_cards, workers_for(self.settings)
        )

    def listed(self) -> list[Path]:
        folder = self.source_dir
        return sorted(folder.glob("*")) if folder.is_dir() else []

    def generate_context(self) -> None:
        cache = self.cache
        self.sets: dict[str, ImageSet] = {}
        self.files: dict[str, Path] = {}
        sources = self.listed()  # again: a photo may have come while content was read
        photos = [s for s in sources if s.suffix.lower() in RASTER]
        early = dict(zip(self.new_photos, self.processing.wait(), strict=True))
        done = [
            early.get(s) or process(s, cache, folder=self.folders.get(s))
            for s in photos
        ]
        processed = 0
        for source, (image, files, count) in zip(photos, done, strict=True):
            processed += count
            self.files.update(files)
            self.sets[source.name] = image
        for source in sources:
            if source.suffix.lower() == ".svg":
                width, height = image_size(source)
                image = ImageSet(source.name, width, height)
                image.fallback.append(
                    Variant(f"/images/{source.name}", width, height, "image/svg+xml")
                )
                self.files[source.name] = source
                self.sets[source.name] = image
        # Sharing cards (og:image): one per image and one for the site (cards.py).
        made = dict(zip(self.new_cards, self.carding.wait(), strict=True))
        cards = {
            s.name: made.get(s) or card_for(s, cache)
            for s in sources
            if s.name in self.sets
        }
        cards[""] = site_card(cache, SITE_CARD_NAME, SITE_CARD_REGION)
        self.files.update({card_file(name): path for name, path in cards.items()})
        self.context["share_cards"] = {
            name: f"/images/{card_file(name)}" for name in cards
        }
        prune_cards(cache, set(cards.values()))
        prune(cache, {p.parent for p in self.files.values() if p.is_relative_to(cache)})
        self.settings["IMAGES_PROCESSED"] = processed  # read by the tests
        self.context["image_sets"] = self.sets
        # Feeds credit each image (and a changed credit remakes them: it is in the salt).
        self.context["image_credits"] = read_credits(self.source_dir / "CREDITS.md")
        rewritten = _rewritten.current(self.sets)
        for entry in self.context["content_entries"].values():
            for item in entry.items.values():
                item.html = rewritten(item.html)
        log.info("images: %d sets, %d processed now", len(self.sets), processed)

    def generate_output(self, writer) -> None:
        target = Path(self.output_path) / "images"
        target.mkdir(parents=True, exist_ok=True)
        for name, path in sorted(self.files.items()):
            if path.is_relative_to(self.cache) and share(path, target / name):
                continue  # cached variants never change: shared, not copied
            (target / name).unlink(missing_ok=True)
            shutil.copyfile(path, target / name)
        self.remove_stale()

    def remove_stale(self) -> None:
        """Files of photos replaced or deleted (a smaller photo has fewer variants)."""
        remove_unwritten(self.settings, Path(self.output_path), "images", self.files)


class RewrittenBodies:
    """Body HTML with responsive images, remembered while the image sets stay the same:
    a long-lived process (livereload) hands the same HTML string for an unchanged body
    (content/bodies.py), so only edited bodies are rewritten."""

    def __init__(self) -> None:
        self._sets: dict[str, ImageSet] | None = None
        self._done: dict[int, tuple[str, str]] = {}

    def current(self, sets: dict[str, ImageSet]):
        if sets != self._sets:
            self._sets, self._done = sets, {}
        done, used = self._done, {}

        def rewritten(html: str) -> str:
            known = done.get(id(html))
            if known is None or known[0] is not html:
                known = (html, rewrite_body(html, sets))
            used[id(html)] = known
            return known[1]

        self._done = used  # what this build used (the rest is forgotten)
        return rewritten


_rewritten = RewrittenBodies()


def share(source: Path, target: Path) -> bool:
    """Link the cached file; never write through a link into the cache."""
    try:
        if target.exists() and os.path.samefile(source, target):
            return True  # built in place: already there
        target.unlink(missing_ok=True)
        os.link(source, target)
    except OSError:
        return False
    return True


def prune(cache: Path, used: set[Path]) -> None:
    """Drop the variants of photos that were replaced or deleted (the cache would grow
    with every edit of a photo). Only finished variant folders (named by a digest) are
    touched: the folder may be shared with other caches, or another build may be
    writing its .tmp folder."""
    if not cache.is_dir():
        return
    for folder in cache.iterdir():
        if folder not in used and VARIANT_FOLDER.fullmatch(folder.name):
            shutil.rmtree(folder, ignore_errors=True)
