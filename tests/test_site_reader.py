"""The reader's site, in its built HTML: the sample site (the repository's own content,
built once per session) and small fixtures. What needs a browser is in
test_browser_site.py and test_accessibility.py."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import markdown
import pytest
import yaml
from browser import page_urls, sample_site
from conftest import REPO, make_project, parse, run_prirucka
from prirucka.core import languages as ui
from prirucka.core import plurals
from prirucka.core.numbers import find_phones, tel_uri
from prirucka.markdown.glossary import load_glossary


@pytest.fixture(scope="module")
def site(sample_project) -> Path:
    return sample_site(sample_project)


def texts(element) -> str:
    return " ".join("".join(element.itertext()).split())


def article(tree):
    return tree.find(".//article")


def front_matter(lang: str, path: str) -> dict:
    text = (REPO / "docs" / lang / path).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def czech_noun(count: int, forms: tuple[str, str, str]) -> str:
    """An oracle independent of Babel for whole numbers: 1 / 2–4 / 5 and more."""
    one, few, other = forms
    return one if count == 1 else few if 2 <= count <= 4 else other


# --- plural rules (CLDR through Babel) ----------------------------------------------------


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 5, 11, 21, 22, 100, 1000])
def test_counts_follow_czech_and_english_plural_rules(count):
    assert ui.counted("cs", "document", count).endswith(
        "\u00a0" + czech_noun(count, ("dokument", "dokumenty", "dokumentů"))
    )
    assert ui.counted("cs", "page", count).endswith(
        "\u00a0" + czech_noun(count, ("strana", "strany", "stran"))
    )
    assert ui.counted("en", "document", count).endswith(
        "\u00a0document" if count == 1 else "\u00a0documents"
    )


def test_plural_categories_come_from_cldr():
    assert plurals.categories("cs") == ("one", "few", "many", "other")
    assert plurals.categories("en") == ("one", "other")
    assert plurals.category("cs", 1.5) == "many"  # "1,5 dokumentu"
    assert plurals.category("cs", 2.0) == "few"
    assert ui.counted("cs", "document", 1.5) == "1,50\u00a0dokumentu"
    assert ui.plural_text("cs", "results_reported", 3, total="5") == ("údaj uvádějí 3 projekty z 5")
    assert ui.plural_text("en", "results_reported", 1, total="5") == ("reported by 1 project of 5")
    # The search box gets every Czech form, the browser picks one by CLDR too.
    assert set(ui.plural_forms("cs", "search.results")) == {"one", "few", "many", "other"}


# --- phone numbers -------------------------------------------------------------------------

KNOWN = frozenset({"112", "158", "116111", "116006", "606021021"})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Volejte 112 (tísňová linka) nebo 158 (Policie ČR).", ["112", "158"]),
        ("call the emergency number 112 or the police on 158.", ["112", "158"]),
        ("Na lince 116 006 nebo 116 111.", ["116 006", "116 111"]),
        ("Rodičovská linka +420 606 021 021 pomáhá.", ["+420 606 021 021"]),
        ("112", ["112"]),  # a table cell or bold text holding only the number
        ("Projekt podpořil 112 rodin.", []),  # a count, no word for calling
        ("podle § 158 trestního řádu", []),
        ("stálo to 158 Kč", []),
        ("1 158,5 a 112,5", []),
    ],
)
def test_known_numbers_are_found_in_text(text, found):
    assert [match.number for match in find_phones(text, KNOWN)] == found


def test_tel_links_dial_short_numbers_as_they_are():
    assert tel_uri("116 111") == "tel:116111"
    assert tel_uri("+420 606 021 021") == "tel:+420606021021"
    assert tel_uri("606 021 021") == "tel:+420606021021"


# --- the glossary in definition lists -------------------------------------------------------


def test_an_abbreviation_defined_in_a_definition_list_is_not_written_out_again():
    glossary = load_glossary(str(REPO / "handbook" / "glossary.yml"))
    md = markdown.Markdown(
        extensions=["def_list", "prirucka_glossary"],
        extension_configs={"prirucka_glossary": {"lang": "cs", "terms": glossary}},
    )
    html = md.convert("SPOD\n:   sociálně-právní ochrana dětí\n\nOSPOD pomáhá rodinám.")
    assert "SPOD</abbr></dt>" in html
    assert "SPOD</abbr> (sociálně-právní ochrana dětí)" not in html
    # A definition that does not give the full term still gets it written out.
    md.reset()
    html = md.convert("OSPOD\n:   Úřad, který chrání děti.")
    assert "OSPOD</abbr> (orgán sociálně-právní ochrany dětí)</dt>" in html


# --- Material's header, copied for the search box ------------------------------------------


def test_search_header_differs_from_materials_only_in_its_marked_block():
    """partials/header.html is Material's with our search in one marked block: an
    upgrade of Material that changes the header makes this fail, not drift silently."""
    import material

    ours = (REPO / "plugins/prirucka/mkdocs/search/templates/partials/header.html").read_text(
        encoding="utf-8"
    )
    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text(
        encoding="utf-8"
    )

    def body(text: str) -> list[str]:
        """The template without its opening comment."""
        return text.split("-#}", 1)[1].splitlines()

    def without_material_search(lines: list[str]) -> list[str]:
        """Material's lines without its search block (an if with nested ifs)."""
        kept, depth = [], 0
        for line in lines:
            if depth == 0 and '{% if "material/search" in config.plugins %}' in line:
                depth = 1
                continue
            if depth:
                depth += line.count("{% if ") - line.count("{% endif %}")
                continue
            kept.append(line)
        return kept

    def without_our_block(lines: list[str]) -> list[str]:
        kept, inside = [], False
        for line in lines:
            if "{#- Příručka:" in line:
                inside = True
            elif "{#- /Příručka -#}" in line:
                inside = False
            elif not inside:
                kept.append(line)
        return kept

    mine = without_our_block(body(ours))
    material_header = without_material_search(body(theirs))
    assert len(mine) > 40
    diff = list(difflib.unified_diff(material_header, mine, "material", "prirucka", lineterm=""))
    assert diff == [], "\n".join(diff)


