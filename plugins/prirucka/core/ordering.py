"""Order and title of navigation entries from the pages' own front matter."""

from __future__ import annotations

from pathlib import Path

from . import frontmatter
from .errors import AuthorError
from .frontmatter import Document


def page_order(doc: Document) -> float:
    """`order:` from front matter (a whole number); pages without it go last."""
    value = doc.meta.get("order")
    if value is None:
        return float("inf")
    if isinstance(value, bool) or not isinstance(value, int):
        raise AuthorError(
            doc.path,
            doc.key_line("order"),
            f"`order` must be a whole number (1, 2, 3…), not {value!r}",
        )
    return value


def page_title(doc: Document) -> str | None:
    """`title:` from front matter, if the author set one."""
    title = doc.meta.get("title")
    if title is None:
        return None
    if not isinstance(title, str) or not title.strip():
        raise AuthorError(doc.path, doc.key_line("title"), "`title` must be non-empty text")
    return title.strip()


def _entry_order(folder: Path, name: str) -> float:
    """`order` of a page file, or of a subfolder's index.md."""
    path = folder / name
    if path.is_dir():
        path = path / "index.md"
    if not path.is_file():
        return float("inf")
    return page_order(frontmatter.read(path))


def folder_pages(roots: list[Path], folder: str) -> list[str]:
    """Pages under `folder` in navigation order, as paths relative to a language root.

    `roots` are the language folders, the reader's first: a page that exists in
    any of them is listed (so a missing translation is not silently dropped);
    its order comes from the first root that has it. index.md leads its folder,
    then pages and subfolders by `order`, then by name, as in the site's navigation.
    """
    names: set[str] = set()
    for root in roots:
        directory = root / folder
        if directory.is_dir():
            names.update(
                p.name
                for p in directory.iterdir()
                if (p.is_dir() or p.suffix == ".md") and not p.name.startswith(".")
            )

    def key(name: str) -> tuple[float, float, str]:
        if name == "index.md":
            return (float("-inf"), 0, name)
        for root in roots:
            if (root / folder / name).exists():
                return (_entry_order(root / folder, name), 0, name)
        return (float("inf"), 0, name)

    pages: list[str] = []
    for name in sorted(names, key=key):
        relative = f"{folder.rstrip('/')}/{name}" if folder.strip("/") else name
        if any((root / relative).is_dir() for root in roots):
            pages.extend(folder_pages(roots, relative + "/"))
        else:
            pages.append(relative)
    return pages
