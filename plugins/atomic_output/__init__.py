"""Build into a staging folder and swap it into OUTPUT_PATH only when the build succeeded.

A build that fails or is killed part-way leaves the previous site in OUTPUT_PATH as it was.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from .swap import prepare, publish

_targets: dict[int, tuple[Path, Path]] = {}


def redirect_output(pelican) -> None:
    if pelican.settings.get("ATOMIC_OUTPUT_IN_PLACE"):
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
    if pelican.settings.get("ATOMIC_OUTPUT_SWAP", True):
        publish(staging, output)
        pelican.output_path = str(output)
    else:
        staging.mkdir(parents=True, exist_ok=True)
        pelican.settings["ATOMIC_OUTPUT_STAGING"] = str(staging)


def register() -> None:
    signals.initialized.connect(redirect_output)
    signals.finalized.connect(swap_in)
