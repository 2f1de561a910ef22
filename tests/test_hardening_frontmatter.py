"""Broken front matter and text files: every problem reported at once, with path:line,
by `check` (valid JSON too), the build and `status`; never a traceback (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_project, run_prirucka

FRONT = "---\ntype: page\ntitle: X\n{extra}---\n\n# X\n\nText.\n"
# path -> (content, expected line, code, part of the message)
BROKEN: dict[str, tuple[str | bytes, int, str, str]] = {
    "docs/cs/tabulator.md": (
        "---\ntype: page\n\ttitle: X\n---\n\n# X\n",
        3,
        "front-matter",
        "a tab character; indent with spaces",
    ),
    "docs/cs/uvozovky.md": (
        '---\ntype: page\ntitle: "X\n---\n\n# X\n',
        4,
        "front-matter",
        "front matter is not valid YAML",
    ),
    "docs/cs/windows.md": (
        "---\ntype: page\ntitle: Příliš žluťoučký kůň\n---\n\n# Úpěl ďábelské ódy\n".encode(
            "cp1250"
        ),
        3,
        "file-unreadable",
        "it looks like Windows-1250 (Czech Windows)",
    ),
    "docs/cs/datum.md": (
        FRONT.format(extra="date: 2025-13-45\n"),
        4,
        "front-matter",
        "`2025-13-45` is not a date that exists",
    ),
    "docs/cs/neuzavreno.md": (
        "---\ntype: page\ntitle: X\n\n# X\n\nText.\n",
        1,
        "front-matter",
        "is never closed; add a line with `---`",
    ),
    "docs/cs/dvakrat.md": (
        FRONT.format(extra="title: Y\n"),
        4,
        "front-matter",
        "`title` is written twice in the same block (first on line 3)",
    ),
    "docs/cs/alias.md": (
        FRONT.format(extra="tags: &t [a]\ndescription: *t\n"),
        4,
        "front-matter",
        "(a YAML anchor)",
    ),
    "docs/en/sekce/stranka.md": (
        "---\ntype: handbook\ntitle: Page\ntranslation: 5\n---\n\n# Page\n",
        4,
        "translation-record",
        "`translation`: must be a block with `from:`",
    ),
    "docs/cs/nahodny.md": (
        "---\ntype: page\ntitle: X\ntranslation: {from: xx, source_hash: n1:0}\n---\n\n# X\n",
        4,
        "translation-record",
        "`from: xx` is not a language of this site",
    ),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory, font_cache) -> Path:
    project = make_project(tmp_path_factory.mktemp("broken") / "project", "tiny")
    for path, (content, *_rest) in BROKEN.items():
        file = project / path
        if isinstance(content, bytes):
            file.write_bytes(content)
        else:
            file.write_text(content, encoding="utf-8")
    # A plain Markdown page needs no front matter at all: it is a page titled by its heading.
    (project / "docs" / "cs" / "prosta.md").write_text("# Prostá stránka\n\nJen text.\n")
    return project


def test_check_reports_every_broken_file_at_its_line(broken: Path):
    result = run_prirucka("check", "--format", "json", cwd=broken)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)  # JSON even for files that cannot be read
    found = {(f["path"], f["line"], f["code"]): f["message"] for f in report["findings"]}
    levels = {(f["path"], f["level"]) for f in report["findings"]}
    for path, (_, line, code, message) in BROKEN.items():
        assert (path, line, code) in found, (path, sorted(k for k in found if k[0] == path))
        assert message in found[(path, line, code)], found[(path, line, code)]
    # (only a note that its translation is missing)
    assert not {("docs/cs/prosta.md", "error"), ("docs/cs/prosta.md", "warning")} & levels


def test_build_stops_with_every_path_and_line(broken: Path, font_cache: Path):
    result = run_prirucka("build", "--no-pdf", cwd=broken, cache=font_cache)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # The files nothing can read stop the build at once, all of them together.
    for path in ("docs/cs/tabulator.md", "docs/cs/windows.md", "docs/cs/neuzavreno.md"):
        line = BROKEN[path][1]
        assert f"{path}:{line}: " in result.stderr, path
    assert not (broken / "site").exists()  # nothing half-built is published


def test_status_names_the_files_it_cannot_read(broken: Path):
    result = run_prirucka("status", cwd=broken)
    assert "Traceback" not in result.stderr
    assert "docs/en/sekce/stranka.md:4: `translation`" in result.stderr
    assert "docs/cs/windows.md:3: is not UTF-8" in result.stderr


def test_pdf_of_a_publication_with_a_broken_page(broken: Path):
    page = broken / "docs" / "cs" / "sekce" / "stranka.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("date: 2025-09-15", "date: 2025-02-30"), encoding="utf-8")
    try:
        result = run_prirucka("pdf", "--lang", "cs", cwd=broken)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/cs/sekce/stranka.md:5: `2025-02-30` is not a date that exists" in result.stderr


def test_a_nul_byte_is_reported_at_its_line_and_never_published(tmp_path, font_cache):
    project = make_project(tmp_path / "project", "tiny")
    (project / "docs" / "cs" / "nul.md").write_bytes(
        b"---\ntype: page\ntitle: N\n---\n\n# N\n\nA\x00B\n"
    )
    check = run_prirucka("check", "--format", "json", cwd=project)
    codes = {(f["path"], f["line"], f["code"]) for f in json.loads(check.stdout)["findings"]}
    assert ("docs/cs/nul.md", 8, "html-unsafe") in codes
    build = run_prirucka("build", "--no-pdf", "--no-strict", cwd=project, cache=font_cache)
    assert build.returncode == 0, build.stderr
    assert "\x00" not in (project / "site" / "nul" / "index.html").read_text(encoding="utf-8")
