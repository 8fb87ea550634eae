"""The businesses that sell what the site shows, as listed in `content/sellers.toml`.

Destination Småland sells no trips: a package (or an event's tickets) is booked with the
business behind it. A seller is written once here and named by its id in every item it
sells, so its name and ways to reach it cannot drift apart between pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ContentError
from .tomlblocks import read_blocks

SELLERS_FILE = "sellers.toml"
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PHONE = re.compile(r"\+[0-9][0-9 ]{6,18}[0-9]")
EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}")
FIELDS = {"id", "name", "website", "phone", "email", "example"}


@dataclass(frozen=True)
class Seller:
    """`example`: the booking pages that name this seller are examples, not confirmed."""

    id: str
    name: str
    website: str
    phone: str = ""
    email: str = ""
    example: bool = False

    @property
    def phone_link(self) -> str:
        return "tel:" + self.phone.replace(" ", "")


def read_sellers(content_dir: Path) -> tuple[dict[str, Seller], list[ContentError]]:
    """Every seller by id, and every problem of the file (all of them, in one run)."""
    shown, blocks, errors = read_blocks(
        content_dir,
        SELLERS_FILE,
        "seller",
        'fix the TOML syntax: `key = "value"`, one [[seller]] block per seller',
    )
    sellers: dict[str, Seller] = {}
    for line, block in blocks:
        seller, problems = _seller(block, line, shown)
        errors += problems
        if seller is None:
            continue
        if seller.id in sellers:
            errors.append(
                ContentError(
                    shown,
                    line,
                    "id",
                    f"{seller.id!r} is used twice",
                    "give it its own id",
                )
            )
            continue
        sellers[seller.id] = seller
    return sellers, errors


def _seller(
    block: dict, line: int, shown: str
) -> tuple[Seller | None, list[ContentError]]:
    def problem(name: str, what: str, fix: str) -> ContentError:
        return ContentError(shown, line, name, what, fix)

    errors = [
        problem(
            name,
            "is not a field of a seller",
            f"use one of: {', '.join(sorted(FIELDS))}",
        )
        for name in block
        if name not in FIELDS
    ]
    for name in ("id", "name", "website"):
        if not str(block.get(name, "")).strip():
            errors.append(problem(name, "is missing", f'write `{name} = "…"`'))
    ident = str(block.get("id", ""))
    if ident and not KEY.fullmatch(ident):
        errors.append(
            problem(
                "id", f"{ident!r} is not a-z, 0-9 and hyphens", "write it like 'korro'"
            )
        )
    website = str(block.get("website", ""))
    parts = urlsplit(website)
    if website and (parts.scheme != "https" or not parts.netloc):
        errors.append(
            problem("website", f"{website!r} is not a web address", "write https://…")
        )
    phone = str(block.get("phone", ""))
    if phone and not PHONE.fullmatch(phone):
        errors.append(
            problem(
                "phone",
                f"{phone!r} is not an international number",
                "write it with the country code, e.g. '+46 470 123 45'",
            )
        )
    email = str(block.get("email", ""))
    if email and not EMAIL.fullmatch(email):
        errors.append(
            problem(
                "email", f"{email!r} is not an e-mail address", "write name@host.se"
            )
        )
    example = block.get("example", False)
    if not isinstance(example, bool):
        errors.append(
            problem(
                "example", f"{example!r} is not true or false", "write true or false"
            )
        )
    if errors:
        return None, errors
    return (
        Seller(
            id=ident,
            name=str(block["name"]).strip(),
            website=website,
            phone=phone,
            email=email,
            example=example,
        ),
        [],
    )
