"""How long `prirucka check` takes, next to plain MkDocs building the same pages.

    python bench/check_speed.py [--pages 1000] [--repeat 3] [--keep DIR]

Generates the realistic benchmark corpus (bench/make_corpus.py: 2–4 KB pages
with glossary terms, tables of public services, case studies, planted personal
data), then, in one run and alternately so that the machine's load hits both
alike, times:

- `prirucka check --format json` on the whole corpus;
- `mkdocs build` of the same pages with Material and mkdocs-static-i18n only
  (no plugin or Markdown extension of ours, no search index; the corpus's
  Markdown extensions that are not ours stay), into a temporary folder;
- `prirucka check PATH` on one page (the interactive case).

Prints the medians and the ratio check / plain build (target ≤ 0.25) and the
one-page time (target ≤ 0.5 s). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

PLAIN = """\
# Plain MkDocs + Material + mkdocs-static-i18n: the yardstick for `prirucka check`.
site_name: Příručka
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: cs
  font: false
  features: [navigation.indexes, navigation.sections]
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      languages:
        - {locale: cs, name: Čeština, default: true, build: true}
        - {locale: en, name: English, build: true}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc: {permalink: true}
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tasklist
"""


def timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=os.environ)
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; medians reported")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="prirucka-check-bench-"))
    info = make_corpus.generate(root, args.pages, max(2, args.pages // 100))
    (root / "mkdocs-plain.yml").write_text(PLAIN, encoding="utf-8")
    sizes = sorted(
        p.stat().st_size for p in (root / "docs").glob("*/sekce-*/*.md") if p.name != "index.md"
    )
    bin_dir = Path(sys.executable).parent
    check = [str(bin_dir / "prirucka"), "check", "--format", "json"]
    one_page = root / "docs" / "cs" / info["first_cs_page"]
    site = Path(tempfile.mkdtemp(prefix="prirucka-plain-site-"))
    plain = [str(bin_dir / "mkdocs"), "build", "-q", "-f", "mkdocs-plain.yml", "-d", str(site)]

    checks, builds, singles = [], [], []
    report: dict = {}
    for _ in range(args.repeat):
        seconds, result = timed(plain, root)
        if result.returncode != 0:
            raise SystemExit(f"plain mkdocs build failed:\n{result.stderr[-2000:]}")
        builds.append(seconds)
        seconds, result = timed(check, root)
        report = json.loads(result.stdout)
        checks.append(seconds)
        seconds, _ = timed([*check[:-2], str(one_page)], root)
        singles.append(seconds)
    check_s, build_s = statistics.median(checks), statistics.median(builds)
    summary = report["summary"]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    print(
        f"corpus: {args.pages} pages per language, {summary['pages']} Markdown files, "
        f"page size {sizes[0]}–{sizes[-1]} bytes (median {sizes[len(sizes) // 2]})"
    )
    print(
        f"findings: {summary['error']} errors, {summary['warning']} warnings "
        f"({info['planted_personal_data']} planted items of personal data)"
    )
    runs = ", ".join(f"{t:.2f}" for t in builds)
    print(f"plain MkDocs + Material + i18n build: {build_s:.2f} s (median of {runs})")
    runs = ", ".join(f"{t:.2f}" for t in checks)
    print(f"prirucka check: {check_s:.2f} s (median of {runs})")
    print(f"ratio check / plain build: {check_s / build_s:.2f} (target ≤ 0.25)")
    runs = ", ".join(f"{t:.2f}" for t in singles)
    print(
        f"prirucka check on one page: {statistics.median(singles):.2f} s "
        f"(median of {runs}; target ≤ 0.5 s)"
    )
    if not args.keep:
        print(f"(corpus in {root}; delete it or pass --keep)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
