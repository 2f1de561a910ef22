"""Reading the files editors write: inside the project, UTF-8, no NUL bytes.

Every text file Příručka reads (pages, data files) goes through `read_text`:

- a path that resolves outside the project (a symbolic link to /etc/hostname
  or /proc/self/environ, a page linked in from elsewhere) is refused, so
  nothing of the build machine can be read or published;
- a file that is not UTF-8 is refused with the encoding it looks like (Czech
  editors often save Windows-1250) and how to convert it;
- NUL bytes, which no text needs and which end up in the HTML, are refused
  with their line.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import AuthorError

_CZECH = set("ěščřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚŤĎŇ")
# Letters that a wrong single-byte guess produces in Czech text.
_FOREIGN = set("ąľşźĄĽŞŹŕĺ˘˙ˇ´¨¸ł")
_CONVERT = (
    "save it as UTF-8 (in your editor: Save as… → Encoding: UTF-8), "
    "or convert it: iconv -f {iconv} -t UTF-8 {name} > {name}.utf8 and rename"
)


def outside(path: Path, root: Path) -> bool:
    """True when `path`, with every symbolic link followed, is not inside `root`."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        return True


def refuse_outside(path: Path, root: Path) -> None:
    if outside(path, root):
        try:
            target = str(path.resolve())
        except (OSError, RuntimeError):
            target = "a loop of links"
        raise AuthorError(
            path,
            None,
            f"is a link to {target}, outside the project; nothing outside it is read or "
            "published: copy the file into the project instead of linking to it",
        )


def guess_encoding(data: bytes) -> tuple[str, str]:
    """(name for people, name for iconv) of the encoding `data` looks like."""
    scores = {}
    for codec in ("cp1250", "iso-8859-2"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scores[codec] = sum(c in _CZECH for c in text) - 3 * sum(c in _FOREIGN for c in text)
    if scores and max(scores.values()) > 0:
        best = max(scores, key=lambda codec: (scores[codec], codec == "cp1250"))
        return (
            ("Windows-1250 (Czech Windows)", "CP1250")
            if best == "cp1250"
            else ("ISO 8859-2", "ISO-8859-2")
        )
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        return "not text (binary data)", "?"
    name = match.encoding.replace("_", "-")
    return name, name.upper()


def decode(data: bytes, path: Path, nul_allowed: bool = False) -> str:
    """`data` as text; AuthorError naming the line of a NUL byte or the encoding it looks like.

    With `nul_allowed` (pages: the HTML check reports NUL bytes at their line, among the
    page's other problems, and removes them from what is published) they are kept."""
    if b"\x00" in data and not (nul_allowed and data.count(b"\x00") <= len(data) // 4):
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        if data.count(b"\x00") > len(data) // 4:
            raise AuthorError(path, line, "is UTF-16 or binary, not UTF-8 text; save it as UTF-8")
        raise AuthorError(
            path, line, "contains a NUL byte (an invisible control character); delete it"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        name, iconv = guess_encoding(data)
        how = _CONVERT.format(iconv=iconv, name=path.name)
        raise AuthorError(path, line, f"is not UTF-8; it looks like {name}: {how}") from None


def read_text(path: Path, root: Path | None = None) -> str:
    """The text of `path` (which must lie inside `root`, when given)."""
    if root is not None:
        refuse_outside(path, root)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AuthorError(path, None, "no such file") from None
    except IsADirectoryError:
        raise AuthorError(path, None, "is a folder, not a file") from None
    except OSError as error:
        raise AuthorError(path, None, f"cannot be read ({error.strerror or error})") from None
    return decode(data, path)


# Spaces and letters outside ASCII (which macOS and Windows also write differently).
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._/+@-]")


def slug_problem(relative: str) -> str | None:
    """Why a page or asset file name makes a poor URL, with the name to use; None when fine."""
    if not _UNSAFE_NAME.search(relative):
        return None
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", relative).encode("ascii", "ignore").decode()
    suggestion = re.sub(r"[^a-z0-9._/-]+", "-", ascii_name.lower()).strip("-")
    suggestion = re.sub(r"-+", "-", suggestion).replace("-/", "/").replace("/-", "/")
    what = "spaces" if " " in relative else "letters outside ASCII"
    return (
        f"the file name has {what}, which make awkward web addresses; rename it to `{suggestion}`"
    )


def write_text(path: Path, text: str) -> None:
    """Write an editor's file atomically (a temporary file, then rename), keeping its
    permissions: a command killed midway never leaves half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.prirucka-tmp")
    try:
        tmp.write_bytes(text.encode("utf-8"))
        if path.exists():
            import shutil

            shutil.copymode(path, tmp)
        tmp.replace(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise AuthorError(path, None, f"cannot be written ({error.strerror or error})") from None
