"""The build date ("today") from SOURCE_DATE_EPOCH, so builds of one commit are identical."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from pelican import signals

TIMEZONE = ZoneInfo("Europe/Stockholm")


class BuildDateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of seconds."""


def build_time(environ: dict[str, str] | os._Environ = os.environ) -> datetime:
    """Now (UTC, whole seconds), or the moment SOURCE_DATE_EPOCH names."""
    raw = environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return datetime.now(UTC).replace(microsecond=0)
    try:
        seconds = int(raw)
    except ValueError:
        raise BuildDateError(
            f"SOURCE_DATE_EPOCH={raw!r} is not whole seconds since 1970 — "
            "unset it or use e.g. $(git log -1 --format=%ct)"
        ) from None
    return datetime.fromtimestamp(seconds, UTC)


def build_date(environ: dict[str, str] | os._Environ = os.environ) -> date:
    """Today in Sweden, or the day SOURCE_DATE_EPOCH names."""
    return build_time(environ).astimezone(TIMEZONE).date()


def set_build_date(pelican) -> None:
    """BUILD_TIME and BUILD_DATE, unless the settings give them (tests do)."""
    moment = pelican.settings.get("BUILD_TIME") or build_time()
    pelican.settings["BUILD_TIME"] = moment
    pelican.settings.setdefault("BUILD_DATE", moment.astimezone(TIMEZONE).date())


def register() -> None:
    signals.initialized.connect(set_build_date)
