"""One output page as a plain record: what to render, where, in which languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .urls import save_as


@dataclass
class PagePlan:
    """One output page: what to render, where, and which languages it exists in."""

    template: str
    url: str
    lang: str
    alternates: dict[str, str]  # every language this page exists in -> its URL
    x_default: str
    section: str = ""
    in_sitemap: bool = True
    context: dict[str, Any] = field(default_factory=dict)
    # Where the language switcher sends readers of a language this page is not in
    # (default: that language's home page).
    elsewhere: dict[str, str] = field(default_factory=dict)

    @property
    def save_as(self) -> str:
        return save_as(self.url)
