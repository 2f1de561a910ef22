"""Publications -> PDFs: assemble, look in the cache, render what changed in parallel.

MkDocs-free: the MkDocs plugin and `prirucka pdf` both call `run()`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ..core import cache as verified
from ..core.context import BuildContext
from ..core.errors import AuthorError
from ..core.manifest import Publication
from ..core.offload import apart_from_main, follow
from ..core.project import Project
from ..core.theme import PACKAGE_THEME
from .document import PrintDocument, assemble, theme
from .render import PACKAGE_ASSETS, SUBSET_NOTE, RenderRequest, RenderResult, render
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


def _named(value: object) -> str:
    """A Python object in an option (a `!!python/name:` function) by its name, not its address."""
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"{getattr(value, '__module__', '')}.{name}"


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


def _code_digest() -> str:
    return verified.package_digest()


def input_key(
    project: Project,
    publication: Publication,
    output: str,
    options: Options,
    ctx: BuildContext | None = None,
) -> tuple[str, list[str], dict[str, list[str]]]:
    """Hash of everything the print HTML is made from, without making it.

    Lets a rebuild with nothing changed skip assembling the HTML (Markdown,
    templates) altogether. Returns the warnings about pages printed from
    another language too, which must be shown on every build, and the pages
    printed per language (known before the PDF is made: the site links them).
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
        default=_named,
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
        project.handbook_dir / "helplines.yml",  # a back cover may list them
        project.glossary_path,
    ]
    files += theme(project).files()
    warnings: list[str] = []
    pages_by_lang: dict[str, list[str]] = {}
    for lang in output.split("-"):
        back = publication.back_cover.get(lang)
        if back is not None:
            for code in project.languages:
                page = ctx.page(code, back.path) if ctx is not None else None
                if page is not None:
                    digest.update(f"back:{code}/{back.path}\0{page.digest}\0".encode())
                else:
                    files.append(project.language_dir(code) / back.path)
        found, fallback = chapters(project, publication, lang, ctx)
        warnings.extend(fallback)
        pages_by_lang[lang] = [chapter.path for chapter in found]
        for chapter in found:
            digest.update(f"{lang}\0{chapter.path}\0{chapter.text_lang}\0".encode())
            # Its counterparts too: whether a translation is outdated depends on its source.
            for code in project.languages:
                page = ctx.page(code, chapter.path) if ctx is not None else None
                if page is not None:
                    digest.update(f"{code}/{chapter.path}\0{page.digest}\0".encode())
                else:
                    files.append(project.language_dir(code) / chapter.path)
    for path in files:
        digest.update(f"{path}\0{_digest_of(path)}\0".encode())
    return digest.hexdigest(), warnings, pages_by_lang


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
        "errors": document.errors,
    }
    verified.store(_record_path(cache, input_hash), json.dumps(record, ensure_ascii=False).encode())


def _json_entry(path: Path) -> dict | None:
    """A verified JSON cache entry, or None (missing or damaged: made again)."""
    data = verified.load(path)
    if data is None:
        return None
    try:
        value = json.loads(data)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        verified.discard(path)
        return None
    return value


def _reuse(cache: Path, input_hash: str) -> dict | None:
    """The record of an earlier run with the same inputs, if its embedded files are unchanged."""
    record = _json_entry(_record_path(cache, input_hash))
    if record is None:
        return None
    try:
        if any(_digest_of(Path(name)) != digest for name, digest in record["files"].items()):
            return None
        if _cached(cache, str(record["pdf_key"]), "") is None:
            return None  # the PDF it names is gone or damaged: the HTML must be made again
        return {
            "pdf_key": str(record["pdf_key"]),
            "pages_by_lang": dict(record["pages_by_lang"]),
            "warnings": list(record["warnings"]),
            "errors": list(record.get("errors", [])),
        }
    except (KeyError, TypeError, AttributeError):
        verified.discard(_record_path(cache, input_hash))
        return None


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

    verified.store(cache / f"{key}.pdf", result.pdf)
    verified.store(cache / f"{key}.png", cover_png(result.pdf))
    meta = {"pages": result.pages, "warnings": result.warnings, "refused": result.refused}
    verified.store(cache / f"{key}.json", json.dumps(meta, ensure_ascii=False).encode())


