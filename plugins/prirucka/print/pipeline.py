"""Publications -> PDFs: assemble, look in the cache, render what changed in parallel.

MkDocs-free: the MkDocs plugin and `prirucka pdf` both call `run()`.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ..core.errors import AuthorError
from ..core.manifest import Publication
from ..core.project import Project
from ..core.theme import PACKAGE_THEME
from .document import PrintDocument, assemble, theme
from .render import PACKAGE_ASSETS, RenderRequest, RenderResult, render
from .sources import chapters

CACHE_VERSION = "prirucka-print-2"
_FILE_URI = re.compile(r"file://[^\"')\s<>]+")


@dataclass
class Options:
    languages: set[str] | None = None  # PDFs containing these languages; None = all
    print_shop: bool = False
    variant: str = "pdf/ua-1"
    jobs: int = 0  # 0 = one per core


@dataclass
class Outcome:
    publication: Publication
    document: PrintDocument
    result: RenderResult
    pdf_path: Path | None = None  # in the cache
    thumbnail_path: Path | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    print_shop: bool = False

    @property
    def filename(self) -> str:
        """`<id>.<lang>.pdf`; the print-shop version (bleed, crop marks) is `<id>.<lang>.print.pdf`."""
        name = self.document.filename
        return name.replace(".pdf", ".print.pdf") if self.print_shop else name


@cache
def _file_digest(path: Path, mtime_ns: int, size: int) -> str:
    """Hash of a file's bytes; keyed by mtime and size so a run hashes each file once."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _digest_of(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return "<missing>"
    return _file_digest(path, stat.st_mtime_ns, stat.st_size)


def cache_key(project: Project, document: PrintDocument, options: Options) -> str:
    """Everything that goes into the PDF: HTML, theme (CSS, templates, fonts), images, versions."""
    digest = hashlib.sha256()
    for part in (
        CACHE_VERSION,
        version("weasyprint"),
        # Our code too: a change in how WeasyPrint is called may change the PDF, not the HTML.
        _code_digest(),
        options.variant,
        str(options.print_shop),
        document.html,
    ):
        digest.update(part.encode())
    files = theme(project).files()
    uris = sorted(set(_FILE_URI.findall(document.html)))
    files += [Path(url2pathname(unquote(urlsplit(uri).path))) for uri in uris]
    for path in files:
        digest.update(f"{path}\0{_digest_of(path)}\0".encode())
    return digest.hexdigest()


