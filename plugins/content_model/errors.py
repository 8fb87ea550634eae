"""Content errors: collected, never raised one at a time, so an editor sees all of them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, in the form editors act on."""

    path: str
    line: int
    field: str
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.problem} — {self.fix}"


class ContentValidationError(Exception):
    """Raised once, after validation, with every error of the run."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        noun = "error" if len(self.errors) == 1 else "errors"
        lines = "\n".join(str(e) for e in self.errors)
        super().__init__(
            f"{len(self.errors)} content {noun}; nothing was written.\n{lines}"
        )
