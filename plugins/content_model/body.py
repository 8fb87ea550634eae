"""Checks and link resolution for the Markdown body of an item."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import unescape
from typing import TYPE_CHECKING
from urllib.parse import quote

from .errors import ContentError

if TYPE_CHECKING:
    from .model import Entry, Item

KEY_LINK = re.compile(r"\{key\}([^\s)\]\"'#]*)")
IMAGE_LINK = re.compile(r"\{image\}([^\s)\]\"']*)")
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)")
ATX_HEADING = re.compile(r"^(#{1,6})\s")
FENCE = re.compile(r"^(```|~~~)")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def body_lines(item: Item) -> Iterator[tuple[int, str]]:
    """Numbered body lines outside fenced code blocks."""
    in_fence = False
    for offset, line in enumerate(item.body.split("\n")):
        if FENCE.match(line.lstrip()):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield item.body_line + offset, line


# What `./dev new` writes for the editor to replace: never to be published as it is.
SCAFFOLD_BODY = "Write the text here, in Markdown. Sections start with '## '."
TRANSLATE_MARK = "TRANSLATE:"
# HTML the Markdown converter shows as text (it does not pass HTML through).
RAW_TAG = re.compile(
    r"<\s*(iframe|script|style|object|embed|form|video|audio|img|a|div|span|p|br|table)\b",
    re.IGNORECASE,
)
CODE_SPAN = re.compile(r"`[^`]*`")


def may_need_checking(line: str) -> bool:
    """Headings, links, images, {key}/{image} references, HTML tags and what the
    scaffold wrote; a cheap test first."""
    return (
        line.startswith(("#", "Write the text", TRANSLATE_MARK))
        or "[" in line
        or "](" in line
        or "{" in line
        or "<" in line
    )


def scaffold_and_html_errors(item: Item, number: int, line: str) -> list[ContentError]:
    errors = []
    if line.strip() == SCAFFOLD_BODY or line.startswith(TRANSLATE_MARK):
        errors.append(
            ContentError(
                item.path,
                number,
                "body",
                "still has the placeholder text of ./dev new",
                "write the text (and delete the placeholder line)",
            )
        )
    tag = RAW_TAG.search(CODE_SPAN.sub("", line))
    if tag:
        errors.append(
            ContentError(
                item.path,
                number,
                "body",
                f"has HTML (<{tag[1].lower()}>), which the page shows as text",
                "write Markdown instead; for a map, a video or a form, link to it: "
                "[text](https://…)",
            )
        )
    return errors


def check_body(
    item: Item, entries: dict[str, Entry], images: frozenset[str]
) -> list[ContentError]:
    errors: list[ContentError] = []
    previous_level = 1
    for number, line in body_lines(item):
        if not may_need_checking(line):
            continue  # plain prose (most lines): none of the patterns below can match
        errors += scaffold_and_html_errors(item, number, line)
        heading = ATX_HEADING.match(line)
        if heading:
            level = len(heading[1])
            if level == 1:
                errors.append(
                    ContentError(
                        item.path,
                        number,
                        "body",
                        "has a level-1 heading; the title is the page's only one",
                        "start sections with '## '",
                    )
                )
            elif level > previous_level + 1:
                errors.append(
                    ContentError(
                        item.path,
                        number,
                        "body",
                        f"jumps from heading level {previous_level} to {level}",
                        f"use {'#' * (previous_level + 1)} here, so screen reader "
                        "users can follow the outline",
                    )
                )
            previous_level = level
        for match in KEY_LINK.finditer(line):
            if match[1] not in entries:
                errors.append(
                    ContentError(
                        item.path,
                        number,
                        "body",
                        f"links to an unknown key {match[1]!r}",
                        "use the key: field of an existing item, e.g. {key}kosta-glasbruk",
                    )
                )
        for match in LINK_TARGET.finditer(line):
            target = match[1] or match[2]
            scheme = SCHEME.match(target)
            if not scheme and not target.startswith(("/", "#", "{key}", "{image}")):
                errors.append(
                    ContentError(
                        item.path,
                        number,
                        "body",
                        f"has a relative link {target!r}, which breaks between languages",
                        "link with {key}the-key to our items, or with a path from the "
                        "root such as /kontakt/",
                    )
                )
            elif scheme and scheme[1].lower() not in SAFE_SCHEMES:
                errors.append(
                    ContentError(
                        item.path,
                        number,
                        "body",
                        f"links to a {scheme[1].lower()}: address",
                        "use https://, mailto: or tel: links, or {key}… for our pages",
                    )
                )
        for match in MARKDOWN_IMAGE.finditer(line):
            if not match["alt"].strip():
                errors.append(
                    ContentError(
                        item.path,
                        number,
                        "body",
                        "has an image without alt text",
                        "write what the image shows between the brackets: ![Alt text](…)",
                    )
                )
        for match in IMAGE_LINK.finditer(line):
            if match[1] not in images:
                errors.append(
                    ContentError(
                        item.path,
                        number,
                        "body",
                        f"shows an image {match[1]!r} that is not in content/images/",
                        "add the file there or correct the name",
                    )
                )
    return errors


URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
# Everything a URL may contain as it is (RFC 3986 reserved and unreserved, and %).
URL_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


def safe_urls(html: str) -> str:
    """Percent-encode what may not stand in a URL ('<', spaces …) in href/src values."""

    def encode(match: re.Match) -> str:
        value = unescape(match[2])
        encoded = quote(value, safe=URL_SAFE)
        return f'{match[1]}="{encoded.replace("&", "&amp;")}"'

    return URL_ATTRIBUTE.sub(encode, html)


def resolve_links(
    body: str, key_url: Callable[[str], str], image_url: Callable[[str], str]
) -> str:
    """Replace `{key}x` and `{image}y` with the URLs for the page's language."""
    body = KEY_LINK.sub(lambda m: key_url(m[1]), body)
    return IMAGE_LINK.sub(lambda m: image_url(m[1]), body)
