"""Pelican glue: plan the extra event pages, check reserved slugs, render."""

from __future__ import annotations

from content_model.errors import ContentError, ContentValidationError
from content_model.generator import kept_language_plans, write_plans
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

        # A long-lived process (livereload) plans again only the languages whose events
        # changed.
        self.plans = kept_language_plans(
            _kept,
            planner,
            languages,
            self.translations_dir,
            pages.state,
            pages.plans_for,
        )
        for plan in self.context["site_pages"]:
            if plan.template == "listing" and plan.section == "events":
                plan.add("event_filters", pages.filters(plan.lang))
        self.context["site_pages"].extend(self.plans)

    def generate_output(self, writer) -> None:
        write_plans(self, writer, self.plans)


def check_reserved_slugs(pages: EventPages, languages) -> None:
    """An event file may not take a folder name the event pages use."""
    errors = []
    reserved = {lang: pages.reserved_slugs(lang) for lang in languages}
    for entry in pages.planner.of_type("events"):
        for item in entry.items.values():
            if item.slug in reserved[item.lang]:
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
