"""Site search: what each page puts into the Pagefind index, and running Pagefind.

Pagefind (https://pagefind.app) indexes the built site after MkDocs. It keeps
one index per `<html lang>`, folds diacritics (`dite` finds `dítě`, exact
accents rank higher) and matches word prefixes, but it has no Czech stemmer.
What we add here:

- per-page settings from front matter (`search: {exclude: true}`,
  `search: {boost: 2}`, the same keys Material's search used);
- hidden index terms: the glossary variants and abbreviations of the terms a
  page uses (`OSPOD` finds pages that only say "orgán sociálně-právní
  ochrany dětí"), and optionally the dictionary forms (lemmas) of its Czech
  words, so `matka` finds a page that only says `matky`;
- words for "did you mean" suggestions when a query finds nothing;
- running the Pagefind binary on the site and sorting its log into notes,
  warnings and errors.

No MkDocs here: the plugin in prirucka.mkdocs.search only adapts.
"""

from __future__ import annotations

import base64
import html
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .errors import AuthorError
from .glossary import load_exactly
from .offload import yield_to_build

# The name of the hidden metadata field that carries a page's extra index terms.
TERMS_FIELD = "prirucka_terms"
# What readers see but a search should not find: notices about the page
# (untranslated, outdated), heading permalinks, the PDF download box, the
# citation box and the links to related pages (other pages' titles would make
# this page a result for them), and what an editor marked with Material's
# `data-search-exclude` attribute.
EXCLUDE_SELECTORS = (
    ".prirucka-notice",
    ".headerlink",
    ".prirucka-download",
    ".prirucka-cite",
    ".prirucka-connections",
    "[data-search-exclude]",
)
# Pagefind's own user interfaces; we use only its search API (pagefind.js).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# The Pagefind filter that carries a page's boost to the search box.
BOOST_FILTER = "prirucka_boost"
_MAX_BOOST = 10.0
# Pagefind logs that it has no stemmer for these languages; we know, and
# make up for it with prefix matching, glossary terms and lemmas.
_NO_STEMMER = re.compile(r"doesn't support stemming for the language (\w+)")


# --- front matter -------------------------------------------------------------------


@dataclass(frozen=True)
class PageSearch:
    """How a page takes part in search."""

    indexed: bool = True
    boost: float = 1.0

    def attributes(self) -> str:
        """Pagefind attributes for the page's article (its text is the indexed body).

        A boost is a Pagefind filter value that the search box multiplies the
        page's score by, as Material's search did. Pagefind's own
        `data-pagefind-weight` weighs words, not pages: BM25 saturates it (a
        weight of 5 on every word raised a page's score by a third), so it
        cannot lift a page above a shorter one.
        """
        if not self.indexed:
            return ""
        result = "data-pagefind-body"
        if self.boost != 1.0:
            result += f' data-pagefind-filter="{BOOST_FILTER}:{self.boost:g}"'
        return result


def page_settings(meta: Mapping[str, Any], path: str | Path, key_line: int = 1) -> PageSearch:
    """Read `search:` from a page's front matter; raise AuthorError on a wrong value."""
    value = meta.get("search")
    if value is None:
        return PageSearch()
    example = "e.g. `search: {exclude: true}` or `search: {boost: 2}`"
    if not isinstance(value, Mapping):
        raise AuthorError(path, key_line, f"`search` must be a block of settings, {example}")
    unknown = sorted(set(value) - {"exclude", "boost"})
    if unknown:
        raise AuthorError(
            path, key_line, f"unknown `search` setting `{unknown[0]}`; known: boost, exclude"
        )
    exclude = value.get("exclude", False)
    if not isinstance(exclude, bool):
        raise AuthorError(path, key_line, "`search.exclude` is `true` or `false`")
    boost = value.get("boost", 1)
    if isinstance(boost, bool) or not isinstance(boost, int | float) or not 0 < boost <= _MAX_BOOST:
        raise AuthorError(
            path,
            key_line,
            f"`search.boost` must be a number above 0 and at most {_MAX_BOOST:g} "
            "(2 ranks the page higher, 0.5 lower)",
        )
    return PageSearch(indexed=not exclude, boost=float(boost))


