"""Pelican glue: plan the browse pages, check reserved slugs, render."""

from __future__ import annotations

from content_model.errors import ContentError, ContentValidationError
from content_model.generator import kept_language_plans, write_plans
from i18n.catalogs import load_translations
from pelican.generators import Generator
from render.jobs import KeptGroups

from .pages import BROWSED_TYPES, BrowsePages

_kept = KeptGroups()


class BrowsePagesGenerator(Generator):
    """Runs after the content generator; adds its pages to the site's page list, and
    the links to them to the listings."""

    def generate_context(self) -> None:
        planner = self.context["site_planner"]
        translations_dir = self.context["translations_dir"]
        languages = self.settings["I18N_LANGUAGES"].languages

        def translate(lang: str, message: str) -> str:
            return load_translations(translations_dir, lang).gettext(message)

        pages = BrowsePages(planner, languages, translate)
        check_reserved_slugs(pages)

        # A long-lived process (livereload) plans a language again only when its
        # destinations or activities changed.
        self.plans = kept_language_plans(
            _kept, planner, languages, translations_dir, pages.state, pages.plans_for
        )
        links = {
            (lang, content_type): pages.links(lang, content_type)
            for lang in languages
            for content_type in BROWSED_TYPES
        }
        for plan in self.context["site_pages"]:
            if plan.template == "listing" and plan.section in BROWSED_TYPES:
                plan.add("browse_links", links[plan.lang, plan.section])
        self.context["site_pages"].extend(self.plans)

    def generate_output(self, writer) -> None:
        write_plans(self, writer, self.plans)


def check_reserved_slugs(pages: BrowsePages) -> None:
    """An item file may not take a folder name the browse pages use."""
    errors = []
    reserved = {lang: pages.reserved_slugs(lang) for lang in pages.languages}
    for content_type in BROWSED_TYPES:
        for entry in pages.planner.of_type(content_type):
            for item in entry.items.values():
                if item.slug in reserved[item.lang]:
                    errors.append(
                        ContentError(
                            item.path,
                            1,
                            "file",
                            f"the name {item.slug!r} is taken by the pages that list "
                            f"{content_type} by municipality and by kind",
                            "rename the file (the file name is the URL)",
                        )
                    )
    if errors:
        raise ContentValidationError(errors)
