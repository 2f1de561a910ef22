"""The layers of DESIGN.md hold: core/ imports nothing else of ours, markdown/ and print/
only core/, and only mkdocs/ and the CLI import MkDocs (import-linter, configured in
pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO

LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def test_the_package_keeps_its_layers():
    result = subprocess.run([LINT_IMPORTS], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_broken_layer_is_caught(tmp_path: Path):
    """The same contracts on a copy of the package where core/ imports print/ and MkDocs."""
    import shutil

    package = tmp_path / "prirucka"
    shutil.copytree(REPO / "plugins" / "prirucka", package, ignore=shutil.ignore_patterns("theme"))
    leak = package / "core" / "leak.py"
    leak.write_text("from ..print import pipeline  # noqa\nimport mkdocs  # noqa\n")
    shutil.copyfile(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    result = subprocess.run(
        [LINT_IMPORTS],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "core imports nothing else of ours BROKEN" in result.stdout
    assert "only mkdocs/ and the CLI import MkDocs BROKEN" in result.stdout
