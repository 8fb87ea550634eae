"""Imported events as content files: found again by source and UID, never overwriting
an editor's work.

Each imported file records a digest of what the import wrote (`import_digest`). If the
file no longer matches it, an editor changed it: a later import that would change it
reports a conflict and leaves it. `draft` is not part of the digest: removing
`draft: yes` is how an editor accepts an event from a source that needs approval.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from content_model.document import parse_document
from pelican.utils import slugify

# Fields the import never counts as the editor's change (nor writes into the digest).
OWN_FIELDS = ("draft", "import_digest")
KEY_LENGTH = 60


@dataclass
class Imported:
    """An event file an earlier import wrote."""

    path: Path
    key: str
    fields: dict[str, str]
    body: str
    recorded: str  # the digest written then

    @property
    def detached(self) -> bool:
        """The editor deleted `import_digest`: the file is theirs, imports leave it."""
        return not self.recorded

    commented: bool = False  # an editor's `# …` lines in the header

    @property
    def edited(self) -> bool:
        return self.commented or digest(self.fields, self.body) != self.recorded

    @property
    def draft(self) -> bool:
        return self.fields.get("draft", "").strip().lower() == "yes"


def digest(fields: dict[str, str], body: str) -> str:
    kept = [(k, v) for k, v in fields.items() if k not in OWN_FIELDS]
    text = "\n".join(f"{k}: {v}" for k, v in kept) + "\n\n" + body.strip()
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def identity(source: str, uid: str, recurrence: str) -> tuple[str, str, str]:
    """What finds an imported file again: whitespace in a UID is not part of it."""
    return (source, " ".join(uid.split()), recurrence)


def find_imported(
    events_dir: Path,
) -> tuple[dict[tuple[str, str, str], Imported], set[str]]:
    """Imported files by (source, UID, recurrence), and every key in use (any language)."""
    found: dict[tuple[str, str, str], Imported] = {}
    keys: set[str] = set()
    for path in sorted(events_dir.parent.glob("*/*/*.md")):
        fields, body, commented = read_file(path)
        if "key" in fields:
            keys.add(fields["key"])  # keys are unique across every type
        if path.parent.parent != events_dir:
            continue
        if "source" in fields and "source_uid" in fields:
            ident = identity(
                fields["source"],
                fields["source_uid"],
                fields.get("source_recurrence", ""),
            )
            recorded = fields.get("import_digest", "")
            found[ident] = Imported(
                path, fields.get("key", ""), fields, body, recorded, commented
            )
    return found, keys


def read_file(path: Path) -> tuple[dict[str, str], str, bool]:
    """Fields, body, and whether the header has an editor's `# …` comment lines."""
    text = path.read_text("utf-8")
    document = parse_document(text, str(path))
    fields = {name: raw.text for name, raw in document.fields.items()}
    header = text.split("\n\n", 1)[0].splitlines()
    return fields, document.body, any(line.startswith("#") for line in header)


def render(key: str, fields: dict[str, str], body: str, draft: bool) -> str:
    """The file's text; the digest covers what is written here except draft/digest."""
    all_fields = {"key": key, **fields}
    lines = [f"{k}: {v}" for k, v in all_fields.items()]
    if draft:
        lines.append("draft: yes")
    lines.append(f"import_digest: {digest(all_fields, body)}")
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"


def new_key(source: str, title: str, recurrence: str, taken: set[str]) -> str:
    base = slugify(f"{source} {title}", regex_subs=[(r"[^a-z0-9]+", "-")])
    base = base[:KEY_LENGTH].strip("-")
    if recurrence:
        base += "-" + recurrence[:10].replace("-", "")
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    taken.add(key)
    return key
