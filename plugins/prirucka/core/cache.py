"""Cache entries that prove their own content: a bad entry is never used.

A cache folder can be damaged by anything: a killed build, a full disk, a
hand edit, another program. Each entry is one file holding a header with the
SHA-256 of its data, written atomically (temporary file, then rename). Reading
checks the hash; an entry that is truncated, altered or unreadable is deleted
and reported as missing, so the caller makes it again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger("prirucka.cache")

_MAGIC = b"prirucka-cache-1 "
_HEADER_LENGTH = len(_MAGIC) + 64 + 1  # magic, hex digest, newline


def store(path: Path, data: bytes) -> None:
    """Write `data` as a verified entry at `path` (atomically); a cache that cannot be
    written is only slower, never an error."""
    digest = hashlib.sha256(data).hexdigest().encode()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        try:
            out = open(tmp, "wb")
        except FileNotFoundError:  # the first entry of its folder
            path.parent.mkdir(parents=True, exist_ok=True)
            out = open(tmp, "wb")
        with out:
            out.write(_MAGIC + digest + b"\n")
            out.write(data)
        tmp.replace(path)
    except OSError as error:
        log.info(f"cache not written ({path.name}): {error.strerror or error}")
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


# Entries written beside the caller: hashing and writing release the GIL, so a page's
# entry costs the build almost nothing. `flush()` waits for them.
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prirucka-cache")
_writing: list[Future] = []


def store_later(path: Path, data: bytes) -> None:
    """`store`, done by a background thread; `flush()` before relying on the entry."""
    _writing.append(_writer.submit(store, path, data))


def flush() -> None:
    """Wait until every entry given to `store_later` is written."""
    while _writing:
        _writing.pop().result()


def load(path: Path) -> bytes | None:
    """The data of the entry at `path`, or None when it is missing or not intact."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.info(f"cache entry {path.name} unreadable ({error.strerror or error}); making it again")
        return None
    header, data = raw[:_HEADER_LENGTH], raw[_HEADER_LENGTH:]
    if (
        header.startswith(_MAGIC)
        and header.endswith(b"\n")
        and hashlib.sha256(data).hexdigest().encode() == header[len(_MAGIC) : -1]
    ):
        return data
    log.info(f"cache entry {path.name} is damaged; discarded and made again")
    discard(path)
    return None


@lru_cache(maxsize=1)
def package_digest() -> str:
    """Příručka's own code and data: a change anywhere in the package may change any
    output (the HTML, how WeasyPrint is called, the post-processing), so all of it counts."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def size(path: Path) -> int:
    """The size of an entry's data (without its header)."""
    return max(path.stat().st_size - _HEADER_LENGTH, 0)


def discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


class Shelf:
    """Verified entries named by a hex key, kept in subfolders by its first two characters.

    Which subfolders exist is read once: a key whose subfolder was missing then
    (every key of a fresh build) is a miss without a failed open per page. An
    entry another process writes after that read is only made again, never wrong.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._subfolders: set[str] | None = None

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, key: str) -> bytes | None:
        if key[:2] not in self._known():
            return None
        return load(self.path(key))

    def store(self, key: str, data: bytes) -> None:
        self.expect(key)
        store(self.path(key), data)

    def store_later(self, key: str, data: bytes) -> None:
        self.expect(key)
        store_later(self.path(key), data)

    def discard(self, key: str) -> None:
        discard(self.path(key))

    def expect(self, key: str) -> None:
        """An entry for `key` is being written (here, or by a helper process)."""
        self._known().add(key[:2])

    def _known(self) -> set[str]:
        """The subfolders there were when first asked, and those written to since."""
        if self._subfolders is None:
            try:
                with os.scandir(self.folder) as entries:
                    self._subfolders = {entry.name for entry in entries if entry.is_dir()}
            except OSError:
                self._subfolders = set()
        return self._subfolders


class Memo:
    """Results of a pure function kept between builds: one verified JSON entry per input.

    The key is the package's code, the `salt` (settings every call shares, such
    as a glossary's digest) and the call's own `parts`; a result is reused only
    for exactly the same input, so nothing can go stale.
    """

    def __init__(self, folder: Path, *salt: str) -> None:
        self.shelf = Shelf(folder)
        self.salt = "\0".join([package_digest(), *salt])

    def _key(self, parts: tuple[str, ...]) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def lookup(self, parts: tuple[str, ...]) -> tuple[bool, Any]:
        """(True, the stored result) for `parts`, or (False, None) when there is none."""
        key = self._key(parts)
        data = self.shelf.load(key)
        if data is not None:
            try:
                return True, json.loads(data)["value"]
            except (ValueError, KeyError, TypeError):
                self.shelf.discard(key)
        return False, None

    def expect(self, parts: tuple[str, ...]) -> None:
        """Another process stores the result for `parts`: later lookups look for it."""
        self.shelf.expect(self._key(parts))

    def keep(self, parts: tuple[str, ...], make: Callable[[], Any]) -> Any:
        """`make()`'s result, stored for `parts` (the caller knows there is none yet)."""
        value = make()
        self.shelf.store(
            self._key(parts), json.dumps({"value": value}, ensure_ascii=False).encode()
        )
        return value

    def get_or_make(self, parts: tuple[str, ...], make: Callable[[], Any]) -> Any:
        """The stored result for `parts`, or `make()`'s (then stored); JSON values only."""
        found, value = self.lookup(parts)
        return value if found else self.keep(parts, make)
