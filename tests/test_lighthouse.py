"""Lighthouse on the published build behind the real nginx: accessibility and SEO at 100.

Performance and best-practices are left to benchmarks/lighthouse.py: on a shared 2-core
machine their scores move from run to run.
"""

from __future__ import annotations

import pytest
from checks.html_validation import ToolMissing
from sitetools.lighthouse import item_linked_from, lighthouse

PAGES = {
    "home": lambda site: "/en/",
    "event": lambda site: item_linked_from(site, "/en/events/"),
    # a listing with its filters chosen in the address, and a search with results
    "filtered listing": lambda site: "/evenemang/?kommun=vaxjo&datum=manaden",
    "search": lambda site: "/de/suche/?q=R%C3%A5shult",
}


@pytest.mark.parametrize("page", list(PAGES))
def test_accessibility_and_seo_score_100(published, page):
    base, site = published
    url = PAGES[page](site)
    try:
        result = lighthouse(base + url)
    except ToolMissing as missing:  # fail, never skip: ./dev test installs both
        pytest.fail(str(missing))
    # On failure: the URL and every audit that lost points, by id and title.
    assert result.scores["accessibility"] == 1.0, (url, result.failed)
    assert result.scores["seo"] == 1.0, (url, result.failed)
