"""Pelican glue: write the widget scripts and the widget builder page per language."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

from atomic_output.owned import remove_unwritten
from content_model.generator import write_plans
from content_model.plans import PagePlan
from content_model.urls import url_segment
from content_model.vocabulary import DESTINATION_KINDS, EVENT_CATEGORIES, MUNICIPALITIES
from i18n.catalogs import load_translations
from pelican.generators import Generator
from render.jobs import OutputJob, queue

from . import developers
from .build import (
    RELEASED,
    STATIC,
    TEXTS,
    frame_html,
    listing_pages,
    widget_script,
)
from .fallbacks import choices, chosen, fallback, frame_page, frame_rows, rows

BUILDER = url_segment("URL path", "widgets")
STATIC_FILES = ("frame.js", "frame.css", "embed.js", "builder.js")


class WidgetsGenerator(Generator):
    def generate_context(self) -> None:
        planner = self.context["site_planner"]
        self.translations_dir = self.context["translations_dir"]
        languages = self.settings["I18N_LANGUAGES"].languages

        def gettext_for(lang: str):
            return load_translations(self.translations_dir, lang).gettext

        pages = listing_pages(planner.router, languages)
        self.script = widget_script(languages, gettext_for, pages)
        self.frame_jobs = self.frames(planner, languages, gettext_for)
        site = self.settings["SITEURL"].rstrip("/")
        url = {x: planner.router.listing(x, BUILDER) for x in languages}
        self.plans = []
        for lang in languages:
            tr = gettext_for(lang)
            context = {
                "widget_script": f"/widgets/{self.script.name}",
                "widget_script_absolute": f"{site}/widgets/{self.script.name}",
                "widget_integrity": self.script.integrity,
                "widget_origin": site,
                "widget_embed": f"{site}/widgets/embed.js",
                "widget_site": site + planner.router.listing(lang, "events"),
                "widget_site_destinations": site
                + planner.router.listing(lang, "destinations"),
                "widget_languages": languages,
                "widget_municipalities": list(MUNICIPALITIES.items()),
                "widget_categories": [(k, tr(v)) for k, v in EVENT_CATEGORIES.items()],
                "widget_kinds": [(k, tr(v)) for k, v in DESTINATION_KINDS.items()],
            }
            plan = PagePlan(
                "widgets", url[lang], lang, url, url[languages[0]], context=context
            )
            plan.context.update(planner.frame(plan))
            self.plans.append(plan)
        self.context["widget_page_urls"] = {p.lang: p.url for p in self.plans}
        self.plans += self.developer_pages(planner, languages, site, url)
        self.context["site_pages"].extend(self.plans)

    def developer_pages(self, planner, languages, site: str, builder: dict) -> list:
        """The developer page of every language (developers.py)."""
        feeds = self.context.get("feeds_page_urls", {})
        url = {x: planner.router.listing(x, developers.DEVELOPERS) for x in languages}
        plans = []
        for lang in languages:
            context = developers.context(
                site,
                lang,
                languages,
                self.script.name,
                self.script.integrity,
                {"feeds": feeds.get(lang, ""), "builder": builder[lang]},
            )
            plan = PagePlan(
                "developers", url[lang], lang, url, url[languages[0]], context=context
            )
            plan.context.update(planner.frame(plan))
            plans.append(plan)
        self.context["developer_page_urls"] = url
        return plans

    def frames(self, planner, languages, gettext_for) -> list[OutputJob]:
        """The server-rendered frame page of every language and filter (fallbacks.py)."""
        today = self.settings["BUILD_DATE"]
        event_pages = self.context.get("event_pages")
        cards = {
            (widget, lang): frame_rows(planner, widget, lang, today)
            for lang in languages
            for widget in ("events", "destinations")
        }
        jobs = []
        by_filter: dict = {}
        for choice in choices(languages):
            tr = gettext_for(choice.lang)
            events = choice.widget == "events"
            html = frame_page(
                choice,
                rows(
                    choice,
                    chosen(choice, cards[choice.widget, choice.lang], by_filter),
                    tr,
                ),
                fallback(choice, planner, event_pages, tr),
                tr("All events" if events else "All destinations"),
                tr(TEXTS["none"] if events else TEXTS["noDestinations"]),
                self.script.name,
            )
            path = f"{choice.frame.lstrip('/')}index.html"
            jobs.append(OutputJob(path, ("widget-frame", html), partial(str, html)))
        return jobs

    def generate_output(self, writer) -> None:
        target = Path(self.output_path) / "widgets"
        target.mkdir(parents=True, exist_ok=True)
        # Every released version stays online: partners' snippets pin one by its hash.
        for released in sorted(RELEASED.glob("widgets-*.js")):
            shutil.copyfile(released, target / released.name)
        (target / self.script.name).write_bytes(self.script.data)
        # A stable name for those who want every update (no integrity attribute then).
        (target / "widgets.js").write_bytes(self.script.data)
        for name in STATIC_FILES:
            shutil.copyfile(STATIC / name, target / name)
        # An unreleased script of an earlier build leaves output/ (released ones stay).
        written = [p.name for p in RELEASED.glob("widgets-*.js")]
        written += [self.script.name, "widgets.js", "frame.html", *STATIC_FILES]
        remove_unwritten(
            self.settings, Path(self.output_path), "widgets", written, deep=False
        )
        # The frame's shell too, so a build that changed nothing leaves the page as it
        # was (the search index is kept when no page changed).
        name = self.script.name
        shell = OutputJob(
            "widgets/frame.html", ("widget-shell", name), partial(frame_html, name)
        )
        # Made (or kept) by the render plugin.
        queue(self.context, [*self.frame_jobs, shell])
        write_plans(self, writer, self.plans)
