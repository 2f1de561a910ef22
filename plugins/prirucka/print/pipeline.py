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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ..core import cache as verified
from ..core.context import BuildContext
from ..core.errors import AuthorError
from ..core.manifest import Publication
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


def run(
    project: Project,
    publications: Iterable[Publication],
    options: Options,
    progress: Callable[[Outcome], None] | None = None,
    ctx: BuildContext | None = None,
) -> list[Outcome]:
    """Render every requested PDF (from the cache where nothing changed), from the
    build context's pages when given (else read from disk)."""
    cache = project.cache_dir / "pdf"
    planned: list[tuple[Outcome, str]] = []
    failed: list[Outcome] = []
    for publication in publications:
        for output in publication.outputs():
            if options.languages is not None and not options.languages & set(output.split("-")):
                continue
            try:
                input_hash, fallback_warnings = input_key(
                    project, publication, output, options, ctx
                )
                record = _reuse(cache, input_hash)
                if record is not None:
                    document = PrintDocument(
                        publication,
                        output,
                        "",
                        [],
                        record["pages_by_lang"],
                        fallback_warnings + record["warnings"],
                        errors=record.get("errors", []),
                    )
                    key = record["pdf_key"]
                else:
                    document = assemble(project, publication, output, options.print_shop, ctx)
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
            outcome.errors.extend(document.errors)
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
    if any(outcome.result.subset_fallback for outcome, _ in pending):
        logging.getLogger("prirucka.print").info(SUBSET_NOTE)  # once, not per font and PDF
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