# --- partials a site overrides from its custom_dir ------------------------------------------


@pytest.fixture(scope="module")
def custom_site(tmp_path_factory, font_cache) -> Path:
    """The kb fixture with a custom_dir overriding one partial, and settings of its own."""
    project = make_project(tmp_path_factory.mktemp("custom") / "project", "kb")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    text = text.replace(
        "  - prirucka-theme:\n",
        "  - prirucka-theme:\n"
        '      organisation: {cs: "Organizace Příklad, z. s.", en: Example Organisation}\n'
        '      colors: {primary: "#ffd54f", accent: "#b3261e"}\n'
        "      contact: {email: info@example.org, phone: +420 000 000 000}\n"
        "      licence: {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}\n",
    )
    config.write_text(text, encoding="utf-8")
    partial = project / "overrides" / "partials" / "prirucka" / "cite.html"
    partial.parent.mkdir(parents=True)
    partial.write_text(
        '<aside class="prirucka-cite my-cite" data-overridden>{{ cite.title }}: '
        "{{ cite.before }}</aside>\n",
        encoding="utf-8",
    )
    page = project / "docs" / "cs" / "projekty" / "a.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("promoter: ICOS", 'promoter: "ICOS & <Partneři>"'),
        encoding="utf-8",
    )
    result = run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_partial_in_custom_dir_replaces_ours(custom_site: Path):
    page = (custom_site / "manual" / "zasady" / "index.html").read_text(encoding="utf-8")
    assert '<aside class="prirucka-cite my-cite" data-overridden>Jak citovat: ' in page
    assert "data-prirucka-copy" not in page  # our own cite.html is not used
    # The other partials are still ours.
    assert 'class="prirucka-connections"' in page


def test_partials_escape_what_editors_write(custom_site: Path):
    page = (custom_site / "projekty" / "a" / "index.html").read_text(encoding="utf-8")
    assert "ICOS &amp; &lt;Partneři&gt;" in page
    assert "<Partneři>" not in page


