"""The bilingual site, built once from the mini fixture project."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from conftest import parse

SITE_HOST = "mini.example.org"


def article(tree):
    return tree.find(".//article")


def texts(element) -> str:
    return "".join(element.itertext())


def switcher(tree) -> dict[str, str]:
    """Language switcher: hreflang -> href."""
    return {
        a.get("hreflang"): a.get("href")
        for a in tree.iter("a")
        if "md-select__link" in (a.get("class") or "")
    }


def canonical(tree) -> str:
    return next(link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical")


def nav_titles(tree) -> list[str]:
    primary = next(n for n in tree.iter("nav") if "md-nav--primary" in (n.get("class") or ""))
    return [
        " ".join(texts(a).split())
        for a in primary.iter("a")
        if "md-nav__link" in (a.get("class") or "")
    ]


def test_both_languages_build(mini_site: Path):
    assert parse(mini_site / "index.html").get("lang") == "cs"
    assert parse(mini_site / "en" / "index.html").get("lang") == "en"
    assert (
        parse(mini_site / "sekce" / "alfa" / "index.html").find(".//h1").text.strip() == "Alfa (cs)"
    )
    assert (
        parse(mini_site / "en" / "sekce" / "alfa" / "index.html").find(".//h1").text.strip()
        == "Alfa (en)"
    )


def test_interface_in_page_language(mini_site: Path):
    czech = texts(parse(mini_site / "index.html"))
    english = texts(parse(mini_site / "en" / "index.html"))
    assert "Přeskočit obsah" in czech and "Skip to content" not in czech
    assert "Skip to content" in english and "Přeskočit obsah" not in english


def test_admonition_titles_translated(mini_site: Path):
    czech = parse(mini_site / "index.html")
    titles = [texts(p) for p in czech.iter("p") if p.get("class") == "admonition-title"]
    assert titles == ["Poznámka", "Vlastní titulek"]
    assert "!!! note" in texts(czech.find(".//pre"))  # code keeps the syntax
    english = parse(mini_site / "en" / "index.html")
    assert [texts(p) for p in english.iter("p") if p.get("class") == "admonition-title"] == ["Note"]


def test_switcher_leads_to_same_page(mini_site: Path):
    assert switcher(parse(mini_site / "sekce" / "alfa" / "index.html")) == {
        "cs": "./",
        "en": "../../en/sekce/alfa/",
    }
    assert switcher(parse(mini_site / "en" / "sekce" / "alfa" / "index.html")) == {
        "cs": "../../../sekce/alfa/",
        "en": "./",
    }


def test_czech_only_page_under_english(mini_site: Path):
    tree = parse(mini_site / "en" / "jen-cesky" / "index.html")
    assert tree.get("lang") == "en"  # the interface is English
    body = article(tree)
    assert body.get("lang") == "cs"
    notice = body.find("aside")
    assert notice.get("lang") == "en"
    assert (
        texts(notice)
        == "This page has not been translated yet; you are reading the Czech original."
    )
    assert canonical(tree) == "https://mini.example.org/jen-cesky/"
    assert switcher(tree)["cs"] == "../../jen-cesky/"
    # The Czech text keeps Czech admonition titles.
    assert "Upozornění" in texts(body)
    # The original itself has no notice and is its own canonical.
    original = parse(mini_site / "jen-cesky" / "index.html")
    assert article(original).get("lang") == "cs"
    assert article(original).find("aside") is None
    assert canonical(original) == "https://mini.example.org/jen-cesky/"


def test_english_only_page_under_czech(mini_site: Path):
    tree = parse(mini_site / "only-in-english" / "index.html")
    assert tree.get("lang") == "cs"
    body = article(tree)
    assert body.get("lang") == "en"
    notice = body.find("aside")
    assert notice.get("lang") == "cs"
    assert (
        texts(notice) == "Tato stránka zatím nebyla přeložena do češtiny; čtete anglický originál."
    )
    assert canonical(tree) == "https://mini.example.org/en/only-in-english/"
    assert switcher(tree)["en"] == "../en/only-in-english/"
    assert (
        switcher(parse(mini_site / "en" / "only-in-english" / "index.html"))["cs"]
        == "../../only-in-english/"
    )


def test_translated_pages_have_no_notice(mini_site: Path):
    for page in [
        "index.html",
        "en/index.html",
        "sekce/zeta/index.html",
        "en/sekce/zeta/index.html",
    ]:
        body = article(parse(mini_site / page))
        assert body.find("aside") is None, page


def test_sitemap_leaves_out_fallback_copies(mini_site: Path):
    xml = (mini_site / "sitemap.xml").read_text()
    assert "https://mini.example.org/en/jen-cesky/" not in xml
    assert "https://mini.example.org/only-in-english/" not in xml
    assert "<loc>https://mini.example.org/jen-cesky/</loc>" in xml
    assert "<loc>https://mini.example.org/en/only-in-english/</loc>" in xml
    assert 'hreflang="en" href="https://mini.example.org/en/sekce/alfa/"' in xml


def test_404_speaks_both_languages(mini_site: Path):
    root = parse(mini_site / "404.html")
    assert root.get("lang") == "cs"  # the default language's chrome
    sections = {s.get("lang"): s for s in root.iter("section") if s.get("data-lang-home")}
    assert set(sections) == {"cs", "en"}
    assert "Stránka nenalezena" in texts(sections["cs"])
    assert "Page not found" in texts(sections["en"])
    assert sections["cs"].find(".//a").get("href") == "/"
    assert sections["en"].find(".//a").get("href") == "/en/"
    english = parse(mini_site / "en" / "404.html")
    assert english.get("lang") == "en"
    first = next(s for s in english.iter("section") if s.get("data-lang-home"))
    assert first.get("lang") == "en"


def test_section_titles_and_order_from_front_matter(mini_site: Path):
    czech = nav_titles(parse(mini_site / "sekce" / "index.html"))
    # `order: 1` (Zeta) before `order: 2` (Alfa) although alphabetically later.
    assert czech.index("Zeta (cs)") < czech.index("Alfa (cs)")
    assert "Sekce česky" in czech
    english = nav_titles(parse(mini_site / "en" / "sekce" / "index.html"))
    assert "Section in English" in english and "Sekce česky" not in english
    assert english.index("Zeta (en)") < english.index("Alfa (en)")


_RESOURCE_ATTRS = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}


def _foreign(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.hostname != SITE_HOST


def test_no_third_party_requests_in_html_or_css(mini_site: Path):
    problems = []
    for path in mini_site.rglob("*"):
        if path.suffix in {".html", ".css", ".js", ".xml"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for host in ("fonts.googleapis", "fonts.gstatic"):
                if host in text:
                    problems.append(f"{path}: {host}")
        if path.suffix == ".html":
            tree = parse(path)
            for element in tree.iter():
                if (element.tag, "src") in _RESOURCE_ATTRS and _foreign(element.get("src", "")):
                    problems.append(f"{path}: <{element.tag} src={element.get('src')}>")
                if element.tag == "object" and _foreign(element.get("data", "")):
                    problems.append(f"{path}: <object data={element.get('data')}>")
                if element.tag == "link" and element.get("rel") not in ("canonical", "alternate"):
                    if _foreign(element.get("href", "")):
                        problems.append(
                            f"{path}: <link rel={element.get('rel')} href={element.get('href')}>"
                        )
                if element.tag == "style" and re.search(r"url\(\s*['\"]?https?:", texts(element)):
                    problems.append(f"{path}: inline style loads a remote URL")
        if path.suffix == ".css":
            css = path.read_text(encoding="utf-8")
            for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(
                r"@import\s+['\"]([^'\"]+)", css
            ):
                if _foreign(url):
                    problems.append(f"{path}: {url}")
    assert problems == []


def test_bundled_fonts_are_served(mini_site: Path):
    from fontTools.ttLib import TTFont

    css = (mini_site / "assets" / "prirucka" / "prirucka.css").read_text()
    declared = re.findall(r'src: url\("fonts/([^"]+)"\)', css)
    assert "CharisSIL-Regular.woff2" in declared and "NotoSans-Bold.woff2" in declared
    assert 'font-family: "Prirucka Text"' in css
    for name in declared:
        font = TTFont(mini_site / "assets" / "prirucka" / "fonts" / name)
        assert font.flavor == "woff2"
        cmap = font.getBestCmap()
        assert all(ord(ch) in cmap for ch in "ěščřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚŤĎŇ„“–…€"), name
        # Reserved Font Names must not be carried by the modified (subset) font.
        assert "Charis" not in font["name"].getDebugName(1)
    page = (mini_site / "index.html").read_text()
    assert "assets/prirucka/prirucka.css" in page
