"""What only a browser shows: requests made, fonts used, the 404 page's language order."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import browser, serve

PAGES = ["/", "/en/", "/sekce/alfa/", "/en/jen-cesky/", "/only-in-english/"]


@pytest.fixture(scope="module")
def site_browser(mini_site: Path):
    with serve(mini_site) as base, browser() as instance:
        yield base, instance


def test_pages_load_nothing_from_other_hosts(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in PAGES:
        page.goto(base + path, wait_until="networkidle")
    page.close()
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}
    assert any(url.endswith(".woff2") for url in requested)


def test_text_is_set_in_the_bundled_fonts(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    page.goto(base + "/sekce/alfa/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    body_font = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
    heading_font = page.evaluate(
        "getComputedStyle(document.querySelector('article h1')).fontFamily"
    )
    assert body_font.startswith('"Prirucka Text"')
    assert heading_font.startswith('"Prirucka Sans"')
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))"
    )
    assert "Prirucka Text" in loaded and "Prirucka Sans" in loaded
    page.close()


def test_404_puts_the_urls_language_first(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    response = page.goto(base + "/en/no-such-page/")
    assert response.status == 404
    assert page.eval_on_selector("[data-prirucka-not-found] section", "s => s.lang") == "en"
    assert (
        page.locator("[data-prirucka-not-found] section")
        .first.inner_text()
        .startswith("Page not found")
    )
    page.goto(base + "/neexistuje/")
    assert page.eval_on_selector("[data-prirucka-not-found] section", "s => s.lang") == "cs"
    # Styles and scripts still load on a deep 404 URL (absolute asset paths).
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Prirucka Text"')
    page.close()


def test_fallback_notice_visible_on_a_phone(site_browser):
    base, instance = site_browser
    page = instance.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "/en/jen-cesky/")
    notice = page.locator("article aside.prirucka-notice")
    assert notice.is_visible()
    box = notice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.close()
