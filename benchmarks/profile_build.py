"""Where a build spends its time: cProfile of one build of a generated corpus.

    python benchmarks/profile_build.py [--pages 10000] [--build cold|warm|edit] [--top 30]

Runs with one worker (a profile sees only its own process) and prints the functions with
the most cumulative and own time. The profile is kept in the corpus folder for snakeviz or
`python -m pstats`.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

from corpus import generate  # noqa: E402
from run import EDITED, EPOCH, our_overrides  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--build", choices=("cold", "warm", "edit"), default="cold")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    from sitetools import build

    folder = Path(tempfile.mkdtemp(prefix="profile-"))
    generate(folder, args.pages)
    overrides = {
        **our_overrides(folder / "content", folder / "output"),
        "RENDER": {"workers": 1},
    }
    if args.build != "cold":
        build.run(ROOT / "pelicanconf.py", overrides)
    if args.build == "edit":
        edited = sorted((folder / "content" / "events" / "sv").glob("*.md"))[0]
        edited.write_text(edited.read_text(encoding="utf-8") + EDITED, encoding="utf-8")
    target = folder / f"{args.build}.prof"
    cProfile.runctx(
        "build.run(settings, overrides)",
        globals(),
        {"build": build, "settings": ROOT / "pelicanconf.py", "overrides": overrides},
        str(target),
    )
    stats = pstats.Stats(str(target))
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    print(f"profile: {target}")


if __name__ == "__main__":
    main()
