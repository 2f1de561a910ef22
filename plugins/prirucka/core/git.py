"""What git knows about a file, when the project is a git repository (optional)."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def _git(cwd: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def available(path: Path) -> bool:
    """True when `path` is inside a git work tree and git runs."""
    folder = path if path.is_dir() else path.parent
    return (_git(folder, "rev-parse", "--is-inside-work-tree") or "").strip() == "true"


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # YYYY-MM-DD


def history(path: Path) -> list[Commit]:
    """Commits that changed `path`, newest first (following renames)."""
    out = _git(path.parent, "log", "--follow", "--format=%H %cs", "--", path.name)
    if not out:
        return []
    return [Commit(*line.split(" ", 1)) for line in out.splitlines() if " " in line]


def show(path: Path, commit: str) -> str | None:
    """The file's text at `commit`."""
    top = _git(path.parent, "rev-parse", "--show-toplevel")
    if not top:
        return None
    relative = path.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    return _git(path.parent, "show", f"{commit}:{relative}")


def dirty(path: Path) -> bool:
    """True when the file has uncommitted changes."""
    return bool((_git(path.parent, "status", "--porcelain", "--", path.name) or "").strip())


def last_change(path: Path) -> str:
    """When the file last changed: its last commit's date, or its modification date when it
    has uncommitted changes or git is not there."""
    commits = history(path) if available(path) else []
    if commits and not dirty(path):
        return commits[0].date
    return dt.date.fromtimestamp(path.stat().st_mtime).isoformat()


def last_match(path: Path, matches: Callable[[str], bool]) -> tuple[Commit | None, Commit | None]:
    """The newest commit whose version of `path` satisfies `matches`, and the commit after it
    (the first change since). (None, None) when no version matches."""
    commits = history(path)
    newer: Commit | None = None
    for commit in commits:
        text = show(path, commit.sha)
        if text is not None and matches(text):
            return commit, newer
        newer = commit
    return None, None
