"""Pelican glue: read and validate all content, then render every page of every language."""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from pathlib import Path

from atomic_output.owned import remove_unwritten
from i18n.catalogs import load_translations
from pelican.generators import Generator
from render import page_jobs, queue
from render.jobs import KeptGroups
from render.parallel import workers_for

from .bodies import render_bodies
from .errors import ContentValidationError
from .model import Entry
from .plans import PagePlan, SitePlanner
from .publication import publish
from .settings import project_path, resolve
from .site import load_site
from .translations import UP_TO_DATE, statuses
from .venues import TAKEN_FROM_DESTINATION
from .vocabulary import MUNICIPALITIES, SEAT_TOWNS

log = logging.getLogger(__name__)


class ContentGenerator(Generator):
    """Reads content/<type>/<lang>/*.md; writes items, listings, homes and 404s."""

    def generate_context(self) -> None:
        languages = self.settings["I18N_LANGUAGES"]
        options = resolve(self.settings.get("CONTENT"))
        content_dir = Path(self.path)
        translations_dir = (
            Path(self.settings["PATH"]).parent / languages.translations_dir
        )
        if "I18N_TRANSLATIONS_PATH" in self.settings:
            translations_dir = Path(self.settings["I18N_TRANSLATIONS_PATH"])
        self.translations_dir = translations_dir

        cache = project_path(self.settings, options["cache"])
        entries, errors, router = load_site(
            content_dir,
            languages.languages,
            translations_dir,
            cache if options["cache_bodies"] else None,
        )
        if errors:
            raise ContentValidationError(errors)
        # Drafts, scheduled items and expired packages (publication.py); a preview
        # (CONTENT_PREVIEW: livereload) shows drafts and scheduled items, marked.
        every_entry = entries
        entries = publish(
            entries,
            self.settings["BUILD_TIME"],
            bool(self.settings.get("CONTENT_PREVIEW")),
        )
        self.settings["CONTENT_BODIES_CONVERTED"] = render_bodies(
            entries,
            options["markdown_extensions"],
            cache if options["cache_bodies"] else None,
            workers_for(self.settings),
        )
        for entry in entries.values():
            entry.fingerprint = entry_fingerprint(entry)

        planner = SitePlanner(
            entries=entries,
            router=router,
            languages=languages.languages,
            fallback_modes=options["fallback"],
            today=self.settings["BUILD_DATE"],
            page_size=options["listing_page_size"],
        )
        self.entries = entries
        self.plans = planner.plans()
        if self.settings.get("CONTENT_STATUS_PAGE"):
            self.plans.append(status_page(planner, entries, every_entry))
        self.context["content_entries"] = entries
        self.context["municipality_seats"] = municipality_seats(every_entry)
        self.context["site_pages"] = list(self.plans)  # others add theirs
        self.context["site_planner"] = planner
        self.context["translations_dir"] = translations_dir
        record = content_dir / "accessibility-check.json"  # written by ./dev check
        if record.is_file():
            self.context["accessibility_check"] = json.loads(record.read_text())
        log.info(
            "content: %d items in %d entries, %d pages planned",
            sum(len(e.items) for e in entries.values()),
            len(entries),
            len(self.plans),
        )

    def generate_output(self, writer) -> None:
        write_plans(self, writer, self.plans)
        # The preview's error report (sitetools/live.py) is no page of a real build.
        preview = bool(self.settings.get("CONTENT_PREVIEW"))
        kept = ["errors.json"] if preview else []
        remove_unwritten(self.settings, Path(self.output_path), "_preview", kept)
        # Read by the build command's summary line.
        self.settings["CONTENT_PAGES_WRITTEN"] = len(self.plans)


STATUS_URL = "/_status/"


def municipality_seats(
    entries: dict[str, Entry],
) -> tuple[tuple[str, str, float, float], ...]:
    """The municipalities' seats (towns) from their files: what the locator maps are drawn
    among (places plugin); in the context, so every page's digest covers them."""
    found = []
    for entry in entries.values():
        point = (
            entry.source.get("coordinates") if entry.type == "municipalities" else None
        )
        if point is not None:
            name = SEAT_TOWNS.get(entry.key) or MUNICIPALITIES[entry.key]
            found.append((entry.key, name, point.latitude, point.longitude))
    return tuple(sorted(found))


