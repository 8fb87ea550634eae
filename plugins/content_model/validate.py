"""Turn parsed documents into linked entries, collecting every error on the way."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from render import stored

from .body import check_body
from .document import Document
from .errors import ContentError
from .fields import FieldProblem
from .keys import key_typos
from .model import Entry, Item
from .rules import check_source_item
from .schema import specs_for


@dataclass(frozen=True)
class Source:
    """Where a document came from: content/<type>/<lang>/<slug>.md."""

    type: str
    lang: str
    slug: str
    document: Document


def build_entries(
    sources: Iterable[Source],
    languages: tuple[str, ...],
    images: frozenset[str],
    cache_dir: Path | None = None,
) -> tuple[dict[str, Entry], list[ContentError]]:
    """Validate everything; return entries by key and all errors found."""
    errors: list[ContentError] = []
    parsed: list[tuple[Source, dict[str, Any]]] = []
    memo = Unchanged.current
    for source in sources:
        errors.extend(source.document.errors)
        values, problems = memo.fields(source)
        errors.extend(problems)
        parsed.append((source, values))
    groups = group_by_key(parsed, languages, errors)
    entries: dict[str, Entry] = {}
    for key, members in sorted(groups.items()):
        entry, problems = memo.entry(key, members, languages, images)
        errors.extend(problems)
        if entry is not None:
            entries[key] = entry
    bodies = BodyChecks.for_site(frozenset(entries), images)
    clean = CleanBodies(cache_dir, bodies.keys, images)
    for entry in entries.values():
        for item in entry.items.values():
            if not clean.known(item):
                found = bodies.check(item, entries, images)
                errors.extend(found)
                if not found:
                    clean.add(item)
    clean.save()
    errors.extend(check_roles(entries))
    typos, explained = key_typos(entries, languages)
    if typos:  # the typo's consequences would send the editor to the wrong files
        errors = [e for e in errors if e.path not in explained] + typos
    Unchanged.current = memo.kept()
    return entries, errors


class Unchanged:
    """Parsed fields and merged entries of files that did not change since the last
    build in this process.

    The loader hands out the same Source object for an unchanged file, so a long-lived
    process (livereload) keeps the same Entry for a key whose files are all unchanged:
    later steps remember their work by it. Everything a build sets on an entry (URLs,
    HTML, digests) is derived again each build, so a kept entry ends up as a new one would.
    """

    current: Unchanged

    def __init__(self) -> None:
        self._fields: dict[int, tuple[Source, dict[str, Any], list]] = {}
        self._entries: dict[str, tuple[tuple, frozenset, Entry | None, list]] = {}
        self._fields_used: dict[int, tuple[Source, dict[str, Any], list]] = {}
        self._entries_used: dict[str, tuple[tuple, frozenset, Entry | None, list]] = {}

    def fields(self, source: Source) -> tuple[dict[str, Any], list[ContentError]]:
        known = self._fields.get(id(source))
        if known is None or known[0] is not source:
            known = (source, *parse_fields(source))
        self._fields_used[id(source)] = known
        return known[1], known[2]

    def entry(
        self,
        key: str,
        members: dict[str, tuple[Source, dict[str, Any]]],
        languages: tuple[str, ...],
        images: frozenset[str],
    ) -> tuple[Entry | None, list[ContentError]]:
        """The merged entry and the errors of its own files (required fields, rules)."""
        files = tuple((lang, member) for lang, (member, _) in sorted(members.items()))
        known = self._entries.get(key)
        if not (
            known
            and len(known[0]) == len(files)
            and all(
                a[0] == b[0] and a[1] is b[1]
                for a, b in zip(known[0], files, strict=True)
            )
            and known[1] == images
        ):
            problems: list[ContentError] = []
            entry = merge_entry(key, members, languages, problems)
            if entry is not None:
                for item in entry.items.values():
                    problems.extend(check_item(item, entry, images))
            known = (files, images, entry, problems)
        self._entries_used[key] = known
        return known[2], known[3]

    def kept(self) -> Unchanged:
        """What this build used: deleted and edited files are forgotten."""
        following = Unchanged()
        following._fields = self._fields_used
        following._entries = self._entries_used
        return following


Unchanged.current = Unchanged()


class BodyChecks:
    """Body checks remembered while the site's keys and images stay the same.

    A body's problems depend only on its text and on which keys and images exist, so
    a long-lived process (livereload) checks only the bodies that were edited.
    """

    _current: BodyChecks | None = None

    def __init__(self, keys: frozenset[str], images: frozenset[str]):
        self.keys = keys
        self.images = images
        self.found: dict[tuple[str, int, str], list[ContentError]] = {}

    @classmethod
    def for_site(cls, keys: frozenset[str], images: frozenset[str]) -> BodyChecks:
        current = cls._current
        if current is None or current.keys != keys or current.images != images:
            cls._current = current = cls(keys, images)
        return current

    def check(self, item, entries, images) -> list[ContentError]:
        key = (item.path, item.body_line, item.body)
        if key not in self.found:
            self.found[key] = check_body(item, entries, images)
        return self.found[key]


class CleanBodies:
    """Bodies that passed their checks, remembered on disk (`cache_dir`) for the same
    keys and images: a new process (a build after an edit) checks only edited bodies."""

    FILE = "clean-bodies.marshal"

    def __init__(
        self, cache_dir: Path | None, keys: frozenset[str], images: frozenset[str]
    ):
        self.file = cache_dir / self.FILE if cache_dir else None
        site = "\0".join(sorted(keys)) + "\0\0" + "\0".join(sorted(images))
        site += "\0\0" + body_checks_version()  # new checks look at every body again
        self.site = hashlib.blake2b(site.encode(), digest_size=16).hexdigest()
        self.before = stored.load(self.file) if self.file else {}
        self.now: dict[str, str] = {}

    @staticmethod
    def digest(item: Item) -> str:
        known = item.__dict__.get("_body_digest")  # livereload keeps unchanged items
        if known is None:
            text = f"{item.path}\0{item.body_line}\0{item.body}"
            known = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
            item.__dict__["_body_digest"] = known
        return known

    def known(self, item: Item) -> bool:
        if not self.file:
            return False
        digest = self.digest(item)
        if self.before.get(digest) == self.site:
            self.now[digest] = self.site
            return True
        return False

    def add(self, item: Item) -> None:
        if self.file:
            self.now[self.digest(item)] = self.site

    def save(self) -> None:
        if self.file and self.now != self.before:
            stored.save(self.file, self.now)  # only this build's bodies


@cache
def body_checks_version() -> str:
    """The body checks' own code: a body clean under older checks is checked again."""
    code = Path(__file__).with_name("body.py").read_bytes()
    return hashlib.blake2b(code, digest_size=8).hexdigest()


