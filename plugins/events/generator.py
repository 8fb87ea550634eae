"""Pelican glue: plan the extra event pages, check reserved slugs, render."""

from __future__ import annotations

from content_model.errors import ContentError, ContentValidationError
from content_model.generator import write_plans
from i18n.catalogs import load_translations
from pelican.generators import Generator
from render.jobs import KeptGroups

from .pages import EventPages

_kept = KeptGroups()


class EventPagesGenerator(Generator):
    """Runs after the content generator; adds its pages to the site's page list."""

    def generate_context(self) -> None:
        planner = self.context["site_planner"]
        self.translations_dir = self.context["translations_dir"]
        languages = self.settings["I18N_LANGUAGES"].languages

        def translate(lang: str, message: str) -> str:
            return load_translations(self.translations_dir, lang).gettext(message)

        pages = EventPages(planner, languages, translate, self.settings["BUILD_DATE"])
        check_reserved_slugs(pages, languages)
        self.context["event_pages"] = pages  # feeds link their filtered listings

        def framed(lang: str) -> list:
            plans = pages.plans_for(lang)
            for plan in plans:
                plan.context.update(planner.frame(plan))
            return plans

        # A long-lived process (livereload) plans again only the languages whose events
        # changed. Catalogs are loaded once per version of their file: the same objects.
        catalogs = tuple(
            id(load_translations(self.translations_dir, lang)) for lang in languages
        )
        self.plans = []
        for lang in languages:
            state = (pages.state(lang), planner.frame_state(), catalogs)
            self.plans += _kept.get(lang, state, lambda lang=lang: framed(lang))
        _kept.build_done()
        for plan in self.context["site_pages"]:
            if plan.template == "listing" and plan.section == "events":
                plan.context["event_filters"] = pages.filters(plan.lang)
        self.context["site_pages"].extend(self.plans)

    def generate_output(self, writer) -> None:
        write_plans(self, writer, self.plans)


def check_reserved_slugs(pages: EventPages, languages) -> None:
    """An event file may not take a folder name the event pages use."""
    errors = []
    for entry in pages.planner.of_type("events"):
        for item in entry.items.values():
            if item.slug in pages.reserved_slugs(item.lang):
                errors.append(
                    ContentError(
                        item.path,
                        1,
                        "file",
                        f"the name {item.slug!r} is taken by the events pages",
                        "rename the file (the file name is the URL)",
                    )
                )
    if errors:
        raise ContentValidationError(errors)
