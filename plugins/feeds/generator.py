"""Pelican glue: keep the ledger, then write every feed and the Feeds page per language."""

from __future__ import annotations

import logging
import time
from datetime import datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from content_model.generator import write_plans
from content_model.plans import PagePlan
from content_model.settings import project_path
from i18n.catalogs import load_translations
from images import image_source
from pelican.generators import Generator
from render import OutputJob, Shared, queue
from render.jobs import KeptGroups, SteadyInputs
from render.parallel import workers_for

from . import changes, pieces, texts, tourism, vevents
from .catalog import (
    ACTIVITIES_SCHEMA_PATH,
    CHANGES_SCHEMA_PATH,
    DESTINATIONS_SCHEMA_PATH,
    DEVELOPERS_PAGE,
    EVENT_FILES,
    FEEDS_PAGE,
    SCHEMA_PATH,
    STORY_FILES,
    TOURISM_PATH,
    Scope,
    scopes,
    story_path,
)
from .language import LanguageFeeds
from .ledger import advance, dumps, loads
from .settings import resolve

log = logging.getLogger(__name__)
SCHEMA_FILE = Path(__file__).with_name("events.schema.json")
DESTINATIONS_SCHEMA_FILE = Path(__file__).with_name("destinations.schema.json")
ACTIVITIES_SCHEMA_FILE = Path(__file__).with_name("activities.schema.json")
CHANGES_SCHEMA_FILE = Path(__file__).with_name("changes.schema.json")


_kept = KeptGroups()
# and of a re-planned language, the files whose inputs are equal (most of them)
_steady = SteadyInputs()


