"""Pelican's own command line on this project (`PELICAN_CLASS` in pelicanconf.py).

`pelican content -s pelicanconf.py -o output` and `pelican -s pelicanconf.py` build the
same site as `./dev build`, with the same readable errors and no traceback; `pelican
--listen` serves output/; `pelican -r` is refused in favour of `./dev livereload`, which
rebuilds in one process and knows what a save changed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pelican import Pelican, parse_arguments
from pelican.log import console

from . import build

LIVERELOAD = "./dev livereload"


def command_line() -> argparse.Namespace | None:
    """The `pelican` command's arguments, when that command is what is running."""
    program = sys.argv[0] if sys.argv else ""
    if Path(program).name != "pelican" and not program.endswith("pelican/__main__.py"):
        return None
    try:
        return parse_arguments(sys.argv[1:])
    except SystemExit:
        return None


def refusal(args: argparse.Namespace | None, output: Path) -> str | None:
    """What to tell a user whose `pelican` command this project does not run as is."""
    if args is None:
        return None
    if args.autoreload:
        return (
            f"pelican -r: use {LIVERELOAD} instead; it serves on http://127.0.0.1:8000, "
            "rebuilds only what a save changed, and reloads the browser"
        )
    if args.listen and not (output / "index.html").is_file():
        return (
            f"pelican --listen: {output} holds no site yet; build it first "
            "(pelican content, or ./dev build), or run ./dev serve, which builds and serves"
        )
    return None


class ProjectPelican(Pelican):
    """Pelican with the project's build: readable errors, our own summary line."""

    def __init__(self, settings: dict):
        refused = refusal(command_line(), Path(settings["OUTPUT_PATH"]))
        if refused:
            print(refused, file=sys.stderr)
            raise SystemExit(2)
        try:
            super().__init__(settings)
        except build.REPORTED_ERRORS as exc:  # settings checked at `initialized`
            raise SystemExit(build.report(exc)) from None

    def run(self) -> None:
        started = time.perf_counter()
        quiet, console.quiet = (
            console.quiet,
            True,
        )  # its summary counts no pages of ours
        try:
            with build.collector_paused():
                super().run()
        except build.REPORTED_ERRORS as exc:
            raise SystemExit(build.report(exc)) from None
        finally:
            console.quiet = quiet
        seconds = time.perf_counter() - started
        print(f"{build.summary(self.settings, seconds)} into {self.output_path}")
