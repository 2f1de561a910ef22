"""Each plugin and extension on a foreign site, one at a time: it works alone or says what it needs.

The sites are what an organisation would start with: Material (with or
without mkdocs-static-i18n, `docs/cs` and `docs/en`) and one of ours,
built with plain `mkdocs build`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from conftest import REPO, make_project, parse, run_prirucka
from prirucka.mkdocs import requirements

MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
I18N = """\
  - i18n:
      docs_structure: folder
      languages:
        - locale: cs
          name: Čeština
          default: true
        - locale: en
          name: English
"""
CZECH = 'Text v rámci webu a "uvozovky" - pomlčka.\n'
ENGLISH = 'Text "quotes" - a dash.\n'
GLOSSARY = """\
- id: ospod
  cs:
    term: orgán sociálně-právní ochrany dětí
    abbr: OSPOD
    definition: Úřad, který chrání práva a zájmy dětí.
  en:
    term: child protection authority
    abbr: OSPOD
    definition: The authority that protects children's rights and interests.
"""


def foreign_site(
    root: Path,
    *,
    plugins: str = "",
    extensions: tuple[str, ...] = (),
    i18n: str = "first",  # where mkdocs-static-i18n is listed: "first", "last" or "none"
    theme: str = "material",
    pages: dict[str, str] | None = None,
    files: dict[str, str] | None = None,
) -> Path:
    """A minimal site of someone else's: Material, Czech by default, our parts as given."""
    root.mkdir(parents=True)
    config = [
        "site_name: Cizí web",
        "site_url: https://cizi.example.org/",
        "strict: true",
        f"theme:\n  name: {theme}\n  language: cs",
        "plugins:\n"
        + (I18N if i18n == "first" else "")
        + plugins
        + (I18N if i18n == "last" else ""),
        "markdown_extensions:\n" + "".join(f"  - {name}\n" for name in extensions),
    ]
    if i18n == "none":
        config.insert(1, "docs_dir: docs/cs")
    (root / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    pages = pages or {"cs/index.md": f"# Úvod\n\n{CZECH}", "en/index.md": f"# Home\n\n{ENGLISH}"}
    for path, text in {**{f"docs/{p}": t for p, t in pages.items()}, **(files or {})}.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [MKDOCS, "build"], cwd=root, env=env, capture_output=True, text=True, timeout=300
    )


def built(root: Path) -> Path:
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


def article_text(page: Path) -> str:
    return "".join(parse(page).find(".//article").itertext())


def one_line_error(root: Path, *needles: str) -> str:
    """The build fails with one line that says all of `needles`, and no traceback."""
    result = mkdocs_build(root)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if all(n in line for n in needles)]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_typography_alone_on_a_czech_site(tmp_path: Path):
    site = built(foreign_site(tmp_path / "site", extensions=("prirucka_typography",), i18n="none"))
    text = article_text(site / "index.html")
    assert "v\u00a0rámci" in text and "„uvozovky“" in text and "\u00a0– pomlčka" in text


def test_typography_alone_follows_each_language_of_an_i18n_site(tmp_path: Path):
    site = built(foreign_site(tmp_path / "site", extensions=("prirucka_typography",)))
    assert "v\u00a0rámci" in article_text(site / "index.html")
    english = article_text(site / "en" / "index.html")
    assert "“quotes”" in english and " – a dash" in english


def test_admonitions_alone_keep_a_czech_page_czech_under_english_urls(tmp_path: Path):
    pages = {
        "cs/index.md": "# Úvod\n",
        "en/index.md": "# Home\n",
        "cs/jen-cesky.md": "# Jen česky\n\n!!! note\n    Text v rámci webu.\n",
    }
    extensions = ("admonition", "prirucka_admonitions", "prirucka_typography")
    site = built(foreign_site(tmp_path / "site", extensions=extensions, pages=pages))
    for page in (site / "jen-cesky" / "index.html", site / "en" / "jen-cesky" / "index.html"):
        title = parse(page).find(".//*[@class='admonition-title']")
        assert title.text == "Poznámka"  # not "Note": the text is Czech
        assert "v\u00a0rámci" in article_text(page)


def test_glossary_alone_finds_handbook_glossary(tmp_path: Path):
    pages = {
        "cs/index.md": "# Úvod\n\nObraťte se na OSPOD.\n",
        "en/index.md": "# Home\n\nContact OSPOD.\n",
    }
    root = foreign_site(
        tmp_path / "site",
        extensions=("prirucka_glossary",),
        pages=pages,
        files={"handbook/glossary.yml": GLOSSARY},
    )
    site = built(root)
    for page, title, written_out in (
        (site / "index.html", "orgán sociálně-právní ochrany dětí: Úřad", "orgán sociálně"),
        (
            site / "en" / "index.html",
            "child protection authority: The authority",
            "child protection",
        ),
    ):
        abbr = parse(page).find(".//article//abbr")
        assert abbr.text == "OSPOD" and abbr.get("title").startswith(title)
        assert f"OSPOD ({written_out}" in article_text(page)