def parse_fields(source: Source) -> tuple[dict[str, Any], list[ContentError]]:
    """Parse each header field with its spec; unknown fields are errors."""
    doc = source.document
    specs = specs_for(source.type)
    values: dict[str, Any] = {}
    errors: list[ContentError] = []
    for name, raw in doc.fields.items():
        spec = specs.get(name)
        if spec is None:
            errors.append(
                ContentError(
                    doc.path,
                    raw.line,
                    name,
                    f"is not a field of {source.type}",
                    f"remove it or use one of: {', '.join(sorted(specs))} "
                    "(see content/README.md)",
                )
            )
            continue
        try:
            if spec.is_list:
                values[name] = tuple(spec.parse(v) for v in raw.items) or (
                    spec.parse(""),
                )
            else:
                values[name] = spec.parse(raw.text)
        except FieldProblem as problem:
            errors.append(
                ContentError(doc.path, raw.line, name, problem.problem, problem.fix)
            )
    return values, errors


def group_by_key(
    parsed: list[tuple[Source, dict[str, Any]]],
    languages: tuple[str, ...],
    errors: list[ContentError],
) -> dict[str, dict[str, tuple[Source, dict[str, Any]]]]:
    """Group files by key: one file per language per key, one type per key."""
    groups: dict[str, dict[str, tuple[Source, dict[str, Any]]]] = {}
    for source, values in sorted(parsed, key=lambda p: p[0].document.path):
        key = values.get("key")
        if key is None:
            if "key" not in source.document.fields:
                errors.append(
                    ContentError(
                        source.document.path,
                        1,
                        "key",
                        "is required but missing",
                        "add a line 'key: …' that links the languages of this item, "
                        f"e.g. 'key: {source.slug}'",
                    )
                )
            continue  # an invalid key is already reported
        doc = source.document
        group = groups.setdefault(key, {})
        other = next(iter(group.values()), None)
        if other is not None and other[0].type != source.type:
            errors.append(
                ContentError(
                    doc.path,
                    doc.fields["key"].line,
                    "key",
                    f"{key!r} is already the key of {other[0].document.path}",
                    "keys are unique across the site; choose another key",
                )
            )
            continue
        if source.lang in group:
            errors.append(
                ContentError(
                    doc.path,
                    doc.fields["key"].line,
                    "key",
                    f"{key!r} already has a {source.lang} file: "
                    f"{group[source.lang][0].document.path}",
                    "each key has one file per language; give one of them another key",
                )
            )
            continue
        group[source.lang] = (source, values)
    return groups


