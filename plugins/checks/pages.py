"""The built site as pages: URL paths, files, and which content file each came from."""

from __future__ import annotations

from pathlib import Path


def url_of(output: Path, path: Path) -> str:
    """'en/events/index.html' -> '/en/events/'; '404.html' stays '/404.html'."""
    rel = path.relative_to(output).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


EMBEDS = "widgets"  # iframe content for partners' pages, not pages of our site


REDIRECTS = "_redirects.map"  # the redirects plugin's record of moved addresses


def html_pages(output: Path) -> dict[str, Path]:
    """Every HTML page of the site by the URL that serves it (widget frames aside, and
    the small pages that only send a moved address on: nginx answers those with 301)."""
    moved = redirected(output)
    return {
        url: p
        for p in sorted(output.rglob("*.html"))
        if p.relative_to(output).parts[0] != EMBEDS
        and (url := url_of(output, p)) not in moved
    }


def redirected(output: Path) -> set[str]:
    try:
        lines = (output / REDIRECTS).read_text("utf-8").splitlines()
    except OSError:
        return set()
    return {line.split()[0] for line in lines if line.startswith("/")}


def file_for(output: Path, url_path: str) -> Path | None:
    """The file a root-relative URL path serves, as a static server would."""
    target = output / url_path.lstrip("/")
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None
