"""<picture> markup for an image set: WebP first, sizes, intrinsic width and height."""

from __future__ import annotations

import re
from html import escape
from urllib.parse import unquote

from markupsafe import Markup

from .process import ImageSet

BODY_IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def picture(
    image: ImageSet, alt: str, sizes: str, lazy: bool, css_class: str = ""
) -> Markup:
    """`alt=""` for decorative images; `lazy` for anything below the fold."""
    attrs = f' class="{escape(css_class)}"' if css_class else ""
    loading = ' loading="lazy" decoding="async"' if lazy else ""
    if not image.webp:  # an SVG: one file, scales itself
        return Markup(
            f'<img{attrs} src="{image.fallback[0].url}" alt="{escape(alt)}" '
            f'width="{image.width}" height="{image.height}"{loading}>'
        )
    src = image.src
    return Markup(
        "<picture>"
        f'<source type="image/webp" srcset="{image.srcset(image.webp)}" sizes="{sizes}">'
        f'<img{attrs} src="{src.url}" srcset="{image.srcset(image.fallback)}" '
        f'sizes="{sizes}" alt="{escape(alt)}" width="{src.width}" height="{src.height}"'
        f"{loading}></picture>"
    )


def rewrite_body(html: str, images: dict[str, ImageSet]) -> str:
    """Body images (from Markdown) become responsive, sized and lazy."""

    def replace(match: re.Match) -> str:
        attrs = dict(ATTRIBUTE.findall(match["attrs"]))
        src = unquote(attrs.get("src", ""))
        image = (
            images.get(src.removeprefix("/images/"))
            if src.startswith("/images/")
            else None
        )
        if image is None:
            return match[0]
        alt = attrs.get("alt", "")
        return str(
            picture(image, _unescape(alt), "(min-width: 48rem) 42rem, 100vw", True)
        )

    return BODY_IMG.sub(replace, html)


def _unescape(text: str) -> str:
    return (
        text.replace("&quot;", '"')
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )
