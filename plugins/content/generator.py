"""Pelican glue: read and validate all content, then render every page of every language."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import markdown
from i18n.jinja import rendering_language
from pelican.generators import Generator

from .body import resolve_links, safe_urls
from .errors import ContentValidationError
from .plans import PagePlan, SitePlanner
from .settings import resolve
from .site import load_site

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

        entries, errors, router = load_site(
            content_dir, languages.languages, translations_dir
        )
        if errors:
            raise ContentValidationError(errors)
        render_bodies(entries, options["markdown_extensions"])

        planner = SitePlanner(
            entries=entries,
            router=router,
            languages=languages.languages,
            fallback_modes=options["fallback"],
            today=self.settings["BUILD_DATE"],
        )
        self.entries = entries
        self.plans = planner.plans()
        self.context["content_entries"] = entries
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
        # Read by the build command's summary line.
        self.settings["CONTENT_PAGES_WRITTEN"] = len(self.plans)


def write_plans(generator: Generator, writer, plans: list[PagePlan]) -> None:
    """Render each planned page in its own language (every generator's pages go here)."""
    translations_dir = generator.context["translations_dir"]
    for plan in plans:
        with rendering_language(translations_dir, plan.lang):
            writer.write_file(
                plan.save_as,
                generator.get_template(plan.template),
                generator.context,
                url=plan.url,
                page=plan,
                **plan.context,
            )


def render_bodies(entries, extensions) -> None:
    """Markdown to HTML with one reused converter; `{key}` links follow the language."""
    converter = markdown.Markdown(extensions=list(extensions), output_format="html")
    # Raw HTML in a body is shown as text: content can never add markup or scripts.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    for entry in entries.values():
        for item in entry.items.values():

            def key_url(key: str, lang: str = item.lang) -> str:
                return entries[key].best_for(lang).url

            source = resolve_links(item.body, key_url, lambda name: f"/images/{name}")
            item.html = safe_urls(converter.reset().convert(source))
