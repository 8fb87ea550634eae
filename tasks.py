"""Editor and developer tasks: `invoke --list` shows them all."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
sys.path[:0] = [str(ROOT / "plugins")]

from sitetools import build, content_status, scaffold  # noqa: E402
from sitetools import serve as serve_mod  # noqa: E402

TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
PYBABEL = f"{sys.executable} -m babel.messages.frontend"


GATES = ("links", "html", "accessibility")


@task(
    name="build",
    help={
        "publish": "use publishconf.py (absolute URLs from SITE_URL)",
        "check": "run the quality gates before the new site replaces output/",
    },
)
def build_site(c, publish=False, check=False):
    """Build the whole site into output/ (swapped in only when the build succeeds)."""
    settings = "publishconf.py" if publish else "pelicanconf.py"
    sys.exit(build.run(ROOT / settings, gates=GATES if check else ()))


@task(
    help={
        "fast": "only validate the content files (about a second; builds nothing)",
        "every_page": "run axe-core on every page, not two of each kind per language",
    }
)
def check(c, fast=False, every_page=False):
    """Validate content, build, and run the quality gates (HTML, links, accessibility)."""
    code = content_status.check(ROOT, need_spelling=not fast)
    if code or fast:
        sys.exit(code)
    code = build.run(
        ROOT / "pelicanconf.py", as_published(), gates=GATES, every_page=every_page
    )
    sys.exit(code or content_status.uncommitted_records(ROOT))


def as_published() -> dict:
    """A checked build is built as it would go out: with its precompressed copies."""
    from pelican.settings import read_settings

    block = read_settings(str(ROOT / "pelicanconf.py")).get("PRECOMPRESS") or {}
    return {"PRECOMPRESS": {**block, "enabled": True}}


@task(
    help={"strict": "exit non-zero when a translation is stale, unrecorded or missing"}
)
def translations(c, strict=False):
    """Per language: translations up to date, stale (with what changed), missing."""
    from sitetools import translation_status

    sys.exit(translation_status.report(ROOT, strict))


@task(
    help={
        "file": "the translation that now matches its source (./dev translated <file> works too)",
        "all": "mark every translation up to date",
    },
)
def translated(c, file="", all=False):
    """Record that a translation is up to date with its source (translated_from)."""
    from sitetools import translation_status

    if not file and not all:
        sys.exit("translated: give the translation's file, or --all")
    sys.exit(translation_status.mark(ROOT, [file] if file else [], every=all))


@task
def untranslated(c):
    """Show, per language, the items that have no translation yet."""
    content_status.report_untranslated(ROOT)


@task
def unconfirmed(c):
    """List the addresses still to confirm and the details shown as examples."""
    content_status.report_unconfirmed(ROOT)


PORT_HELP = "the port on 127.0.0.1 (default 8000); another if 8000 is taken"


@task(help={"port": PORT_HELP})
def serve(c, port=serve_mod.DEFAULT_PORT):
    """Build, then serve output/ on http://127.0.0.1:8000 until Ctrl+C (and the
    editors' status page, /_status/)."""
    free_port_or_exit("serve", port)
    code = build.run(ROOT / "pelicanconf.py", preview_settings(port))
    if code:
        sys.exit(code)  # content errors: printed, nothing served
    languages = content_status.configured_languages(ROOT)
    try:
        serve_mod.serve(ROOT / "output", port, languages)
    except serve_mod.PortBusy as busy:
        sys.exit(f"serve: {busy}")