# --- index terms ----------------------------------------------------------------------


class _Text(HTMLParser):
    _SKIP = {"script", "style", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(html_text: str) -> str:
    """The words of an HTML fragment, tags replaced by spaces."""
    parser = _Text()
    parser.feed(html_text)
    parser.close()
    return " ".join("".join(parser.parts).split())


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase without diacritics, as Pagefind compares words: 'Dítě' -> 'dite'."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


class Lemmatizer:
    """Dictionary forms of words (simplemma's data; Czech and English ship with it)."""

    def __init__(self) -> None:
        self._lemmatize = None
        self._cache: dict[tuple[str, str], str] = {}

    def lemma(self, word: str, lang: str) -> str:
        key = (word, lang)
        if key not in self._cache:
            if self._lemmatize is None:
                # Loaded only when a word needs it; its low-memory dictionaries are read
                # from the compressed data on demand (the full Czech one takes ~70 MB).
                from simplemma import lemmatize

                self._lemmatize = lemmatize
            self._cache[key] = self._lemmatize(word, lang=lang, low_memory=True)
        return self._cache[key]

    def new_lemmas(self, text: str, lang: str) -> list[str]:
        """Dictionary forms of the words in `text` that a prefix search would not reach.

        `konferenci` has the lemma `konference`: a reader typing `konference`
        does not find a page that only says `konferenci`, so the lemma is
        added. `násilím` has the lemma `násilí`, already a prefix: not added.
        """
        found = dict.fromkeys(words(text))
        surface = {fold(w) for w in found}
        ordered = sorted(surface)  # a prefix of some surface word sorts right before it
        result: dict[str, None] = {}
        for word in found:
            if len(word) < 3 or word.isupper():
                continue
            lemma = self.lemma(word.lower(), lang)
            folded = fold(lemma)
            if folded in surface or len(folded) < 3 or not lemma.isalpha():
                continue
            index = bisect_left(ordered, folded)
            if index < len(ordered) and ordered[index].startswith(folded):
                continue
            result.setdefault(lemma, None)
        return list(result)


@dataclass
class Indexer:
    """Extra index terms for pages: glossary words and, optionally, lemmas."""

    glossary: Any = None  # prirucka.core.glossary.Glossary, or None without a glossary
    lemmatizer: Lemmatizer | None = None
    lemma_languages: tuple[str, ...] = ("cs",)

    def terms(self, text: str, lang: str) -> list[str]:
        found: list[str] = []
        if self.glossary is not None:
            found.extend(self.glossary.search_terms(text, lang))
        if self.lemmatizer is not None and lang in self.lemma_languages:
            found.extend(self.lemmatizer.new_lemmas(text, lang))
        return list(dict.fromkeys(found))


@lru_cache(maxsize=4)
def _indexer(glossary_path: str | None, digest: str, lemmas: bool) -> Indexer:
    return Indexer(
        glossary=load_exactly(glossary_path, digest) if glossary_path else None,
        lemmatizer=Lemmatizer() if lemmas else None,
    )


def page_terms(
    html_text: str, lang: str, glossary_path: str | None, digest: str, lemmas: bool
) -> list[str]:
    """A page's extra index terms from its HTML, in a helper process (`Indexer.terms`
    with the glossary at `glossary_path`, as it was when `digest` was taken)."""
    return _indexer(glossary_path, digest, lemmas).terms(plain_text(html_text), lang)


def terms_attribute(terms: Iterable[str]) -> str:
    """The `data-pagefind-meta` attribute that makes `terms` searchable but invisible.

    Pagefind searches metadata fields too (since 1.5); the field's value is an
    attribute, so readers and screen readers never meet it.
    """
    value = " · ".join(" ".join(t.split()) for t in terms)
    return f'data-pagefind-meta="{TERMS_FIELD}:{html.escape(value, quote=True)}"'


def suggestion_words(glossary: Any, lang: str) -> list[str]:
    """Glossary terms, abbreviations and variants in `lang`, offered when a query finds nothing."""
    if glossary is None:
        return []
    found: list[str] = []
    for entry in glossary.entries:
        side = entry.sides.get(lang)
        if side is None:
            continue
        found.extend([side.term, *([side.abbr] if side.abbr else []), *side.forms])
        found.extend(v.text for v in side.avoid)
    return list(dict.fromkeys(found))


# --- running Pagefind -----------------------------------------------------------------


class PagefindError(Exception):
    """Pagefind could not index the site; the message says why."""


@dataclass
class PagefindRun:
    pages: int = 0
    languages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _binary() -> Path:
    """The Pagefind program (from `pagefind[bin]`, else on the PATH)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        found = shutil.which("pagefind")
        if found:
            return Path(found)
        raise PagefindError(
            "Pagefind is not installed; run `pip install -e .` (it installs `pagefind[bin]`)"
        ) from None
    return Path(get_executable())


def _log_entries(log: str) -> list[tuple[str, str]]:
    """(level, message) pairs from Pagefind's log file; continuation lines joined."""
    entries: list[tuple[str, str]] = []
    for line in log.splitlines():
        match = re.match(r"\[(\w+)\]: ?(.*)", line)
        if match:
            entries.append((match.group(1), match.group(2).strip()))
        elif entries and line.strip():
            level, message = entries[-1]
            entries[-1] = (level, f"{message} {line.strip()}")
    return entries


def run_pagefind(
    site_dir: str | Path, exclude_selectors: Iterable[str] = EXCLUDE_SELECTORS
) -> PagefindRun:
    """Index `site_dir` into `site_dir/pagefind/`; raise PagefindError when that fails."""
    site = Path(site_dir)
    bundle = site / "pagefind"
    if bundle.exists():
        shutil.rmtree(bundle)
    with tempfile.TemporaryDirectory(prefix="prirucka-pagefind-") as tmp:
        logfile = Path(tmp) / "pagefind.log"
        command = [str(_binary()), "--site", str(site), "--silent", "--logfile", str(logfile)]
        for selector in exclude_selectors:
            command += ["--exclude-selectors", selector]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PagefindError(f"Pagefind could not run: {error}") from None
        log = logfile.read_text(encoding="utf-8", errors="replace") if logfile.exists() else ""
    entries = _log_entries(log)
    errors = [message for level, message in entries if level == "Error"]
    if result.returncode != 0 or errors:
        detail = "; ".join(dict.fromkeys(errors)) or (result.stderr or result.stdout).strip()
        raise PagefindError(
            f"Pagefind could not index {site}: {detail or 'exit code ' + str(result.returncode)}"
        )
    run = PagefindRun()
    _sort_log(entries, run)
    for level, message in entries:
        if level == "Info" and message.startswith("* "):
            for lang, pages in re.findall(r"\* (\S+): (\d+) pages?", message):
                run.languages.append(lang)
                run.pages += int(pages)
    run.languages = sorted(set(run.languages))
    _drop_unused(bundle)
    return run


def _drop_unused(bundle: Path) -> None:
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)


