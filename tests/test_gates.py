"""The quality gates pass on the real site, and each one catches a planted error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from checks import accessibility, html_validation, links
from checks.sources import source_map
from conftest import LANGUAGES, ROOT, build, settled, snapshot
from sitetools.build import run

SITE = "http://127.0.0.1:8000"
BASE = ROOT / "tests" / "fixtures" / "base" / "content"


@pytest.fixture(scope="module")
def real_sources() -> dict[str, str]:
    return source_map(ROOT / "content", LANGUAGES, ROOT / "translations")


def test_links_gate_passes_on_the_real_site(real_site, real_sources):
    result = links.check(real_site, SITE, real_sources)
    assert [str(f) for f in result.findings] == []
    assert result.pages > 400


def test_html_gate_passes_on_the_real_site(real_site, real_sources):
    result = html_validation.check(ROOT, real_site, real_sources)
    assert [str(f) for f in result.findings] == []
    assert result.pages > 400


def test_accessibility_gate_passes_on_every_kind_of_page_in_every_language(
    real_site, real_sources
):
    result = accessibility.check(ROOT, real_site, real_sources)
    assert [str(f) for f in result.findings] == []
    kinds = {accessibility.template_of(p) for p in real_site.rglob("*.html")}
    assert result.pages >= len(kinds) * len(LANGUAGES)


@pytest.fixture
def tiny(tmp_path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    return build(content, tmp_path / "output")


def plant(output: Path, page: str, markup: str) -> None:
    path = output / page
    text = path.read_text()
    path.write_text(text.replace("</main>", markup + "\n</main>", 1))


def test_links_gate_names_page_rule_and_element(tiny):
    plant(
        tiny,
        "en/destinations/kosta-glassworks/index.html",
        '<p><a href="/en/nowhere/">x</a> <a href="/en/#nothing">y</a></p>',
    )
    sources = {
        "/en/destinations/kosta-glassworks/": "content/destinations/en/kosta-glassworks.md"
    }
    findings = links.check(tiny, SITE, sources).findings
    assert [str(f) for f in findings] == [
        "links: /en/destinations/kosta-glassworks/ (content/destinations/en/"
        "kosta-glassworks.md): broken-fragment: /en/#nothing: no element with id "
        "'nothing' on /en/\n    element: <a href=\"/en/#nothing\">y</a>",
        "links: /en/destinations/kosta-glassworks/ (content/destinations/en/"
        "kosta-glassworks.md): broken-link: /en/nowhere/ does not exist on the site"
        '\n    element: <a href="/en/nowhere/">x</a>',
    ]


def test_links_gate_catches_hreflang_and_sitemap_drift(tiny):
    page = tiny / "de/reiseziele/glashuette-kosta/index.html"
    page.write_text(
        page.read_text().replace('hreflang="x-default"', 'hreflang="x-other"')
    )
    (tiny / "destinationer/bara-svensk/index.html").unlink()
    rules = {(f.page, f.rule) for f in links.check(tiny, SITE).findings}
    assert ("/de/reiseziele/glashuette-kosta/", "hreflang-x-default") in rules
    assert ("/de/reiseziele/glashuette-kosta/", "hreflang-reciprocity") in rules
    assert ("/destinationer/bara-svensk/", "sitemap-stale") in rules


def test_html_gate_reports_the_validator_message(tiny):
    plant(tiny, "om-oss/index.html", "<div><span>x</div>")
    findings = html_validation.check(ROOT, tiny).findings
    assert {f.page for f in findings} == {"/om-oss/"}
    assert {f.message for f in findings} == {
        "End tag “div” seen, but there were open elements.",
        "Unclosed element “span”.",
    }
    assert all(f.rule.startswith("line ") for f in findings)


def test_accessibility_gate_reports_rule_and_element(tiny):
    plant(tiny, "en/index.html", '<img src="/images/glass.svg" width="8" height="5">')
    # The planted page and one without the fault (every kind of page of every language
    # is checked by the gate on the real site above).
    result = accessibility.check(ROOT, tiny, only=["/en/", "/"])
    planted = [f for f in result.findings if f.page == "/en/"]
    assert {f.rule.split(" ")[0] for f in planted} == {"image-alt"}
    assert planted[0].element == '<img src="/images/glass.svg" width="8" height="5">'
    assert "Images must have alternative text" in planted[0].message
    assert [f for f in result.findings if f.page != "/en/"] == []


def test_build_with_checks_keeps_the_old_site_when_a_gate_fails(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    output = tmp_path / "output"
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "I18N_TRANSLATIONS_PATH": str(ROOT / "translations"),
    }
    assert run(ROOT / "pelicanconf.py", overrides) == 0
    before = snapshot(output)
    page = content / "pages/sv/om-oss.md"
    # A file that does not exist: the content check knows pages, not files (a link to
    # a page that does not exist is a content error before any build: test_validation).
    page.write_text(page.read_text() + "\nSe [kalendern](/feeds/sv/gammal.ics).\n")
    assert run(ROOT / "pelicanconf.py", overrides, gates=("links",)) == 3
    err = capsys.readouterr().err
    assert (
        "links: /om-oss/ (content/pages/sv/om-oss.md): broken-link: "
        "/feeds/sv/gammal.ics" in err
    )
    assert snapshot(output) == before
    assert settled(tmp_path) == ["content", "output"]
