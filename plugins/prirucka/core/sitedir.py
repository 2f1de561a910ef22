"""Where a site may be built: never over sources, never over a folder we did not write.

A build empties its site folder first (MkDocs deletes everything in it). A
mistyped `-d handbook` or `-d .` would delete the editors' work, so a site
folder is refused when it is the project folder, holds or lies inside a
folder of sources, or is a non-empty folder that no build of ours wrote (each
build leaves a marker file in its site folder).
"""

from __future__ import annotations

from pathlib import Path

MARKER = ".prirucka-site"
MARKER_TEXT = "This folder is a site built by Příručka; a build may empty and rewrite it.\n"
# Folders and files of a project that hold sources.
SOURCES = ("docs", "handbook", "plugins", "tests", "mkdocs.yml", ".git", "pyproject.toml")


def _inside(path: Path, other: Path) -> bool:
    return path == other or path.is_relative_to(other)


def site_dir_problem(site_dir: Path, root: Path, docs_dir: Path) -> str | None:
    """Why `site_dir` must not be built into (a message for the editor), or None."""
    site = site_dir.resolve()
    root = root.resolve()
    sources = [docs_dir.resolve(), *((root / name).resolve() for name in SOURCES)]
    refuse = (
        f"refusing to build the site into {site}: a build empties that folder first, "
        "and {why}; build into a folder of its own, e.g. `-d site`"
    )
    if _inside(root, site):
        return refuse.format(why="it holds the project's sources (mkdocs.yml, docs/…)")
    for source in sources:
        if source.exists() and (_inside(site, source) or _inside(source, site)):
            return refuse.format(
                why=f"it is, holds or lies inside {source.name}/, which holds sources"
            )
    if site.is_file():
        return f"the site folder {site} is a file; choose another name"
    if site.is_dir() and not (site / MARKER).exists():
        try:
            entries = [entry for entry in site.iterdir()]
        except OSError as error:
            return f"the site folder {site} cannot be read ({error.strerror or error})"
        if entries:
            return refuse.format(
                why="it is not empty and no Příručka build wrote it (there is no "
                f"{MARKER} file in it); empty or delete it yourself if it can go"
            )
    return None


def mark(site_dir: Path) -> str | None:
    """Leave the marker in `site_dir` (creating it); a message when that is not possible."""
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
        (site_dir / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    except OSError as error:
        return f"the site folder {site_dir} cannot be written ({error.strerror or error})"
    return None
