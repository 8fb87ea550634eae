"""The heaviest pages of a built site by the page-weight budget (gzip: page + CSS + JS).

./dev build && python benchmarks/pageweight.py output
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from sitetools.pageweight import BUDGET, weigh  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "output")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    weights = weigh(args.site)
    print(f"{len(weights)} pages; budget {BUDGET:,} bytes")
    for w in weights[: args.top]:
        print(f"{w.total:>8,}  {w.url}  (page {w.html:,} + CSS/JS {w.assets:,})")


if __name__ == "__main__":
    main()
