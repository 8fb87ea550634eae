"""The real content/ builds, and every page of it is sound in every language."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from checks.pages import redirected
from conftest import DEFAULT_LANG, LANGUAGES, ROOT, build, snapshot
from pages import hreflangs

SITE = "http://127.0.0.1:8000"


@pytest.fixture(scope="session")
def html_pages(real_site: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page by the URL that serves it (not the small pages of moved
    addresses: nginx answers those with a 301, tests/test_redirects.py checks them)."""
    found = {}
    moved = redirected(real_site)
    for path in sorted(real_site.rglob("*.html")):
        if path.relative_to(real_site).parts[0] == "widgets":
            continue  # the iframe widget's frame: partners' content, not our page
        rel = path.relative_to(real_site).as_posix()
        url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        if url in moved:
            continue
        found[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return found


def resolves(output: Path, url: str) -> bool:
    path = output / urlsplit(url).path.lstrip("/")
    return path.is_file() or (path / "index.html").is_file()


def expected_lang(url: str) -> str:
    first = url.strip("/").split("/")[0]
    return first if first in LANGUAGES[1:] else DEFAULT_LANG


def test_every_page_has_lang_and_canonical(html_pages):
    assert len(html_pages) > 200
    for url, soup in html_pages.items():
        assert soup.html["lang"] == expected_lang(url), url
        canonicals = soup.select('link[rel="canonical"]')
        assert [c["href"] for c in canonicals] == [SITE + url], url


def test_hreflang_is_complete_and_reciprocal(html_pages):
    for url, soup in html_pages.items():
        alternates = hreflangs(soup)
        assert alternates[expected_lang(url)] == SITE + url, url
        assert "x-default" in alternates, url
        for lang, href in alternates.items():
            other = html_pages[href.removeprefix(SITE)]
            assert hreflangs(other) == alternates, (url, lang)
            assert other.html["lang"] == lang or lang == "x-default"


def test_every_internal_link_image_and_asset_resolves(real_site, html_pages):
    checked = 0
    for url, soup in html_pages.items():
        for tag, attr in (
            ("a", "href"),
            ("link", "href"),
            ("img", "src"),
            ("script", "src"),
        ):
            for element in soup.find_all(tag):
                target = element.get(attr)
                # geo: opens the phone's map app at the place (places plugin);
                # tel: calls the contact page's or a seller's number
                if not target or target.startswith(
                    ("https://", "mailto:", "geo:", "tel:")
                ):
                    continue
                if target.startswith(SITE):
                    target = target.removeprefix(SITE)
                webcal = "webcal://" + SITE.split("://")[1]
                if target.startswith(webcal):  # calendar subscriptions: our own files
                    target = target.removeprefix(webcal)
                assert target.startswith(("/", "#")), (url, target)
                if target.startswith("#"):
                    assert soup.find(id=target[1:]), (url, target)
                    continue
                assert resolves(real_site, target), (url, target)
                checked += 1
    assert checked > 5000


def test_no_request_leaves_the_site(html_pages):
    """Stylesheets, scripts, images and icons all come from our own origin."""
    for url, soup in html_pages.items():
        for element in soup.select(
            "img[src], script[src], link[rel=stylesheet], "
            "link[rel=icon], iframe, source[srcset]"
        ):
            target = element.get("src") or element.get("href") or ""
            assert target.startswith("/"), (url, target)


def test_static_assets_are_written_once(real_site):
    # The widget frame pages have their own small stylesheet, in /widgets/.
    css = [
        p.relative_to(real_site).as_posix()
        for p in real_site.rglob("*.css")
        # Leaflet's own, loaded only with the map a visitor opens (plugins/places).
        if p.parent.name != "widgets" and not p.parent.name.startswith("leaflet-")
    ]
    assert len(css) == 1 and re.fullmatch(r"assets/css/site\.[0-9a-f]{12}\.css", css[0])
    names = [p.name for p in real_site.rglob("*.svg")]
    assert len(names) == len(set(names)) >= 15


def test_every_language_has_home_listings_and_404(real_site, html_pages):
    for lang in LANGUAGES:
        prefix = "/" if lang == DEFAULT_LANG else f"/{lang}/"
        assert prefix in html_pages
        assert (real_site / prefix.lstrip("/") / "404.html").is_file()
        nav = [a["href"] for a in html_pages[prefix].select(".main-nav a")]
        assert len(nav) == 6 and all(h.startswith(prefix) for h in nav)


def test_sitemap_lists_every_page_with_alternates(real_site, html_pages):
    soup = BeautifulSoup((real_site / "sitemap.xml").read_bytes(), "xml")
    locs = {u.loc.get_text().removeprefix(SITE) for u in soup.find_all("url")}
    pages = {u for u in html_pages if not u.endswith("404.html")}
    assert locs == pages
    for entry in soup.find_all("url"):
        url = entry.loc.get_text().removeprefix(SITE)
        links = {
            x["hreflang"]: x["href"]
            for x in entry.find_all("xhtml:link") or entry.find_all("link")
        }
        assert links == hreflangs(html_pages[url])
    robots = (real_site / "robots.txt").read_text()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots


def build_in_subprocess(content: Path, out: Path, env: dict[str, str]) -> int:
    """A fresh process per build, so nothing cached in memory hides a difference.

    Built as published, with .gz/.br copies, each build with its own empty cache.
    """
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(out),
        "I18N_TRANSLATIONS_PATH": str(ROOT / "translations"),
        "PRECOMPRESS": {"enabled": True, "cache": f"{out}-cache"},
    }
    script = (
        "import sys; sys.path.insert(0, 'plugins'); from pathlib import Path; "
        "from sitetools.build import run; "
        f"sys.exit(run(Path('pelicanconf.py'), {overrides!r}))"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    ).returncode


