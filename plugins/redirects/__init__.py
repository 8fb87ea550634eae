"""URLs that never break: every URL the site has published redirects to where its page
is now (record.py), as a 301 in nginx (`_redirects.map`) and as a small HTML page for
hosts without nginx."""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path

from content_model.schema import LISTED_TYPES
from content_model.vocabulary import N_
from i18n.catalogs import load_translations
from pelican import signals
from render import OutputJob, queue

from .record import current, dumps, loads, merged, nginx_map, redirects

log = logging.getLogger(__name__)
RECORD = "urls.json"  # in content/, committed like the feeds ledger
MAP = "_redirects.map"
MOVED = N_("This page has moved to %(link)s.")


class RedirectsGenerator:
    """After every page is planned: record the URLs, and redirect the ones gone."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.record_path = Path(path) / RECORD

    def generate_output(self, writer) -> None:
        plans = self.context.get("site_pages", [])
        planner = self.context["site_planner"]
        now = current(plans)
        old = (
            loads(self.record_path.read_text(encoding="utf-8"))
            if (self.record_path.is_file())
            else {}
        )
        # A preview (livereload) records nothing: a file renamed while it is being
        # written never had a published address.
        record = old if self.settings.get("CONTENT_PREVIEW") else merged(old, now)
        homes = {lang: planner.router.home(lang) for lang in planner.languages}
        listings = {
            (lang, kind): planner.router.listing(lang, kind)
            for lang in planner.languages
            for kind in LISTED_TYPES
        }
        moved = redirects(record, now, homes, listings)
        langs = {url: what.split(" ", 1)[0] for url, what in record.items()}
        jobs = [OutputJob(MAP, ("redirects-map", moved), lambda: nginx_map(moved))]
        for old_url, target in moved.items():
            lang = langs[old_url]
            text = load_translations(self.context["translations_dir"], lang).gettext
            jobs.append(
                OutputJob(
                    save_as(old_url),
                    ("redirect", lang, target, text(MOVED)),
                    lambda lang=lang, target=target, text=text: redirect_page(
                        lang, target, text(MOVED), self.settings["SITEURL"]
                    ),
                )
            )
        queue(self.context, jobs)
        if record != old:
            self.save(record)

    def save(self, record: dict[str, str]) -> None:
        text = dumps(record)
        if not self.settings.get("ATOMIC_OUTPUT_SWAP", True):
            # A checked build counts once it is published (sitetools/build.py).
            self.settings["REDIRECTS_RECORD_PENDING"] = (self.record_path, text)
            return
        self.record_path.write_text(text, encoding="utf-8")
        log.warning(
            "redirects: %s changed; commit it with the content", self.record_path
        )


def save_as(url: str) -> str:
    path = url.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


def redirect_page(lang: str, target: str, moved: str, site_url: str) -> str:
    link = f'<a href="{escape(target)}">{escape(target)}</a>'
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(target)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
        f'<link rel="canonical" href="{escape(site_url.rstrip("/") + target)}">\n'
        '<meta name="robots" content="noindex">\n'
        f"</head>\n<body>\n<p>{moved % {'link': link}}</p>\n</body>\n</html>\n"
    )


def get_generators(pelican):
    return RedirectsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
