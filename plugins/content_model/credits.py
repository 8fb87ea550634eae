r"""Who made each image and under which licence, from content/images/CREDITS.md.

Its tables have the file in back-quotes in the first column and the credit in the last:
`| \`lake.svg\` | A calm lake … | Drawn for this project …; licence CC BY 4.0 |`.
"""

from __future__ import annotations

import re
from pathlib import Path

ROW = re.compile(r"^\|\s*`([^`|]+)`\s*\|.*\|\s*([^|]*?)\s*\|\s*$")


def read_credits(path: Path) -> dict[str, str]:
    """File name → credit text; empty when there is no credits file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return {
        match[1]: match[2]
        for line in text.splitlines()
        if (match := ROW.match(line)) and match[2]
    }