def status_page(
    planner: SitePlanner, entries: dict[str, Entry], every_entry: dict[str, Entry]
) -> PagePlan:
    """The editors' page (/_status/): every translation up to date or not, drafts and
    scheduled items. Previews only: publishconf.py turns it off (CONTENT_STATUS_PAGE)."""
    lang = planner.languages[0]
    found = statuses(entries, planner.languages)
    counts = {
        other: Counter(s.state for s in found if s.lang == other)
        for other in planner.languages[1:]
    }
    urls = {
        (e.key, other): item.url
        for e in entries.values()
        for other, item in e.items.items()
    }
    rows = [
        {"status": s, "url": urls.get((s.key, s.lang), "")}
        for s in found
        if s.state != UP_TO_DATE
    ]
    held = [
        {  # plain values (the page is fingerprinted); a link only to pages that exist
            "title": e.source.title,
            "url": e.source.url if e.key in entries else "",
            "state": e.state,
            "since": str(e.state_since or ""),
            "path": e.source.path,
        }
        for e in sorted(
            (e for e in every_entry.values() if e.state),
            key=lambda e: (e.state, e.type, e.key),
        )
    ]

    def plan() -> list[PagePlan]:
        page = PagePlan(
            "status",
            STATUS_URL,
            lang,
            {lang: STATUS_URL},
            STATUS_URL,
            in_sitemap=False,
            context={"status_counts": counts, "status_rows": rows, "status_held": held},
        )
        page.context.update(planner.frame(page))
        return [page]

    # Plain values: a long-lived process keeps the plan (and its digest) while they
    # and the frame are equal.
    state = (planner.frame_state(), counts, rows, held)
    (found,) = _kept_status.get("status", state, plan)
    _kept_status.build_done()
    return found


_kept_status = KeptGroups()


def kept_language_plans(
    kept, planner, languages, translations_dir, state_of, plans_for
) -> list[PagePlan]:
    """Each language's pages of a generator, framed; a long-lived process (livereload)
    plans a language again only when `state_of(lang)`, the frame or the catalogs
    changed (catalogs are loaded once per version of their file: the same objects)."""

    def framed(lang: str) -> list[PagePlan]:
        plans = plans_for(lang)
        for plan in plans:
            plan.context.update(planner.frame(plan))
        return plans

    catalogs = tuple(
        id(load_translations(translations_dir, lang)) for lang in languages
    )
    found: list[PagePlan] = []
    for lang in languages:
        state = (state_of(lang), planner.frame_state(), catalogs)
        found += kept.get(lang, state, lambda lang=lang: framed(lang))
    kept.build_done()
    return found


def write_plans(generator: Generator, writer, plans: list[PagePlan]) -> None:
    """Queue each planned page for the render plugin (every generator's pages go here)."""
    queue(generator.context, page_jobs(generator, plans))


# Fields an item's files do not decide alone (content_model.site.load_site).
SET_FROM_ELSEWHERE = (*TAKEN_FROM_DESTINATION, "seller", "source")


def entry_fingerprint(entry: Entry) -> str:
    """Everything a page can show of an entry, in every language (and of each item:
    what a listing's card or a feed shows of one language)."""
    # An entry kept from the last build (livereload) whose URLs and HTML are the same
    # has the same fingerprint: its fields are those of the same files, but for those
    # set from elsewhere (its destination's place, its seller, its source).
    shown = tuple(
        (item.url, item.html, *(item.fields.get(name) for name in SET_FROM_ELSEWHERE))
        for item in entry.items.values()
    )
    if entry.fingerprint and entry.__dict__.get("_shown") == shown:
        return entry.fingerprint
    entry.__dict__["_shown"] = shown
    digest = hashlib.blake2b(digest_size=16)
    for lang, item in sorted(entry.items.items()):
        facts = (lang, item.path, item.url, sorted(item.fields.items()), item.html)
        item.digest = hashlib.blake2b(repr(facts).encode(), digest_size=16).hexdigest()
        digest.update(item.digest.encode())
    return digest.hexdigest()
