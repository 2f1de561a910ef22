"""Where our plugins' template folders go in the theme's search path."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def place_templates(config: MkDocsConfig, folder: Path) -> None:
    """`folder` after the project's custom_dir, before the theme's own templates.

    Safe to call on every language pass: the folder is moved, never added twice.
    """
    dirs = config.theme.dirs
    ours = str(folder)
    if ours in dirs:
        dirs.remove(ours)
    theme_dir = next(
        (
            i
            for i, d in enumerate(dirs)
            if Path(d, "main.html").exists() and Path(d, "base.html").exists()
        ),
        len(dirs),
    )
    dirs.insert(theme_dir, ours)
