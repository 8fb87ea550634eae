"""Make every planned output file on every core, keeping those that have not changed."""

from __future__ import annotations

from pelican import signals

from .jobs import OutputJob, Shared, page_jobs, queue

__all__ = ["OutputJob", "Shared", "page_jobs", "queue"]


def get_generators(pelican):
    # Imported here: the generator reads settings helpers of the content plugin, which
    # itself queues jobs through this package.
    from .generator import RenderGenerator

    return RenderGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