def test_same_source_date_epoch_gives_identical_output(tmp_path):
    content = tmp_path / "content"  # a copy: a build may update the ledger
    shutil.copytree(ROOT / "content", content)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795000000"}
    first, second = tmp_path / "one", tmp_path / "two"
    assert build_in_subprocess(content, first, env) == 0
    assert build_in_subprocess(content, second, env) == 0
    assert snapshot(first) == snapshot(second)
    assert len(snapshot(first)) > 200
    assert any(name.endswith(".html.br") for name in snapshot(first))


def test_pages_have_no_unrendered_template_syntax(html_pages):
    pattern = re.compile(r"\{[{%]|%\(\w+\)s|\{key\}|\{image\}")
    for url, soup in html_pages.items():
        assert not pattern.search(str(soup)), url


def test_committed_url_record_is_current(tmp_path):
    """Every URL the site publishes is in content/urls.json (the build adds new ones;
    commit it): the record redirects addresses that go away."""
    import json

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = build(content, tmp_path / "output")
    built = json.loads((content / "urls.json").read_text())
    committed = json.loads((ROOT / "content" / "urls.json").read_text())
    assert built == committed, (
        "content/urls.json is out of date: run ./dev build and commit it"
    )
    # Every address that moved (the German category slugs spelled out, fur-familien →
    # fuer-familien) is recorded and sends its reader to a page that exists.
    moved = [
        line.rstrip(";").split()
        for line in (out / "_redirects.map").read_text().splitlines()
        if line.startswith("/")
    ]
    assert moved, "the German category addresses moved in December 2026"
    for old, new in moved:
        assert old in committed and new in committed, (old, new)
        assert resolves(out, new) and new not in redirected(out), (old, new)


def test_german_category_addresses_spell_out_umlauts_and_the_old_ones_move(
    real_site, html_pages
):
    """One transliteration for German slugs (ä → ae, as /de/gemeinden/aelmhult/)."""
    assert "/de/veranstaltungen/kategorien/fuer-familien/" in html_pages
    assert "/de/veranstaltungen/kategorien/maerkte/" in html_pages
    moved = (real_site / "_redirects.map").read_text()
    assert (
        "/de/veranstaltungen/kategorien/fur-familien/ "
        "/de/veranstaltungen/kategorien/fuer-familien/;" in moved
    )
