"""Assets: theme files published under content-hashed names, linked with `asset_url()`."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

from atomic_output.owned import remove_unwritten
from pelican import signals
from pelican.generators import Generator

from .manifest import Asset, AssetsError, asset_url, collect
from .settings import resolve

__all__ = ["AssetsError", "register"]


def find_assets(pelican) -> None:
    """Hash the theme's files once per build, before any generator renders."""
    options = resolve(pelican.settings)
    folder = Path(pelican.settings["THEME"]) / options["source"]
    pelican.settings["ASSETS_MANIFEST"] = collect(folder) if folder.is_dir() else {}


def install(generator) -> None:
    """`{{ asset_url("css/site.css") }}` in every template."""
    target = resolve(generator.settings)["target"].strip("/")
    generator.env.globals["asset_url"] = partial(
        asset_url, generator.settings["ASSETS_MANIFEST"], f"/{target}/"
    )


class AssetsGenerator(Generator):
    """Copies each theme file to its hashed name; no unhashed copy is published."""

    def generate_context(self) -> None:
        self.assets: dict[str, Asset] = self.settings["ASSETS_MANIFEST"]
        self.target = Path(self.output_path) / resolve(self.settings)["target"]

    def generate_output(self, writer) -> None:
        for asset in self.assets.values():
            path = self.target / asset.hashed
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset.source, path)
        # A changed file's old hashed name leaves output/ (ASSETS target folder).
        written = [asset.hashed for asset in self.assets.values()]
        folder = resolve(self.settings)["target"].strip("/")
        remove_unwritten(self.settings, Path(self.output_path), folder, written)


def get_generators(pelican):
    return AssetsGenerator


def register() -> None:
    signals.initialized.connect(find_assets)
    signals.generator_init.connect(install)
    signals.get_generators.connect(get_generators)
