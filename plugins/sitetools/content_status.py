"""`invoke check --fast` and `invoke untranslated`: validate content without building."""

from __future__ import annotations

import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from content_model.pictures import shared_picture_errors
from content_model.site import load_site
from i18n.settings import language_settings
from pelican.settings import read_settings
from wording import check_wording, hunspell_missing


def configured_languages(root: Path) -> tuple[str, ...]:
    return language_settings(read_settings(str(root / "pelicanconf.py"))).languages


def load(root: Path):
    """What the build validates, without building: entries with their URLs, every
    error (root-relative links included), and the number of files."""
    settings = read_settings(str(root / "pelicanconf.py"))
    i18n = language_settings(settings)
    content_dir = Path(settings["PATH"])
    translations = Path(
        settings.get("I18N_TRANSLATIONS_PATH") or root / i18n.translations_dir
    )
    entries, errors, _router = load_site(content_dir, i18n.languages, translations)
    files = sum(len(entry.items) for entry in entries.values())
    return i18n.languages, entries, errors, files


def check(root: Path, need_spelling: bool = True) -> int:
    """Print every content error, every problem of the texts (spelling, names,
    figures) and every picture shown on more than two items; 0 when there are none. Without Hunspell, `need_spelling=False` (the fast
    check) says the spelling was not checked instead of failing."""
    started = time.perf_counter()
    languages, entries, errors, files = load(root)
    content_dir = Path(read_settings(str(root / "pelicanconf.py"))["PATH"])
    missing = hunspell_missing(languages)
    if missing:
        advice = (
            f"the spelling check needs {missing}: ./dev check installs it, or "
            "apt-get install hunspell hunspell-sv hunspell-en-gb hunspell-de-de "
            "hunspell-da hunspell-nl"
        )
        if need_spelling:
            print(f"check: {advice}", file=sys.stderr)
            return 1
        print(f"note: spelling not checked — {advice}", file=sys.stderr)
    errors = errors + check_wording(content_dir, languages, spelling=not missing)
    errors += shared_picture_errors(entries)
    for error in sorted(set(errors)):
        print(error, file=sys.stderr)
    elapsed = time.perf_counter() - started
    if errors:
        print(
            f"\n{len(set(errors))} error(s) in {files} files ({elapsed:.2f} s)",
            file=sys.stderr,
        )
        return 1
    print(f"{files} files, {len(entries)} items: no errors ({elapsed:.2f} s)")
    return 0


def report_untranslated(root: Path) -> None:
    """A table of missing translations, per type and language."""
    languages, entries, errors, _files = load(root)
    if errors:
        print(f"(there are {len(errors)} content errors; run ./dev check --fast)\n")
    missing: dict[str, list[str]] = {lang: [] for lang in languages}
    for entry in sorted(entries.values(), key=lambda e: (e.type, e.key)):
        for lang in languages:
            if lang not in entry.items:
                missing[lang].append(f"{entry.type}/{entry.key}")
    for lang in languages:
        print(f"{lang}: {len(missing[lang])} of {len(entries)} items untranslated")
        for name in missing[lang]:
            print(f"    {name}")


def report_unconfirmed(root: Path) -> None:
    """Facts the site does not give yet: addresses written `unconfirmed` (a page
    without an address until someone confirms it) and details marked `illustrative`
    (shown as examples). Areas written `address: none` are complete and not listed."""
    _languages, entries, errors, _files = load(root)
    if errors:
        print(f"(there are {len(errors)} content errors; run ./dev check --fast)\n")
    content_dir = Path(read_settings(str(root / "pelicanconf.py"))["PATH"])
    addresses, examples, unplaced = [], [], []
    written = {
        key: written_address(content_dir, entry.source)
        for key, entry in entries.items()
    }
    for entry in sorted(entries.values(), key=lambda e: (e.type, e.key)):
        source = entry.source
        if (
            entry.type == "events"
            and written.get(source.get("destination")) == "none"
            and "address" not in source.lines
        ):
            # Held at a place without one (a town, a park): the venue may have its own.
            unplaced.append(
                f"    {source.path}:{source.line_of('venue')}  {entry.type}/{entry.key}: "
                f"{source.venue} (at {source.destination})"
            )
        if written[entry.key] == "unconfirmed":
            line = source.line_of("address")
            addresses.append(f"    {source.path}:{line}  {entry.type}/{entry.key}")
        if source.get("illustrative"):
            examples.append(
                f"    {source.path}:{source.line_of('illustrative')}  "
                f"{entry.type}/{entry.key}: {', '.join(source.illustrative)}"
            )
    print(f"addresses to confirm: {len(addresses)}")
    print("\n".join(addresses))
    print(f"details shown as examples (illustrative): {len(examples)}")
    print("\n".join(examples))
    print(
        f"events at a destination without an address: {len(unplaced)} "
        "(give the venue's own 'address:' if it has one, or 'address: none')"
    )
    print("\n".join(unplaced))


def written_address(content_dir: Path, item) -> str:
    """'none' or 'unconfirmed' as the file says it (both read as no address), else ''."""
    line = item.lines.get("address")
    if not line or item.get("address") is not None:
        return ""
    raw = header_line(content_dir.parent / item.path, line)
    return raw.partition(":")[2].strip().lower()


def header_line(path: Path, number: int) -> str:
    with path.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle, 1):
            if index == number:
                return line
    return ""


def catalog_report(translations: Path) -> int:
    """Compile each catalog in memory; list untranslated strings; non-zero if any."""
    incomplete = 0
    for po in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        write_mo(BytesIO(), catalog)  # raises on a catalog gettext cannot use
        todo = [m for m in catalog if m.id and (m.fuzzy or not _translated(m))]
        lang = po.parent.parent.name
        print(f"{lang}: {len(catalog) - len(todo)}/{len(catalog)} translated")
        for message in todo:
            print(f"    {po}:{message.lineno}: {message.id!r}")
        incomplete += len(todo)
    return 1 if incomplete else 0


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


RECORDS = ("content/ledger.json", "content/urls.json")


def uncommitted_records(root: Path) -> int:
    """The build keeps the feeds ledger and the URL record up to date; they count only
    once committed (a partner's calendar, an old address). 0 when they are, or when the
    project is not a git checkout."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--", *RECORDS],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return 0
    changed = [line[3:] for line in result.stdout.splitlines()]
    if not changed:
        return 0
    print(
        f"check: {', '.join(changed)} changed with this build: commit "
        f"{'them' if len(changed) > 1 else 'it'} with your content (git add "
        f"{' '.join(changed)})",
        file=sys.stderr,
    )
    return 5
