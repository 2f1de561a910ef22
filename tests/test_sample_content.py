"""The repository's own content builds strictly and shows what the foundation promises."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, parse, run_prirucka

# "Tip" reads the same in Czech, so it is not listed.
ENGLISH_DEFAULT_TITLES = {
    "Note",
    "Warning",
    "Info",
    "Example",
    "Danger",
    "Question",
    "Abstract",
    "Quote",
}
SECTIONS = [
    "prirucka-pro-rodice",
    "krizovy-rozhovor",
    "dobra-praxe",
    "metodiky",
    "projekty",
    "pro-editory",
]


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory, font_cache) -> Path:
    project = tmp_path_factory.mktemp("sample") / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project)
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "handbook", project / "handbook")
    # Share the session's web-font cache with this build.
    cache = project / ".cache" / "prirucka"
    cache.parent.mkdir(parents=True)
    cache.symlink_to(font_cache, target_is_directory=True)
    result = run_prirucka("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def test_home_pages_link_every_section(sample_site: Path):
    for home, lang in [
        (sample_site / "index.html", "cs"),
        (sample_site / "en" / "index.html", "en"),
    ]:
        tree = parse(home)
        assert tree.get("lang") == lang
        links = {a.get("href") for a in tree.find(".//article").iter("a")}
        for section in SECTIONS[:-1]:
            assert f"{section}/" in links, (lang, section)


def test_every_kind_of_document_exists_in_both_languages(sample_site: Path):
    for section in SECTIONS:
        assert (sample_site / section / "index.html").is_file()
        assert (sample_site / "en" / section / "index.html").is_file()


def test_untranslated_sample_page_says_so(sample_site: Path):
    assert not (REPO / "docs" / "en" / "projekty" / "zaostreno-na-rodinu.md").exists()
    tree = parse(sample_site / "en" / "projekty" / "zaostreno-na-rodinu" / "index.html")
    article = tree.find(".//article")
    assert article.get("lang") == "cs"
    assert "you are reading the Czech original" in "".join(article.find("aside").itertext())


def test_czech_pages_never_say_note(sample_site: Path):
    for page in sample_site.rglob("index.html"):
        if page.is_relative_to(sample_site / "en"):
            continue
        titles = {
            "".join(p.itertext())
            for p in parse(page).iter("p")
            if p.get("class") == "admonition-title"
        }
        assert not ENGLISH_DEFAULT_TITLES & titles, page


def test_sample_publications_are_built(sample_site: Path):
    import re

    import pypdf

    names = {p.name for p in (sample_site / "pdf").glob("*.pdf")}
    assert {
        "prirucka-pro-rodice.cs.pdf",
        "prirucka-pro-rodice.en.pdf",
        "dobra-praxe.cs-en.pdf",
    } <= names
    for name, lang in [("prirucka-pro-rodice.cs.pdf", "cs"), ("prirucka-pro-rodice.en.pdf", "en")]:
        pdf = pypdf.PdfReader(sample_site / "pdf" / name)
        assert pdf.trailer["/Root"]["/Lang"] == lang
        text = "\n".join(page.extract_text() for page in pdf.pages)
        # Texts for parents are ragged-right and not hyphenated (issue 12); professional
        # texts are justified and hyphenated (WeasyPrint prints U+2010 at the break).
        assert not re.search(r"\w\u2010\n\w", text), name
    manual = pypdf.PdfReader(sample_site / "pdf" / "krizovy-rozhovor.cs.pdf")
    text = "\n".join(page.extract_text() for page in manual.pages)
    assert re.search(r"\w\u2010\n\w", text)
