"""The bilingual sitemap: originals only, hreflang between real translations."""

from prirucka.core.sitemap import SitemapPage, render


def test_fallback_copies_left_out():
    pages = [
        SitemapPage("index.md", "cs", "", False),
        SitemapPage("index.md", "en", "en/", False),
        SitemapPage("jen-cesky.md", "cs", "jen-cesky/", False),
        SitemapPage("jen-cesky.md", "en", "en/jen-cesky/", True),
    ]
    xml = render(pages, "https://x.org/", "cs")
    assert "https://x.org/en/jen-cesky/" not in xml
    assert "<loc>https://x.org/jen-cesky/</loc>" in xml
    # A page written in one language has no alternates at all.
    block = xml.split("<loc>https://x.org/jen-cesky/</loc>")[1].split("</url>")[0]
    assert "hreflang" not in block
    assert 'hreflang="en" href="https://x.org/en/"' in xml
    assert 'hreflang="x-default" href="https://x.org/"' in xml


def test_stable_output():
    pages = [SitemapPage("b.md", "cs", "b/", False), SitemapPage("a.md", "cs", "a/", False)]
    assert render(pages, "https://x.org", "cs") == render(
        list(reversed(pages)), "https://x.org", "cs"
    )
    assert render(pages, "https://x.org", "cs").index("/a/") < render(
        pages, "https://x.org", "cs"
    ).index("/b/")