def _cached(cache: Path, key: str, name: str) -> RenderResult | None:
    """The PDF rendered earlier for `key`, when every part of it is intact."""
    meta = _json_entry(cache / f"{key}.json")
    if meta is None:
        return None
    for suffix in (".pdf", ".png"):
        if verified.load(cache / f"{key}{suffix}") is None:
            return None
    try:
        return RenderResult(
            name,
            pages=int(meta["pages"]),
            warnings=list(meta["warnings"]),
            refused=list(meta["refused"]),
            cached=True,
        )
    except (KeyError, TypeError, ValueError):
        verified.discard(cache / f"{key}.json")
        return None


def _pool_size(jobs: int, pending: int) -> int:
    return max(1, min(jobs or os.cpu_count() or 1, pending))


@dataclass
class Job:
    """One PDF to make in a worker: everything it needs travels with it (pickled)."""

    project: Project
    ctx: BuildContext | None
    publication: Publication
    output: str
    options: Options
    input_hash: str
    fallback_warnings: list[str]


# A worker's build context: sent once when the worker starts, not with each of its PDFs.
_worker_context: BuildContext | None = None


def _receive_context(ctx: BuildContext | None, build: int) -> None:
    global _worker_context
    _worker_context = ctx
    follow(build)  # a killed build leaves no worker behind


def make(job: Job) -> Outcome:
    """Assemble one PDF's HTML, render it (unless an identical one is cached) and store it.

    Runs in a worker process, beside the site build. The outcome it returns
    carries the facts (pages, warnings, cache entry), not the HTML or the PDF.
    """
    cache = job.project.cache_dir / "pdf"
    publication, output = job.publication, job.output
    try:
        ctx = job.ctx if job.ctx is not None else _worker_context
        document = assemble(job.project, publication, output, job.options.print_shop, ctx)
        key = cache_key(job.project, document, job.options)
    except AuthorError as error:
        stub = PrintDocument(publication, output, "", [], {})
        return Outcome(publication, stub, RenderResult(stub.filename), errors=[str(error)])
    own = [w for w in document.warnings if w not in job.fallback_warnings]
    _save_record(cache, job.input_hash, key, document, own)
    outcome = Outcome(
        publication, document, RenderResult(document.filename), print_shop=job.options.print_shop
    )
    outcome.warnings.extend(document.warnings)
    outcome.errors.extend(document.errors)
    result = _cached(cache, key, document.filename)
    if result is None:
        result = render(_request(job.project, document, job.options, key))
    _finish(cache, outcome, key, result, None)
    # The HTML, the chapters' sources and the PDF (stored in the cache) stay here:
    # only the facts go back.
    outcome.document = replace(document, html="", sources=[], files=[])
    outcome.result = replace(outcome.result, pdf=b"")
    return outcome


