"""The per-type fallback setting: show untranslated items with a notice, or hide them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from content_model.settings import ContentSettingsError
from pages import page

BASE = ROOT / "tests" / "fixtures" / "base" / "content"


def build_base(tmp_path: Path, tiny_site, **overrides) -> Path:
    shutil.copytree(BASE, tmp_path / "content")
    return tiny_site({}, **overrides)


def card_titles(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(".card-title a")]


def test_show_lists_untranslated_item_in_source_language(tmp_path, tiny_site):
    output = build_base(tmp_path, tiny_site)
    soup = page(output, "/en/destinations/")
    card = next(
        c
        for c in soup.select("article.card")
        if c.select_one(".card-title a").get_text() == "Åsnens strand"
    )
    assert card["lang"] == "sv"
    notice = card.select_one(".notice")
    assert notice["lang"] == "en"
    assert notice.get_text(strip=True) == "Not translated yet – shown in Swedish"
    link = card.select_one(".card-title a")
    assert link["href"] == "/destinationer/bara-svensk/"
    assert link["hreflang"] == "sv"
    # The translated item is listed in English, without a notice.
    kosta = next(
        c
        for c in soup.select("article.card")
        if c.select_one(".card-title a").get_text() == "Kosta Glassworks"
    )
    assert not kosta.has_attr("lang") and kosta.select_one(".notice") is None


def test_notice_is_translated(tmp_path, tiny_site):
    output = build_base(tmp_path, tiny_site)
    notice = page(output, "/de/reiseziele/").select_one(".notice")
    assert (
        notice.get_text(strip=True) == "Noch nicht übersetzt – angezeigt auf Schwedisch"
    )


def test_hide_leaves_untranslated_item_out(tmp_path, tiny_site):
    output = build_base(
        tmp_path, tiny_site, CONTENT={"fallback": {"destinations": "hide"}}
    )
    assert card_titles(page(output, "/en/destinations/")) == ["Kosta Glassworks"]
    assert "Åsnens strand" in card_titles(page(output, "/destinationer/"))


def test_modes_are_chosen_per_type(tmp_path, tiny_site):
    output = build_base(
        tmp_path,
        tiny_site,
        CONTENT={"fallback": {"stories": "hide", "destinations": "show"}},
    )
    assert card_titles(page(output, "/berattelser/")) == ["En berättelse"]
    assert card_titles(page(output, "/en/stories/")) == []
    assert "Åsnens strand" in card_titles(page(output, "/en/destinations/"))


def test_unknown_fallback_mode_names_the_setting(tmp_path, tiny_site):
    with pytest.raises(ContentSettingsError) as failure:
        build_base(tmp_path, tiny_site, CONTENT={"fallback": {"stories": "maybe"}})
    assert str(failure.value) == (
        "CONTENT: fallback: stories: 'maybe' must be 'show' or 'hide'"
    )


def test_unknown_settings_key_is_named(tmp_path, tiny_site):
    with pytest.raises(ContentSettingsError, match="CONTENT: unknown key"):
        build_base(tmp_path, tiny_site, CONTENT={"fallbak": {}})
