"""Shared fixtures: real mini projects copied into tmp_path and built with `prirucka`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tinyhtml5

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
PRIRUCKA = str(Path(sys.executable).with_name("prirucka"))


def make_project(dest: Path, fixture: str = "mini") -> Path:
    """Copy a fixture project to `dest` (the print theme and fonts come from the package)."""
    shutil.copytree(FIXTURES / fixture, dest)
    return dest


def run_prirucka(
    *args: str, cwd: Path, cache: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env or {})}
    if cache is not None:
        env["PRIRUCKA_TEST_CACHE"] = str(cache)
    return subprocess.run(
        [PRIRUCKA, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def parse(path: Path):
    """A built HTML file as an ElementTree (tags without namespace)."""
    return tinyhtml5.parse(path.read_text(encoding="utf-8"), namespace_html_elements=False)


@pytest.fixture(scope="session")
def font_cache(tmp_path_factory) -> Path:
    """One web-font cache for every build in the session (subsetting is the slow part)."""
    return tmp_path_factory.mktemp("font-cache")


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory, font_cache) -> Path:
    """The mini project, built once: `prirucka build` must succeed."""
    project = make_project(tmp_path_factory.mktemp("mini") / "project")
    result = run_prirucka("build", cwd=project, cache=font_cache)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def mini_site(mini_project) -> Path:
    return mini_project / "site"


@pytest.fixture(scope="session")
def print_project(tmp_path_factory, font_cache) -> tuple[Path, subprocess.CompletedProcess]:
    """The print fixture, built once with PDFs: `prirucka build` must succeed."""
    project = make_project(tmp_path_factory.mktemp("print") / "project", "print")
    result = run_prirucka("build", cwd=project, cache=font_cache)
    assert result.returncode == 0, result.stderr
    return project, result


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory, font_cache) -> tuple[Path, subprocess.CompletedProcess]:
    """The repository's own content, built once with `prirucka build --strict` and its PDFs."""
    project = tmp_path_factory.mktemp("sample") / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project)
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "handbook", project / "handbook")
    # Share the session's web-font cache with this build.
    cache = project / ".cache" / "prirucka"
    cache.parent.mkdir(parents=True)
    cache.symlink_to(font_cache, target_is_directory=True)
    return project, run_prirucka("build", "--strict", cwd=project)


@pytest.fixture(scope="session")
def sample_pdfs(sample_project) -> dict[str, Path]:
    """The repository's own publications, from the one strict build of the sample: name -> PDF."""
    project, result = sample_project
    assert result.returncode == 0, result.stdout + result.stderr
    return {path.name: path for path in sorted((project / "site" / "pdf").glob("*.pdf"))}