@task(help={"port": PORT_HELP})
def livereload(c, port=serve_mod.DEFAULT_PORT):
    """Serve on :8000; a save rebuilds only what it changed, in this same process."""
    from livereload import Server
    from sitetools.live import LiveSite

    free_port_or_exit("livereload", port)
    site = LiveSite(ROOT / "pelicanconf.py", preview_settings(port))
    site.rebuild()
    server = Server()

    def restart() -> None:
        # Edited plugin code or settings: start afresh, so nothing old stays loaded.
        os.execv(
            sys.executable,
            [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
        )

    def ignored(path: str) -> bool:
        # The build writes the ledger itself; watching it would rebuild twice.
        return (
            path.endswith(("ledger.json", "ledger.json.tmp")) or "__pycache__" in path
        )

    for folder in ("content", "theme", "translations"):
        server.watch(str(ROOT / folder), site.rebuild, ignore=ignored)
    server.watch(str(ROOT / "plugins"), restart, ignore=ignored)
    server.watch(str(ROOT / "pelicanconf.py"), restart)
    print(f"Serving on http://127.0.0.1:{port}/ — a save rebuilds; Ctrl+C stops")
    server.serve(host=serve_mod.HOST, port=port, root=str(ROOT / "output"))


def preview_settings(port: int) -> dict:
    """A preview's own address (canonical links, JSON-LD, feeds) and the editors'
    status page."""
    return {"SITEURL": f"http://{serve_mod.HOST}:{port}", "CONTENT_STATUS_PAGE": True}


def free_port_or_exit(task_name: str, port: int) -> None:
    """A busy port is refused before a build is spent on it."""
    try:
        serve_mod.check_port(port)
    except serve_mod.PortBusy as busy:
        sys.exit(f"{task_name}: {busy}")


@task
def publish(c):
    """Build with publishconf.py, run the gates, then rsync output/ to $PUBLISH_TARGET."""
    target = os.environ.get("PUBLISH_TARGET")
    if not target:
        sys.exit("publish: set PUBLISH_TARGET (rsync destination, user@host:/path)")
    code = build.run(ROOT / "publishconf.py", gates=GATES)
    if code:
        sys.exit(code)
    # --delay-updates: the new files replace the old ones together, at the very end.
    c.run(f"rsync -az --delay-updates --delete-after {ROOT / 'output'}/ {target}/")


@task(
    help={
        "type": "destinations, events, activities, packages, stories, pages",
        "lang": "a language of I18N in pelicanconf.py (default: sv)",
        "title": "the item's title",
        "key": "translate an existing item: its key",
    }
)
def new(c, type, lang="sv", title="", key=""):
    """Scaffold a content file with its required fields (pass --key to translate one)."""
    try:
        languages = content_status.configured_languages(ROOT)
        path = scaffold.create(
            ROOT / "content", type, lang, title=title, key=key, languages=languages
        )
    except scaffold.ScaffoldError as exc:
        sys.exit(f"new: {exc}")
    print(
        f"Created {path.relative_to(ROOT)} — fill in the fields, then run ./dev check --fast"
    )


@task(
    name="import",
    help={"source": "import only the source with this id (content/sources.toml)"},
)
def import_events(c, source=""):
    """Fetch partners' calendars (content/sources.toml) into content/events/<lang>/."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from imports.run import main

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = (
        datetime.fromtimestamp(int(epoch), UTC)
        if epoch
        else datetime.now(ZoneInfo("Europe/Stockholm"))
    )
    sys.exit(main(ROOT, now.date(), source))


@task
def i18n_extract(c):
    """Collect UI strings from templates and plugins into translations/messages.pot."""
    c.run(
        f"{PYBABEL} extract -F {TRANSLATIONS / 'babel.cfg'} -o {POT} "
        '-k N_ -k _ -k url_segment:1c,2 -c Translators: --sort-by-file --project=destination-smaland --copyright-holder="AB Destination Småland" . '
    )


@task(pre=[i18n_extract])
def i18n_update(c):
    """Merge new UI strings into every language's catalog."""
    c.run(
        f"{PYBABEL} update -i {POT} -d {TRANSLATIONS} --no-fuzzy-matching "
        "--ignore-obsolete"
    )


@task(help={"lang": "the new language's two-letter code"})
def i18n_init(c, lang):
    """Start a catalog for a new language (then add it to I18N in pelicanconf.py)."""
    c.run(f"{PYBABEL} init -i {POT} -d {TRANSLATIONS} -l {lang}")


@task
def i18n_compile(c):
    """Compile every catalog in memory and show how complete it is (builds read .po)."""
    sys.exit(content_status.catalog_report(TRANSLATIONS))


@task
def widgets_release(c):
    """Keep the current widget script online for good (partners pin it by its hash)."""
    from sitetools.widgets_release import release

    print(release(ROOT))


@task
def clean(c):
    """Remove output/ and build left-overs."""
    leftovers = [*ROOT.glob("output.staging-*"), *ROOT.glob("output.retired-*")]
    for path in [ROOT / "output", ROOT / "cache", *leftovers]:
        shutil.rmtree(path, ignore_errors=True)


@task
def test(c):
    """Run the whole test suite."""
    sys.exit(c.run(f"{sys.executable} -m pytest", warn=True).exited)