def _sort_log(entries: list[tuple[str, str]], run: PagefindRun) -> None:
    """Pagefind's warnings into `run`: notes we expect (no Czech stemmer), the rest warnings."""
    for level, message in entries:
        if level != "Warning":
            continue
        no_stemmer = _NO_STEMMER.search(message)
        if no_stemmer:
            run.notes.append(
                f"Pagefind has no stemmer for '{no_stemmer.group(1)}'; prefix search, lemmas and glossary terms stand in"
            )
        else:
            run.warnings.append(message)
    run.notes = list(dict.fromkeys(run.notes))
    run.warnings = list(dict.fromkeys(run.warnings))


_HTML_LANG = re.compile(r"<html\b[^>]*?\slang=([\"']?)([\w-]+)\1", re.I)
_BODY_MARK = "data-pagefind-body"


def indexed_part(html_text: str) -> str:
    """What Pagefind reads of a page, as a page of its own: the language of `<html>` and
    the element marked `data-pagefind-body` (its title, headings, metadata, filters and
    text are all inside). Pages without the mark are sent whole. The navigation of a
    large site is most of each page; Pagefind would parse it only to skip it."""
    mark = html_text.find(_BODY_MARK)
    start = html_text.rfind("<", 0, mark) if mark >= 0 else -1
    tag = re.match(r"<([a-zA-Z][\w-]*)", html_text[start:]) if start >= 0 else None
    if tag is None or tag.group(1).lower() in ("html", "body"):
        return html_text
    end = html_text.rfind(f"</{tag.group(1)}>")
    if end < start:
        return html_text
    lang = _HTML_LANG.search(html_text, 0, start)
    opening = f'<html lang="{lang.group(2)}">' if lang else "<html>"
    return (
        f'<!DOCTYPE html>{opening}<head><meta charset="utf-8"></head><body>'
        f"{html_text[start : end + len(tag.group(1)) + 3]}</body></html>"
    )


