"""`prirucka doctor`, and a build on a computer without HarfBuzz-Subset."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, PRIRUCKA, REPO, run_prirucka
from venvs import clean_env, fresh_venv

# On PYTHONPATH, this folder makes WeasyPrint find no HarfBuzz-Subset library.
WITHOUT_HARFBUZZ_SUBSET = str(FIXTURES / "no-harfbuzz-subset")


def _doctor(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PRIRUCKA, "doctor"], env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )


def _state(output: str, name: str) -> str:
    """The state word of check `name` in the doctor's output."""
    line = next(line for line in output.splitlines() if f" {name}: " in line)
    return line.split()[0]


def test_everything_needed_is_here():
    result = _doctor()
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("Python", "Pango", "WeasyPrint PDF", "Pagefind"):
        assert _state(result.stdout, name) == "ok", result.stdout
    assert "Fonts (fontconfig)" in result.stdout and "chromium" in result.stdout


def test_missing_harfbuzz_subset_says_what_to_install_and_still_passes():
    result = _doctor(PYTHONPATH=WITHOUT_HARFBUZZ_SUBSET)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _state(result.stdout, "HarfBuzz-Subset") == "missing"
    for command in (
        "Debian/Ubuntu:  sudo apt install libharfbuzz-subset0",
        "macOS:          brew install harfbuzz",
        "Windows:        install MSYS2",
    ):
        assert command in result.stdout, result.stdout
    assert "Everything `prirucka build` needs is here" in result.stdout


def test_missing_pagefind_fails_with_what_to_install(tmp_path: Path):
    python = fresh_venv(tmp_path / "venv", exclude=("pagefind",))
    result = subprocess.run(
        [str(python), "-c", "from prirucka.cli import main; main()", "doctor"],
        env=clean_env(PYTHONPATH=str(REPO / "plugins"), PATH="/usr/bin:/bin"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert _state(result.stdout, "Pagefind") == "MISSING"
    assert 'pip install "pagefind[bin]>=1.5,<2"' in result.stdout
    assert "`prirucka build` cannot run here: install Pagefind" in result.stdout


@pytest.fixture(scope="module")
def built_without_harfbuzz_subset(tmp_path_factory) -> subprocess.CompletedProcess:
    root = tmp_path_factory.mktemp("no-harfbuzz")
    assert run_prirucka("init", "kb", cwd=root).returncode == 0
    env = {**os.environ, "PYTHONPATH": WITHOUT_HARFBUZZ_SUBSET}
    return subprocess.run(
        [PRIRUCKA, "build", "--strict"],
        cwd=root / "kb",
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_build_without_harfbuzz_subset_says_so_once_and_succeeds(built_without_harfbuzz_subset):
    result = built_without_harfbuzz_subset
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    notes = [line for line in result.stderr.splitlines() if "HarfBuzz-Subset" in line]
    assert len(notes) == 1, result.stderr
    assert "libharfbuzz-subset0" in notes[0] and "prirucka doctor" in notes[0]
    assert notes[0].startswith("INFO")
