"""Search in every language: a search page per language (`/sok/`, `/en/search/` …) and
the Pagefind index of the finished site (index.py).

The header's search field is a plain GET form to the language's search page, so it
works without JavaScript up to that page; the page's own script (js/search.js, loaded
there only) asks the index and shows results with their type and municipality.

Settings: `SEARCH = {"index": "now" | "background" | "off"}` — "background" is for
livereload (the index follows the reload), "off" for builds that need no search.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from content_model.generator import write_plans
from content_model.plans import PagePlan
from content_model.settings import project_path
from content_model.urls import url_segment
from pelican import signals
from pelican.generators import Generator

from .index import ENTRY, FOLDER, IndexError_, background, index, pages_stamp

log = logging.getLogger(__name__)
SEARCH_PAGE = url_segment("URL path", "search")
RECORD = "cache/search/last-index.json"


class SearchPagesGenerator(Generator):
    def generate_context(self) -> None:
        planner = self.context["site_planner"]
        languages = self.settings["I18N_LANGUAGES"].languages
        url = {x: planner.router.listing(x, SEARCH_PAGE) for x in languages}
        self.plans = []
        for lang in languages:
            plan = PagePlan(
                "search", url[lang], lang, url, url[languages[0]], context={}
            )
            plan.context.update(planner.frame(plan))
            self.plans.append(plan)
        self.context["site_pages"].extend(self.plans)

    def generate_output(self, writer) -> None:
        write_plans(self, writer, self.plans)


def search_urls(pelican) -> None:
    """Every page's header has the search field: the URLs are known before any page
    is planned (they are the same for every build of these settings)."""
    from content_model.site import translated_router

    settings = pelican.settings
    languages = settings["I18N_LANGUAGES"]
    translations = Path(settings["PATH"]).parent / languages.translations_dir
    if "I18N_TRANSLATIONS_PATH" in settings:
        translations = Path(settings["I18N_TRANSLATIONS_PATH"])
    languages = languages.languages
    router = translated_router(languages[0], translations)
    settings["SEARCH_PAGE_URLS"] = {
        x: router.listing(x, SEARCH_PAGE) for x in languages
    }


def index_site(pelican) -> None:
    """After the site is complete in its folder (atomic_output has swapped it in, or
    left the checked staging folder): index it."""
    mode = (pelican.settings.get("SEARCH") or {}).get("index", "now")
    site = Path(pelican.output_path)
    if mode == "off" or not (site / "index.html").exists():
        return
    if mode == "background":
        background.request(site)
        return
    # A build that changed no page keeps its index (Pagefind takes seconds at 10,000
    # pages and has no incremental mode); the record is in cache/, not the site.
    record = project_path(pelican.settings, RECORD)
    last = {"site": str(site.resolve()), "stamp": pages_stamp(site)}
    if (site / FOLDER / ENTRY).is_file() and read_record(record) == last:
        log.info("search: no page changed, the index is kept")
        return
    try:
        seconds = index(site)
    except IndexError_ as error:
        raise RuntimeError(
            f"search: Pagefind could not index {site}: {error}"
        ) from None
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(last), encoding="utf-8")
    log.info("search: indexed %s in %.2f s", site, seconds)


def read_record(record: Path) -> dict | None:
    try:
        return json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def get_generators(pelican):
    return SearchPagesGenerator


def index_after_the_swap(pelican) -> None:
    """Connected once every plugin has registered, so that it runs after
    atomic_output's `finalized` (receivers run in the order they were connected)."""
    signals.finalized.connect(index_site)


def register() -> None:
    signals.initialized.connect(search_urls)
    signals.initialized.connect(index_after_the_swap)
    signals.get_generators.connect(get_generators)
