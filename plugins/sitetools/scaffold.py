"""`invoke new`: a content file with the fields its type requires, ready to fill in."""

from __future__ import annotations

from pathlib import Path

from content_model.body import SCAFFOLD_BODY, TRANSLATE_MARK
from content_model.document import parse_document
from content_model.loader import SLUG, find_images, find_sources
from content_model.schema import TYPES, specs_for
from content_model.translations import FIELD, record_for
from content_model.validate import build_entries
from pelican.utils import slugify


class ScaffoldError(ValueError):
    """Bad arguments to `invoke new`, explained."""


def slug_for(title: str) -> str:
    return slugify(title, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])


def files_with_key(content_dir: Path, key: str) -> list[Path]:
    """Every content file (any type, any language) whose key is `key`."""
    found = []
    for path in sorted(content_dir.glob("*/*/*.md")):
        doc = parse_document(
            path.read_text(encoding="utf-8", errors="replace"), str(path)
        )
        raw = doc.fields.get("key")
        if raw is not None and raw.text == key:
            found.append(path)
    return found


def check_key(
    content_dir: Path, content_type: str, lang: str, key: str, *, translation: bool
) -> None:
    """Refuse what validation would reject: a second file per language, a reused key."""
    existing = files_with_key(content_dir, key)
    if not translation and existing:
        raise ScaffoldError(
            f"the key {key!r} is taken by {existing[0]}; give another --title, "
            "or --key to translate that item"
        )
    if translation and not [p for p in existing if p.parts[-3] == content_type]:
        raise ScaffoldError(f"no {content_type} item has key {key!r}")
    for path in existing:
        if path.parts[-2] == lang:
            raise ScaffoldError(f"{key!r} already has a {lang} file: {path}")


# Every destination and every event gives where it is (an event may instead name the
# destination it is held at, and take its address).
ADDRESS_HINT = (
    "# address: street, postcode town; 'none' for a lake, a trail or a square; "
    "'unconfirmed' until you have it"
)


def header(content_type: str, key: str, title: str) -> str:
    """A new item's required fields, values left for the editor."""
    lines = [f"key: {key}", f"title: {title}"]
    for spec in specs_for(content_type).values():
        if spec.name == "address":
            lines.append(ADDRESS_HINT)
        elif spec.name in ("key", "title") or not spec.required:
            continue
        lines.append(f"{spec.name}: ")
    return "\n".join(lines) + "\n"


def translation_text(content_type: str, key: str, title: str, source: Path) -> str:
    """A translation: every text field the source has (and the required ones), each
    under a comment with the source's text, and the source body to translate."""
    doc = parse_document(source.read_text(encoding="utf-8"), str(source))
    lang = source.parent.name
    lines = [f"key: {key}"]
    for spec in specs_for(content_type).values():
        if spec.shared or spec.name == "key":
            continue
        raw = doc.fields.get(spec.name)
        if raw is None and not spec.required:
            continue
        if raw is not None:
            said = " / ".join(raw.items) if spec.is_list else raw.text
            lines.append(f"# {lang}: {said}")
        value = title if spec.name == "title" else ""
        lines.append(f"{spec.name}: {value}")
    body = doc.body.strip("\n")
    note = f"{TRANSLATE_MARK} translate the {lang} text below, then delete this line."
    return "\n".join(lines) + f"\n\n{note}\n\n{body}\n"


def create(
    content_dir: Path,
    content_type: str,
    lang: str,
    *,
    title: str = "",
    key: str = "",
    languages: tuple[str, ...] = (),
) -> Path:
    if content_type not in TYPES:
        raise ScaffoldError(f"--type must be one of: {', '.join(TYPES)}")
    if languages and lang not in languages:
        raise ScaffoldError(f"--lang must be one of: {', '.join(languages)}")
    translation = bool(key)
    if not translation and not title:
        raise ScaffoldError("give --title for a new item, or --key to translate one")
    key = key or slug_for(title)
    check_key(content_dir, content_type, lang, key, translation=translation)
    slug = slug_for(title) if title else key
    if not SLUG.match(slug) or slug.isdigit():
        raise ScaffoldError(
            f"the file name would be {slug!r}: a name needs a letter (digits alone are "
            "the addresses of a listing's pages); give a --title with a word in it"
        )
    path = content_dir / content_type / lang / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} exists already; choose another --title")
    path.parent.mkdir(parents=True, exist_ok=True)
    if translation:
        source = source_file(content_dir, content_type, key, languages)
        text = translation_text(content_type, key, title, source)
        record = source_record(content_dir, languages, key)
        if record:  # what it is translated from: ./dev translations follows it
            text = text.replace(f"key: {key}\n", f"key: {key}\n{FIELD}: {record}\n", 1)
    else:
        text = header(content_type, key, title) + f"\n{SCAFFOLD_BODY}\n"
    path.write_text(text, encoding="utf-8")
    return path


def source_record(content_dir: Path, languages: tuple[str, ...], key: str) -> str:
    """`translated_from` for a new translation of `key` (as the build reads the source)."""
    if not languages:
        return ""
    sources, _errors = find_sources(content_dir, languages)
    entries, _more = build_entries(sources, languages, find_images(content_dir))
    entry = entries.get(key)
    return record_for(entry.source) if entry else ""


def source_file(
    content_dir: Path, content_type: str, key: str, languages: tuple[str, ...]
) -> Path:
    """The file a translation starts from: the item's first language in the site's
    order (sv before en …)."""
    files = [p for p in files_with_key(content_dir, key) if p.parts[-3] == content_type]
    order = {lang: n for n, lang in enumerate(languages)}
    return min(files, key=lambda p: (order.get(p.parent.name, 99), p.name))
