"""Precompress: file.gz and file.br beside every text file, for nginx's *_static modules."""

from __future__ import annotations

import logging
from pathlib import Path

from content_model.settings import project_path
from pelican import signals

from .folder import Report, precompress
from .settings import PrecompressSettingsError, resolve

__all__ = ["PrecompressSettingsError", "Report", "register"]
log = logging.getLogger(__name__)


def _names(plugins: list) -> list[str]:
    return [p if isinstance(p, str) else getattr(p, "__name__", "") for p in plugins]


def check_settings(pelican) -> None:
    """Fail before building: bad keys, or an order that would compress after the swap."""
    options = resolve(pelican.settings.get("PRECOMPRESS"))
    names = _names(pelican.settings.get("PLUGINS") or [])
    order = [n for n in names if n in ("precompress", "atomic_output")]
    # finalized receivers run in PLUGINS order; the swap must see finished files.
    if options["enabled"] and order == ["atomic_output", "precompress"]:
        raise PrecompressSettingsError(
            "PRECOMPRESS: list 'precompress' before 'atomic_output' in PLUGINS, "
            "so the staging folder is compressed before it is swapped in"
        )


def compress_output(pelican) -> None:
    """Runs on `finalized` before atomic_output swaps the staging folder into place."""
    options = resolve(pelican.settings.get("PRECOMPRESS"))
    if not options["enabled"]:
        return
    cache = project_path(pelican.settings, options["cache"])
    report = precompress(
        Path(pelican.output_path),
        cache,
        options["brotli_quality"],
        options["min_size"],
        options["extensions"],
        options["workers"],
    )
    pelican.settings["PRECOMPRESS_REPORT"] = report
    log.info(
        "precompress: %d files (%d compressed now) in %.2f s; %d → %d bytes (br)",
        report.files,
        report.compressed,
        report.seconds,
        report.original,
        report.br,
    )


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.finalized.connect(compress_output)
