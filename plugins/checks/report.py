"""Findings of the quality gates, in a form editors and developers can act on."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Finding:
    """One problem on one page: where, which rule, what, and the element concerned."""

    gate: str
    page: str  # the URL path, '/en/events/'
    rule: str
    message: str
    element: str = ""
    source: str = ""  # the content file behind the page, when there is one

    def __str__(self) -> str:
        where = f"{self.page} ({self.source})" if self.source else self.page
        text = f"{self.gate}: {where}: {self.rule}: {self.message}"
        if self.element:
            text += f"\n    element: {self.element[:200]}"
        return text


@dataclass
class GateResult:
    gate: str
    pages: int
    seconds: float
    findings: list[Finding] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.findings

    def summary(self) -> str:
        verdict = "ok" if self.passed else f"{len(self.findings)} problem(s)"
        return (
            f"{self.gate:<14} {self.pages:>5} pages {self.seconds:>7.2f} s  {verdict}"
        )
