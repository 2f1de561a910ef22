"""Order and title of navigation entries from the pages' own front matter."""

from __future__ import annotations

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
