"""Lighthouse on the published build behind the real nginx: accessibility and SEO at 100.

Performance and best-practices are left to benchmarks/lighthouse.py: on a shared 2-core
machine their scores move from run to run.
"""

from __future__ import annotations

import pytest
from checks.html_validation import ToolMissing
from sitetools.lighthouse import item_linked_from, lighthouse


@pytest.mark.parametrize("page", ["home", "event"])
def test_accessibility_and_seo_score_100(published, page):
    base, site = published
    url = "/en/" if page == "home" else item_linked_from(site, "/en/events/")
    try:
        result = lighthouse(base + url)
    except ToolMissing as missing:  # fail, never skip: ./dev test installs both
        pytest.fail(str(missing))
    # On failure: the URL and every audit that lost points, by id and title.
    assert result.scores["accessibility"] == 1.0, (url, result.failed)
    assert result.scores["seo"] == 1.0, (url, result.failed)
