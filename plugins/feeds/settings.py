"""The FEEDS settings block."""

from __future__ import annotations

from typing import Any

from content_model.settings import resolve_block

DEFAULTS: dict[str, Any] = {
    # Right-hand side of every iCalendar UID and tag: URI; None = SITEURL's host name.
    # Never change it once published (calendar apps would see every event as new): if
    # the site moves to another host, set this to the old host.
    "uid_domain": None,
    # The ledger of created/updated times and SEQUENCE numbers, relative to PATH.
    "ledger": "ledger.json",
    # Serialised VEVENTs kept between builds (relative paths: to the project).
    "cache": "cache/feeds",
}


class FeedsSettingsError(ValueError):
    """A FEEDS block that cannot work; the message names the key."""


def resolve(block: dict[str, Any] | None) -> dict[str, Any]:
    return resolve_block("FEEDS", block, DEFAULTS, FeedsSettingsError)
