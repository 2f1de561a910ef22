"""How long `prirucka check` takes on a large site (the target: 1,000 pages per language under 10 s).

    python bench/check_speed.py [--pages 1000] [--keep DIR]

Generates the benchmark corpus (bench/make_corpus.py), gives every page a
`type:` (the corpus generator predates typed documents), plants a little
personal data so every detector runs, and times the real command. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="prirucka-check-bench-"))
    make_corpus.generate(root, args.pages, max(2, args.pages // 100))
    pages = 0
    for page in root.glob("docs/*/**/*.md"):
        text = page.read_text(encoding="utf-8")
        if not re.search(r"^type:", text, re.M):
            text = text.replace("---\n", "---\ntype: page\n", 1)
        if pages % 50 == 0 and "/cs/" in page.as_posix():
            text += "\nChlapec Honzík, tel. 605 123 456.\n"
        page.write_text(text, encoding="utf-8")
        pages += 1
    prirucka = str(Path(sys.executable).with_name("prirucka"))
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        result = subprocess.run(
            [prirucka, "check", "--format", "json"],
            cwd=root,
            capture_output=True,
            text=True,
            env=os.environ,
        )
        timings.append(time.perf_counter() - started)
    data = json.loads(result.stdout)
    print(f"machine: {os.cpu_count()} cores")
    print(
        f"pages checked: {data['summary']['pages']} ({args.pages} per language plus section indexes)"
    )
    print(
        f"findings: {data['summary']['error']} errors, {data['summary']['warning']} warnings, {data['summary']['info']} notes"
    )
    print(
        f"prirucka check: {min(timings):.2f} s best of 3 ({', '.join(f'{t:.2f}' for t in timings)}); target < 10 s"
    )
    if not args.keep:
        print(f"(corpus in {root}; delete it or pass --keep)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
