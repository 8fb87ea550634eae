"""`./dev import`: every source in content/sources.toml into content/events/<lang>/.

One failing source never stops the others; each failure is one line. Matching is by
the partner's UID: a changed event updates its file, an event cancelled upstream (or
gone from a calendar that was read) is marked cancelled, never deleted; a file an
editor changed is left as it is and reported as a conflict.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from content_model import fields as f
from content_model.sources import Source, read_sources

from .fetch import TIMEOUT_SECONDS, FetchError, fetch
from .files import Imported, digest, find_imported, identity, new_key, render
from .icalendar_source import CalendarError, read_icalendar
from .json_source import JsonError, read_events_json, read_json_feed
from .mapping import Unmappable, header_and_body
from .safe_text import TextTooLong
from .upstream import Read, Upstream
from .validation import check_text


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    cancelled: int = 0
    unchanged: int = 0
    conflicts: int = 0
    failed_sources: int = 0
    skipped: int = 0

    def say(self, line: str) -> None:
        self.lines.append(line)

    @property
    def summary(self) -> str:
        return (
            f"import: {self.created} new, {self.updated} updated, {self.cancelled} "
            f"cancelled, {self.unchanged} unchanged, {self.conflicts} conflicts, "
            f"{self.skipped} skipped, {self.failed_sources} sources failed"
        )


def run_import(
    root: Path,
    today: date,
    only: str = "",
    timeout: float = TIMEOUT_SECONDS,
    say: Callable[[str], None] = print,
) -> Report:
    content_dir = root / "content"
    report = Report()
    sources, errors = read_sources(content_dir)
    for error in errors:
        report.say(str(error))
    if errors:
        report.failed_sources += 1
    if not sources and not errors:
        report.say(
            "import: no sources in content/sources.toml — add a [[source]] block "
            '(see content/README.md, "Events from partners\' calendars")'
        )
    if only and only not in sources:
        report.failed_sources += 1
        report.say(f"import: no source {only!r} in content/sources.toml")
    events_dir = content_dir / "events"
    imported, taken = find_imported(events_dir)
    for source in sources.values():
        if only and source.id != only:
            continue
        try:
            fetched = fetch(source, root, root / "cache" / "imports", timeout)
            got = read(source, fetched.data, today)
        except (FetchError, CalendarError, JsonError) as error:
            report.failed_sources += 1
            report.say(f"{source.id}: {error} — its events are left as they are")
            continue
        except Exception as error:  # whatever a partner's data does: one line, go on
            report.failed_sources += 1
            report.say(
                f"{source.id}: could not be read ({type(error).__name__}: {error}) "
                "— its events are left as they are"
            )
            continue
        for problem in got.problems:
            report.skipped += 1
            report.say(f"{source.id}: {problem}")
        seen = _write_all(source, got.events, imported, taken, root, report)
        _retire_missing(source, seen, got.unreadable, imported, today, report)
    for line in report.lines:
        say(line)
    say(report.summary)
    return report


def read(source: Source, data: bytes, today: date) -> Read:
    if source.format == "icalendar":
        return read_icalendar(data, today)
    if source.format == "events-json":
        return read_events_json(data)
    return read_json_feed(data)


def _write_all(
    source: Source,
    events: list[Upstream],
    imported: dict,
    taken: set[str],
    root: Path,
    report: Report,
) -> set[tuple[str, str, str]]:
    seen: set[tuple[str, str, str]] = set()
    for event in events:
        ident = identity(source.id, event.uid, event.recurrence)
        label = f"{source.id}: {event.title or event.uid!r}" + (
            f" ({event.recurrence})" if event.recurrence else ""
        )
        if ident in seen:
            continue
        seen.add(ident)
        try:
            fields, body = header_and_body(event, source)
        except (Unmappable, TextTooLong) as error:
            report.skipped += 1
            report.say(f"{label}: {error}; skipped")
            continue
        fields["source"] = source.id
        fields["source_uid"] = ident[1]
        if event.recurrence:
            fields["source_recurrence"] = event.recurrence
        _write_one(source, ident, fields, body, imported, taken, root, label, report)
    return seen


def _write_one(
    source, ident, fields, body, imported, taken, root, label, report
) -> None:
    known: Imported | None = imported.get(ident)
    events_dir = root / "content" / "events"
    if known is None:
        key = new_key(source.id, fields["title"], ident[2], taken)
        path = events_dir / source.language / f"{key}.md"
        text = render(key, fields, body, draft=source.approval)
        if not _valid(text, path, root, source, label, report):
            taken.discard(key)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        imported[ident] = Imported(path, key, fields, body, "")
        report.created += 1
        report.say(
            f"{label}: new, {path.relative_to(events_dir.parent.parent)}"
            + (
                " (draft: an editor accepts it by removing 'draft: yes')"
                if source.approval
                else ""
            )
        )
        return
    wanted = digest({"key": known.key, **fields}, body)
    if wanted == known.recorded or known.detached:
        report.unchanged += 1
        return
    if known.edited:
        report.conflicts += 1
        report.say(
            f"{label}: conflict — {known.path.relative_to(events_dir.parent.parent)} was "
            "edited here and changed upstream; the file is left as it is (compare it "
            "with the partner's calendar; delete its 'import_digest' line to keep your "
            "version for good, or restore it (git checkout) to take theirs next time)"
        )
        return
    text = render(known.key, fields, body, known.draft)
    if not _valid(text, known.path, root, source, label, report):
        return
    known.path.write_text(text, "utf-8")
    if (
        fields.get("status") == "cancelled"
        and known.fields.get("status") != "cancelled"
    ):
        report.cancelled += 1
        report.say(f"{label}: cancelled upstream, marked cancelled")
    else:
        report.updated += 1
        report.say(f"{label}: updated")


def _retire_missing(
    source: Source,
    seen: set,
    unreadable: set[str],
    imported: dict,
    today: date,
    report: Report,
) -> None:
    """Files of a calendar that was read, whose event it no longer has.

    Gone from the calendar: marked cancelled (never deleted), unless over. Still there
    in another shape (a series that now needs a file per run, or the other way): the
    old file is superseded, kept as a draft so no date shows twice. Events the reader
    could not read this time are left as they are."""
    live_uids = {ident[1] for ident in seen}
    for ident, known in sorted(imported.items(), key=lambda pair: str(pair[0])):
        if ident[0] != source.id or ident in seen or ident[1] in unreadable:
            continue
        if known.detached or known.fields.get("status") == "cancelled":
            continue
        superseded = ident[1] in live_uids
        if not superseded and _over(known.fields, today):
            continue
        label = f"{source.id}: {known.fields.get('title', ident[1])!r}"
        shown = known.path.relative_to(known.path.parents[3])
        if known.edited:
            report.conflicts += 1
            report.say(
                f"{label}: {'changed shape' if superseded else 'gone from the partner calendar'} "
                f"upstream, but {shown} was edited here — left as it is; check it by hand"
            )
            continue
        fields = {
            k: v
            for k, v in known.fields.items()
            if k not in ("key", "draft", "import_digest")
        }
        if superseded:
            known.path.write_text(render(known.key, fields, known.body, True), "utf-8")
            report.updated += 1
            report.say(
                f"{label}: the partner now repeats it differently; {shown} is replaced "
                "by the new file(s) and made a draft (delete it once you have checked)"
            )
            continue
        fields["status"] = "cancelled"
        known.path.write_text(
            render(known.key, fields, known.body, known.draft), "utf-8"
        )
        report.cancelled += 1
        report.say(f"{label}: gone from the partner's calendar, marked cancelled")


def _valid(
    text: str, path: Path, root: Path, source: Source, label: str, report: Report
) -> bool:
    """The file as our build would read it: what it would refuse is never written."""
    problems = check_text(text, path, root)
    if problems:
        report.skipped += 1
        report.say(f"{label}: {problems[0]}; skipped")
    return not problems


def _over(fields: dict[str, str], today: date) -> bool:
    last = fields.get("repeat_until") or fields.get("end") or fields.get("start", "")
    try:
        value = f.date_or_datetime(last)
    except f.FieldProblem:
        return False
    day = value.date() if hasattr(value, "date") and callable(value.date) else value
    return day < today


def main(root: Path, today: date, only: str = "") -> int:
    report = run_import(root, today, only)
    return 1 if report.failed_sources or report.conflicts else 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd(), date.today()))
