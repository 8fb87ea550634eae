"""Quality gates run on a built site: HTML validity, links, accessibility.

Not a Pelican plugin: `invoke check`, `invoke build --check`, `invoke publish` and the tests
call `run_gates` on a finished build (plugins/checks/README.md).
"""

from __future__ import annotations

from .gates import run_gates

__all__ = ["run_gates"]
