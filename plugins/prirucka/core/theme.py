"""The print theme: the package's defaults, overridden file by file by a project.

The package ships a complete theme in `prirucka/theme/` (the Jinja2 print
template, print CSS, one stylesheet per format, the OFL fonts and their ready
web subsets). A project's `handbook/theme/` holds only what it changes, at the
same relative path: `handbook/theme/print.css` replaces the package's
print.css, `handbook/theme/templates/publication.html` its template,
`handbook/theme/fonts/` adds or replaces font files by name. It works like
Material's `custom_dir`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_THEME = Path(__file__).resolve().parent.parent / "theme"
FONT_SUFFIXES = (".ttf", ".otf")


@dataclass(frozen=True)
class Theme:
    # Most specific first: the project's handbook/theme (if any), then the package's.
    dirs: tuple[Path, ...]

    @classmethod
    def of(cls, handbook_dir: Path) -> Theme:
        own = handbook_dir / "theme"
        return cls((own, PACKAGE_THEME) if own.is_dir() else (PACKAGE_THEME,))

    def find(self, relative: str) -> Path:
        """The file at `relative` in the first folder that has it (the package's path if none)."""
        for folder in self.dirs:
            candidate = folder / relative
            if candidate.is_file():
                return candidate
        return PACKAGE_THEME / relative

    def files(self) -> list[Path]:
        """Every file of the effective theme (overrides win), sorted by relative path."""
        chosen: dict[str, Path] = {}
        for folder in reversed(self.dirs):
            if folder.is_dir():
                for path in folder.rglob("*"):
                    if path.is_file() and not path.name.startswith("."):
                        chosen[path.relative_to(folder).as_posix()] = path
        return [chosen[key] for key in sorted(chosen)]

    def template_dirs(self) -> list[Path]:
        return [folder / "templates" for folder in self.dirs if (folder / "templates").is_dir()]

    def fonts(self) -> list[Path]:
        """The font files (TTF/OTF) print and the web use, by file name."""
        return [
            path
            for path in self.files()
            if path.parent.name == "fonts" and path.suffix.lower() in FONT_SUFFIXES
        ]
