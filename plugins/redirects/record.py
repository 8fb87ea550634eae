"""Every URL the site has published, and where each one that is gone leads now. Pure.

The record (`content/urls.json`, committed) maps each published page URL to what it
showed: its language and identity (`destinations:kosta-glasbruk`, `listing:events:1`,
`events:municipality:ljungby` …). Identities outlive URLs: a renamed file, a moved
folder or a translated folder name gives the same identity a new URL, and the old URL
redirects there. An item that is gone leads to its listing, anything else to the home
page of its language.
"""

from __future__ import annotations

import json
from typing import Any


def identity(plan) -> str:
    """What a page shows, independent of its URL."""
    context = plan.context
    item = context.get("item")
    if item is not None:
        return f"{item.type}:{item.key}"
    template = plan.template
    if template == "listing":
        return f"listing:{context['content_type']}:{context.get('page_number', 1)}"
    if template == "events_filtered":
        return f"events:{context['filter_kind']}:{context['filter_value']}"
    if template == "events_index":
        return f"events:index:{context['index_kind']}"
    if template == "events_month":
        return "events:month:" + plan.url.rstrip("/").rsplit("/", 1)[-1]
    return template  # home, 404, feeds, widgets, developers …


# Pages for editors only (the status page of previews): never a published address.
UNRECORDED = ("status",)


def current(plans) -> dict[str, str]:
    """URL → "lang identity" of every page this build makes."""
    return {
        plan.url: f"{plan.lang} {identity(plan)}"
        for plan in plans
        if plan.template not in UNRECORDED
    }


def merged(record: dict[str, str], now: dict[str, str]) -> dict[str, str]:
    """The record after this build: URLs are added, never forgotten."""
    return dict(sorted({**record, **now}.items()))


def redirects(
    record: dict[str, str],
    now: dict[str, str],
    homes: dict[str, str],
    listings: dict[tuple[str, str], str],
) -> dict[str, str]:
    """Old URL → current URL, for every recorded URL that no page has now."""
    where: dict[str, str] = {}
    for url, what in now.items():
        where.setdefault(what, url)
    by_identity: dict[str, dict[str, str]] = {}
    for url, what in now.items():
        lang, name = what.split(" ", 1)
        by_identity.setdefault(name, {}).setdefault(lang, url)
    moved = {}
    for url, what in record.items():
        if url in now:
            continue
        lang, name = what.split(" ", 1)
        target = where.get(what) or next(iter(by_identity.get(name, {}).values()), None)
        if target is None:
            kind = name.split(":", 1)[0]
            target = listings.get((lang, kind)) or homes.get(lang) or "/"
        if target != url:
            moved[url] = target
    return dict(sorted(moved.items()))


def loads(text: str) -> dict[str, str]:
    data: Any = json.loads(text)
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def dumps(record: dict[str, str]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def nginx_map(moved: dict[str, str]) -> str:
    """Lines for `map $uri $redirect_to { include …; }` in deploy/nginx.conf."""
    lines = [f"{old} {new};" for old, new in moved.items()]
    return (
        "# Made by the build: old URL → where it is now (301).\n"
        + "\n".join(lines)
        + ("\n" if lines else "")
    )
