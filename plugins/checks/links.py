"""Every internal link, fragment, image and asset resolves; hreflang and sitemap agree."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree, html

from .pages import file_for, html_pages, url_of
from .report import Finding, GateResult

GATE = "links"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
ATTRIBUTES = (
    ("a", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
)


def internal_path(target: str, site_url: str) -> str | None:
    """The site path a link points to, or None for another site."""
    webcal = "webcal://" + site_url.split("://", 1)[-1]
    for prefix in (site_url, webcal):
        if prefix and target.startswith(prefix):
            target = target[len(prefix) :] or "/"
    if target.startswith(("/", "#")) and not target.startswith("//"):
        return target
    return None


def srcset_urls(value: str) -> list[str]:
    return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]


def check(
    output: Path, site_url: str, sources: dict[str, str] | None = None
) -> GateResult:
    started = time.perf_counter()
    sources = sources or {}
    pages = html_pages(output)
    trees = {url: html.parse(str(path)) for url, path in pages.items()}
    ids = {url: set(tree.xpath("//@id")) for url, tree in trees.items()}
    findings: list[Finding] = []

    def report(url: str, rule: str, message: str, element: str = "") -> None:
        findings.append(
            Finding(GATE, url, rule, message, element, sources.get(url, ""))
        )

    for url, tree in trees.items():
        for tag, attribute in ATTRIBUTES:
            for element in tree.iter(tag):
                values = [element.get(attribute)] if element.get(attribute) else []
                if tag in ("img", "source") and element.get("srcset"):
                    values += srcset_urls(element.get("srcset"))
                for value in values:
                    check_target(url, value, element, site_url, output, ids, report)
    findings += hreflang_findings(trees, site_url, sources)
    findings += sitemap_findings(output, trees, site_url)
    return GateResult(GATE, len(pages), time.perf_counter() - started, sorted(findings))


def check_target(url, value, element, site_url, output, ids, report) -> None:
    path = internal_path(value, site_url)
    if path is None:
        return
    snippet = etree.tostring(element, encoding="unicode", with_tail=False)[:200]
    parts = urlsplit(path)
    target_url = unquote(parts.path) or url
    if parts.path:
        target = file_for(output, target_url)
        if target is None:
            report(url, "broken-link", f"{value} does not exist on the site", snippet)
            return
        target_url = url_of(output, target)
    if parts.fragment and parts.fragment not in ids.get(target_url, set()):
        report(
            url,
            "broken-fragment",
            f"{value}: no element with id '{parts.fragment}' on {target_url}",
            snippet,
        )


def hreflangs(tree, site_url: str) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href", "").removeprefix(site_url)
        for link in tree.iter("link")
        if link.get("rel") == "alternate" and link.get("hreflang")
    }


def hreflang_findings(trees, site_url: str, sources) -> list[Finding]:
    findings = []
    for url, tree in trees.items():
        own = hreflangs(tree, site_url)
        lang = tree.getroot().get("lang")
        if own.get(lang) != url:
            findings.append(
                Finding(
                    GATE,
                    url,
                    "hreflang-self",
                    f"no hreflang={lang} link to the page itself",
                    source=sources.get(url, ""),
                )
            )
        if "x-default" not in own:
            findings.append(
                Finding(
                    GATE,
                    url,
                    "hreflang-x-default",
                    "no x-default alternate",
                    source=sources.get(url, ""),
                )
            )
        for other_lang, other_url in own.items():
            other = trees.get(other_url)
            if other is None:
                findings.append(
                    Finding(
                        GATE,
                        url,
                        "hreflang-target",
                        f"hreflang={other_lang} points to {other_url}, which is not a page",
                        source=sources.get(url, ""),
                    )
                )
            elif hreflangs(other, site_url) != own:
                findings.append(
                    Finding(
                        GATE,
                        url,
                        "hreflang-reciprocity",
                        f"{other_url} does not list the same alternates",
                        source=sources.get(url, ""),
                    )
                )
    return findings


def sitemap_findings(output: Path, trees, site_url: str) -> list[Finding]:
    path = output / "sitemap.xml"
    if not path.is_file():
        return [
            Finding(GATE, "/sitemap.xml", "sitemap-missing", "there is no sitemap.xml")
        ]
    root = etree.parse(str(path)).getroot()
    findings = []
    listed = {}
    for entry in root.iter(f"{SITEMAP_NS}url"):
        loc = entry.findtext(f"{SITEMAP_NS}loc", "").removeprefix(site_url)
        listed[loc] = {
            link.get("hreflang"): link.get("href", "").removeprefix(site_url)
            for link in entry.iter(f"{XHTML_NS}link")
        }
    pages = {url for url in trees if not url.endswith("404.html")}
    for url in sorted(pages - set(listed)):
        findings.append(
            Finding(GATE, url, "sitemap-missing-page", "the page is not in sitemap.xml")
        )
    for url in sorted(set(listed) - pages):
        findings.append(
            Finding(
                GATE,
                url,
                "sitemap-stale",
                "sitemap.xml lists a page that does not exist",
            )
        )
    for url in sorted(set(listed) & pages):
        if listed[url] != hreflangs(trees[url], site_url):
            findings.append(
                Finding(
                    GATE,
                    url,
                    "sitemap-alternates",
                    "sitemap.xml and the page list different language versions",
                )
            )
    return findings
