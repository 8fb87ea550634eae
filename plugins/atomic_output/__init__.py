"""Build beside OUTPUT_PATH and change OUTPUT_PATH only when the build succeeded.

A build that fails or is killed while making files leaves the previous site in OUTPUT_PATH
as it was. Modes (`ATOMIC_OUTPUT_MODE`, set here for the other plugins to read):

- "commit" (a plain build): the staging folder gets only the files this build changed
  (the render plugin keeps the rest where they are); they are moved into OUTPUT_PATH at
  the end and pages that are gone are removed. No site-sized folder tree is made or
  deleted, so a rebuild after an edit touches a few dozen files.
- "swap" (`ATOMIC_OUTPUT_CHANGES_ONLY = False`): a complete site in the staging folder,
  exchanged with OUTPUT_PATH in one atomic rename.
- "staging" (`ATOMIC_OUTPUT_SWAP = False`: `check`, `publish`): a complete site left in
  the staging folder for the quality gates; `swap.publish` swaps it in afterwards.
- "in_place" (`ATOMIC_OUTPUT_IN_PLACE`, livereload): no staging folder at all.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from .swap import commit, prepare, publish

_targets: dict[int, tuple[Path, Path]] = {}


def mode(settings: dict) -> str:
    if settings.get("ATOMIC_OUTPUT_IN_PLACE"):
        return "in_place"
    if not settings.get("ATOMIC_OUTPUT_SWAP", True):
        return "staging"
    return "commit" if settings.get("ATOMIC_OUTPUT_CHANGES_ONLY", True) else "swap"


def redirect_output(pelican) -> None:
    pelican.settings["ATOMIC_OUTPUT_MODE"] = mode(pelican.settings)
    if pelican.settings["ATOMIC_OUTPUT_MODE"] == "in_place":
        return  # livereload: files are replaced one by one, each complete
    output = Path(pelican.output_path).resolve()
    staging = prepare(output)
    _targets[id(pelican)] = (staging, output)
    pelican.output_path = str(staging)


def swap_in(pelican) -> None:
    """Swap now, or leave the finished staging folder for the caller to check first."""
    if id(pelican) not in _targets:
        return  # built in place
    staging, output = _targets.pop(id(pelican))
    chosen = pelican.settings["ATOMIC_OUTPUT_MODE"]
    if chosen == "commit":
        commit(staging, output, pelican.settings.get("ATOMIC_OUTPUT_REMOVE", ()))
        pelican.output_path = str(output)
    elif chosen == "swap":
        publish(staging, output)
        pelican.output_path = str(output)
    else:
        staging.mkdir(parents=True, exist_ok=True)
        pelican.settings["ATOMIC_OUTPUT_STAGING"] = str(staging)


def register() -> None:
    signals.initialized.connect(redirect_output)
    signals.finalized.connect(swap_in)