class FeedsGenerator(Generator):
    """Runs after the content generator, whose entries and planner it reads."""

    def generate_context(self) -> None:
        self.options = resolve(self.settings.get("FEEDS"))
        if not self.options["uid_domain"]:
            host = urlsplit(self.settings["SITEURL"]).hostname or "localhost"
            self.options["uid_domain"] = host
        self.entries = self.context["content_entries"]
        self.planner = self.context["site_planner"]
        self.translations_dir = self.context["translations_dir"]
        self.languages = self.settings["I18N_LANGUAGES"].languages
        self.site_url = self.settings["SITEURL"].rstrip("/")
        self.ledger = self.update_ledger()
        # Events removed lately, for changes.json (one list for every language).
        self.removed = changes.removed_events(self.ledger, self.settings["BUILD_TIME"])
        # An empty feed's "updated": when the site got its first content (the ledger
        # never forgets), not the build's second, so an unchanged feed stays unchanged.
        self.since = min(
            (datetime.fromisoformat(r.created) for r in self.ledger.values()),
            default=self.settings["BUILD_TIME"],
        )
        self.pages = [self.feeds_page(lang) for lang in self.languages]
        for plan in self.pages:
            plan.context.update(self.planner.frame(plan))
        self.context["site_pages"].extend(self.pages)
        self.context["feeds_page_urls"] = {p.lang: p.url for p in self.pages}

    def update_ledger(self):
        """The ledger after this build; written only once the site is written."""
        self.ledger_path = Path(self.path) / self.options["ledger"]
        path = self.ledger_path
        self.old_ledger = (
            loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        )
        return advance(self.old_ledger, self.entries, self.settings["BUILD_TIME"])

    def save_ledger(self) -> None:
        if self.ledger == self.old_ledger:
            return
        if not self.settings.get("ATOMIC_OUTPUT_SWAP", True):
            # A build that is checked first: its ledger counts only once it is published.
            self.settings["FEEDS_LEDGER_PENDING"] = (
                self.ledger_path,
                dumps(self.ledger),
            )
            return
        temporary = self.ledger_path.with_suffix(".json.tmp")
        temporary.write_text(dumps(self.ledger), encoding="utf-8")
        temporary.replace(self.ledger_path)
        log.warning("feeds: %s changed; commit it with the content", self.ledger_path)

    def serialise_events(self, feeds: list[LanguageFeeds]) -> None:
        """Every language's VEVENTs, made up front on every core (see vevents.py)."""
        folder = project_path(self.settings, self.options["cache"])
        every = [view for language_feeds in feeds for view in language_feeds.every]
        made = iter(
            vevents.serialised(
                every,
                self.options["uid_domain"],
                folder,
                workers_for(self.settings),
            )
        )
        for language_feeds in feeds:
            language_feeds.vevents = {
                (v.key, v.lang): next(made) for v in language_feeds.every
            }

    def feeds_page(self, lang: str) -> PagePlan:
        router = self.planner.router
        url = {x: router.listing(x, FEEDS_PAGE) for x in self.languages}
        tr = load_translations(self.translations_dir, lang)
        rows = [
            {
                "scope": scope,
                "title": texts.scope_title(scope, tr),
                "files": {fmt: scope.path(lang, fmt) for fmt in EVENT_FILES},
                "webcal": webcal(self.site_url + scope.path(lang, "ics")),
            }
            for scope in scopes()
        ]
        others = [
            {"lang": x, "page": url[x], "ics": Scope("all").path(x, "ics")}
            for x in self.languages
        ]
        context = {
            "feed_rows": rows,
            "story_feeds": {fmt: story_path(lang, fmt) for fmt in STORY_FILES},
            "feed_languages": others,
            "schema_url": SCHEMA_PATH,
            "tourism_url": TOURISM_PATH,
            "developers_url": router.listing(lang, DEVELOPERS_PAGE),
        }
        return PagePlan(
            "feeds", url[lang], lang, url, url[self.languages[0]], context=context
        )

    def generate_output(self, writer) -> None:
        started = time.perf_counter()
        site_url, build_date = self.site_url, self.settings["BUILD_DATE"]
        tourism_lines = tourism.node_lines(
            self.entries,
            site_url,
            lambda name: image_source(self.context["image_sets"], name),
            build_date,
            self.ledger,
        )
        jobs = [
            OutputJob(
                SCHEMA_PATH.lstrip("/"),
                ("schema", str(SCHEMA_FILE)),
                SCHEMA_FILE.read_bytes,
            ),
            *(
                OutputJob(path.lstrip("/"), ("schema", str(file)), file.read_bytes)
                for path, file in (
                    (DESTINATIONS_SCHEMA_PATH, DESTINATIONS_SCHEMA_FILE),
                    (ACTIVITIES_SCHEMA_PATH, ACTIVITIES_SCHEMA_FILE),
                    (CHANGES_SCHEMA_PATH, CHANGES_SCHEMA_FILE),
                )
            ),
            OutputJob(
                TOURISM_PATH.lstrip("/"),
                ("tourism", Shared(list(self.entries.values())), self.ledger),
                # Lines made here, not in a worker: kept with their entries for the
                # next build of a long-lived process.
                partial(tourism.document, tourism_lines),
            ),
        ]
        feeds = [LanguageFeeds(self, lang) for lang in self.languages]
        self.serialise_events(feeds)
        for language_feeds in feeds:
            # A long-lived process (livereload) keeps the feeds of languages whose
            # events, stories and destinations are unchanged: their digests are kept.
            jobs += _kept.get(
                language_feeds.lang, language_feeds.state(), language_feeds.jobs
            )
        _kept.build_done()
        if self.settings.get("LONG_LIVED_PROCESS"):
            # Kept with their views for the next build (livereload); a one-off build
            # makes them where the files are made, only for the files it makes.
            pieces.prepare(
                [want for language_feeds in feeds for want in language_feeds.wanted],
                workers_for(self.settings),
            )
        _steady.hand_back(jobs)
        _steady.build_done()
        queue(self.context, jobs)
        write_plans(self, writer, self.pages)
        self.save_ledger()
        log.info(
            "feeds: %d files planned in %.2f s",
            len(jobs),
            time.perf_counter() - started,
        )


def webcal(url: str) -> str:
    """The subscribe link calendar apps open: the same address with webcal://."""
    return "webcal://" + url.split("://", 1)[1]
