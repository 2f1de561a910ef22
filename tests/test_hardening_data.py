"""Manifests and data files (glossary, tags, funders, helplines): wrong types, duplicate
keys, impossible dates and YAML bombs are findings with path:line, checked by `check`
exactly as the build and `pdf` check them; never a traceback (issue 11)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import make_project, run_prirucka

BOMB = "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9) if n else ', '.join(['lol'] * 9)}]\n"
    for n in range(9)
)
MANIFEST = (Path(__file__).parent / "fixtures" / "tiny" / "handbook" / "mala.yml").read_text(
    encoding="utf-8"
)
# handbook/<file> -> (content, line, message)
MANIFESTS = {
    "funders-cislo.yml": (MANIFEST + "funders: 5\n", 14, "`funders` is a list of ids"),
    "datum.yml": (
        MANIFEST.replace("date: 2025-09-15", "date: 2025-13-45"),
        12,
        "`2025-13-45` is not a date that exists",
    ),
    "dvakrat.yml": (MANIFEST + "kind: manual\n", 14, "`kind` is written twice"),
    "bomba.yml": (BOMB, 1, "(a YAML anchor)"),
    "neznamy.yml": (MANIFEST + "funders: eea\n", 14, "unknown funder `eea`"),
}


@pytest.fixture(scope="module")
def manifests(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("manifests") / "project", "tiny")
    for name, (content, _, _) in MANIFESTS.items():
        (project / "handbook" / name).write_text(content, encoding="utf-8")
    (project / "handbook" / "druhy.yaml").write_text(MANIFEST, encoding="utf-8")
    return project


def _findings(project: Path, *paths: str) -> dict[tuple[str, int], str]:
    result = run_prirucka("check", "--format", "json", *paths, cwd=project)
    assert "Traceback" not in result.stderr, result.stderr
    return {(f["path"], f["line"]): f["message"] for f in json.loads(result.stdout)["findings"]}


def test_check_validates_every_manifest(manifests: Path):
    found = _findings(manifests)
    for name, (_, line, message) in MANIFESTS.items():
        key = (f"handbook/{name}", line)
        assert key in found and message in found[key], (key, found.get(key))
    assert "rename it to `druhy.yml`" in found[("handbook/druhy.yaml", 1)]


def test_pdf_reports_the_same_and_renders_the_good_one(manifests: Path):
    result = run_prirucka("pdf", "--lang", "cs", cwd=manifests)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name, (_, line, _message) in MANIFESTS.items():
        assert f"handbook/{name}:{line}: " in result.stderr, name
    assert (manifests / "site" / "pdf" / "mala.cs.pdf").is_file()


def test_a_yaml_bomb_is_refused_at_once(tmp_path: Path):
    project = make_project(tmp_path / "project", "tiny")
    for name in ("glossary.yml", "tags.yml", "funders.yml", "helplines.yml"):
        (project / "handbook" / name).write_text(BOMB, encoding="utf-8")
    started = time.perf_counter()
    found = _findings(project)
    assert time.perf_counter() - started < 60  # not gigabytes and minutes
    for name in ("glossary.yml", "tags.yml", "funders.yml", "helplines.yml"):
        assert "(a YAML anchor)" in found[(f"handbook/{name}", 1)], name


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        ("tags.yml", "- id: 2025\n  cs: rok\n  en: year\n", 1, "in quotes if it is a number"),
        ("funders.yml", "eea:\n  name: {cs: A, en: A}\n  logo: 5\n", 3, "`logo`"),
        (
            "glossary.yml",
            "- id: x\n  cs: {term: x, definition: y}\n  en: {term: x, definition: y}\n  id: z\n",
            4,
            "`id` is written twice",
        ),
        ("helplines.yml", "- id: a\n  number: 5\n", 2, ""),
    ],
)
def test_data_files_with_wrong_values(tmp_path: Path, name, content, line, message):
    project = make_project(tmp_path / "project", "tiny")
    (project / "handbook" / name).write_text(content, encoding="utf-8")
    found = _findings(project, "docs/cs/index.md")  # data files count for every page's check
    key = (f"handbook/{name}", line)
    assert key in found and message in found[key], (key, found)
    build = run_prirucka("build", "--no-pdf", cwd=project)
    assert "Traceback" not in build.stderr


def test_keywords_as_text_are_one_keyword(tmp_path: Path):
    import pypdf

    project = make_project(tmp_path / "project", "tiny")
    manifest = project / "handbook" / "mala.yml"
    manifest.write_text(MANIFEST + "keywords: {cs: ochrana dětí, en: child protection}\n")
    result = run_prirucka("pdf", "mala", cwd=project)
    assert result.returncode == 0, result.stderr
    keywords = pypdf.PdfReader(project / "site" / "pdf" / "mala.cs.pdf").metadata["/Keywords"]
    assert "ochrana dětí" in keywords and "o, c, h" not in keywords
