"""Images: responsive JPEG/PNG + WebP variants, EXIF orientation applied, metadata removed."""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from .generator import ImagesGenerator
from .markup import picture


@pass_context
def responsive_image(
    context, name: str, alt: str, sizes: str, lazy: bool = True, css_class: str = ""
) -> Markup:
    """`{{ responsive_image(item.image, item.image_alt, "100vw", lazy=False) }}`."""
    return picture(context["image_sets"][name], alt, sizes, lazy, css_class)


def image_source(sets: dict, name: str) -> tuple[str, int, int]:
    """URL, width and height of an image's default file (feeds and JSON-LD use it)."""
    src = sets[name].src
    return src.url, src.width, src.height


def install(generator) -> None:
    generator.env.globals["responsive_image"] = responsive_image


def get_generators(pelican):
    return ImagesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install)
