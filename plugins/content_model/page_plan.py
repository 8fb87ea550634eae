"""One output page as a plain record: what to render, where, in which languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from render.jobs import JOB_INPUTS

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

    def add(self, name: str, value: Any) -> None:
        """What another plugin adds to a planned page (links to its pages). A plan kept
        from the last build (livereload) is digested again if the value is new."""
        if name not in self.context or self.context[name] != value:
            self.context[name] = value
            self.__dict__.pop(JOB_INPUTS, None)
