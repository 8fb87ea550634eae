"""sitemap.xml with hreflang alternates for every page, and robots.txt pointing to it."""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from render import OutputJob, queue
from render.jobs import SteadyInputs

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
        # Made only when a page is added, removed or moved (not on every edit).
        pages = [(p.url, p.alternates, p.x_default) for p in plans]
        jobs = [
            OutputJob(
                "sitemap.xml",
                ("sitemap", site_url, pages),
                lambda: sitemap_xml(plans, site_url),
                kept_inputs=True,
            ),
            OutputJob("robots.txt", ("robots", site_url), lambda: robots_txt(site_url)),
        ]
        # A long-lived process hands the last build's (equal) list back: its digest
        # is kept instead of walking sixteen thousand addresses again.
        _steady.hand_back(jobs)
        _steady.build_done()
        queue(self.context, jobs)


_steady = SteadyInputs()


def get_generators(pelican):
    return SitemapGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
