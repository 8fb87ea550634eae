"""Partners' descriptions as safe Markdown: what they mean kept, nothing that runs.

Calendars carry HTML (Google in DESCRIPTION, Outlook in X-ALT-DESC): paragraphs, lists,
bold, links — and sometimes scripts, styles, `javascript:` links or whole Word
documents. Only text and a few structures survive; a link survives only to https,
mailto or tel; every character Markdown or HTML would read as markup is escaped.
"""

from __future__ import annotations

import re

from lxml import etree, html

SAFE_LINK = re.compile(r"^(https://|mailto:|tel:)", re.IGNORECASE)
DROPPED = {"script", "style", "head", "title", "iframe", "object", "embed", "template"}
BLOCKS = {"p", "div", "section", "article", "table", "tr", "blockquote", "pre"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#!|])")
BREAK = "\x00"  # a <br>, written as Markdown's hard break once spaces are tidied
# Longer than any description a visitor reads on an event page.
MAX_CHARACTERS = 20_000


class TextTooLong(ValueError):
    pass


CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]"
)


def escape(text: str) -> str:
    """Plain text that Markdown shows as it is ('<script>' stays visible text); no
    invisible control characters, which our content check refuses."""
    text = CONTROL.sub("", text.replace(BREAK, "\uffff"))
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\uffff", BREAK)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def text_to_markdown(text: str) -> str:
    _check_length(text)
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return "\n\n".join(
        "  \n".join(escape(line.strip()) for line in p.split("\n") if line.strip())
        for p in paragraphs
        if p.strip()
    )


def html_to_markdown(markup: str) -> str:
    _check_length(markup)
    if not markup.strip():
        return ""
    try:
        root = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return text_to_markdown(re.sub(r"<[^>]*>", " ", markup))
    blocks: list[str] = []
    line: list[str] = []
    _text(root, line)
    _walk(root, blocks, line)
    _flush(blocks, line)
    text = "\n\n".join(b for b in (" ".join(b.split(" ")).strip() for b in blocks) if b)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(rf"(?: ?{BREAK} ?){{2,}}", "\n\n", text)  # <br><br> ends a paragraph
    return re.sub(rf" ?{BREAK} ?", "  \n", text)


def _check_length(text: str) -> None:
    if len(text) > MAX_CHARACTERS:
        raise TextTooLong(
            f"the description has {len(text):,} characters; at most "
            f"{MAX_CHARACTERS:,} are imported"
        )


def _walk(element, blocks: list[str], line: list[str]) -> None:
    """Collect finished blocks in `blocks`; `line` is the block being written."""
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in DROPPED or not tag:
            _tail(child, line)
            continue
        if tag == "br":
            line.append(BREAK)
        elif tag in BLOCKS or tag in HEADINGS:
            _flush(blocks, line)
            inner: list[str] = []
            _text(child, inner)
            _walk(child, blocks, inner)
            prefix = "## " if tag in HEADINGS else ""
            _flush(blocks, inner, prefix)
        elif tag in ("ul", "ol"):
            _flush(blocks, line)
            items = []
            for number, li in enumerate(child.iter("li"), 1):
                inner = []
                _text(li, inner)
                _walk(li, [], inner)
                marker = f"{number}." if tag == "ol" else "-"
                content = "".join(inner).strip()
                if content:
                    items.append(f"{marker} {' '.join(content.split())}")
            if items:
                blocks.append("\n".join(items))
        elif tag in ("b", "strong", "i", "em"):
            inner = []
            _text(child, inner)
            _walk(child, blocks, inner)
            content = "".join(inner).strip()
            mark = "**" if tag in ("b", "strong") else "*"
            if content:
                line.append(f"{mark}{content}{mark}")
        elif tag == "a":
            inner = []
            _text(child, inner)
            _walk(child, blocks, inner)
            content = "".join(inner).strip()
            href = (child.get("href") or "").strip()
            if SAFE_LINK.match(href) and not re.search(r"[\s()<>{}|\\^`\"]", href):
                line.append(f"[{content or escape(href)}]({href})")
            else:
                line.append(content)
        else:
            _text(child, line)
            _walk(child, blocks, line)
        _tail(child, line)


def _text(element, line: list[str]) -> None:
    if element.text:
        line.append(escape(_spaced(element.text)))


def _tail(element, line: list[str]) -> None:
    if element.tail:
        line.append(escape(_spaced(element.tail)))


def _spaced(text: str) -> str:
    """Whitespace collapsed, but a space at either end kept (it separates words)."""
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    return (
        (" " if text[:1].isspace() else "")
        + core
        + (" " if text[-1:].isspace() else "")
    )


def _flush(blocks: list[str], line: list[str], prefix: str = "") -> None:
    content = "".join(line).strip()
    if content:
        blocks.append(prefix + content)
    line.clear()
