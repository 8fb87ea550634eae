"""Make every planned output file on every core, keeping those that have not changed."""

from __future__ import annotations

import hashlib

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from .jobs import OutputJob, Shared, page_jobs, queue

__all__ = ["OutputJob", "Shared", "page_jobs", "queue"]


def get_generators(pelican):
    # Imported here: the generator reads settings helpers of the content_model plugin, which
    # itself queues jobs through this package.
    from .generator import RenderGenerator

    return RenderGenerator


def share_compiled_templates(generator) -> None:
    from content_model.settings import project_path  # see get_generators

    """Every generator has its own Jinja environment: compile each template once per
    site (kept in cache/jinja, checked against the template's source), not once per
    environment and build."""
    # Compiled code depends on the environment's options (trim_blocks, extensions …),
    # which the cache does not check itself: one folder per set of options.
    options = repr(sorted(generator.settings["JINJA_ENVIRONMENT"].items()))
    digest = hashlib.blake2b(options.encode(), digest_size=8).hexdigest()
    folder = project_path(generator.settings, "cache/jinja") / digest
    folder.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(share_compiled_templates)
