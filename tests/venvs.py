"""Fresh virtual environments without network: Příručka's dependencies come from this venv.

Installing every dependency from the network on each run is slow, so a fresh
venv (no pip) sees this venv's third-party packages through a `.pth` file
listing a folder of links to them. The links leave out Příručka itself, the
editable install's path file and anything named in `exclude`, so that what a
test imports as `prirucka` is what it installed (or nothing at all).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

DEV_PACKAGES = Path(sysconfig.get_paths()["purelib"])
# Never linked: Příručka (its dist-info and the editable install's path file) and
# the tools of this venv itself.
ALWAYS_LEFT_OUT = ("prirucka", "__editable__", "_distutils_hack", "pip")


def _left_out(name: str, exclude: tuple[str, ...]) -> bool:
    return name.endswith(".pth") or name.lower().startswith(ALWAYS_LEFT_OUT + exclude)


def fresh_venv(path: Path, exclude: tuple[str, ...] = ()) -> Path:
    """A new venv at `path` that sees this venv's packages (but not Příručka); its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site_packages = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    linked = path / "dev-packages"
    linked.mkdir()
    for entry in DEV_PACKAGES.iterdir():
        if not _left_out(entry.name, exclude):
            (linked / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    (site_packages / "dev-packages.pth").write_text(f"{linked}\n", encoding="utf-8")
    return python


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a command in a fresh venv: no PYTHONPATH, no active venv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env
