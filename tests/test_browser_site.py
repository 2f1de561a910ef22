"""The reader's site in a real browser (Debian's chromium), on the sample site built once:
safety first on phones, readers apart from editors, languages and plurals, phone layout."""

from __future__ import annotations

import pytest
from browser import browser, sample_site, serve
from prirucka.core.numbers import national_digits

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
NEUTRAL = "https://www.google.com/"  # mkdocs.yml's quick_exit url


@pytest.fixture(scope="module")
def site_browser(sample_project):
    site = sample_site(sample_project)
    with serve(site) as base, browser() as instance:
        yield base, instance


def czech_noun(count: int, forms: tuple[str, str, str]) -> str:
    one, few, other = forms
    return one if count == 1 else few if 2 <= count <= 4 else other


def search(page, query: str) -> dict:
    page.fill(".md-search__input", query)
    page.wait_for_function(
        """q => { const box = document.querySelector('[data-prirucka-search]');
                  return box.getAttribute('data-prirucka-query') === q
                         && box.hasAttribute('data-prirucka-count'); }""",
        arg=query,
    )
    return page.evaluate(
        """() => { const box = document.querySelector('[data-prirucka-search]');
                   return {count: Number(box.getAttribute('data-prirucka-count')),
                           meta: box.querySelector('.md-search-result__meta').innerText,
                           pages: [...box.querySelectorAll('.md-search-result__item > a:first-child')]
                                    .map(a => new URL(a.href).pathname)}; }"""
    )


def open_search(page) -> None:
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.matches('.md-search__input')")


# --- safety first -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_emergency_numbers_on_the_first_phone_screen(site_browser, path):
    base, instance = site_browser
    page = instance.new_page(viewport=PHONE, has_touch=True)
    page.goto(base + path)
    body_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize)"
    )
    for number in ("112", "158"):
        link = page.locator(f".prirucka-emergency a[href='tel:{number}']")
        assert link.is_visible()
        box = link.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], number  # no scrolling needed
        assert box["height"] >= 24  # big enough to tap
        size = link.evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
        assert size >= body_size
    page.close()


def test_notes_and_tables_are_not_smaller_than_body_text(site_browser):
    base, instance = site_browser
    page = instance.new_page(viewport=PHONE)
    page.goto(base + "/prirucka-pro-rodice/kam-se-obratit/")
    sizes = page.evaluate(
        """() => { const size = s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize);
                   return {body: size('article > p'), warning: size('.admonition p'),
                           table: size('article table td')}; }"""
    )
    assert sizes["warning"] >= sizes["body"] and sizes["table"] >= sizes["body"], sizes
    page.close()


@pytest.mark.parametrize(
    "path", ["/prirucka-pro-rodice/kam-se-obratit/", "/en/prirucka-pro-rodice/kam-se-obratit/"]
)
def test_helplines_are_tappable_in_every_language(site_browser, path):
    base, instance = site_browser
    page = instance.new_page(viewport=PHONE, has_touch=True)
    page.goto(base + path)
    # Every helpline in the page's text and in the footer is a link that dials it.
    links = page.eval_on_selector_all(
        "article a[href^='tel:'], footer a[href^='tel:']",
        "links => links.map(a => [a.getAttribute('href'), a.textContent.trim()])",
    )
    hrefs = {href for href, _ in links}
    assert {"tel:112", "tel:158", "tel:116111", "tel:116006", "tel:116000"} <= hrefs
    for href, text in links:
        assert national_digits(text) == national_digits(href.removeprefix("tel:")), (href, text)
    # The numbers in the helplines table are links too.
    cells = page.eval_on_selector_all(
        "article table td:first-child",
        "cells => cells.map(td => !!td.querySelector('a[href^=\"tel:\"]'))",
    )
    assert cells and all(cells)
    page.close()


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/prirucka-pro-rodice/kdyz-je-doma-nasili/", "Rychle odejít"),
        ("/en/prirucka-pro-rodice/kdyz-je-doma-nasili/", "Quick exit"),
    ],
)
def test_quick_exit_is_always_visible(site_browser, path, label):
    base, instance = site_browser
    for viewport in (PHONE, DESKTOP):
        page = instance.new_page(viewport=viewport)
        page.goto(base + path)
        button = page.locator("[data-quick-exit]")
        assert button.inner_text().strip() == label
        for scroll in (0, 3000, 100000):
            page.evaluate(f"window.scrollTo(0, {scroll})")
            assert button.is_visible()
            box = button.bounding_box()
            assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"]
            assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
        page.close()
    # Not on pages for professionals.
    page = instance.new_page()
    page.goto(base + "/krizovy-rozhovor/zasady/")
    assert page.locator("[data-quick-exit]").count() == 0
    page.close()


