"""One build context: every input of a build, loaded and validated once.

`load_context(project)` reads everything Příručka's plugins and commands need
(pages with their front matter and translation records, the glossary, tags,
funders, publication manifests) and returns one frozen `BuildContext`. The
site's plugins, `prirucka check`, `pdf`, `status` and the rest read it; none
of them opens these files again. Every problem found while loading is kept as
a `Finding` (`path:line`), all of them at once, instead of stopping at the first.

Reading is safe by construction: only files inside the project are read (a
symbolic link that leads outside is a finding, and the file is left out), text
must be UTF-8 without NUL bytes, YAML may not use aliases or repeat keys.

`serve` rebuilds after every save: `load_context(project, previous)` reuses
what the previous context read from any file whose size and modification time
are unchanged, so a rebuild reads only what changed.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import manifest, translation
from .documents import Page
from .errors import AuthorError
from .findings import Finding
from .frontmatter import Document, split
from .glossary import Glossary
from .glossary import load as load_glossary
from .helplines import Helplines
from .helplines import load as load_helplines
from .project import Project
from .schema import DocumentMeta, validate
from .tags import Vocabulary
from .tags import load as load_tags
from .textfile import decode, outside, slug_problem

Stamp = tuple[int, int]  # (mtime_ns, size): unchanged files are not read again


@dataclass(frozen=True)
class PageSource:
    """One Markdown file of docs/<lang>/, as read and checked."""

    lang: str
    path: str  # relative to the language folder: "projekty/spolu-pomoc-detem.md"
    file: Path
    stamp: Stamp
    digest: str  # SHA-256 of the file's bytes
    doc: Document | None  # None when the file cannot be read or its front matter parsed
    meta: DocumentMeta | None = None  # None when the front matter is not valid
    record: translation.Record | None = None
    problems: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class _Loaded:
    """A data file's value (or its error) with the stamp it was read at."""

    stamp: Stamp | None
    value: Any
    error: AuthorError | None = None


@dataclass(frozen=True)
class BuildContext:
    project: Project
    pages: dict[tuple[str, str], PageSource]
    glossary: Glossary | None
    tags: Vocabulary
    funders: dict[str, manifest.Funder]
    publications: tuple[manifest.Publication, ...]
    findings: tuple[Finding, ...]
    # The project's public services (handbook/helplines.yml), an empty list without one.
    helplines: Helplines = field(default_factory=lambda: Helplines(()))
    # What each data file was loaded from, for reuse by the next load.
    loaded: dict[str, _Loaded] = field(default_factory=dict, repr=False)

    # --- pages -------------------------------------------------------------------

    def page(self, lang: str, path: str) -> PageSource | None:
        return self.pages.get((lang, path))

    def document(self, lang: str, path: str) -> Document | None:
        """The page's text split from its front matter (translation.Sources protocol);
        AuthorError when it exists but cannot be read."""
        source = self.pages.get((lang, path))
        if source is None:
            return None
        if source.doc is None:
            problem = next((f for f in source.problems if f.level == "error"), None)
            raise AuthorError(
                source.file,
                problem.line if problem else None,
                problem.message if problem else "cannot be read",
            )
        return source.doc

    def paths(self, lang: str) -> frozenset[str]:
        return self._paths.get(lang, frozenset())

    @cached_property
    def _paths(self) -> dict[str, frozenset[str]]:
        by_lang: dict[str, set[str]] = {}
        for lang, path in self.pages:
            by_lang.setdefault(lang, set()).add(path)
        return {lang: frozenset(paths) for lang, paths in by_lang.items()}

    @property
    def languages(self) -> list[str]:
        return self.project.languages

    @cached_property
    def documents(self) -> list[Page]:
        """Every page whose front matter is valid, typed, with tags in its language."""
        result = []
        for source in self.pages.values():
            if source.meta is None or source.doc is None:
                continue
            result.append(
                Page(
                    source.path,
                    source.lang,
                    source.file,
                    source.meta,
                    source.doc.body,
                    source.doc.body_line,
                )
            )
        return result

    @cached_property
    def translation_status(self) -> list[translation.PageStatus]:
        """The translation state of every page (as `prirucka status` shows it)."""
        return translation.status(self)

    @cached_property
    def translation_by_page(self) -> dict[tuple[str, str], translation.PageStatus]:
        return {(entry.lang, entry.path): entry for entry in self.translation_status}

    def shown(self, path: Path) -> str:
        return shown(self.project, path)

    # --- findings ----------------------------------------------------------------

    def problems(self, *codes: str) -> list[Finding]:
        """Findings with one of `codes` (all when none given), in path and line order."""
        chosen = [f for f in self.findings if not codes or f.code in codes]
        return sorted(chosen, key=lambda f: (f.path, f.line, f.col))


