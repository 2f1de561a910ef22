"""`prirucka check` and `prirucka new`: planted problems found once each, clean content stays clean."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, make_project, run_prirucka

PLANTED_CS = """---
type: page
title: Vadná stránka
---

# Vadná stránka

[chybí](neexistuje.md)
[kotva](manual/zasady.md#neni-tu)
[jazyk](../en/index.md)
![](../assets/obrazek.png)
Byla to dobrá případovka.
<script>alert(1)</script>

#### Skok

# Druhý nadpis

Ukázka v kódu se nekontroluje: `<script>` a `[odkaz](nikam.md)`.

Chlapec Honzík, nar. 3. 5. 2015, bydlí v ulici Nádražní 12, tel. 605 123 456.
Rodné číslo 015101/0002.
Věc vede soud pod sp. zn. 12 P 345/2022, výživné chodí na účet 19-2000145399/0800.
Rodina žije v obci 370 01 České Budějovice, napište na jana.novakova@seznam.cz.
"""

PLANTED_EN = """---
type: page
title: Broken page
---

# Broken page

They asked the DSLPC.
<iframe src="https://example.org/"></iframe>
<a href="#" onclick="steal()">click</a>
[run](javascript:alert(1))
Write to jan.novak@seznam.cz or call +420 777 123 456.

[missing](nowhere.md)
[anchor](manual/zasady.md#not-here)
[language](../cs/index.md)
![](../assets/picture.png)

#### Skipped level

# Second title

The boy Honzík, born 3 May 2015, lives at 12 Station Road; birth number 015101/0002.
Court file 12 P 345/2022; account CZ65 0800 0000 1920 0014 5399; 370 01 České Budějovice.
"""

# (path, line, code) of every planted problem: each must be found exactly once.
EXPECTED = {
    ("docs/cs/vadne.md", 8, "link-missing"),
    ("docs/cs/vadne.md", 9, "link-anchor"),
    ("docs/cs/vadne.md", 10, "link-cross-language"),
    ("docs/cs/vadne.md", 11, "image-alt"),
    ("docs/cs/vadne.md", 11, "image-missing"),
    ("docs/cs/vadne.md", 12, "term-variant"),
    ("docs/cs/vadne.md", 13, "html-unsafe"),
    ("docs/cs/vadne.md", 15, "heading-skip"),
    ("docs/cs/vadne.md", 17, "heading-h1"),
    ("docs/en/vadne.md", 8, "term-variant"),
    ("docs/en/vadne.md", 9, "html-unsafe"),
    ("docs/en/vadne.md", 10, "html-unsafe"),
    ("docs/en/vadne.md", 11, "html-unsafe"),
    ("docs/cs/vadne.md", 21, "privacy-child-name"),
    ("docs/cs/vadne.md", 21, "privacy-birth-date"),
    ("docs/cs/vadne.md", 21, "privacy-address"),
    ("docs/cs/vadne.md", 21, "privacy-phone"),
    ("docs/cs/vadne.md", 22, "privacy-birth-number"),
    ("docs/en/vadne.md", 12, "privacy-email"),
    ("docs/en/vadne.md", 12, "privacy-phone"),
    ("docs/cs/vadne.md", 23, "privacy-court-file"),
    ("docs/cs/vadne.md", 23, "privacy-bank-account"),
    ("docs/cs/vadne.md", 24, "privacy-postcode"),
    ("docs/cs/vadne.md", 24, "privacy-email"),
    ("docs/en/vadne.md", 14, "link-missing"),
    ("docs/en/vadne.md", 15, "link-anchor"),
    ("docs/en/vadne.md", 16, "link-cross-language"),
    ("docs/en/vadne.md", 17, "image-alt"),
    ("docs/en/vadne.md", 17, "image-missing"),
    ("docs/en/vadne.md", 19, "heading-skip"),
    ("docs/en/vadne.md", 21, "heading-h1"),
    ("docs/en/vadne.md", 23, "privacy-child-name"),
    ("docs/en/vadne.md", 23, "privacy-birth-date"),
    ("docs/en/vadne.md", 23, "privacy-address"),
    ("docs/en/vadne.md", 23, "privacy-birth-number"),
    ("docs/en/vadne.md", 24, "privacy-court-file"),
    ("docs/en/vadne.md", 24, "privacy-bank-account"),
    ("docs/en/vadne.md", 24, "privacy-postcode"),
    ("docs/en/hlavicka.md", 4, "front-matter"),
    ("docs/cs/hlavicka.md", 3, "front-matter"),
    ("docs/en/manual/zasady.md", 1, "translation-outdated"),
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("check") / "project", "kb")
    shutil.copy(
        FIXTURES / "mini" / "handbook" / "glossary.yml", project / "handbook" / "glossary.yml"
    )
    (project / "docs" / "cs" / "vadne.md").write_text(PLANTED_CS)
    (project / "docs" / "en" / "vadne.md").write_text(PLANTED_EN)
    (project / "docs" / "cs" / "hlavicka.md").write_text(
        "---\ntype: page\ntitel: Překlep\n---\n\n# Hlavička\n"
    )
    (project / "docs" / "en" / "hlavicka.md").write_text(
        "---\ntype: page\ntitle: Header\nsumary: A typo\n---\n\n# Header\n"
    )
    english = project / "docs" / "en" / "manual" / "zasady.md"
    english.write_text(
        english.read_text().replace(
            "order: 1\n", "order: 1\ntranslation:\n  from: cs\n  source_hash: n1:0000000000000000\n"
        )
    )
    return project


def findings(project: Path, *args: str) -> tuple[int, dict]:
    result = run_prirucka("check", "--format", "json", *args, cwd=project)
    return result.returncode, json.loads(result.stdout)


def test_every_planted_problem_found_once_with_its_line(planted):
    code, data = findings(planted)
    assert code == 1  # errors
    found = [(f["path"], f["line"], f["code"]) for f in data["findings"] if f["level"] != "info"]
    assert sorted(found) == sorted(EXPECTED)
    assert data["summary"]["pages"] == 14  # 10 fixture pages and 4 planted


def test_text_output_grouped_by_file_with_summary(planted):
    result = run_prirucka("check", "docs/cs/vadne.md", cwd=planted)
    lines = result.stdout.splitlines()
    assert lines[0] == "docs/cs/vadne.md"
    assert (
        "  docs/cs/vadne.md:8:1: error: link-missing: `neexistuje.md` does not exist in docs/cs/"
        in lines[1]
    )
    assert any(
        "docs/cs/vadne.md:12:15: warning: term-variant: “případovka”" in line for line in lines
    )
    assert lines[-1] == "11 error(s), 7 warning(s), 0 note(s) in 1 file(s); 1 page(s) checked"
    assert result.returncode == 1


def test_github_annotations(planted):
    result = run_prirucka("check", "--format", "github", "docs/en/vadne.md", cwd=planted)
    assert (
        "::error file=docs/en/vadne.md,line=9,col=1,title=html-unsafe::an <iframe> in the page"
        in result.stdout
    )
    assert "::warning file=docs/en/vadne.md,line=8,col=16,title=term-variant::" in result.stdout


def test_warnings_only_pass_unless_strict(planted):
    assert run_prirucka("check", "docs/en/manual/zasady.md", cwd=planted).returncode == 0
    assert (
        run_prirucka("check", "--strict", "docs/en/manual/zasady.md", cwd=planted).returncode == 1
    )


def test_usage_error_exits_2(planted):
    assert run_prirucka("check", "docs/cs/nic.md", cwd=planted).returncode == 2


def test_inline_marker_accepts_a_finding_on_purpose(tmp_path):
    project = make_project(tmp_path / "project", "kb")
    (project / "docs" / "cs" / "ok.md").write_text(
        "---\ntype: page\ntitle: OK\n---\n\n# OK\n\n<!-- prirucka: allow link-missing -->\n[ještě nevznikla](budouci.md)\n"
    )
    code, data = findings(project, "docs/cs/ok.md")
    assert code == 0
    assert [f["code"] for f in data["findings"]] == [
        "translation-missing"
    ]  # only the note that it is Czech only


def test_sample_content_is_clean():
    result = run_prirucka("check", "--format", "json", cwd=REPO)
    data = json.loads(result.stdout)
    problems = [
        f for f in data["findings"] if f["level"] != "info" and f["code"] != "translation-outdated"
    ]
    assert problems == []
    # The one outdated translation is the deliberate sample of the notice.
    outdated = [f["path"] for f in data["findings"] if f["code"] == "translation-outdated"]
    assert outdated == ["docs/en/krizovy-rozhovor/zasady.md"]
    assert result.returncode == 0


def test_new_scaffolds_both_languages_and_never_overwrites(tmp_path):
    project = make_project(tmp_path / "project", "kb")
    result = run_prirucka(
        "new",
        "manual",
        "po-rozhovoru",
        "--section",
        "manual",
        "--title-cs",
        "Po rozhovoru: co dál",
        "--title-en",
        "After the interview",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    czech = (project / "docs" / "cs" / "manual" / "po-rozhovoru.md").read_text()
    assert 'title: "Po rozhovoru: co dál"' in czech
    for heading in (
        "## Účel a pro koho je manuál",
        "## Právní rámec",
        "## Zásady",
        "## Fáze rozhovoru",
        "## Po rozhovoru",
        "## Přílohy",
    ):
        assert heading in czech
    english = (project / "docs" / "en" / "manual" / "po-rozhovoru.md").read_text()
    assert (
        "title: After the interview" in english
        and "translation:\n  from: cs\n  source_hash: n1:" in english
    )
    status = json.loads(run_prirucka("status", "--json", cwd=project).stdout)
    assert {"path": "manual/po-rozhovoru.md", "state": "missing"}.items() <= next(
        p for p in status["pages"] if p["path"] == "manual/po-rozhovoru.md"
    ).items()
    checked = run_prirucka(
        "check", "docs/cs/manual/po-rozhovoru.md", "docs/en/manual/po-rozhovoru.md", cwd=project
    )
    assert checked.returncode == 0, checked.stdout
    again = run_prirucka("new", "manual", "po-rozhovoru", "--section", "manual", cwd=project)
    assert again.returncode == 1 and "never overwrites" in again.stderr
    assert (project / "docs" / "cs" / "manual" / "po-rozhovoru.md").read_text() == czech


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("brochure", "x"),
            "unknown type `brochure`; use one of: page, handbook, manual, leaflet, methodology, project",
        ),
        (("page", "Kam_se"), "`Kam_se` is not a slug"),
        (("page", "ok", "--section", "Špatně"), "section `Špatně` must be folder names"),
    ],
)
def test_new_refuses_bad_input(tmp_path, args, message):
    project = make_project(tmp_path / "project", "kb")
    result = run_prirucka("new", *args, cwd=project)
    assert result.returncode == 1 and message in result.stderr


def test_new_adds_to_an_explicit_nav(tmp_path):
    project = make_project(tmp_path / "project", "kb")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "nav:\n  - index.md\n  - manual/zasady.md\n")
    run_prirucka("new", "page", "nova", "--section", "manual", cwd=project)
    assert config.read_text().endswith(
        "nav:\n  - index.md\n  - manual/zasady.md\n  - manual/nova.md\n"
    )


def test_the_build_reports_link_findings_with_lines(planted, font_cache):
    copy = planted.parent / "build-copy"
    shutil.copytree(planted, copy)
    (copy / "docs" / "cs" / "hlavicka.md").unlink()
    (copy / "docs" / "en" / "hlavicka.md").unlink()
    config = copy / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - prirucka-catalogue\n", "  - prirucka-catalogue\n  - prirucka-checks\n"
        )
    )
    result = run_prirucka("build", "--no-strict", "--no-pdf", cwd=copy, cache=font_cache)
    assert "docs/cs/vadne.md:8:1: error: link-missing" in result.stderr
    assert "docs/en/vadne.md:9:1: error: html-unsafe" in result.stderr


def test_a_finding_repeated_on_many_pages_is_grouped(tmp_path):
    """The text output shows a pattern once ("flagged on 5 pages; first at …"); JSON keeps
    every finding."""
    project = make_project(tmp_path / "project", "tiny")
    for number in range(5):
        (project / "docs" / "cs" / "sekce" / f"kontakt-{number}.md").write_text(
            f"---\ntype: page\ntitle: Kontakt {number}\n---\n\n# Kontakt {number}\n\n"
            "Paní Nováková z vedlejšího domu volala z čísla 604 123 456.\n",
            encoding="utf-8",
        )
    text = run_prirucka("check", cwd=project)
    assert "flagged on 5 pages (5 times); first at docs/cs/sekce/kontakt-0.md:8:" in text.stdout
    assert text.stdout.count("604 123 456") == 1
    report = json.loads(run_prirucka("check", "--format", "json", cwd=project).stdout)
    assert sum(f["code"] == "privacy-phone" for f in report["findings"]) == 5


def test_links_in_long_fences_and_headings_with_links():
    """One fence tracker and one heading id for every check: a ```` fence may show ```,
    and `## See [this](index.md)` has the id `see-this`, as toc gives it."""
    from prirucka.core import links

    markdown = "## See [this](index.md)\n\n[up](#see-this)\n\n````\n```\n[not a link](nowhere.md)\n```\n````\n"
    findings = links.check("p.md", markdown, "cs", "p.md", REPO / "docs", ["cs", "en"])
    assert findings == []
    assert "see-this" in links.anchors(markdown)