def test_site_identity_from_mkdocs_yml(custom_site: Path):
    css = (custom_site / "assets" / "prirucka" / "prirucka.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #ffd54f;" in css
    # Yellow is too light for white text and for links on white: both are adjusted.
    assert "--md-primary-bg-color: #000000;" in css
    link = re.search(r"--md-typeset-a-color: (#[0-9a-f]{6});", css).group(1)
    from prirucka.mkdocs.theme.identity import contrast

    assert contrast(link, "#ffffff") >= 4.5
    footer = parse(custom_site / "en" / "index.html").find(".//footer")
    text = texts(footer)
    assert "Published by Example Organisation" in text
    assert "CC BY 4.0" in text and "You may share and adapt" in text
    hrefs = [a.get("href") for a in footer.iter("a")]
    assert "tel:+420000000000" in hrefs and "mailto:info@example.org" in hrefs
    czech = texts(parse(custom_site / "index.html").find(".//footer"))
    assert "Vydává Organizace Příklad, z. s." in czech and "Kontakt" in czech


# --- the sample site ------------------------------------------------------------------------


def reader_pages(site: Path) -> list[str]:
    return [
        url
        for url in page_urls(site)
        if "/pro-editory/" not in url and not url.endswith("404.html")
    ]


def test_catalogue_counts_documents_as_readers_understand_them(site: Path):
    """The pages printed in one publication are one document: "Příručky · 1 dokument"."""
    for lang, prefix, forms in (
        ("cs", "", ("dokument", "dokumenty", "dokumentů")),
        ("en", "en/", ("document", "documents", "documents")),
    ):
        handbooks = set()
        for file in sorted((REPO / "docs" / lang).rglob("*.md")):
            meta = front_matter(lang, file.relative_to(REPO / "docs" / lang).as_posix())
            if meta.get("type") == "handbook":
                handbooks.add(meta.get("publication") or file.as_posix())
        overview = parse(site / prefix / "katalog" / "index.html")
        items = {
            texts(li.find("a")): texts(li.find("span"))
            for li in overview.iter("li")
            if li.find("span") is not None
            and "prirucka-catalogue-kinds__count" in (li.find("span").get("class") or "")
        }
        count = len(handbooks)
        noun = czech_noun(count, forms) if lang == "cs" else (forms[0] if count == 1 else forms[1])
        assert items[ui.text(lang, "kinds.handbook")] == f"{count} {noun}"
        rows = parse(site / prefix / "katalog" / "prirucky" / "index.html").findall(
            ".//table[@class='prirucka-catalogue']/tbody/tr"
        )
        assert len(rows) == count
        # Its chapters are listed under it.
        chapters = rows[0].findall(".//ul[@class='prirucka-catalogue__chapter-list']/li")
        assert len(chapters) >= 1


def test_catalogue_lists_untranslated_documents_in_their_language(site: Path):
    english = parse(site / "en" / "katalog" / "projekty" / "index.html")
    links = {texts(a): a for a in english.iter("a") if a.get("hreflang") == "cs"}
    assert "Zaostřeno na rodinu" in links
    assert links["Zaostřeno na rodinu"].get("href") == "../../projekty/zaostreno-na-rodinu/"
    assert "(in Czech)" in texts(english.find(".//table"))


def test_figures_stand_apart_from_their_labels(site: Path):
    """Label first, value apart: never "146 podpořené děti"."""
    checked = 0
    for url in reader_pages(site):
        tree = parse(site / url.strip("/") / "index.html") if url.endswith("/") else None
        if tree is None:
            continue
        for item in tree.iter("div"):
            if item.get("class") != "prirucka-results__item":
                continue
            children = [child.tag for child in item]
            assert children == ["dt", "dd"], url
            checked += 1
    assert checked >= 5


def test_how_to_cite_only_on_professional_documents(site: Path):
    cited = {"manual", "methodology", "project", "report"}
    seen = set()
    for lang, prefix in (("cs", ""), ("en", "en/")):
        for file in sorted((REPO / "docs" / lang).rglob("*.md")):
            path = file.relative_to(REPO / "docs" / lang).as_posix()
            kind = front_matter(lang, path).get("type")
            stem = path[: -len(".md")]
            folder = stem[: -len("index")] if stem.endswith("index") else stem + "/"
            html = (site / prefix / folder / "index.html").read_text(encoding="utf-8")
            assert ('class="prirucka-cite"' in html) == (kind in cited), (lang, path, kind)
            seen.add(kind)
    assert {"handbook", "manual", "project"} <= seen


def test_untranslated_page_speaks_the_readers_language(site: Path):
    tree = parse(site / "en" / "projekty" / "zaostreno-na-rodinu" / "index.html")
    body = article(tree)
    assert body.get("lang") == "cs"
    facts = body.find(".//aside[@class='prirucka-facts']")
    assert facts.get("lang") == "en" and "Key facts" in texts(facts)
    assert "Promoter" in texts(facts)
    assert any(dd.get("lang") == "cs" for dd in facts.iter("dd"))
    cite = body.find(".//aside[@class='prirucka-cite']")
    assert cite.get("lang") == "en" and texts(cite).startswith("How to cite")
    # The original is cited where it is written.
    assert "https://prirucka.example.org/projekty/zaostreno-na-rodinu/" in texts(cite)
    assert "/en/projekty/zaostreno-na-rodinu/" not in texts(cite)
    connections = body.find(".//nav[@class='prirucka-connections']")
    assert connections.get("lang") == "en"
    titles = [texts(p) for p in connections.iter("p")]
    assert "Referenced from" in titles and "Odkazují sem" not in titles
    for link in connections.iter("a"):
        href = link.get("href")
        # Links stay in the English part of the site; translated pages by their English title.
        assert not href.startswith("../../../"), href
        if link.get("lang") is None:
            assert (site / "en" / "projekty" / "zaostreno-na-rodinu" / href / "index.html").exists()


def test_no_build_machinery_wording_for_readers(site: Path):
    words = re.compile(
        r"při sestavení|hlaviček stránek|at build time|pages' headers|front matter|mkdocs",
        re.IGNORECASE,
    )
    for url in reader_pages(site):
        if not url.endswith("/"):
            continue
        body = article(parse(site / url.strip("/") / "index.html"))
        found = words.search(texts(body))
        assert found is None, (url, found and found.group(0))


def test_footer_names_publisher_contact_and_licence_in_the_page_language(site: Path):
    for prefix, words in (
        ("", ("Vydává Příručka – redakční rada", "Licence", "Kontakt")),
        ("en/", ("Published by Příručka editorial board", "Licence", "Contact")),
    ):
        footer = parse(site / prefix / "krizovy-rozhovor" / "index.html").find(".//footer")
        text = texts(footer)
        for word in words:
            assert word in text
        hrefs = [a.get("href") for a in footer.iter("a")]
        assert "tel:+420000000000" in hrefs
        assert "mailto:redakce@prirucka.example.org" in hrefs
        assert any("creativecommons.org/licenses/by/4.0" in (h or "") for h in hrefs)
        assert "../pro-editory/" in hrefs  # the editors' own entry


def plain_texts(tree) -> list[tuple[str, list[str]]]:
    """Every piece of text with the tags of the elements it stands in, innermost first."""
    parents = {child: parent for parent in tree.iter() for child in parent}

    def ancestors(element) -> list[str]:
        tags = []
        while element is not None:
            tags.append(element.tag)
            element = parents.get(element)
        return tags

    pieces = []
    for element in tree.iter():
        if element.text:
            pieces.append((element.text, ancestors(element)))
        if element.tail and element in parents:
            pieces.append((element.tail, ancestors(parents[element])))
    return pieces


def test_every_helpline_number_is_a_tel_link(site: Path):
    helplines = yaml.safe_load((REPO / "handbook" / "helplines.yml").read_text(encoding="utf-8"))
    long_numbers = [line["number"] for line in helplines if len(line["number"]) > 4]
    calls = re.compile(r"\b(?:[Vv]olejte|[Zz]avolejte|call)\b[^.]*?\b(112|158)\b")
    linked = 0
    for url in reader_pages(site):
        if not url.endswith("/"):
            continue
        tree = parse(site / url.strip("/") / "index.html")
        for text, tags in plain_texts(tree):
            if {"a", "code", "pre", "script", "title"} & set(tags):
                continue
            for number in long_numbers:
                # A helpline's number outside a link is a defect.
                assert number not in text, (url, number, text)
            # Short emergency numbers: wherever a sentence asks to call them, and
            # standing alone (bold, a table cell).
            assert calls.search(text) is None, (url, text)
            assert text.strip() not in ("112", "158"), (url, tags)
        linked += sum(1 for a in tree.iter("a") if (a.get("href") or "").startswith("tel:"))
    assert linked > 50


def test_family_pages_have_emergency_numbers_and_helplines(site: Path):
    helplines = yaml.safe_load((REPO / "handbook" / "helplines.yml").read_text(encoding="utf-8"))
    for prefix, lead in (("", "V ohrožení života"), ("en/", "In danger to life")):
        tree = parse(site / prefix / "prirucka-pro-rodice" / "kam-se-obratit" / "index.html")
        strip = next(a for a in tree.iter("aside") if a.get("class") == "prirucka-emergency")
        assert texts(strip).startswith(lead)
        numbers = {a.get("href") for a in strip.iter("a")}
        assert numbers == {tel_uri(h["number"]) for h in helplines if h.get("emergency")}
        footer = tree.find(".//footer")
        listed = {a.get("href") for a in footer.iter("a") if "helplines" in (a.get("class") or "")}
        assert listed == {tel_uri(h["number"]) for h in helplines}
        assert tree.find(".//a[@data-quick-exit]") is not None
    # A page for professionals: neither the strip nor the quick exit.
    manual = parse(site / "krizovy-rozhovor" / "index.html")
    assert manual.find(".//a[@data-quick-exit]") is None
    assert not any(a.get("class") == "prirucka-emergency" for a in manual.iter("aside"))


def test_editor_guide_is_not_in_the_readers_navigation(site: Path):
    def primary(tree):
        return next(n for n in tree.iter("nav") if "md-nav--primary" in (n.get("class") or ""))

    for prefix in ("", "en/"):
        reader = primary(parse(site / prefix / "index.html"))
        assert not any("pro-editory" in (a.get("href") or "") for a in reader.iter("a"))
        editor = primary(parse(site / prefix / "pro-editory" / "bloky" / "index.html"))
        hrefs = [a.get("href") or "" for a in editor.iter("a")]
        assert any(href.endswith("nova-stranka/") for href in hrefs)
        assert not any("krizovy-rozhovor" in href for href in hrefs)
    # Previous/next stay within each guide.
    page = parse(site / "prirucka-pro-rodice" / "kam-se-obratit" / "index.html")
    nexts = [link.get("href") for link in page.iter("link") if link.get("rel") == "next"]
    assert nexts and "pro-editory" not in nexts[0]


def test_search_scopes_readers_and_editors(site: Path):
    reader = (site / "krizovy-rozhovor" / "index.html").read_text(encoding="utf-8")
    editor = (site / "pro-editory" / "bloky" / "index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-filter="prirucka_scope:readers" hidden></span>' in reader
    assert '<span data-pagefind-filter="prirucka_scope:editors" hidden></span>' in editor
    assert 'data-prirucka-search-scope="readers"' in reader
    assert 'data-prirucka-search-scope="editors"' in editor


def test_other_languages_are_in_the_sitemap_not_in_every_head(site: Path):
    for url in ("/", "/en/", "/projekty/spolu-pomoc-detem/", "/404.html"):
        path = site / (url.strip("/") or ".") / ("index.html" if url.endswith("/") else "")
        head = parse(path).find(".//head")
        assert not any(
            link.get("rel") == "alternate" and link.get("hreflang") for link in head.iter("link")
        ), url
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="en" href="https://prirucka.example.org/en/projekty/spolu-pomoc-detem/"' in (
        sitemap
    )


def test_logo_has_a_real_text(site: Path):
    for prefix, alt in (("", "Příručka – úvodní stránka"), ("en/", "Příručka – home page")):
        logo = parse(site / prefix / "index.html").find(".//a[@data-md-component='logo']/img")
        assert logo.get("alt") == alt


def test_fallback_page_stands_in_its_own_section(site: Path):
    nav = next(
        n
        for n in parse(site / "en" / "index.html").iter("nav")
        if "md-nav--primary" in (n.get("class") or "")
    )
    sections = {}
    for item in nav.iter("li"):
        label = item.find("./nav/label")
        if label is None or "md-nav__item--section" not in (item.get("class") or ""):
            continue
        sections[texts(label)] = [texts(a) for a in item.iter("a")]
    assert "Zaostřeno na rodinu" in sections["Projects"]
    assert not any(title.startswith("Projekty") for title in sections)
    # Its title is marked as Czech, on other pages and on its own.
    for page in ("index.html", "projekty/zaostreno-na-rodinu/index.html"):
        links = [
            a
            for a in parse(site / "en" / page).iter("a")
            if "md-nav__link" in (a.get("class") or "") and texts(a) == "Zaostřeno na rodinu"
        ]
        assert links and all(a.get("lang") == "cs" for a in links), page


def test_translation_status_counts_pages_by_plural_rules(site: Path):
    page = texts(article(parse(site / "pro-editory" / "stav-prekladu" / "index.html")))
    for count in re.findall(r"\b(\d+) stránk", page):
        noun = czech_noun(int(count), ("stránka", "stránky", "stránek"))
        assert f"{count} {noun}" in page
    english = texts(article(parse(site / "en" / "pro-editory" / "stav-prekladu" / "index.html")))
    assert re.search(r"\b\d+ pages\b", english)


def test_publication_covers_are_named(site: Path):
    for prefix in ("", "en/"):
        page = article(parse(site / prefix / "publikace" / "index.html"))
        images = list(page.iter("img"))
        assert images
        for image in images:
            assert image.get("alt"), image.get("src")