def shown(project: Project, path: Path) -> str:
    """A path as the editor knows it: relative to the project."""
    try:
        return path.absolute().relative_to(project.root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(project.root.resolve()).as_posix()
        except (ValueError, OSError):
            return str(path)


def _finding(project: Project, error: AuthorError, code: str, level: str = "error") -> Finding:
    return Finding(shown(project, Path(error.path)), error.line or 1, 1, level, code, error.message)


def _stamp(path: Path) -> Stamp | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def walk_files(folder: Path) -> Iterator[Path]:
    """Every file under `folder` as MkDocs finds them (links followed, loops skipped),
    without hidden files and folders, sorted."""
    if not folder.is_dir():
        return
    seen: set[tuple[int, int]] = set()
    for current, dirs, files in os.walk(folder, followlinks=True):
        try:
            stat = os.stat(current)
        except OSError:
            dirs[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in seen:  # a link back up the tree
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(current) / name


def _read_page(
    project: Project,
    lang: str,
    path: str,
    file: Path,
    stamp: Stamp,
    publications: set[str],
    vocabulary: Vocabulary,
) -> PageSource:
    problems: list[Finding] = []
    try:
        data = file.read_bytes()
    except OSError as error:
        problem = AuthorError(file, None, f"cannot be read ({error.strerror or error})")
        return PageSource(
            lang,
            path,
            file,
            stamp,
            "",
            None,
            problems=(_finding(project, problem, "file-unreadable"),),
        )
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = decode(data, file, nul_allowed=True)
    except AuthorError as error:
        problem = _finding(project, error, "file-unreadable")
        return PageSource(lang, path, file, stamp, digest, None, problems=(problem,))
    try:
        doc = split(text, file)
    except AuthorError as error:
        problem = _finding(project, error, "front-matter")
        return PageSource(lang, path, file, stamp, digest, None, problems=(problem,))
    meta = None
    try:
        meta = validate(doc, lang, publications)
        meta.tags = vocabulary.names(meta.tags, lang)
    except AuthorError as error:
        problems.append(_finding(project, error, "front-matter"))
    record = None
    try:
        record = translation.read_record(doc, lang, project.languages)
    except AuthorError as error:
        problems.append(_finding(project, error, "translation-record"))
    return PageSource(lang, path, file, stamp, digest, doc, meta, record, tuple(problems))


def _data(
    name: str,
    path: Path,
    previous: BuildContext | None,
    read,
) -> _Loaded:
    stamp = _stamp(path)
    if previous is not None:
        old = previous.loaded.get(name)
        if old is not None and old.stamp == stamp and old.stamp is not None:
            return old
    if stamp is None:
        return _Loaded(None, None)
    try:
        return _Loaded(stamp, read(path))
    except AuthorError as error:
        return _Loaded(stamp, None, error)


def load_context(project: Project, previous: BuildContext | None = None) -> BuildContext:
    """Everything a build needs from `project`, read once (reusing `previous` where unchanged)."""
    if previous is not None and previous.project != project:
        previous = None  # other settings: nothing can be trusted to be the same
    root = project.root
    findings: list[Finding] = []
    loaded: dict[str, _Loaded] = {}

    # Data files in handbook/.
    def keep(name: str, path: Path, read, code: str) -> Any:
        entry = _data(name, path, previous, read)
        loaded[name] = entry
        if entry.error is not None:
            findings.append(_finding(project, entry.error, code))
        return entry.value

    for path in (project.glossary_path, project.handbook_dir):
        if path.exists() and outside(path, root):
            findings.append(
                _finding(
                    project,
                    AuthorError(path, None, "leads outside the project; not read"),
                    "file-outside",
                )
            )
    handbook = project.handbook_dir if not outside(project.handbook_dir, root) else root / ".none"
    glossary_path = (
        project.glossary_path if not outside(project.glossary_path, root) else root / ".none"
    )
    glossary = keep("glossary", glossary_path, load_glossary, "glossary")
    tags = keep(
        "tags", handbook / "tags.yml", lambda p: load_tags(p, project.languages), "tags"
    ) or Vocabulary([])
    funders = keep(
        "funders", handbook / "funders.yml", lambda p: manifest.load_funders(handbook), "funders"
    )
    services = keep("helplines", handbook / "helplines.yml", load_helplines, "helplines")
    manifest_files = manifest.manifest_paths(handbook)
    publications: list[manifest.Publication] = []
    funders_ok = "funders" not in {f.code for f in findings}
    for path in manifest_files:
        if outside(path, root):
            findings.append(
                _finding(
                    project,
                    AuthorError(path, None, "leads outside the project; not read"),
                    "file-outside",
                )
            )
            continue
        # A manifest depends on funders.yml too: reuse only when both are unchanged.
        name = f"manifest:{path.name}"
        old = previous.loaded.get(name) if previous is not None else None
        stamp = (_stamp(path), loaded["funders"].stamp)
        if old is not None and old.stamp == stamp and funders_ok:
            entry = old
        elif not funders_ok:
            continue  # funders.yml is reported; its manifests cannot be judged yet
        else:
            try:
                entry = _Loaded(
                    stamp, manifest.load_publication(path, funders or {}, project.languages)
                )
            except AuthorError as error:
                entry = _Loaded(stamp, None, error)
        loaded[name] = entry
        if entry.error is not None:
            findings.append(_finding(project, entry.error, "manifest"))
        else:
            publications.append(entry.value)
    if handbook.is_dir():
        for path in sorted(handbook.glob("*.yaml")):
            findings.append(
                Finding(
                    shown(project, path),
                    1,
                    1,
                    "warning",
                    "manifest-extension",
                    f"`{path.name}` is ignored: publication manifests end in .yml; rename it to `{path.stem}.yml`",
                )
            )

    # Pages, and every other file MkDocs would publish from docs/.
    known_publications = frozenset(path.stem for path in manifest_files)
    loaded["publication-ids"] = _Loaded(None, known_publications)
    reusable = (
        previous is not None
        and loaded["tags"] is previous.loaded.get("tags")
        and previous.loaded.get("publication-ids", _Loaded(None, None)).value == known_publications
    )
    languages = set(project.languages)
    pages: dict[tuple[str, str], PageSource] = {}
    for file in walk_files(project.docs_dir):
        # macOS writes file names decomposed (NFD); links are typed composed (NFC).
        relative = unicodedata.normalize("NFC", file.relative_to(project.docs_dir).as_posix())
        if outside(file, root):
            try:
                target = str(file.resolve())
            except (OSError, RuntimeError):
                target = "a loop of links"
            findings.append(
                Finding(
                    shown(project, file),
                    1,
                    1,
                    "error",
                    "file-outside",
                    f"is a link to {target}, outside the project; it is neither read nor published",
                    "copy the file into the project instead of linking to it",
                )
            )
            continue
        problem = slug_problem(relative)
        if problem:
            findings.append(Finding(shown(project, file), 1, 1, "warning", "file-name", problem))
        lang, _, path = relative.partition("/")
        if lang not in languages or not path or file.suffix != ".md":
            continue
        stamp = _stamp(file)
        if stamp is None:
            continue
        old = previous.pages.get((lang, path)) if reusable else None
        if old is not None and old.stamp == stamp and old.file == file:
            source = old
        else:
            source = _read_page(project, lang, path, file, stamp, known_publications, tags)
        pages[(lang, path)] = source
        findings.extend(source.problems)
    return BuildContext(
        project=project,
        pages=pages,
        glossary=glossary,
        tags=tags,
        funders=funders or {},
        publications=tuple(publications),
        findings=tuple(findings),
        helplines=services or Helplines(()),
        loaded=loaded,
    )
