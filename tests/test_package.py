"""Příručka as a real package: the wheel built from the sdist installs into a fresh venv
and works there on its own, `prirucka init` and `prirucka build` included."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pypdf
import pytest
from conftest import REPO, parse
from venvs import clean_env, fresh_venv

PACKAGE = REPO / "plugins" / "prirucka"
VERSION = "0.2.0.dev0"


def _data_files() -> set[str]:
    """Every file of the package that is not Python source, as `prirucka/...`."""
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".py", ".pyc")
    }


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """`python -m build` on a copy of the sources: the sdist, and the wheel built from it."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(
        REPO / "plugins",
        source / "plugins",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    out = tmp_path_factory.mktemp("dist")
    # No isolation: the build backend comes from the test extra, not the network.
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> tuple[Path, Path]:
    """A fresh venv with only the wheel installed (dependencies seen from this venv)."""
    root = tmp_path_factory.mktemp("venv")
    python = fresh_venv(root / "venv")
    wheel = next(dist.glob("*.whl"))
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return root, python


@pytest.fixture(scope="module")
def knowledge_base(installed) -> tuple[Path, subprocess.CompletedProcess]:
    """`prirucka init kb`, then `prirucka build` in it, both from the installed wheel."""
    root, python = installed
    prirucka = str(python.with_name("prirucka"))
    init = subprocess.run(
        [prirucka, "init", "kb"], cwd=root, env=clean_env(), capture_output=True, text=True
    )
    assert init.returncode == 0, init.stderr
    build = subprocess.run(
        [prirucka, "build"],
        cwd=root / "kb",
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    return root / "kb", build


def test_build_makes_an_sdist_and_a_wheel_of_this_version(dist: Path):
    names = sorted(path.name for path in dist.iterdir())
    assert names == [f"prirucka-{VERSION}-py3-none-any.whl", f"prirucka-{VERSION}.tar.gz"]


def test_every_data_file_is_in_the_wheel_and_the_sdist(dist: Path):
    expected = _data_files()
    # The print theme, its fonts and web subsets, core data and the init skeleton at least.
    for folder in ("theme/fonts/", "theme/webfonts/", "theme/templates/", "core/data/", "init/"):
        assert any(name.startswith(f"prirucka/{folder}") for name in expected), folder
    wheel = zipfile.ZipFile(next(dist.glob("*.whl"))).namelist()
    assert expected <= set(wheel), sorted(expected - set(wheel))
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        inside = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    in_sdist = {name.removeprefix("plugins/") for name in inside if name.startswith("plugins/")}
    assert expected <= in_sdist, sorted(expected - in_sdist)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed):
    root, python = installed
    result = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m, prirucka; print(prirucka.__file__); "
            "print(m.version('prirucka'))",
        ],
        env=clean_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    location, version = result.stdout.split()
    assert Path(location).is_relative_to(root / "venv"), location
    assert version == VERSION


def test_init_and_build_with_the_installed_wheel(knowledge_base):
    kb, build = knowledge_base
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr and "Traceback" not in build.stderr, build.stderr
    assert parse(kb / "site" / "index.html").get("lang") == "cs"
    assert parse(kb / "site" / "en" / "index.html").get("lang") == "en"
    manifests = [p for p in (kb / "handbook").glob("*.yml") if p.stem not in ("glossary", "tags")]
    assert len(manifests) == 1
    titles = {"cs": "Ukázková příručka", "en": "Sample handbook"}
    for lang, title in titles.items():
        reader = pypdf.PdfReader(kb / "site" / "pdf" / f"{manifests[0].stem}.{lang}.pdf")
        assert reader.trailer["/Root"]["/Lang"] == lang
        assert reader.metadata.title == title
        assert title in reader.pages[0].extract_text()  # the cover
        assert len(reader.pages) % 4 == 0  # an A5 booklet, saddle-stitched