def _neutral(page) -> None:
    page.route(
        NEUTRAL + "**",
        lambda route: route.fulfill(
            body="<title>neutral</title><p>neutral</p>", content_type="text/html"
        ),
    )


@pytest.mark.parametrize("how", ["escape", "click"])
def test_quick_exit_leaves_without_a_way_back(site_browser, how):
    """location.replace: the family page is not in the history; Back skips it."""
    base, instance = site_browser
    page = instance.new_page(viewport=PHONE)
    _neutral(page)
    page.goto(base + "/krizovy-rozhovor/")
    page.goto(base + "/prirucka-pro-rodice/kam-se-obratit/")
    length = page.evaluate("history.length")
    if how == "escape":
        page.keyboard.press("Escape")
        page.wait_for_timeout(100)
        assert page.url.startswith(base)  # one Escape alone does nothing
        with page.expect_navigation():
            page.keyboard.press("Escape")
    else:
        with page.expect_navigation():
            page.locator("[data-quick-exit]").click()
    assert page.url == NEUTRAL
    assert page.evaluate("history.length") == length  # replaced, not added
    page.go_back()
    assert page.url == base + "/krizovy-rozhovor/"
    page.close()


def test_search_keeps_the_words_out_of_the_address(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    page.goto(base + "/")
    open_search(page)
    found = search(page, "bezpeci")
    assert found["count"] > 0
    with page.expect_navigation():
        page.locator("[data-prirucka-result]").first.click()
    assert "?" not in page.url and "bezpe" not in page.url and "highlight" not in page.url
    assert page.evaluate("location.search") == ""
    assert page.locator("article mark.prirucka-search-hit").count() >= 1
    # Read once: reloading the page shows it without marks.
    page.reload()
    assert page.locator("article mark.prirucka-search-hit").count() == 0
    page.close()


# --- readers are not editors ---------------------------------------------------------------


def test_editor_guide_is_not_in_the_readers_navigation_or_search(site_browser):
    base, instance = site_browser
    page = instance.new_page(viewport=DESKTOP)
    for home in ("/", "/en/"):
        page.goto(base + home)
        nav = page.eval_on_selector_all(
            ".md-nav--primary a", "links => links.map(a => new URL(a.href).pathname)"
        )
        assert nav and not any("/pro-editory/" in path for path in nav)
        # The editors' entry is in the footer.
        footer = page.locator("footer [data-prirucka-editors-link]")
        assert footer.is_visible()
        assert footer.get_attribute("href").endswith("pro-editory/")
    # A word only the editor guide uses: readers do not find it, editors do.
    page.goto(base + "/")
    open_search(page)
    assert search(page, "markdown")["count"] == 0
    page.goto(base + "/pro-editory/")
    open_search(page)
    found = search(page, "markdown")
    assert found["count"] > 0
    assert all(path.startswith("/pro-editory/") for path in found["pages"])
    # …and editors' search stays in the guide.
    assert all(path.startswith("/pro-editory/") for path in search(page, "násilí")["pages"])
    page.close()


# --- languages -----------------------------------------------------------------------------


def test_untranslated_page_sits_in_its_own_section_of_the_navigation(site_browser):
    base, instance = site_browser
    page = instance.new_page(viewport=DESKTOP)
    page.goto(base + "/en/")
    placement = page.evaluate(
        """() => {
          const link = [...document.querySelectorAll('.md-nav--primary a')]
            .find(a => a.textContent.trim() === 'Zaostřeno na rodinu');
          const section = link.closest('.md-nav__item--section');
          const sections = [...document.querySelectorAll('.md-nav--primary > ul > .md-nav__item--section')];
          return {section: section.querySelector(':scope > nav > label').textContent.trim(),
                  index: sections.indexOf(section), last: sections.length - 1};
        }"""
    )
    assert placement["section"] == "Projects"
    assert placement["index"] < placement["last"]  # not a stray group at the end
    page.close()


def test_no_page_relative_sitemap_requests(site_browser):
    """Material fetches sitemap.xml next to each alternate link in a page's head; the
    alternates are in the one sitemap instead, so nothing 404s."""
    base, instance = site_browser
    page = instance.new_page()
    failed: list[str] = []
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    for path in ("/", "/en/", "/projekty/spolu-pomoc-detem/", "/en/krizovy-rozhovor/zasady/"):
        page.goto(base + path, wait_until="networkidle")
    page.locator(".md-header .md-select button").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(base + "/en/")
    assert [url for url in requested if url.endswith("sitemap.xml")] == []
    assert failed == []
    page.close()


@pytest.mark.parametrize(
    ("path", "forms"),
    [
        ("/katalog/", ("dokument", "dokumenty", "dokumentů")),
        ("/en/katalog/", ("document", "documents", "documents")),
    ],
)
def test_counts_use_the_languages_plural_forms(site_browser, path, forms):
    base, instance = site_browser
    page = instance.new_page()
    page.goto(base + path)
    counts = page.eval_on_selector_all(
        ".prirucka-catalogue-kinds__count", "spans => spans.map(s => s.textContent.trim())"
    )
    assert counts
    for text in counts:
        number, noun = text.split("\u00a0")
        assert noun == czech_noun(int(number), forms), text
    page.close()


@pytest.mark.parametrize(
    ("path", "forms"),
    [("/", ("výsledek", "výsledky", "výsledků")), ("/en/", ("result", "results", "results"))],
)
def test_search_counts_use_the_languages_plural_forms(site_browser, path, forms):
    base, instance = site_browser
    page = instance.new_page()
    page.goto(base + path)
    open_search(page)
    seen = set()
    for query in ("OSPOD", "dítě", "násilí", "child", "intervention", "projekt", "rodina"):
        found = search(page, query)
        if not found["count"]:
            continue
        number, noun = found["meta"].split(" · ")[0].split(" ", 1)
        assert int(number) == found["count"]
        assert noun == czech_noun(found["count"], forms), found["meta"]
        seen.add(found["count"] == 1 or 2 <= found["count"] <= 4)
    assert seen
    page.close()


# --- phones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/katalog/projekty/", "/en/katalog/prirucky/", "/pro-editory/stav-prekladu/"]
)
def test_catalogue_reads_on_a_phone_without_sideways_scrolling(site_browser, path):
    base, instance = site_browser
    page = instance.new_page(viewport=PHONE, has_touch=True)
    page.goto(base + path)
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    rows = page.locator("article table tbody tr")
    assert rows.count() > 0
    for index in range(rows.count()):
        box = rows.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # Each row is a card: its cells stacked, each labelled.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('article table tbody td')).display")
        == "block"
    )
    assert (
        not page.locator("article table thead").is_visible()
        or page.evaluate(
            "document.querySelector('article table thead').getBoundingClientRect().height"
        )
        <= 1
    )
    page.close()


