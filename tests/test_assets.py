"""Theme files under content-hashed names: linked by asset_url(), never by the plain name."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from assets import AssetsError
from assets.manifest import asset_url, collect, hashed_name
from conftest import ROOT, build, settled, snapshot
from pages import page

BASE = ROOT / "tests" / "fixtures" / "base" / "content"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "css/site.css",
            b"a{}",
            f"css/site.{hashlib.sha256(b'a{}').hexdigest()[:12]}.css",
        ),
        ("img/favicon.svg", b"<svg/>", "img/favicon.d4dc56669143.svg"),
        ("LICENSE", b"x", f"LICENSE.{hashlib.sha256(b'x').hexdigest()[:12]}"),
    ],
)
def test_hashed_name(name, data, expected):
    assert hashed_name(name, data) == expected


def test_a_changed_file_gets_a_new_name():
    assert hashed_name("css/site.css", b"a{}") != hashed_name("css/site.css", b"b{}")


def test_unknown_asset_names_the_known_ones(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css/site.css").write_text("a{}")
    assets = collect(tmp_path)
    with pytest.raises(AssetsError) as error:
        asset_url(assets, "/assets/", "css/sites.css")
    assert str(error.value) == (
        "asset_url('css/sites.css'): no such theme file; known: css/site.css"
    )


def test_css_pointing_at_a_local_file_is_refused(tmp_path):
    (tmp_path / "site.css").write_text("body{background:url('../img/bg.png')}")
    with pytest.raises(AssetsError, match=r"site.css: url\(../img/bg.png\) would"):
        collect(tmp_path)
    (tmp_path / "site.css").write_text("body{background:url(data:image/png;base64,AA)}")
    assert list(collect(tmp_path)) == ["site.css"]


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    return tmp_path / "theme"


def build_with(tmp_path: Path, theme: Path, out: str, **overrides) -> Path:
    content = tmp_path / f"content-{out}"
    if not content.exists():
        shutil.copytree(BASE, content)
    return build(content, tmp_path / out, THEME=str(theme), **overrides)


def test_pages_link_the_hashed_files_which_exist(tmp_path, theme):
    site = build_with(tmp_path, theme, "one")
    head = page(site, "/en/")
    css = head.select_one('link[rel="stylesheet"]')["href"]
    icon = head.select_one('link[rel="icon"]')["href"]
    digest = hashlib.sha256((theme / "static/css/site.css").read_bytes()).hexdigest()
    assert css == f"/assets/css/site.{digest[:12]}.css"
    assert re.fullmatch(r"/assets/img/favicon\.[0-9a-f]{12}\.svg", icon)
    for url in (css, icon):
        assert (site / url.lstrip("/")).is_file()
    published = sorted(
        p.relative_to(site).as_posix() for p in (site / "assets").rglob("*")
    )
    scripts = [p for p in published if p.startswith("assets/js")]
    assert [p for p in published if p not in scripts] == [
        "assets/css",
        css.lstrip("/"),
        "assets/img",
        icon.lstrip("/"),
    ]
    # the phone header's, the opt-in map's, livereload's preview script, the search
    # page's, and what's on (the home page and the filtered listings)
    assert len(scripts) == 6
    assert re.fullmatch(r"assets/js/header\.[0-9a-f]{12}\.js", scripts[1])
    assert re.fullmatch(r"assets/js/map\.[0-9a-f]{12}\.js", scripts[2])
    assert re.fullmatch(r"assets/js/preview\.[0-9a-f]{12}\.js", scripts[3])
    assert re.fullmatch(r"assets/js/search\.[0-9a-f]{12}\.js", scripts[4])
    assert re.fullmatch(r"assets/js/whats-on\.[0-9a-f]{12}\.js", scripts[5])


def test_editing_the_stylesheet_changes_its_url(tmp_path, theme):
    before = page(build_with(tmp_path, theme, "one"), "/").select_one(
        'link[rel="stylesheet"]'
    )
    with (theme / "static/css/site.css").open("a") as css:
        css.write("\n.new{}\n")
    after = page(build_with(tmp_path, theme, "two"), "/").select_one(
        'link[rel="stylesheet"]'
    )
    assert before["href"] != after["href"]


def test_pelican_copying_the_theme_too_is_refused(tmp_path, theme):
    with pytest.raises(AssetsError) as error:
        build_with(tmp_path, theme, "one", THEME_STATIC_PATHS=["static"])
    assert str(error.value) == (
        "ASSETS: Pelican would also publish theme/static under unhashed names; "
        "set THEME_STATIC_PATHS = [] (the assets plugin publishes it)"
    )


def test_unknown_setting_is_named(tmp_path, theme):
    with pytest.raises(AssetsError) as error:
        build_with(tmp_path, theme, "one", ASSETS={"hash": 8})
    assert str(error.value) == "ASSETS: unknown key(s) hash; known: source, target"


@pytest.mark.parametrize("in_place", [False, True], ids=["build", "livereload"])
def test_output_holds_exactly_the_current_build_after_a_css_change(
    tmp_path, theme, in_place
):
    """No old hashed stylesheet (or anything else) is left behind in output/."""
    overrides = {"ATOMIC_OUTPUT_IN_PLACE": True} if in_place else {}
    site = build_with(tmp_path, theme, "site", **overrides)
    old = page(site, "/").select_one('link[rel="stylesheet"]')["href"]
    with (theme / "static/css/site.css").open("a") as css:
        css.write("\n.new{}\n")
    build_with(tmp_path, theme, "site", **overrides)
    assert not (site / old.lstrip("/")).exists()
    fresh = build_with(tmp_path, theme, "fresh")
    assert settled(tmp_path) and sorted(snapshot(site)) == sorted(snapshot(fresh))
