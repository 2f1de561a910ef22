"""Příručka next to its peers, side by side in one run (issue 13's speed targets).

    python bench/compare.py [--pages 200] [--publications 8] [--repeat 3] [--keep DIR]
                            [--no-peer] [--no-serve]

Generates the realistic bench corpus (bench/make_corpus.py: N pages per
language, one publication per section) and times, alternately so that the
machine's load hits all alike:

- **plain**: the same pages built by plain MkDocs + Material + mkdocs-static-i18n,
  with Material's own search and no plugin or Markdown extension of ours;
- **warm**: `prirucka build --no-pdf` with a warm `.cache/` (target ≤ 1.5× plain);
- **fresh**: `prirucka build --no-pdf` on a fresh clone, no `.cache/` (≤ 2× plain);
- **full cold**: `prirucka build`, every publication in both languages, empty
  `.cache/` (≤ 0.6× mkdocs-to-pdf);
- **unchanged**: `prirucka build` again with nothing changed (≤ 0.15× mkdocs-to-pdf);
- **mkdocs-to-pdf**: the peer users would pick, installed into a venv of its own
  inside the bench folder (`--no-peer` skips it), building the same pages
  with its PDF (one PDF per language pass; the English one overwrites the Czech);
- **serve**: a saved edit of one page, until `prirucka serve` serves the new
  text, next to plain `mkdocs serve` (≤ 1.5×; `--no-serve` skips it);
- **memory**: the peak resident memory of the build's main process (next to
  plain MkDocs's, ≤ 1.5×) and of all its processes together (PDF workers, the
  helper process, Pagefind).

Prints the figures, the ratios and the targets. It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402
from run import _session_rss_kb as session_rss_kb  # noqa: E402

BIN = Path(sys.executable).parent
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
OURS = re.compile(r"^\s*-\s*(prirucka[-_]\w+)")


@dataclass
class Timing:
    seconds: float
    cpu: float
    main_kb: int  # peak resident memory of the command's own process
    tree_kb: int  # peak of the sum over the process tree
    returncode: int


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE_SIZE_KB
    except OSError:
        return 0


def run(command: list[str], cwd: Path, env: dict | None = None) -> Timing:
    """Run `command`; wall and CPU time (children included) and peak memory."""
    log = cwd / "bench-compare.log"
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(command)}\n")
        out.flush()
        started = time.perf_counter()
        before = os.times()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        peaks = {"main": 0, "tree": 0}
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peaks["main"] = max(peaks["main"], _rss_kb(process.pid))
                peaks["tree"] = max(peaks["tree"], session_rss_kb(process.pid))  # its own session
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        process.wait()
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return Timing(seconds, cpu, peaks["main"], peaks["tree"], process.returncode)


def plain_config(config: str, plugins_extra: str = "") -> str:
    """The corpus's mkdocs.yml without anything of ours, with Material's search."""
    lines = []
    skipping = False
    for line in config.split("\n"):
        if OURS.match(line):
            skipping = True
            continue
        if skipping and line.startswith("      "):
            continue  # the options of a plugin of ours
        skipping = False
        lines.append(line)
    text = "\n".join(lines)
    text = text.replace("plugins:\n", "plugins:\n  - search\n" + plugins_extra, 1)
    return re.sub(r"\nstrict: true", "\nstrict: false", text)


def peer_venv(folder: Path) -> Path | None:
    """A venv with mkdocs-to-pdf and the same MkDocs, Material and i18n as ours."""
    python = folder / "bin" / "python"
    if not (folder / "bin" / "mkdocs").exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        packages = [
            "mkdocs-to-pdf",
            f"mkdocs=={version('mkdocs')}",
            f"mkdocs-material=={version('mkdocs-material')}",
            f"mkdocs-static-i18n=={version('mkdocs-static-i18n')}",
            f"pymdown-extensions=={version('pymdown-extensions')}",
            f"weasyprint=={version('weasyprint')}",
        ]
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *packages],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print("  could not install mkdocs-to-pdf:", done.stderr.strip().splitlines()[-1:])
            return None
    return folder / "bin" / "mkdocs"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str) -> str:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", path)
        response = connection.getresponse()
        return response.read().decode("utf-8", "replace") if response.status == 200 else ""
    except OSError:
        return ""


def serve_latency(command: list[str], cwd: Path, page: Path, url: str, edits: int) -> float | None:
    """Median seconds from saving `page` until the server serves the new text."""
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # As installed: bytecode is written (pip compiles installed packages; an editable
    # checkout compiles on its first run, the warm-up below), for every side alike.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with open(cwd / "bench-serve.log", "a") as log:
        server = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{port}"],
            cwd=cwd,
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 600
        while "</html>" not in fetch(port, url):
            if time.monotonic() > deadline or server.poll() is not None:
                return None
            time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle
        original = page.read_text(encoding="utf-8")
        times = []
        for number in range(edits):
            marker = f"bench-edit-{os.getpid()}-{number}-{time.time_ns()}"
            page.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            started = time.perf_counter()
            while marker not in fetch(port, url):
                if time.perf_counter() - started > 300:
                    return None
                time.sleep(0.02)
            times.append(time.perf_counter() - started)
            time.sleep(1.0)
        page.write_text(original, encoding="utf-8")
        return statistics.median(times)
    finally:
        os.killpg(server.pid, 15)
        server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--publications", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--no-peer", action="store_true", help="skip mkdocs-to-pdf")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve latency")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="prirucka-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    make_corpus.generate(corpus, args.pages, args.publications)
    config = (corpus / "mkdocs.yml").read_text(encoding="utf-8")
    (corpus / "mkdocs-plain.yml").write_text(plain_config(config), encoding="utf-8")
    (corpus / "mkdocs-to-pdf.yml").write_text(
        plain_config(config, "  - to-pdf\n"), encoding="utf-8"
    )
    pages = sum(1 for _ in (corpus / "docs").rglob("*.md"))
    print(
        f"corpus: {args.pages} pages per language ({pages} Markdown files), "
        f"{args.publications} publications ({2 * args.publications} PDFs); {os.cpu_count()} cores"
    )

    prirucka = str(BIN / "prirucka")
    mkdocs = str(BIN / "mkdocs")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # As installed: bytecode is written (pip compiles installed packages; an editable
    # checkout compiles on its first run, the warm-up below), for every side alike.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    peer = None if args.no_peer else peer_venv(work / "peer-venv")

    def fresh() -> None:
        shutil.rmtree(corpus / ".cache", ignore_errors=True)

    results: dict[str, list[Timing]] = {}

    def record(name: str, timing: Timing) -> None:
        results.setdefault(name, []).append(timing)
        print(
            f"  {name:<14} {timing.seconds:7.2f} s  cpu {timing.cpu:7.2f} s  rc {timing.returncode}"
        )

    # Warm-up (imports, the OS's file cache) that counts for nobody.
    run(
        [mkdocs, "build", "-q", "-f", "mkdocs-plain.yml", "-d", str(work / "plain-site")],
        corpus,
        env,
    )
    run([prirucka, "build", "--no-pdf"], corpus, env)
    for _ in range(args.repeat):
        record(
            "plain",
            run(
                [mkdocs, "build", "-q", "-f", "mkdocs-plain.yml", "-d", str(work / "plain-site")],
                corpus,
                env,
            ),
        )
        fresh()
        record("fresh", run([prirucka, "build", "--no-pdf"], corpus, env))
        # Warm: the cache the same command left. A full build's pages are cached under
        # other keys (its site has the publications page, which changes every page's
        # links), so a `--no-pdf` build after a full one converts every page again.
        record("warm", run([prirucka, "build", "--no-pdf"], corpus, env))
        fresh()
        record("full cold", run([prirucka, "build"], corpus, env))
        record("unchanged", run([prirucka, "build"], corpus, env))
        if peer is not None:
            record(
                "mkdocs-to-pdf",
                run(
                    [
                        str(peer),
                        "build",
                        "-q",
                        "-f",
                        "mkdocs-to-pdf.yml",
                        "-d",
                        str(work / "peer-site"),
                    ],
                    corpus,
                    env,
                ),
            )

    def median(name: str, what: str = "seconds") -> float:
        return statistics.median(getattr(t, what) for t in results[name])

    rows = [
        ("warm / plain", median("warm") / median("plain"), 1.5),
        ("fresh / plain", median("fresh") / median("plain"), 2.0),
    ]
    if "mkdocs-to-pdf" in results:
        rows += [
            ("full cold / mkdocs-to-pdf", median("full cold") / median("mkdocs-to-pdf"), 0.6),
            ("unchanged / mkdocs-to-pdf", median("unchanged") / median("mkdocs-to-pdf"), 0.15),
        ]
    main_peak = max(t.main_kb for t in results["full cold"])
    plain_peak = max(t.main_kb for t in results["plain"])
    rows.append(("memory: main process / plain", main_peak / plain_peak, 1.5))

    if not args.no_serve:
        section = sorted(p for p in (corpus / "docs" / "cs").iterdir() if p.is_dir())[0]
        page = sorted(p for p in section.glob("*.md") if p.name != "index.md")[0]
        url = f"/{section.name}/{page.stem}/"
        ours = serve_latency([prirucka, "serve"], corpus, page, url, 3)
        plain = serve_latency([mkdocs, "serve", "-f", "mkdocs-plain.yml"], corpus, page, url, 3)
        print(
            f"  serve: prirucka {ours} s, plain mkdocs {plain} s (an edit of {page.relative_to(corpus)})"
        )
        if ours and plain:
            rows.append(("serve edit / plain serve", ours / plain, 1.5))

    print()
    print(f"{'measure':<34} {'median s':>9} {'cpu s':>8}")
    for name in results:
        print(f"{name:<34} {median(name):9.2f} {median(name, 'cpu'):8.2f}")
    print()
    print(f"{'peak memory, MiB':<34} {'main':>7} {'all':>7}")
    for name in ("plain", "fresh", "warm", "full cold"):
        if name in results:
            main_mib = max(t.main_kb for t in results[name]) / 1024
            tree_mib = max(t.tree_kb for t in results[name]) / 1024
            print(f"{name:<34} {main_mib:7.0f} {tree_mib:7.0f}")
    print(
        "  main: the command's own process; all: the sum over every process it started "
        "(PDF workers, the helper, Pagefind), at its highest"
    )
    print()
    print(f"{'ratio':<34} {'value':>7} {'target':>7}")
    for name, value, target in rows:
        print(f"{name:<34} {value:7.2f} {'≤ ' + str(target):>7}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
