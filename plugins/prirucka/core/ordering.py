"""Order and title of navigation entries from the pages' own front matter."""

from __future__ import annotations

from typing import Protocol

from .errors import AuthorError
from .frontmatter import Document


class Sources(Protocol):
    """The pages of each language (the build context, or translation.Folders)."""

    def document(self, lang: str, path: str) -> Document | None: ...

    def paths(self, lang: str) -> set[str]: ...


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


def folder_pages(pages: Sources, languages: list[str], folder: str) -> list[str]:
    """Pages under `folder` in navigation order, as paths relative to a language folder.

    `languages` are the language folders to look in, the reader's first: a page
    that exists in any of them is listed (so a missing translation is not
    silently dropped); its order comes from the first language that has it.
    index.md leads its folder, then pages and subfolders by `order`, then by
    name, as in the site's navigation.
    """
    prefix = folder.strip("/") + "/" if folder.strip("/") else ""
    every = sorted({path for lang in languages for path in pages.paths(lang)})
    below = [path[len(prefix) :] for path in every if path.startswith(prefix)]
    names = sorted({path.split("/", 1)[0] + ("/" if "/" in path else "") for path in below})

    def order(path: str) -> float:
        for lang in languages:
            doc = pages.document(lang, path)
            if doc is not None:
                return page_order(doc)
        return float("inf")

    def key(name: str) -> tuple[float, str]:
        if name == "index.md":
            return (float("-inf"), name)
        target = prefix + (name + "index.md" if name.endswith("/") else name)
        return (order(target), name.rstrip("/"))

    result: list[str] = []
    for name in sorted(names, key=key):
        if name.endswith("/"):
            result.extend(folder_pages(pages, languages, prefix + name))
        else:
            result.append(prefix + name)
    return result