class LiveIndex:
    """Pagefind indexing pages while the site is still being built.

    `run_pagefind` reads the finished site: on a large site that is seconds
    at the end of every build. Here Pagefind runs as a service (the protocol
    its own Python and Node APIs speak: base64 JSON messages, each ended by a
    comma, on its standard input and output) in its own process; each page is
    handed over as it is written, so it is indexed on another core while the
    build goes on. Pagefind keeps one index per language anyway (its files
    are named by language); here each language has an index of its own,
    written as soon as its pass ends (`finish`), and `write` puts them
    together into one bundle. A writer thread keeps the build from ever
    waiting for the pipe, a reader thread collects replies.
    """

    def __init__(self, exclude_selectors: Iterable[str] = EXCLUDE_SELECTORS) -> None:
        binary = _binary()
        try:
            self._process = subprocess.Popen(
                [str(binary), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                preexec_fn=yield_to_build if os.name == "posix" else None,
            )
        except OSError as error:
            raise PagefindError(f"Pagefind could not run: {error}") from None
        self._log = tempfile.TemporaryDirectory(prefix="prirucka-pagefind-")
        self._exclude = list(exclude_selectors)
        self._replies: dict[int, Future] = {}
        self._lock = threading.Lock()
        self._next_id = 0
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._indexes: dict[str, int] = {}  # language -> Pagefind's index
        self._added: list[tuple[Future, str, str]] = []  # (reply, url, language)
        self._written: dict[str, tuple[Path, Future]] = {}  # language -> (folder, reply)
        threading.Thread(target=self._write_requests, daemon=True).start()
        threading.Thread(target=self._read_replies, daemon=True).start()

    def _ask(self, payload: dict) -> Future:
        reply: Future = Future()
        with self._lock:
            self._next_id += 1
            self._replies[self._next_id] = reply
            message = {"message_id": self._next_id, "payload": payload}
        self._outbox.put(base64.b64encode(json.dumps(message).encode()) + b",")
        return reply

    def _write_requests(self) -> None:
        stdin = self._process.stdin
        while (data := self._outbox.get()) is not None:
            try:
                stdin.write(data)
                stdin.flush()
            except OSError:
                break  # Pagefind ended: the reader reports it
        try:
            stdin.close()
        except OSError:
            pass

    def _read_replies(self) -> None:
        stdout = self._process.stdout
        buffer = b""
        while chunk := stdout.read1(65536):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                reply = json.loads(base64.b64decode(message))
                with self._lock:
                    future = self._replies.pop(reply.get("message_id"), None)
                if future is None:
                    continue
                payload = reply.get("payload") or {}
                if payload.get("type") == "Error":
                    future.set_exception(PagefindError(str(payload.get("message"))))
                else:
                    future.set_result(payload)
        with self._lock:  # Pagefind ended: whatever it did not answer failed
            pending, self._replies = list(self._replies.values()), {}
        for future in pending:
            future.set_exception(PagefindError("Pagefind stopped before it answered"))

    def _index(self, lang: str) -> int:
        if lang not in self._indexes:
            # One log per index: each index starts its log anew.
            log = Path(self._log.name) / f"{len(self._indexes)}.log"
            config = {"exclude_selectors": self._exclude, "logfile": str(log)}
            reply = self._ask({"type": "NewIndex", "config": config})
            try:
                self._indexes[lang] = reply.result(60)["index_id"]
            except (PagefindError, TimeoutError) as error:
                raise PagefindError(f"Pagefind could not start an index: {error}") from None
        return self._indexes[lang]

    def add(self, html_text: str, url: str, lang: str) -> None:
        """Index one page (its HTML as written, its URL from the site's root: `/en/x/`)."""
        if lang in self._written:
            raise ValueError(f"the {lang} index is written already")
        reply = self._ask(
            {
                "type": "AddFile",
                "index_id": self._index(lang),
                "url": url,
                "file_path": None,
                "file_contents": indexed_part(html_text),
            }
        )
        self._added.append((reply, url, lang))

    @property
    def pages(self) -> int:
        """How many pages were added."""
        return len(self._added)

    def finish(self, lang: str, folder: str | Path) -> None:
        """Every page of `lang` is added: Pagefind writes its index into `folder` while
        the build goes on (`write` waits for it)."""
        if lang in self._indexes and lang not in self._written:
            folder = Path(folder)
            shutil.rmtree(folder, ignore_errors=True)
            payload = {"type": "WriteFiles", "index_id": self._indexes[lang]}
            reply = self._ask({**payload, "output_path": str(folder)})
            self._written[lang] = (folder, reply)

    def write(self, bundle: str | Path) -> PagefindRun:
        """The bundle of every page added, in `bundle` (a site's `pagefind/`): the
        languages not finished yet are written beside it, then all are put together."""
        bundle = Path(bundle)
        try:
            run = self._counted()
            for lang in sorted(set(self._indexes) - set(self._written)):
                self.finish(lang, bundle.with_name(f".{bundle.name}-{lang}"))
            if bundle.exists():
                shutil.rmtree(bundle)
            bundle.mkdir(parents=True)
            entry: dict = {}
            for folder, reply in self._written.values():
                try:
                    reply.result(600)
                except (PagefindError, TimeoutError) as error:
                    raise PagefindError(f"Pagefind could not write {bundle}: {error}") from None
                entry = _merge_bundle(folder, bundle, entry)
            (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
        finally:
            self.close()
            for folder, _ in self._written.values():
                shutil.rmtree(folder, ignore_errors=True)
        for log in sorted(Path(self._log.name).glob("*.log")):
            _sort_log(_log_entries(log.read_text(encoding="utf-8", errors="replace")), run)
        self._log.cleanup()
        _drop_unused(bundle)
        return run

    def _counted(self) -> PagefindRun:
        """Pages and languages of every page Pagefind took; any it refused is an error."""
        run = PagefindRun()
        errors = []
        for reply, url, lang in self._added:
            try:
                reply.result(600)
            except (PagefindError, TimeoutError) as error:
                errors.append(f"{url}: {error}")
                continue
            run.pages += 1
            run.languages.append(lang)
        if errors:
            raise PagefindError("Pagefind could not index " + "; ".join(errors[:5]))
        run.languages = sorted(set(run.languages))
        return run

    def close(self) -> None:
        """End the service (what is not written is lost)."""
        self._outbox.put(None)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def _merge_bundle(folder: Path, bundle: Path, entry: dict) -> dict:
    """Move one language's Pagefind bundle into `bundle`; its entry merged into `entry`.

    Pagefind names every index, fragment, filter and metadata file by language
    and content hash, and its scripts are the same in every bundle: only
    `pagefind-entry.json`, the list of languages, is made of both."""
    own = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "pagefind-entry.json":
            target = bundle / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)
    if not entry:
        return own
    entry["languages"].update(own["languages"])
    return entry


# --- interface ------------------------------------------------------------------------

_INTERFACE_KEYS = (
    "placeholder",
    "label",
    "open",
    "close",
    "clear",
    "initial",
    "loading",
    "results.one",
    "results.few",
    "results.other",
    "none",
    "suggest",
    "via_term",
    "error",
    "more",
    "instead",
)


def interface_texts(lang: str) -> dict[str, str]:
    """What the search box says, in `lang` (plural forms keyed by CLDR category)."""
    from . import languages

    # The placeholders stay for the browser to fill in.
    keep = {"count": "{count}", "query": "{query}"}
    return {key: languages.text(lang, f"search.{key}", **keep) for key in _INTERFACE_KEYS}
