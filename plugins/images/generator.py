"""Pelican glue: process every image once (cached), rewrite body images, copy the files."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from content.imagesize import image_size
from pelican.generators import Generator

from .markup import rewrite_body
from .process import RASTER, ImageSet, Variant, process
from .settings import resolve

log = logging.getLogger(__name__)


class ImagesGenerator(Generator):
    """Runs after the content generator (whose item bodies it rewrites)."""

    def generate_context(self) -> None:
        options = resolve(self.settings.get("IMAGES"))
        source_dir = Path(self.path) / "images"
        cache = Path(options["cache"])
        if not cache.is_absolute():
            cache = Path(self.settings["PATH"]).parent / cache
        self.sets: dict[str, ImageSet] = {}
        self.files: dict[str, Path] = {}
        processed = 0
        for source in sorted(source_dir.glob("*")) if source_dir.is_dir() else []:
            suffix = source.suffix.lower()
            if suffix in RASTER:
                image, files, done = process(source, cache)
                processed += done
                self.files.update(files)
            elif suffix == ".svg":
                width, height = image_size(source)
                image = ImageSet(source.name, width, height)
                image.fallback.append(
                    Variant(f"/images/{source.name}", width, height, "image/svg+xml")
                )
                self.files[source.name] = source
            else:
                continue
            self.sets[source.name] = image
        self.settings["IMAGES_PROCESSED"] = processed  # read by the tests
        self.context["image_sets"] = self.sets
        for entry in self.context["content_entries"].values():
            for item in entry.items.values():
                item.html = rewrite_body(item.html, self.sets)
        log.info("images: %d sets, %d processed now", len(self.sets), processed)

    def generate_output(self, writer) -> None:
        target = Path(self.output_path) / "images"
        target.mkdir(parents=True, exist_ok=True)
        for name, path in sorted(self.files.items()):
            shutil.copyfile(path, target / name)
