"""Measure how fast Příručka builds a large site and its PDFs.

    python bench/run.py [--pages N] [--publications P] [--jobs J] [--repeat R] [--keep DIR]

Generates a corpus with bench/make_corpus.py (in a temporary folder, or in
DIR with --keep), runs the real `prirucka` command in it and prints a table
of figures. It measures; it does not judge (no asserts on time). See
bench/README.md for what each figure means and the targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PDF_LINE = re.compile(
    r"(?P<name>[\w.-]+\.pdf)\s+(?P<pages>\d+) pages\s+(?P<seconds>[\d.]+) s\s+(?P<state>rendered|cached)\s*$"
)
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def source_digest() -> str:
    """Hash of Příručka's Python code, to notice when it changes during a run."""
    try:
        import prirucka

        package = Path(prirucka.__file__).resolve().parent
    except ImportError:
        package = REPO / "plugins" / "prirucka"
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def git_revision() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "plugins"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes in plugins/" if dirty else "")


def prirucka_command() -> str:
    for candidate in (
        REPO / ".venv" / "bin" / "prirucka",
        Path(sys.executable).parent / "prirucka",
    ):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("prirucka")
    if not found:
        raise SystemExit("prirucka not found: run `make build` in the repository first")
    return found


# ---------------------------------------------------------------------------
# Running one command: wall time, exit code, output, memory
# ---------------------------------------------------------------------------


@dataclass
class PdfLine:
    name: str
    pages: int
    seconds: float
    state: str


@dataclass
class Run:
    label: str
    command: list[str]
    seconds: float
    returncode: int
    output: str
    maxrss_kb: int  # largest single process of the tree (wait4 rusage)
    peak_tree_kb: int  # sum of RSS over the whole session, sampled
    pdfs: list[PdfLine] = field(default_factory=list)

    @property
    def rendered(self) -> list[PdfLine]:
        return [p for p in self.pdfs if p.state == "rendered"]

    @property
    def cached(self) -> list[PdfLine]:
        return [p for p in self.pdfs if p.state == "cached"]

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith("WARNING")]


