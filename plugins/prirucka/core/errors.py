"""Errors meant for authors: always `path:line: message`, never a traceback."""

from __future__ import annotations

from pathlib import Path


class AuthorError(Exception):
    """Something an editor wrote is wrong; the message says where and what to do."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = _shown(Path(path))
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __reduce__(self):
        # The build context (and its errors) travels to the PDF workers pickled.
        return (_restored, (type(self), self.path, self.line, self.message))


def _restored(kind: type, path: str, line: int | None, message: str) -> AuthorError:
    error = kind.__new__(kind)
    error.path, error.line, error.message = path, line, message
    Exception.__init__(error, str(error))
    return error


def _shown(path: Path) -> str:
    """The path as an editor would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def did_you_mean(name: object, known, otherwise: str) -> str:
    """'; did you mean `x`?' for a near miss among `known`, else '; ' + `otherwise`."""
    import difflib

    close = difflib.get_close_matches(str(name), list(known), n=1)
    return f"; did you mean `{close[0]}`?" if close else f"; {otherwise}"