@cache
def _code_digest() -> str:
    """Our own code that shapes the print HTML: a change to it is a change to every PDF."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in ("core", "markdown", "print"):
        for path in sorted((package / folder).glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def input_key(
    project: Project, publication: Publication, output: str, options: Options
) -> tuple[str, list[str]]:
    """Hash of everything the print HTML is made from, without making it.

    Lets a rebuild with nothing changed skip assembling the HTML (Markdown,
    templates) altogether. Returns the warnings about pages printed from
    another language too, which must be shown on every build.
    """
    digest = hashlib.sha256()
    config = json.dumps(
        [
            project.site_url,
            project.languages,
            project.markdown_extensions,
            project.extension_configs,
        ],
        sort_keys=True,
        default=str,
    )
    for part in (
        CACHE_VERSION,
        version("weasyprint"),
        version("markdown"),
        version("pymdown-extensions"),
        _code_digest(),
        options.variant,
        str(options.print_shop),
        output,
        config,
    ):
        digest.update(part.encode() + b"\0")
    files = [
        publication.source,
        project.handbook_dir / "funders.yml",
        project.handbook_dir / "glossary.yml",
    ]
    files += theme(project).files()
    warnings: list[str] = []
    for lang in output.split("-"):
        back = publication.back_cover.get(lang)
        if back is not None:
            files.extend(project.language_dir(code) / back.path for code in project.languages)
        found, fallback = chapters(project, publication, lang)
        warnings.extend(fallback)
        for chapter in found:
            digest.update(f"{lang}\0{chapter.path}\0{chapter.text_lang}\0".encode())
            # Its counterparts too: whether a translation is outdated depends on its source.
            files.extend(project.language_dir(code) / chapter.path for code in project.languages)
    for path in files:
        digest.update(f"{path}\0{_digest_of(path)}\0".encode())
    return digest.hexdigest(), warnings


def _record_path(cache: Path, input_hash: str) -> Path:
    return cache / f"input-{input_hash}.json"


def _save_record(
    cache: Path, input_hash: str, key: str, document: PrintDocument, own_warnings: list[str]
) -> None:
    """Remember which PDF these inputs made, and the files the HTML embedded."""
    embedded = sorted(set(_FILE_URI.findall(document.html)))
    paths = [Path(url2pathname(unquote(urlsplit(uri).path))) for uri in embedded]
    record = {
        "pdf_key": key,
        "files": {str(path): _digest_of(path) for path in paths},
        "pages_by_lang": document.pages_by_lang,
        "warnings": own_warnings,
    }
    cache.mkdir(parents=True, exist_ok=True)
    _record_path(cache, input_hash).write_text(
        json.dumps(record, ensure_ascii=False), encoding="utf-8"
    )


def _reuse(cache: Path, input_hash: str) -> dict | None:
    """The record of an earlier run with the same inputs, if its embedded files are unchanged."""
    path = _record_path(cache, input_hash)
    if not path.exists():
        return None
    record = json.loads(path.read_text(encoding="utf-8"))
    if any(_digest_of(Path(name)) != digest for name, digest in record["files"].items()):
        return None
    if not (cache / f"{record['pdf_key']}.pdf").exists():
        return None
    return record


def _request(
    project: Project, document: PrintDocument, options: Options, key: str
) -> RenderRequest:
    return RenderRequest(
        name=document.filename,
        html=document.html,
        base_url=project.docs_dir.as_uri() + "/",
        allowed_roots=[project.docs_dir, project.handbook_dir, PACKAGE_ASSETS, PACKAGE_THEME],
        chapter_anchors=document.chapter_anchors,
        variant=options.variant,
        key=key,
        pages_multiple=document.publication.pages_multiple,
    )


def _pages_behind(document: PrintDocument, url: str, root: Path) -> str:
    for path, html in document.sources:
        if url in html or unquote(url) in html:
            try:
                return str(path.relative_to(root))
            except ValueError:
                return str(path)
    return document.publication.source.name


def _store(cache: Path, key: str, result: RenderResult) -> None:
    from .thumbnail import cover_png  # pypdfium2 only when something was rendered

    cache.mkdir(parents=True, exist_ok=True)
    for suffix, data in ((".pdf", result.pdf), (".png", cover_png(result.pdf))):
        tmp = cache / f"{key}{suffix}.tmp"
        tmp.write_bytes(data)
        tmp.replace(cache / f"{key}{suffix}")
    meta = {"pages": result.pages, "warnings": result.warnings, "refused": result.refused}
    (cache / f"{key}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _cached(cache: Path, key: str, name: str) -> RenderResult | None:
    meta_path = cache / f"{key}.json"
    if not (
        meta_path.exists() and (cache / f"{key}.pdf").exists() and (cache / f"{key}.png").exists()
    ):
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return RenderResult(
        name, pages=meta["pages"], warnings=meta["warnings"], refused=meta["refused"], cached=True
    )


def _pool_size(jobs: int, pending: int) -> int:
    return max(1, min(jobs or os.cpu_count() or 1, pending))


def run(
    project: Project,
    publications: Iterable[Publication],
    options: Options,
    progress: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Render every requested PDF (from the cache where nothing changed)."""
    cache = project.cache_dir / "pdf"
    planned: list[tuple[Outcome, str]] = []
    failed: list[Outcome] = []
    for publication in publications:
        for output in publication.outputs():
            if options.languages is not None and not options.languages & set(output.split("-")):
                continue
            try:
                input_hash, fallback_warnings = input_key(project, publication, output, options)
                record = _reuse(cache, input_hash)
                if record is not None:
                    document = PrintDocument(
                        publication,
                        output,
                        "",
                        [],
                        record["pages_by_lang"],
                        fallback_warnings + record["warnings"],
                    )
                    key = record["pdf_key"]
                else:
                    document = assemble(project, publication, output, options.print_shop)
                    key = cache_key(project, document, options)
                    own = [w for w in document.warnings if w not in fallback_warnings]
                    _save_record(cache, input_hash, key, document, own)
            except AuthorError as error:
                stub = PrintDocument(publication, output, "", [], {})
                outcome = Outcome(
                    publication, stub, RenderResult(stub.filename), errors=[str(error)]
                )
                failed.append(outcome)
                if progress:
                    progress(outcome)
                continue
            outcome = Outcome(
                publication,
                document,
                RenderResult(document.filename),
                print_shop=options.print_shop,
            )
            outcome.warnings.extend(document.warnings)
            planned.append((outcome, key))

    pending = []
    for outcome, key in planned:
        hit = _cached(cache, key, outcome.document.filename)
        if hit is not None:
            outcome.result = hit
        else:
            pending.append((outcome, key))

    requests = [_request(project, outcome.document, options, key) for outcome, key in pending]
    workers = _pool_size(options.jobs, len(requests))
    if workers > 1:
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = pool.map(render, requests)
            for (outcome, key), result in zip(pending, results, strict=True):
                _finish(cache, outcome, key, result, progress)
    else:
        for (outcome, key), request in zip(pending, requests, strict=True):
            _finish(cache, outcome, key, render(request), progress)

    for outcome, key in planned:
        if outcome.result.cached:
            _finish(cache, outcome, key, outcome.result, progress)
    return failed + [outcome for outcome, _ in planned]


def _finish(cache: Path, outcome: Outcome, key: str, result: RenderResult, progress) -> None:
    outcome.result = result
    name = f"{outcome.publication.id} ({outcome.document.output})"
    if result.error:
        outcome.errors.append(f"{outcome.publication.source}: {name}: {result.error}")
    else:
        if not result.cached:
            _store(cache, key, result)
        outcome.pdf_path = cache / f"{key}.pdf"
        outcome.thumbnail_path = cache / f"{key}.png"
    root = outcome.publication.source.parent.parent
    for url in result.refused:
        page = _pages_behind(outcome.document, url, root)
        outcome.warnings.append(
            f"{page}: {name}: refused to embed {url}; only files in docs/, handbook/ and Příručka's own assets may be used"
        )
    outcome.warnings.extend(f"{name}: WeasyPrint: {message}" for message in result.warnings)
    if progress:
        progress(outcome)


def write(outcomes: list[Outcome], out_dir: Path) -> list[Path]:
    """Copy the rendered PDFs (and cover thumbnails) from the cache into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for outcome in outcomes:
        if outcome.pdf_path is None:
            continue
        target = out_dir / outcome.filename
        shutil.copyfile(outcome.pdf_path, target)
        if outcome.thumbnail_path is not None:
            shutil.copyfile(outcome.thumbnail_path, target.with_suffix(".png"))
        written.append(target)
    return written


def describe(outcome: Outcome) -> str:
    """One progress line: name, pages, seconds, cached or rendered."""
    result = outcome.result
    if outcome.errors:
        return f"{outcome.document.filename:<44} failed"
    state = "cached" if result.cached else "rendered"
    return f"{outcome.filename:<44} {result.pages:>4} pages {result.seconds:6.2f} s  {state}"
