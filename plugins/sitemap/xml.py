"""Pure sitemap and robots.txt text, sorted so builds are byte-identical."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap_xml(plans, site_url: str) -> str:
    """One <url> per page, each listing all its language versions and x-default."""
    parts = [HEAD]
    # The translations of a page share one alternates dict: its links are made once.
    links: dict[int, str] = {}
    for plan in sorted(plans, key=lambda p: p.url):
        parts.append(f"  <url>\n    <loc>{escape(site_url + plan.url)}</loc>\n")
        block = links.get(id(plan.alternates))
        if block is None:
            block = links[id(plan.alternates)] = "".join(
                _alternate(lang, site_url + url)
                for lang, url in sorted(plan.alternates.items())
            )
        parts.append(block)
        parts.append(_alternate("x-default", site_url + plan.x_default))
        parts.append("  </url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def _alternate(lang: str, href: str) -> str:
    return (
        f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} '
        f"href={quoteattr(href)}/>\n"
    )


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}/sitemap.xml\n"