class Rendering:
    """The PDFs of a build: those the cache had are ready at once, the others are
    made by worker processes while the caller goes on (the site build)."""

    def __init__(
        self, planned: list[Outcome], jobs: list[tuple[int, Job]], workers: int, background: bool
    ) -> None:
        self.planned = planned  # in publication order; a pending one holds its plan only
        self._pending: dict[int, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        if len(jobs) > 1 or (jobs and background):
            context = multiprocessing.get_context("forkserver")
            # One context for all jobs: each worker gets it once (it is the whole site).
            ctx = jobs[0][1].ctx
            with apart_from_main():  # the workers start while the jobs are handed in
                self._pool = ProcessPoolExecutor(
                    max_workers=workers,
                    mp_context=context,
                    initializer=_receive_context,
                    initargs=(ctx, os.getpid()),
                )
                self._pending = {
                    index: self._pool.submit(
                        make, replace(job, ctx=None) if job.ctx is ctx else job
                    )
                    for index, job in jobs
                }
        else:  # a single PDF with nothing to overlap: made here, now
            for index, job in jobs:
                self.planned[index] = make(job)
        self.workers = workers if self._pool is not None else 0  # processes rendering

    def pending(self, outcome: Outcome) -> bool:
        """Whether `outcome`'s PDF is still being made (its pages and size unknown)."""
        return any(self.planned[index] is outcome for index in self._pending)

    def wait(self, progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
        """Every outcome, once every PDF is made; `progress` hears of each."""
        try:
            for index, future in self._pending.items():
                try:
                    self.planned[index] = future.result()
                except BrokenProcessPool:
                    outcome = self.planned[index]
                    outcome.errors.append(
                        f"{outcome.publication.source}: {outcome.document.filename}: the PDF "
                        "worker stopped unexpectedly (out of memory, or killed); build again, or render fewer "
                        "PDFs at once (`jobs: 1` in prirucka-print's options)"
                    )
                except Exception as error:  # a fault of ours in the worker: named, not a traceback
                    outcome = self.planned[index]
                    outcome.errors.append(
                        f"{outcome.publication.source}: {outcome.document.filename}: the PDF "
                        f"could not be made ({type(error).__name__}: {error}); please report "
                        "this with the manifest"
                    )
        finally:
            self.cancel()
        if progress:
            for outcome in self.planned:
                progress(outcome)
        if any(outcome.result.subset_fallback for outcome in self.planned):
            logging.getLogger("prirucka.print").info(SUBSET_NOTE)  # once, not per font and PDF
        return list(self.planned)

    def cancel(self) -> None:
        """Stop the workers: a failed build does not wait for its PDFs."""
        if self._pool is None:
            return
        unfinished = [future for future in self._pending.values() if not future.done()]
        for future in unfinished:
            future.cancel()
        if unfinished:
            # A worker inside WeasyPrint cannot be asked to stop; it is ended. The
            # executor has no public way to do this before Python 3.14.
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None
        self._pending = {}


def start(
    project: Project,
    publications: Iterable[Publication],
    options: Options,
    ctx: BuildContext | None = None,
    background: bool = False,
) -> Rendering:
    """Begin making every requested PDF: from the cache where nothing changed, in
    worker processes otherwise (always, with `background`: the caller has other
    work meanwhile). From the build context's pages when given."""
    cache = project.cache_dir / "pdf"
    planned: list[Outcome] = []
    jobs: list[tuple[int, Job]] = []
    for publication in publications:
        for output in publication.outputs():
            if options.languages is not None and not options.languages & set(output.split("-")):
                continue
            try:
                input_hash, fallback, pages_by_lang = input_key(
                    project, publication, output, options, ctx
                )
            except AuthorError as error:
                stub = PrintDocument(publication, output, "", [], {})
                planned.append(
                    Outcome(publication, stub, RenderResult(stub.filename), errors=[str(error)])
                )
                continue
            record = _reuse(cache, input_hash)
            document = PrintDocument(
                publication,
                output,
                "",
                [],
                record["pages_by_lang"] if record else pages_by_lang,
                fallback + (record["warnings"] if record else []),
                errors=record.get("errors", []) if record else [],
            )
            outcome = Outcome(
                publication,
                document,
                RenderResult(document.filename),
                print_shop=options.print_shop,
            )
            planned.append(outcome)
            hit = _cached(cache, record["pdf_key"], document.filename) if record else None
            if hit is None:
                job = Job(project, ctx, publication, output, options, input_hash, fallback)
                jobs.append((len(planned) - 1, job))
                continue
            outcome.warnings.extend(document.warnings)
            outcome.errors.extend(document.errors)
            _finish(cache, outcome, record["pdf_key"], hit, None)
    return Rendering(planned, jobs, _pool_size(options.jobs, len(jobs)), background)


def run(
    project: Project,
    publications: Iterable[Publication],
    options: Options,
    progress: Callable[[Outcome], None] | None = None,
    ctx: BuildContext | None = None,
) -> list[Outcome]:
    """Render every requested PDF (from the cache where nothing changed), from the
    build context's pages when given (else read from disk), and wait for them."""
    return start(project, publications, options, ctx).wait(progress)


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
    """Copy the rendered PDFs (and cover thumbnails) from the cache into `out_dir`,
    each checked against its hash on the way out."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for outcome in outcomes:
        if outcome.pdf_path is None:
            continue
        target = out_dir / outcome.filename
        for source, destination in (
            (outcome.pdf_path, target),
            (outcome.thumbnail_path, target.with_suffix(".png")),
        ):
            data = verified.load(source) if source is not None else None
            if data is None:
                raise AuthorError(
                    source or target,
                    None,
                    "the cached PDF was damaged while the build ran; build again",
                )
            tmp = destination.with_name(f".{destination.name}.tmp")
            tmp.write_bytes(data)
            tmp.replace(destination)
        written.append(target)
    return written


def describe(outcome: Outcome) -> str:
    """One progress line: name, pages, seconds, cached or rendered."""
    result = outcome.result
    if outcome.errors:
        return f"{outcome.document.filename:<44} failed"
    state = "cached" if result.cached else "rendered"
    return f"{outcome.filename:<44} {result.pages:>4} pages {result.seconds:6.2f} s  {state}"