def test_blocks_alone_title_in_the_page_language(tmp_path: Path):
    block = "/// say\nJsi v bezpečí.\n///\n"
    pages = {"cs/index.md": f"# Úvod\n\n{block}", "en/index.md": f"# Home\n\n{block}"}
    root = foreign_site(tmp_path / "site", extensions=("prirucka_blocks",), pages=pages)
    site = built(root)
    for page, title in (
        (site / "index.html", "Co říct"),
        (site / "en" / "index.html", "What to say"),
    ):
        kind = parse(page).find(".//*[@class='prirucka-block__kind']")
        assert kind.text == title


def test_print_alone_makes_the_pdfs_in_both_languages(tmp_path: Path):
    manifest = (
        "title: {cs: Leták, en: Leaflet}\nkind: leaflet\nformat: A5\n"
        "pages: [letak/index.md]\npublisher: Organizace Příklad, z. s.\nlicense: CC-BY-4.0\n"
    )
    pages = {
        "cs/index.md": "# Úvod\n",
        "en/index.md": "# Home\n",
        "cs/letak/index.md": "# Leták\n\nČeský text letáku.\n",
        "en/letak/index.md": "# Leaflet\n\nThe leaflet's English text.\n",
    }
    root = foreign_site(
        tmp_path / "site",
        plugins="  - prirucka-print\n",
        pages=pages,
        files={"handbook/letak.yml": manifest},
    )
    site = built(root)
    for lang, text in (("cs", "Český text letáku."), ("en", "The leaflet's English text.")):
        pdf = pypdf.PdfReader(site / "pdf" / f"letak.{lang}.pdf")
        assert pdf.trailer["/Root"]["/Lang"] == lang
        assert text in " ".join(page.extract_text() for page in pdf.pages).replace("\xa0", " ")


def test_search_alone_indexes_both_languages(tmp_path: Path):
    site = built(foreign_site(tmp_path / "site", plugins="  - prirucka-search\n"))
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"cs", "en"}
    article = parse(site / "en" / "index.html").find(".//article")
    assert "data-pagefind-body" in article.attrib


def test_catalogue_without_documents_names_what_to_add(tmp_path: Path):
    root = foreign_site(tmp_path / "site", plugins="  - prirucka-catalogue\n")
    line = one_line_error(root, "prirucka-catalogue needs prirucka-documents")
    assert "mkdocs.yml:16:" in line  # where prirucka-catalogue is listed
    assert "add `- prirucka-documents` before it under `plugins:` in mkdocs.yml" in line


def test_blocks_plugin_without_its_extension_names_it(tmp_path: Path):
    root = foreign_site(tmp_path / "site", plugins="  - prirucka-blocks\n")
    line = one_line_error(root, "prirucka-blocks needs the Markdown extension prirucka_blocks")
    assert "add `- prirucka_blocks` under `markdown_extensions:`" in line


@pytest.mark.parametrize("plugin", ["prirucka-search", "prirucka-theme", "prirucka-languages"])
def test_plugins_built_on_material_say_so_on_another_theme(tmp_path: Path, plugin: str):
    root = foreign_site(tmp_path / "site", plugins=f"  - {plugin}\n", theme="mkdocs")
    line = one_line_error(root, f"{plugin} needs the Material theme")
    assert "set `name: material` under `theme:`" in line


def test_the_order_of_plugins_does_not_change_the_site(tmp_path: Path, font_cache: Path):
    """Event priorities, not the list in mkdocs.yml, order the plugins' work: the kb
    fixture built with its plugins listed in reverse gives the same pages."""
    import re

    def built(name: str, reverse: bool) -> dict[str, str]:
        project = make_project(tmp_path / name, "kb")
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        if reverse:
            head, rest = text.split("plugins:\n", 1)
            block, tail = rest.split("markdown_extensions:", 1)
            entries = re.split(r"\n(?=  - )", block.rstrip("\n"))
            text = (
                head + "plugins:\n" + "\n".join(reversed(entries)) + "\nmarkdown_extensions:" + tail
            )
            config.write_text(text, encoding="utf-8")
        result = run_prirucka("build", "--no-pdf", cwd=project, cache=font_cache)
        assert result.returncode == 0, result.stderr
        site = project / "site"
        return {
            str(path.relative_to(site)): path.read_text(encoding="utf-8")
            for path in sorted(site.rglob("*.html"))
        }

    normal, reversed_ = built("normal", False), built("reversed", True)
    assert normal.keys() == reversed_.keys()
    assert [page for page in normal if normal[page] != reversed_[page]] == []


def test_the_readme_table_is_the_declared_requirements():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert requirements.markdown_table() in readme
    for name in requirements.PLUGINS:
        assert name in (REPO / "pyproject.toml").read_text()
