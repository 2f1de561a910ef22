"""Search (prirucka-search on Pagefind): what goes into the index, and what a reader gets.

The search fixture (tests/fixtures/search) is built once per session. The
browser tests type into the search box of the built site in Debian's
chromium, the way a reader does, and check counts, languages and order.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from browser import browser, serve
from conftest import make_project, parse, run_prirucka
from prirucka.core import search

# --- the fixture site -----------------------------------------------------------------


@pytest.fixture(scope="session")
def search_build(tmp_path_factory, font_cache):
    project = make_project(tmp_path_factory.mktemp("search") / "project", "search")
    result = run_prirucka("build", cwd=project, cache=font_cache)
    assert result.returncode == 0, result.stderr
    return project, result


@pytest.fixture(scope="session")
def search_site(search_build) -> Path:
    return search_build[0] / "site"


def article(site: Path, path: str):
    root = parse(site / path / "index.html")
    return root, root.find(".//article")


# --- the built site -------------------------------------------------------------------


def test_build_indexes_both_languages_without_warnings(search_build):
    _, result = search_build
    assert "WARNING" not in result.stderr
    assert "search index: 13 pages (cs, en)" in result.stderr


def test_pages_in_their_own_language_are_indexed(search_site: Path):
    for path in ("", "dite-v-ohrozeni", "en", "en/dite-v-ohrozeni"):
        root, body = article(search_site, path)
        assert "data-pagefind-body" in body.attrib, path
        assert body.get("lang") == root.get("lang")


def test_fallback_copies_excluded_pages_and_chrome_are_not(search_site: Path):
    # The Czech page served under /en/ because it has no translation.
    root, body = article(search_site, "en/jen-cesky")
    assert root.get("lang") == "en" and body.get("lang") == "cs"
    assert body.find(".//aside[@class='prirucka-notice prirucka-notice--fallback']") is not None
    assert "data-pagefind-body" not in body.attrib
    # Its original is indexed, in Czech.
    assert "data-pagefind-body" in article(search_site, "jen-cesky")[1].attrib
    for path in ("skryta", "en/skryta"):
        assert "data-pagefind-body" not in article(search_site, path)[1].attrib
    html = (search_site / "index.html").read_text(encoding="utf-8")
    assert html.count("data-pagefind-body") == 1  # the article only, not navigation or header


def test_glossary_terms_are_hidden_index_terms(search_site: Path):
    _, body = article(search_site, "domaci-nasili")
    terms = body.get("data-pagefind-meta")
    assert terms.startswith(f"{search.TERMS_FIELD}:")
    assert "OSPOD" in terms and "orgán sociálně-právní ochrany dětí" in terms
    assert "dítě" in terms  # the lemma of "Děti" / "dětí"
    _, body = article(search_site, "en/dite-v-ohrozeni")
    assert "DSLPC" in body.get("data-pagefind-meta")
    # Readers never see them: no element carries them.
    assert "DSLPC" not in "".join(body.itertext())


def test_boost_is_a_filter_on_the_page(search_site: Path):
    assert article(search_site, "sanace")[1].get("data-pagefind-filter") == "prirucka_boost:2"
    assert article(search_site, "podpora")[1].get("data-pagefind-filter") is None


def test_material_search_is_not_shipped(search_site: Path):
    assert (search_site / "pagefind" / "pagefind.js").is_file()
    assert not (search_site / "search" / "search_index.json").exists()
    assert not list(search_site.rglob("assets/javascripts/lunr"))
    assert not list(search_site.rglob("assets/javascripts/workers/search.*"))
    assert not (search_site / "pagefind" / "pagefind-ui.js").exists()
    for page in search_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "search_index.json" not in html and "workers/search" not in html, page
        assert "lunr" not in html, page


def test_index_holds_pages_of_one_language_each(search_site: Path):
    entry = json.loads((search_site / "pagefind" / "pagefind-entry.json").read_text())
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    assert counts == {"cs": 7, "en": 6}


def test_interface_texts_come_in_both_languages(search_site: Path):
    for path, placeholder in (("index.html", "Hledat"), ("en/index.html", "Search")):
        root = parse(search_site / path)
        box = root.find(".//div[@data-prirucka-search]")
        texts = json.loads(box.find(".//script").text)
        assert texts["placeholder"] == placeholder
        assert box.find(".//input").get("placeholder") == placeholder
    cs = search.interface_texts("cs")
    assert [cs[f"results.{k}"] for k in ("one", "few", "other")] == [
        "{count} výsledek",
        "{count} výsledky",
        "{count} výsledků",
    ]


def test_suggestion_words_are_the_glossary_of_the_language(search_site: Path):
    words = json.loads((search_site / "assets/prirucka/search-words.cs.json").read_text())
    assert "OSPOD" in words and "případovka" in words
    english = json.loads((search_site / "assets/prirucka/search-words.en.json").read_text())
    assert "DSLPC" in english and "případovka" not in english


# --- editors' mistakes and Pagefind's warnings ---------------------------------------


def test_wrong_search_front_matter_names_file_and_line(tmp_path, font_cache):
    project = make_project(tmp_path / "project", "search")
    page = project / "docs/cs/spatne.md"
    page.write_text(
        "---\ntitle: Špatně\nsearch:\n  boost: lots\n---\n\n# Špatně\n", encoding="utf-8"
    )
    result = run_prirucka("build", cwd=project, cache=font_cache)
    assert result.returncode == 1
    assert "docs/cs/spatne.md:3: `search.boost` must be a number" in result.stderr
    assert "Traceback" not in result.stderr


def test_pagefind_warnings_are_build_warnings(tmp_path, font_cache):
    project = make_project(tmp_path / "project", "search")
    page = project / "docs/cs/varovani.md"
    page.write_text(
        '---\ntitle: Varování\n---\n\n# Varování\n\n<p data-pagefind-ignore="snad">Text.</p>\n',
        encoding="utf-8",
    )
    result = run_prirucka("build", cwd=project, cache=font_cache)
    assert result.returncode == 1  # strict: a warning fails the build
    assert re.search(r"WARNING .*Pagefind: data-pagefind-ignore value of \"snad\"", result.stderr)


# --- core, without MkDocs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({}, search.PageSearch()),
        ({"search": {"exclude": True}}, search.PageSearch(indexed=False)),
        ({"search": {"boost": 2}}, search.PageSearch(boost=2.0)),
        ({"search": {"boost": 0.5, "exclude": False}}, search.PageSearch(boost=0.5)),
    ],
)
def test_page_settings(meta, expected):
    assert search.page_settings(meta, "docs/cs/a.md") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("yes", "must be a block of settings"),
        ({"exclude": "ano"}, "`search.exclude` is `true` or `false`"),
        ({"boost": 0}, "`search.boost` must be a number above 0"),
        ({"boost": True}, "`search.boost` must be a number above 0"),
        ({"weight": 2}, "unknown `search` setting `weight`"),
    ],
)
def test_page_settings_errors(value, message):
    with pytest.raises(search.AuthorError, match=re.escape(message)) as error:
        search.page_settings({"search": value}, "docs/cs/a.md", 4)
    assert str(error.value).startswith("docs/cs/a.md:4: ")


def test_attributes_of_a_page():
    assert search.PageSearch().attributes() == "data-pagefind-body"
    assert search.PageSearch(indexed=False).attributes() == ""
    assert search.PageSearch(boost=2.0).attributes() == (
        'data-pagefind-body data-pagefind-filter="prirucka_boost:2"'
    )
    attribute = search.terms_attribute(['a "quoted" term', "OSPOD"])
    assert attribute == 'data-pagefind-meta="prirucka_terms:a &quot;quoted&quot; term · OSPOD"'


def test_lemmas_only_where_a_prefix_search_would_miss():
    lemmas = search.Lemmatizer().new_lemmas(
        "Na případové konferenci mluví matky o násilím a dětech.", "cs"
    )
    assert "konference" in lemmas and "matka" in lemmas and "dítě" in lemmas
    assert "násilí" not in lemmas  # `násilí` already finds `násilím`
    assert "OSPOD" not in search.Lemmatizer().new_lemmas("OSPOD", "cs")


def test_fold_and_plain_text():
    assert search.fold("Dítě ŽENA") == "dite zena"
    assert search.plain_text("<h1>Dítě</h1><p>v <b>ohrožení</b></p><script>x()</script>") == (
        "Dítě v ohrožení"
    )


def test_run_pagefind_reports_notes_warnings_and_errors(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<html lang="cs"><body><article data-pagefind-body><h1>Dítě</h1>'
        '<p data-pagefind-ignore="snad">x</p></article></body></html>',
        encoding="utf-8",
    )
    (site / "pagefind").mkdir()
    (site / "pagefind" / "stale.txt").write_text("old")
    run = search.run_pagefind(site)
    assert run.pages == 1 and run.languages == ["cs"]
    assert any("no stemmer for 'cs'" in note for note in run.notes)
    assert len(run.warnings) == 1 and 'value of "snad"' in run.warnings[0]
    assert not (site / "pagefind" / "stale.txt").exists()
    assert (site / "pagefind" / "pagefind.js").exists()
    assert not (site / "pagefind" / "pagefind-ui.js").exists()
    shutil.rmtree(site)
    site.mkdir()
    with pytest.raises(search.PagefindError, match="Pagefind could not index"):
        search.run_pagefind(site)


def test_fragments_of_excluded_pages_are_not_in_the_index(search_site: Path):
    urls = []
    for fragment in (search_site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        urls.append(json.loads(data[data.index(b"{") :])["url"])
    assert "/skryta/" not in urls and "/en/skryta/" not in urls
    assert "/en/jen-cesky/" not in urls and "/jen-cesky/" in urls
    assert len(urls) == 13


# --- in the browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_browser(search_site: Path):
    with serve(search_site) as base, browser() as instance:
        yield base, instance


def open_search(page, base: str, path: str):
    page.goto(base + path)
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.matches('.md-search__input')")


def type_query(page, query: str) -> dict:
    page.fill(".md-search__input", query)
    page.wait_for_function(
        """q => { const box = document.querySelector('[data-prirucka-search]');
                  return box.getAttribute('data-prirucka-query') === q && box.hasAttribute('data-prirucka-count'); }""",
        arg=query,
    )
    return page.evaluate(
        """() => { const box = document.querySelector('[data-prirucka-search]');
                   return {count: Number(box.getAttribute('data-prirucka-count')),
                           meta: box.querySelector('.md-search-result__meta').innerText,
                           pages: [...box.querySelectorAll('.md-search-result__item > a:first-child')]
                                    .map(a => new URL(a.href).pathname),
                           suggestions: [...box.querySelectorAll('.prirucka-search__suggest button')]
                                    .map(b => b.textContent),
                           via: [...box.querySelectorAll('.prirucka-search__via')].map(p => p.innerText)}; }"""
    )


QUERIES = [
    # Czech page: Czech pages only, without diacritics, inflected, glossary terms.
    ("/", "dítě", "4 výsledky"),
    ("/", "dite", "4 výsledky"),
    ("/", "deti", "2 výsledky"),
    ("/", "nasili", "3 výsledky"),
    ("/", "pripadova konference", "1 výsledek"),
    ("/", "OSPOD", "2 výsledky"),
    ("/", "ospod", "2 výsledky"),
    ("/", "orgán sociálně-právní ochrany", "2 výsledky"),
    ("/", "případovka", "1 výsledek"),  # a variant to avoid, from the glossary
    ("/", "matka", "1 výsledek"),  # the page says "Matky": found by its lemma
    ("/", "rodin", "6 výsledků"),
    ("/", "mandragora", "Pro „mandragora“ jsme nic nenašli."),  # only on an excluded page
    ("/", "xylofon", "Pro „xylofon“ jsme nic nenašli."),
    (
        "/",
        "kvetinaci",
        "Pro „kvetinaci“ jsme nic nenašli.",
    ),  # a paragraph marked data-search-exclude
    # English page: English pages only.
    ("/en/", "child", "3 results"),
    ("/en/", "violence", "2 results"),
    ("/en/", "DSLPC", "2 results"),
    ("/en/", "social-legal protection", "2 results"),
    ("/en/", "OSPOD", "2 results"),
    ("/en/", "moderator", "1 result"),
    ("/en/", "nasili", "Nothing found for “nasili”."),  # the Czech-only page is not English
    # The fallback copy of the Czech-only page is an English page: it searches English.
    ("/en/jen-cesky/", "nasili", "Nothing found for “nasili”."),
    ("/en/jen-cesky/", "violence", "2 results"),
]

EXPECTED_PAGES = {
    ("/", "dite"): {
        "/dite-v-ohrozeni/",
        "/domaci-nasili/",
        "/pripadova-konference/",
        "/jen-cesky/",
    },
    ("/", "nasili"): {"/dite-v-ohrozeni/", "/domaci-nasili/", "/jen-cesky/"},
    ("/", "ospod"): {"/dite-v-ohrozeni/", "/domaci-nasili/"},
    ("/en/", "DSLPC"): {"/en/dite-v-ohrozeni/", "/en/domaci-nasili/"},
    ("/en/", "social-legal protection"): {"/en/dite-v-ohrozeni/", "/en/domaci-nasili/"},
    ("/en/", "OSPOD"): {"/en/dite-v-ohrozeni/", "/en/domaci-nasili/"},
}


def test_query_table(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    failures = []
    current = None
    for path, query, expected in QUERIES:
        if path != current:
            open_search(page, base, path)
            current = path
        found = type_query(page, query)
        if not found["meta"].startswith(expected):
            failures.append(f"{path} {query!r}: {found['meta']!r}, expected {expected!r}")
        english = path.startswith("/en/")
        for url in found["pages"]:
            if url.startswith("/en/") != english or url in (
                "/skryta/",
                "/en/skryta/",
                "/en/jen-cesky/",
            ):
                failures.append(f"{path} {query!r}: {url} is not a result for this page")
        pages = EXPECTED_PAGES.get((path, query))
        if pages is not None and set(found["pages"]) != pages:
            failures.append(f"{path} {query!r}: {found['pages']}, expected {sorted(pages)}")
        digits = re.match(r"\d+", expected)
        if digits and found["count"] != int(digits.group(0)):
            failures.append(f"{path} {query!r}: count {found['count']}")
    page.close()
    assert not failures, "\n".join(failures)


def test_boost_lifts_a_page_above_a_shorter_one(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    for path, query, boosted, other in (
        ("/", "dlouhodob", "/sanace/", "/podpora/"),
        ("/en/", "long-term", "/en/sanace/", "/en/podpora/"),
    ):
        open_search(page, base, path)
        raw = page.evaluate(
            """async q => { const pf = await import('/pagefind/pagefind.js');
                            const s = await pf.search(q);
                            return Promise.all(s.results.map(r => r.data().then(d => d.url))); }""",
            query,
        )
        assert raw == [other, boosted]  # Pagefind alone prefers the shorter page
        assert type_query(page, query)["pages"] == [boosted, other]
    page.close()


def test_inflected_query_shows_the_word_found(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    open_search(page, base, "/")
    found = type_query(page, "pracovnikem")
    assert found["meta"].startswith("1 výsledek")
    assert "Výsledky pro „pracovník“" in found["meta"]


def test_no_hits_offer_suggestions_that_work(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    open_search(page, base, "/")
    found = type_query(page, "ospot")
    assert found["count"] == 0
    assert found["suggestions"][0] == "ospod"
    page.click(".prirucka-search__suggest button")
    page.wait_for_function(
        "document.querySelector('[data-prirucka-search]').getAttribute('data-prirucka-count') === '2'"
    )
    assert page.input_value(".md-search__input") == "ospod"
    found = type_query(page, "matkam")  # found by the lemma "matka"
    assert found["count"] == 1
    assert found["via"] == ["Nalezeno podle příbuzného slova nebo pojmu"]
    page.close()


def test_keyboard_opens_moves_and_goes_to_the_highlighted_word(site_browser):
    base, instance = site_browser
    page = instance.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + "/")
    assert not any("/pagefind/" in url for url in requested)  # loaded only when searching
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("/")
    found = type_query(page, "dítěte")
    assert found["pages"][0] == "/dite-v-ohrozeni/"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('[data-prirucka-result]')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The words searched for stay out of the address (and so out of the history).
    assert page.url == base + "/dite-v-ohrozeni/"
    marks = page.locator("article mark.prirucka-search-hit").all_inner_texts()
    assert "dítěte" in marks
    hosts = {url.split("/")[2] for url in requested if url.startswith("http")}
    assert hosts == {base.split("/")[2]}
    page.close()


def test_search_on_a_phone(site_browser):
    base, instance = site_browser
    page = instance.new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    page.goto(base + "/")
    button = page.locator("label.md-header__button[for=__search]")
    assert button.is_visible()
    button.tap()
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    found = type_query(page, "nasili")
    assert found["meta"].startswith("3 výsledky")
    results = page.locator(".md-search-result__item")
    assert results.first.is_visible()
    for box in (results.first.bounding_box(), page.locator(".md-search__input").bounding_box()):
        assert box["x"] >= -0.5 and box["x"] + box["width"] <= 390.5  # subpixel layout
    # Nothing to scroll sideways to (once Material's opening animation is over).
    page.wait_for_timeout(400)
    assert page.evaluate("window.scrollTo(600, 0), window.scrollX") == 0
    page.locator(".md-search-result__item a").first.tap()
    page.wait_for_url("**/domaci-nasili/**")
    assert page.locator("article mark.prirucka-search-hit").count() >= 2
    page.close()


def _fragments(bundle: Path) -> dict[str, dict]:
    found = {}
    for fragment in (bundle / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        entry = json.loads(data[data.index(b"{") :])
        found[entry["url"]] = entry
    return found


def test_live_index_gives_the_bundle_a_run_over_the_written_site_gives(tmp_path):
    pages = {
        "index.html": (
            "cs",
            '<!doctype html><html lang="cs" class="no-js"><head><title>Jiný titulek</title>'
            '</head><body><header><img src="logo.svg" alt="Logo"></header><nav><a href="/">Menu</a>'
            '</nav><div class="md-content">'
            '<article class="md-typeset" data-pagefind-body data-pagefind-meta="prirucka_terms:OSPOD">'
            '<span data-pagefind-filter="prirucka_scope:readers" hidden></span><h1 id="d">Dítě</h1>'
            '<p data-pagefind-ignore="snad">x</p><p>Rodina a dítě.</p><img src="a.png" alt="Obrázek">'
            '<h2 id="kontakt">Kontakt</h2><p>Linka.</p></article></div><footer>Pata</footer></body></html>',
        ),
        "en/index.html": (
            "en",
            '<html lang="en"><body><article data-pagefind-body><h1>Child</h1>'
            '<p class="prirucka-notice">Not translated</p><p>Families.</p></article></body></html>',
        ),
    }
    site = tmp_path / "site"
    for name, (_, text) in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    from_disk = search.run_pagefind(site)
    live = search.LiveIndex()
    for name, (lang, text) in pages.items():
        live.add(text, "/" + name.removesuffix("index.html"), lang)
        if lang == "cs":  # its pass is over: written while the English pages come
            live.finish("cs", tmp_path / "live" / ".pagefind-cs")
            with pytest.raises(ValueError, match="written already"):
                live.add(text, "/again/", "cs")
    (tmp_path / "live" / "pagefind").mkdir(parents=True)
    (tmp_path / "live" / "pagefind" / "stale.txt").write_text("old")
    run = live.write(tmp_path / "live" / "pagefind")
    assert live._process.poll() is not None  # the service has ended
    assert (run.pages, run.languages) == (from_disk.pages, from_disk.languages) == (2, ["cs", "en"])
    assert run.warnings == from_disk.warnings and 'value of "snad"' in run.warnings[0]
    assert run.notes == from_disk.notes
    bundle = tmp_path / "live" / "pagefind"
    # The same fragments (text, title, metadata, filters, anchors) as Pagefind reading the
    # whole pages (logo, navigation and footer around): only what is marked
    # `data-pagefind-body` travels to the service.
    live_fragments = _fragments(bundle)
    assert live_fragments == _fragments(site / "pagefind")
    assert sorted(live_fragments) == ["/", "/en/"]
    assert live_fragments["/"]["meta"] == {
        "title": "Dítě",
        "prirucka_terms": "OSPOD",
        "image": "a.png",
        "image_alt": "Obrázek",
    }
    assert live_fragments["/"]["filters"] == {"prirucka_scope": ["readers"]}
    assert [a["id"] for a in live_fragments["/"]["anchors"]] == ["d", "kontakt"]
    assert sorted(
        p.name for p in bundle.iterdir() if "." in p.name and "_" not in p.name
    ) == sorted(
        p.name for p in (site / "pagefind").iterdir() if "." in p.name and "_" not in p.name
    )
    assert not (bundle / "stale.txt").exists() and not (bundle / "pagefind-ui.js").exists()
    assert sorted(p.name for p in (tmp_path / "live").iterdir()) == ["pagefind"]  # merged
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert {lang: v["page_count"] for lang, v in entry["languages"].items()} == {"cs": 1, "en": 1}


def test_only_the_indexed_element_of_a_page_goes_to_pagefind():
    page = (
        '<html class="x" lang="en-GB"><head><script>1</script></head><body><nav>a</nav>'
        '<article data-pagefind-body id="a"><p>Text <article>inner</article></p></article>'
        "<footer>b</footer></body></html>"
    )
    assert search.indexed_part(page) == (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"></head><body>'
        '<article data-pagefind-body id="a"><p>Text <article>inner</article></p></article>'
        "</body></html>"
    )
    unmarked = "<html><body><p>Text</p></body></html>"
    assert search.indexed_part(unmarked) == unmarked
    whole_body = '<html lang="cs"><body data-pagefind-body><p>Text</p></body></html>'
    assert search.indexed_part(whole_body) == whole_body


def test_a_live_index_closed_without_writing_leaves_no_process():
    live = search.LiveIndex()
    live.add('<html lang="cs"><body data-pagefind-body>Text</body></html>', "/", "cs")
    live.close()
    assert live._process.poll() is not None


def test_a_live_index_whose_pagefind_dies_says_so(tmp_path):
    live = search.LiveIndex()
    live.add(
        '<html lang="cs"><body><article data-pagefind-body>Text</article></body></html>', "/", "cs"
    )
    live._process.kill()  # as the out-of-memory killer would
    with pytest.raises(search.PagefindError, match="Pagefind"):
        live.write(tmp_path / "pagefind")
    assert live._process.poll() is not None