_TEXT_SIZES = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.nodeValue.trim()) continue;
    const element = node.parentElement;
    if (!element || element.closest('script, style, [hidden], [aria-hidden=true], .md-search, .md-tooltip, .md-select__inner, .md-nav--secondary label')) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    let size = parseFloat(style.fontSize);
    const svg = element.closest('svg');
    if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
      size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    if (size < 13.95) small.push([element.tagName + '.' + element.className, node.nodeValue.trim().slice(0, 30), size]);
  }
  return small;
}"""


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/",
        "/prirucka-pro-rodice/kam-se-obratit/",
        "/en/prirucka-pro-rodice/kdyz-je-doma-nasili/",
        "/krizovy-rozhovor/zasady/",
        "/dobra-praxe/mobilni-tymy/",
        "/metodiky/spoluprace-pri-ochrane-deti/",
        "/projekty/spolu-pomoc-detem/",
        "/en/projekty/zaostreno-na-rodinu/",
        "/katalog/",
        "/katalog/projekty/",
        "/en/katalog/manualy/",
        "/glosar/",
        "/publikace/",
        "/en/publikace/",
        "/pro-editory/bloky/",
        "/pro-editory/stav-prekladu/",
        "/404.html",
    ],
)
def test_no_text_below_14px_on_a_phone(site_browser, path):
    base, instance = site_browser
    page = instance.new_page(viewport=PHONE, has_touch=True)
    page.goto(base + path)
    page.evaluate("document.fonts.ready")
    # Down the whole page, then the drawer of the navigation too.
    small = page.evaluate(_TEXT_SIZES)
    assert small == [], small
    page.close()