def merge_entry(
    key: str,
    members: dict[str, tuple[Source, dict[str, Any]]],
    languages: tuple[str, ...],
    errors: list[ContentError],
) -> Entry | None:
    """Give every translation the shared facts of the source file."""
    source_lang = next(lang for lang in languages if lang in members)
    source, source_values = members[source_lang]
    specs = specs_for(source.type)
    shared = {n: v for n, v in source_values.items() if specs[n].shared}
    items: dict[str, Item] = {}
    for lang, (member, values) in members.items():
        doc = member.document
        for name, value in values.items():
            if lang == source_lang or not specs[name].shared or name == "key":
                continue
            line = doc.fields[name].line
            if name not in shared:
                errors.append(
                    ContentError(
                        doc.path,
                        line,
                        name,
                        "is a shared fact, but the source file does not have it",
                        f"move the line to {source.document.path}",
                    )
                )
            elif value != shared[name]:
                errors.append(
                    ContentError(
                        doc.path,
                        line,
                        name,
                        f"differs from {source.document.path}",
                        "shared facts are written once; delete this line or correct "
                        "the source file",
                    )
                )
        merged = {**shared, **{n: v for n, v in values.items() if not specs[n].shared}}
        lines = {name: raw.line for name, raw in doc.fields.items()}
        items[lang] = Item(
            type=member.type,
            key=key,
            lang=lang,
            slug=member.slug,
            path=doc.path,
            fields=merged,
            body=doc.body,
            body_line=doc.body_line,
            lines=lines,
        )
    entry = Entry(source.type, key, items, source_lang)
    for item in items.values():
        item.entry = entry
    return entry


# A body the same in two languages is an untranslated copy once it is a real text (a
# line such as a link or a name may rightly be the same).
SAME_BODY_FROM = 200


def check_item(item: Item, entry: Entry, images: frozenset[str]) -> list[ContentError]:
    """Required fields and rules that span fields."""
    errors: list[ContentError] = []
    specs = specs_for(item.type)
    source_path = entry.source.path
    for spec in specs.values():
        if not spec.required or spec.name in item.fields:
            continue
        if spec.name in item.lines:
            continue  # present but invalid: already reported
        if spec.shared and item is not entry.source:
            continue  # a shared fact: reported once, on the source file
        errors.append(
            ContentError(
                item.path,
                1,
                spec.name,
                "is required but missing",
                f"add a line '{spec.name}: …' to the header (see content/README.md)",
            )
        )

    def err(name: str, problem: str, fix: str) -> None:
        path = item.path if name in item.lines else source_path
        line = item.line_of(name) if name in item.lines else entry.source.line_of(name)
        errors.append(ContentError(path, line, name, problem, fix))

    if item.get("image") and item is entry.source and item.image not in images:
        err(
            "image",
            f"{item.image!r} is not in content/images/",
            "add the file there or correct the name",
        )
    if (
        item.get("image")
        and not item.get("image_alt")
        and "image_alt" not in item.lines
    ):
        errors.append(
            ContentError(
                item.path,
                1,
                "image_alt",
                "is missing, but the item has an image",
                "describe what the image shows in this language: 'image_alt: …'",
            )
        )
    if item is entry.source:
        check_source_item(item, err)
    elif len(item.body.strip()) >= SAME_BODY_FROM and (
        item.body.strip() == entry.source.body.strip()
    ):
        errors.append(
            ContentError(
                item.path,
                item.body_line,
                "body",
                f"is the same text as the {entry.source.lang} file",
                "translate it (./dev new --lang … copies the source text to start from)",
            )
        )
    return errors


def check_roles(entries: dict[str, Entry]) -> list[ContentError]:
    """At most one page per role and language."""
    seen: dict[tuple[str, str], Item] = {}
    errors: list[ContentError] = []
    for entry in entries.values():
        for item in entry.items.values():
            role = item.get("role")
            if role is None:
                continue
            other = seen.setdefault((role, item.lang), item)
            if other is not item:
                errors.append(
                    ContentError(
                        item.path,
                        entry.source.line_of("role"),
                        "role",
                        f"{role!r} is already the role of {other.path}",
                        "give each role to one page per language",
                    )
                )
    return errors
