"""sitemap.xml for a bilingual site: each page once per language it is written in.

A page served under another language's URL because it is not translated (a
fallback copy) is not a translation: it is left out, and no hreflang alternate
points at it, so search engines index only the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class SitemapPage:
    path: str  # the page's path without its language folder
    lang: str  # the language of the URL space it is served in
    url: str  # site-relative URL
    fallback: bool  # served in `lang` but written in another language


def render(pages: list[SitemapPage], site_url: str, default_lang: str) -> str:
    """The sitemap XML text, stable in order (by path, then language)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    originals: dict[str, dict[str, str]] = {}
    for page in pages:
        if not page.fallback:
            originals.setdefault(page.path, {})[page.lang] = urljoin(base, page.url)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path in sorted(originals):
        by_lang = originals[path]
        for lang in sorted(by_lang):
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(by_lang[lang])}</loc>")
            if len(by_lang) > 1:
                for alt_lang in sorted(by_lang):
                    lines.append(
                        f'    <xhtml:link rel="alternate" hreflang="{alt_lang}" '
                        f"href={quoteattr(by_lang[alt_lang])}/>"
                    )
                if default_lang in by_lang:
                    lines.append(
                        '    <xhtml:link rel="alternate" hreflang="x-default" '
                        f"href={quoteattr(by_lang[default_lang])}/>"
                    )
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