def _session_rss_kb(session: int) -> int:
    """Sum of the resident set sizes of all processes in a session (survives re-parenting)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        # fields[0] is field 3 (state): session is field 6, rss field 24.
        if int(fields[3]) == session:
            total += int(fields[21]) * PAGE_SIZE_KB
    return total


class _Sampler(threading.Thread):
    def __init__(self, session: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.session = session
        self.interval = interval
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, _session_rss_kb(self.session))
            self.stop.wait(self.interval)


CODE_CHANGES: list[str] = []
_CODE = {"digest": ""}


def run(label: str, command: list[str], cwd: Path, log_dir: Path) -> Run:
    digest = source_digest()
    if _CODE["digest"] and digest != _CODE["digest"]:
        CODE_CHANGES.append(label)
    _CODE["digest"] = digest
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = (
        log_dir
        / f"{len(list(log_dir.iterdir())) + 1:02d}-{re.sub(r'[^a-z0-9]+', '-', label.lower()).strip('-')}.log"
    )
    with open(log_path, "w+", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        sampler = _Sampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    result = Run(
        label,
        command,
        seconds,
        process.returncode,
        output,
        usage.ru_maxrss,
        sampler.peak,
    )
    for line in output.splitlines():
        match = PDF_LINE.search(line)
        if match:
            result.pdfs.append(
                PdfLine(match["name"], int(match["pages"]), float(match["seconds"]), match["state"])
            )
    status_text = "ok" if result.returncode == 0 else f"EXIT {result.returncode}"
    status_text += f"  load {os.getloadavg()[0]:.1f}"
    print(
        f"  {label:<44} {seconds:7.2f} s  {status_text}"
        + (
            f"  ({len(result.rendered)} rendered, {len(result.cached)} cached)"
            if result.pdfs
            else ""
        ),
        flush=True,
    )
    if result.returncode != 0:
        print(f"\nFAILED: {' '.join(command)}\n  in {cwd}\n  log: {log_path}\n", file=sys.stderr)
        print("\n".join(output.splitlines()[-40:]), file=sys.stderr)
        raise SystemExit(1)
    return result


# ---------------------------------------------------------------------------
# Machine and report
# ---------------------------------------------------------------------------


def machine_info() -> list[tuple[str, str]]:
    info = [("date", dt.datetime.now().isoformat(timespec="seconds"))]
    info.append(("os.cpu_count()", str(os.cpu_count())))
    if hasattr(os, "sched_getaffinity"):
        info.append(("usable cores", str(len(os.sched_getaffinity(0)))))
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info.append(("cpu", line.split(":", 1)[1].strip()))
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                kb = int(line.split()[1])
                info.append(("memory", f"{kb / 1024 / 1024:.1f} GiB"))
                break
    except OSError:
        pass
    info.append(("platform", platform.platform()))
    info.append(("python", platform.python_version()))
    info.append(("git", git_revision()))
    info.append(("code digest", source_digest()))
    try:
        from importlib.metadata import version

        for package in ("prirucka", "mkdocs", "mkdocs-material", "weasyprint"):
            info.append((package, version(package)))
    except Exception:  # the bench may run outside the project's venv
        pass
    return info


def mib(kb: int) -> str:
    return f"{kb / 1024:.0f} MiB"


def table(rows: list[tuple[str, str, str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


# ---------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="pages per language (default 200)")
    parser.add_argument(
        "--publications", type=int, default=8, help="publications = sections (default 8)"
    )
    parser.add_argument(
        "--jobs", type=int, default=0, help="parallel PDF renderers (default 0: one per core)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of the plain and the warm build; the median is reported (default 3)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="create the corpus here and keep it (default: a temporary folder, deleted)",
    )
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)

    prirucka = prirucka_command()
    if args.keep:
        corpus = args.keep.resolve()
        temp = None
    else:
        temp = tempfile.TemporaryDirectory(prefix="prirucka-bench-")
        corpus = Path(temp.name)
    try:
        return bench(args, prirucka, corpus)
    finally:
        if temp is not None:
            temp.cleanup()


def bench(args: argparse.Namespace, prirucka: str, corpus: Path) -> int:
    print("Machine")
    for key, value in machine_info():
        print(f"  {key:<16} {value}")
    print(f"  prirucka         {prirucka}")

    started = time.perf_counter()
    info = make_corpus.generate(corpus, args.pages, args.publications, args.seed)
    generate_seconds = time.perf_counter() - started
    log_dir = corpus / "bench-logs"
    if log_dir.exists():
        shutil.rmtree(log_dir)
    for stale in (corpus / "site", corpus / ".cache"):
        if stale.exists():
            shutil.rmtree(stale)
    print(f"\nCorpus in {corpus} ({generate_seconds:.1f} s to generate)")
    print(
        f"  {info['pages_per_language']} pages per language + {info['section_indexes']} section indexes + home, "
        f"{info['images']} images, {info['publications']} publications, {info['pdfs']} PDFs"
    )

    config = corpus / "mkdocs.yml"
    if args.jobs:
        text = config.read_text(encoding="utf-8")
        text = text.replace(
            "  - prirucka-print\n", f"  - prirucka-print:\n      jobs: {args.jobs}\n"
        )
        config.write_text(text, encoding="utf-8")

    help_text = subprocess.run(
        [prirucka, "build", "--help"], capture_output=True, text=True, check=False
    ).stdout
    if "--no-pdf" in help_text:
        plain = [prirucka, "build", "--no-pdf"]
        plain_how = "prirucka build --no-pdf"
    else:
        # Before `--no-pdf` exists: the same configuration without prirucka-print.
        text = config.read_text(encoding="utf-8")
        text = re.sub(r"\n  - prirucka-print(:\n      jobs: \d+)?\n", "\n", text)
        if "prirucka-print" in text:
            raise SystemExit("could not remove prirucka-print from mkdocs.yml")
        (corpus / "mkdocs.noprint.yml").write_text(text, encoding="utf-8")
        plain = [prirucka, "build", "-f", "mkdocs.noprint.yml"]
        plain_how = "prirucka build -f mkdocs.noprint.yml (no --no-pdf yet: prirucka-print removed)"
    full = [prirucka, "build"]
    pdf_jobs = ["-j", str(args.jobs)] if args.jobs else []
    pdf_cache = corpus / ".cache" / "prirucka" / "pdf"

    print("\nRuns")
    first = run("plain site, first (cold webfont cache)", plain, corpus, log_dir)
    plains = [run(f"plain site #{i + 1}", plain, corpus, log_dir) for i in range(args.repeat)]

    if pdf_cache.exists():
        shutil.rmtree(pdf_cache)
    cold = run("full build, cold (empty PDF cache)", full, corpus, log_dir)
    warms = [
        run(f"full build, warm #{i + 1} (nothing changed)", full, corpus, log_dir)
        for i in range(args.repeat)
    ]

    edited_rel = info["first_cs_page"]
    edited = corpus / "docs" / "cs" / edited_rel
    with open(edited, "a", encoding="utf-8") as handle:
        handle.write("\nTato věta byla doplněna při měření, aby se změnila jedna česká stránka.\n")
    edit = run(f"full build after editing cs/{edited_rel.split('/')[0]}/…", full, corpus, log_dir)

    if pdf_cache.exists():
        shutil.rmtree(pdf_cache)
    pdf_cold = run(
        "prirucka pdf, cold (empty PDF cache)", [prirucka, "pdf", *pdf_jobs], corpus, log_dir
    )
    pdf_warm = run(
        "prirucka pdf, warm (nothing changed)", [prirucka, "pdf", *pdf_jobs], corpus, log_dir
    )

    # ------------------------------------------------------------------ figures
    plain_s = median(plains)
    warm_s = median(warms)
    cold_pages = sum(p.pages for p in cold.rendered)
    pdf_part = cold.seconds - plain_s
    formats = {
        f"bench-{n:02d}": make_corpus.FORMATS[(n - 1) % len(make_corpus.FORMATS)]
        for n in range(1, args.publications + 1)
    }
    per_format: dict[str, list[PdfLine]] = {}
    for line in cold.rendered:
        per_format.setdefault(formats.get(line.name.split(".")[0], "?"), []).append(line)
    pdf_files = sorted((corpus / "site" / "pdf").glob("*.pdf"))
    expected = "bench-01.cs.pdf"  # the edited page is in sekce-01, the only folder of bench-01
    rendered_after_edit = [p.name for p in edit.rendered]
    edit_ok = rendered_after_edit == [expected]

    rows: list[tuple[str, str, str]] = [("figure", "value", "notes")]
    rows.append(
        (
            "pages per language",
            str(info["pages_per_language"]),
            f"+ {info['section_indexes']} section indexes + home = {info['markdown_files_per_language']} Markdown files per language",
        )
    )
    rows.append(
        (
            "publications / PDFs",
            f"{info['publications']} / {len(cold.pdfs)}",
            f"{len(pdf_files)} PDFs in site/pdf/; formats cycle {', '.join(make_corpus.FORMATS)}",
        )
    )
    rows.append(
        (
            "total PDF pages",
            str(sum(p.pages for p in cold.pdfs)),
            ", ".join(
                f"{fmt}: {sum(p.pages for p in lines)}" for fmt, lines in sorted(per_format.items())
            ),
        )
    )
    rows.append(
        (
            "plain site build (first)",
            f"{first.seconds:.2f} s",
            "cold webfont-subset cache; not used for the ratio",
        )
    )
    rows.append(
        (
            "plain site build",
            f"{plain_s:.2f} s",
            f"median of {len(plains)}: {', '.join(f'{r.seconds:.2f}' for r in plains)}; {plain_how}",
        )
    )
    rows.append(
        (
            "cold full build",
            f"{cold.seconds:.2f} s",
            f"site + {len(cold.rendered)} PDFs rendered, {len(cold.cached)} cached",
        )
    )
    rows.append(
        (
            "warm full build",
            f"{warm_s:.2f} s",
            f"median of {len(warms)}: {', '.join(f'{r.seconds:.2f}' for r in warms)}; "
            f"rendered {', '.join(str(len(r.rendered)) for r in warms)} (expected 0)",
        )
    )
    rows.append(("warm full / plain site", f"{warm_s / plain_s:.2f}", "target ≤ 1.2"))
    rows.append(
        (
            "rebuild after editing 1 cs page",
            f"{edit.seconds:.2f} s",
            f"{len(edit.rendered)} rendered ({', '.join(rendered_after_edit) or 'none'}), {len(edit.cached)} cached; "
            f"expected only {expected}: {'yes' if edit_ok else 'NO'}",
        )
    )
    rows.append(
        ("PDF part of the cold build", f"{pdf_part:.2f} s", "cold full build − plain site build")
    )
    rows.append(
        (
            "PDF pages/s, cold build",
            f"{cold_pages / pdf_part:.1f}" if pdf_part > 0 else "n/a",
            f"{cold_pages} rendered pages / PDF part",
        )
    )
    pdf_cold_pages = sum(p.pages for p in pdf_cold.rendered)
    rows.append(
        (
            "prirucka pdf, cold",
            f"{pdf_cold.seconds:.2f} s",
            f"{pdf_cold_pages / pdf_cold.seconds:.1f} pages/s wall; {len(pdf_cold.rendered)} rendered"
            + (f"; -j {args.jobs}" if args.jobs else "; one renderer per core"),
        )
    )
    rows.append(
        (
            "prirucka pdf, warm",
            f"{pdf_warm.seconds:.2f} s",
            f"{len(pdf_warm.rendered)} rendered, {len(pdf_warm.cached)} cached: assembling + cache keys",
        )
    )
    for fmt, lines in sorted(per_format.items()):
        pages = sum(p.pages for p in lines)
        seconds = sum(p.seconds for p in lines)
        rows.append(
            (
                f"render time per {fmt} page",
                f"{1000 * seconds / pages:.0f} ms",
                f"{len(lines)} PDFs, {pages} pages, {seconds:.1f} s in renderers (cold build, parallel workers)",
            )
        )
    rows.append(
        (
            "peak RSS, plain site",
            mib(max(r.peak_tree_kb for r in [first, *plains])),
            f"largest single process {mib(max(r.maxrss_kb for r in [first, *plains]))}",
        )
    )
    rows.append(
        (
            "peak RSS, cold full build",
            mib(cold.peak_tree_kb),
            f"largest single process {mib(cold.maxrss_kb)}",
        )
    )
    rows.append(
        (
            "peak RSS, warm full build",
            mib(max(r.peak_tree_kb for r in warms)),
            f"largest single process {mib(max(r.maxrss_kb for r in warms))}",
        )
    )
    rows.append(
        (
            "peak RSS, prirucka pdf cold",
            mib(pdf_cold.peak_tree_kb),
            f"largest single process {mib(pdf_cold.maxrss_kb)}",
        )
    )

    print("\nFigures (wall-clock; peak RSS = sum over the process tree, sampled every 0.1 s)\n")
    print(table(rows))

    warnings = sorted({w for r in [cold, *warms, edit] for w in r.warnings})
    if warnings:
        print(f"\n{len(warnings)} distinct warning(s) from the builds, for example:")
        for warning in warnings[:5]:
            print(f"  {warning}")
    surprises = []
    for r in warms:
        if r.rendered:
            surprises.append(
                f"{r.label}: {len(r.rendered)} PDF(s) rendered again although nothing changed "
                f"({', '.join(p.name for p in r.rendered)}): the cache key is not stable"
            )
    if pdf_warm.rendered:
        surprises.append(f"prirucka pdf (warm) rendered {len(pdf_warm.rendered)} PDF(s) again")
    if not edit_ok:
        surprises.append(
            f"after editing {edited_rel} (cs) the build rendered {rendered_after_edit or 'nothing'}, expected [{expected}]"
        )
    if len(cold.pdfs) != info["pdfs"]:
        surprises.append(f"the cold build reported {len(cold.pdfs)} PDFs, expected {info['pdfs']}")
    if source_digest() != _CODE["digest"]:
        CODE_CHANGES.append("the end of the last run")
    if CODE_CHANGES:
        surprises.append(
            "Příručka's code changed during the benchmark (noticed before: "
            + "; ".join(CODE_CHANGES)
            + "); the input-level PDF cache key includes that code, so from that point every publication is "
            "assembled again (and rendered again if its print HTML changed): those figures mix versions; run again"
        )
    if surprises:
        print("\nSurprises")
        for line in surprises:
            print(f"  - {line}")
    print(
        f"\nLogs of every run: {corpus / 'bench-logs'}"
        + ("" if args.keep else " (deleted with the temporary corpus)")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
