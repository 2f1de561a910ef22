"""Precision and recall of the personal-data check on a realistic generated knowledge base.

    python bench/privacy_precision.py [--pages 1000] [--keep DIR]

Generates the benchmark corpus (bench/make_corpus.py): pages with tables of
public services, contact lists, case studies with pseudonyms, law citations,
ISBNs, project numbers and dates of events, and planted personal data in both
languages, listed in DIR/bench-truth.json (path, line, code). Runs the real
`prirucka check --format json` and compares its privacy findings with that list:
a finding at a planted item's path, line and code is a hit, any other privacy
finding a false alarm, a planted item nobody reported a miss. Target: 0 false
alarms and every planted item found. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

Key = tuple[str, int, str]


def check(root: Path) -> tuple[dict, float]:
    """`prirucka check --format json` in `root`: the report and the seconds it took."""
    prirucka = str(Path(sys.executable).with_name("prirucka"))
    started = time.perf_counter()
    result = subprocess.run(
        [prirucka, "check", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=600,
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"prirucka check failed ({result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout), elapsed


def compare(report: dict, truth: list[dict]) -> dict[str, list[Key]]:
    """Hits, false alarms and misses of the privacy findings against the planted items.

    A planted item is hit when exactly one finding has its path, line and code;
    a second finding there is a false alarm too.
    """
    planted = Counter((t["path"], t["line"], t["code"]) for t in truth)
    found = Counter(
        (f["path"], f["line"], f["code"])
        for f in report["findings"]
        if f["code"].startswith("privacy-")
    )
    hits = sorted(key for key in planted if found[key] >= 1)
    false_alarms = sorted(
        key for key, count in found.items() for _ in range(count - min(count, planted[key]))
    )
    misses = sorted(key for key in planted if found[key] < planted[key])
    return {"hits": hits, "false_alarms": false_alarms, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="prirucka-privacy-bench-"))
    info = make_corpus.generate(root, args.pages, max(2, args.pages // 100))
    truth = json.loads((root / make_corpus.TRUTH).read_text(encoding="utf-8"))
    report, elapsed = check(root)
    result = compare(report, truth)
    hits, false_alarms, misses = (len(result[k]) for k in ("hits", "false_alarms", "misses"))
    reported = hits + false_alarms
    precision = hits / reported if reported else 1.0
    recall = hits / len(truth) if truth else 1.0
    print(
        f"corpus: {info['pages_per_language']} pages per language "
        f"({report['summary']['pages']} Markdown files checked), {len(truth)} planted items "
        f"({', '.join(f'{code} {n}' for code, n in sorted(Counter(t['code'] for t in truth).items()))})"
    )
    print(f"prirucka check: {elapsed:.2f} s")
    print(f"privacy findings: {reported} ({hits} planted items found, {false_alarms} false alarms)")
    print(f"precision: {precision:.3f}  recall: {recall:.3f}  (target: 1.000 and 1.000)")
    for label, keys in (("false alarm", result["false_alarms"]), ("missed", result["misses"])):
        for path, line, code in keys[:20]:
            print(f"  {label}: {path}:{line}: {code}")
    if not args.keep:
        print(f"(corpus in {root}; delete it or pass --keep)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
