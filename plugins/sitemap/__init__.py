"""sitemap.xml with hreflang alternates for every page, and robots.txt pointing to it."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from .xml import robots_txt, sitemap_xml


class SitemapGenerator:
    """Writes after the content generator has planned every page."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = Path(output_path)

    def generate_output(self, writer) -> None:
        site_url = self.settings["SITEURL"].rstrip("/")
        plans = [p for p in self.context.get("site_pages", []) if p.in_sitemap]
        (self.output_path / "sitemap.xml").write_text(
            sitemap_xml(plans, site_url), encoding="utf-8"
        )
        (self.output_path / "robots.txt").write_text(
            robots_txt(site_url), encoding="utf-8"
        )


def get_generators(pelican):
    return SitemapGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
