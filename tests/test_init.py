"""`prirucka init`: a new knowledge base that builds and checks clean at once, never overwriting."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import parse, run_prirucka
from prirucka.core.frontmatter import read
from prirucka.core.schema import TYPES


@pytest.fixture(scope="module")
def knowledge_base(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """`prirucka init kb` with options, then `prirucka build` (strict, from mkdocs.yml)."""
    root = tmp_path_factory.mktemp("init")
    made = run_prirucka(
        "init",
        "kb",
        "--site-name",
        "Báze: „Naděje“ #1",
        "--site-url",
        "https://baze.example.org",
        "--org",
        'Spolek "Naděje", z. s.',
        cwd=root,
    )
    assert made.returncode == 0, made.stderr
    assert "Created" in made.stdout and "prirucka build" in made.stdout
    return root / "kb", run_prirucka("build", cwd=root / "kb")


def _pages(kb: Path, lang: str) -> dict[str, dict]:
    folder = kb / "docs" / lang
    return {p.relative_to(folder).as_posix(): read(p).meta for p in sorted(folder.rglob("*.md"))}


def test_the_skeleton(knowledge_base):
    kb, _ = knowledge_base
    for name in ("mkdocs.yml", "README.md", ".gitignore", "handbook/glossary.yml"):
        assert (kb / name).is_file(), name
    assert yaml.safe_load((kb / "handbook" / "glossary.yml").read_text()) == []
    assert yaml.safe_load((kb / "handbook" / "tags.yml").read_text()) == []
    assert "site/" in (kb / ".gitignore").read_text().split()
    manifests = [p for p in (kb / "handbook").glob("*.yml") if p.stem not in ("glossary", "tags")]
    assert len(manifests) == 1
    manifest = yaml.safe_load(manifests[0].read_text())
    assert manifest["publisher"] == 'Spolek "Naděje", z. s.'
    assert manifest["languages"] == ["cs", "en"]


def test_one_page_of_each_document_type_in_both_languages(knowledge_base):
    kb, _ = knowledge_base
    czech, english = _pages(kb, "cs"), _pages(kb, "en")
    assert czech.keys() == english.keys()
    for pages in (czech, english):
        assert {meta["type"] for meta in pages.values()} == set(TYPES)
        assert "index.md" in pages
        for path in pages:  # every section has its index.md
            if "/" in path:
                assert path.rsplit("/", 1)[0] + "/index.md" in pages, path
    # The English pages are recorded as current translations of the Czech ones.
    assert all(meta["translation"]["from"] == "cs" for meta in english.values())
    status = json.loads(run_prirucka("status", "--json", cwd=kb).stdout)
    assert {page["state"] for page in status["pages"]} == {"current"}


def test_options_reach_the_configuration_and_the_pages(knowledge_base):
    kb, _ = knowledge_base
    config = yaml.safe_load((kb / "mkdocs.yml").read_text())
    assert config["site_name"] == "Báze: „Naděje“ #1"
    assert config["site_url"] == "https://baze.example.org/"
    assert config["strict"] is True
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert plugins[0] == "i18n" and "prirucka-print" in plugins
    assert 'Spolek "Naděje", z. s.' in (kb / "docs" / "cs" / "index.md").read_text()
    readme = (kb / "README.md").read_text()
    for number, (czech, english) in enumerate(
        [
            ("Psát", "Write"),
            ("Zkontrolovat", "Check"),
            ("Sestavit", "Build"),
            ("Zveřejnit", "Publish"),
        ],
        start=1,
    ):
        assert f"## {number}. {czech}" in readme and f"## {number}. {english}" in readme
    assert "prirucka check" in readme and "prirucka build" in readme and "site/" in readme


def test_builds_strictly_without_warnings(knowledge_base):
    kb, build = knowledge_base
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr and "Traceback" not in build.stderr, build.stderr
    site = kb / "site"
    home = parse(site / "index.html")
    assert home.get("lang") == "cs"
    assert home.find(".//h1").text == "Báze: „Naděje“ #1"
    assert parse(site / "en" / "index.html").get("lang") == "en"
    for path in _pages(kb, "cs"):
        stem = path.removesuffix(".md").removesuffix("index").rstrip("/")
        for prefix in ("", "en/"):
            assert (site / prefix / stem / "index.html").is_file(), (prefix, stem)
    # Citations name the organisation as publisher, not Příručka's own editorial board.
    cite = parse(site / "en" / "projekty" / "ukazkovy-projekt" / "index.html").find(
        ".//*[@data-prirucka-citation]"
    )
    assert 'Spolek "Naděje", z. s., ' in "".join(cite.itertext())
    pdfs = sorted(p.name for p in (site / "pdf").glob("*.pdf"))
    assert len(pdfs) == 2 and pdfs[0].endswith(".cs.pdf") and pdfs[1].endswith(".en.pdf")


def test_check_reports_nothing(knowledge_base):
    kb, _ = knowledge_base
    result = run_prirucka("check", "--strict", cwd=kb)
    assert result.returncode == 0, result.stdout
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "notes.md").write_text("mine")
    result = run_prirucka("init", "kb", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "kb: is not empty" in result.stderr and "never overwrites" in result.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.md"]
    assert (folder / "notes.md").read_text() == "mine"


def test_refuses_a_file_and_a_bad_address(tmp_path: Path):
    (tmp_path / "kb").write_text("a file")
    result = run_prirucka("init", "kb", cwd=tmp_path)
    assert result.returncode == 1 and "kb: is a file" in result.stderr
    assert (tmp_path / "kb").read_text() == "a file"
    result = run_prirucka("init", "new", "--site-url", "baze.example.org", cwd=tmp_path)
    assert result.returncode == 1 and "--site-url: must be the site's address" in result.stderr
    assert not (tmp_path / "new").exists()
