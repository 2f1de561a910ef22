"""How fast is the personal-data scan (prirucka.core.privacy) on many pages?

    python bench/privacy_scan.py [--pages N] [--repeat R]

Generates the benchmark corpus (bench/make_corpus.py, N pages per language,
about 600 words each) in a temporary folder, reads every page body with the
front-matter reader and runs `privacy.scan()` over all of them R times.
Prints the best time for the corpus as generated (its planted items of
personal data are all it should report; contact-block numbers count as the
page's own, as in `prirucka check`), and for the same
pages with a short case study full of personal data added to each (names next
to child words, a birth date, a phone number, an address, a court file, a
birth number), the worst case for the scan. It measures; it does not judge.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus  # noqa: E402
from prirucka.core import frontmatter  # noqa: E402
from prirucka.core.blocksyntax import contact_numbers  # noqa: E402

CASE = """

/// case | Rodina z kraje
    consent: true
    anonymised: true
Syn Honzík (nar. 3. 5. 2015, RČ 155503/1236) a dcera Anička bydlí s matkou
v Nádražní 12, 370 01 České Budějovice; matka volá z čísla 603 123 456.
Soud věc vede pod sp. zn. 12 P 345/2022, výživné chodí na účet 19-2000145399/0800.
///
"""


def run(bodies: list[tuple[str, str, str, int]], repeat: int) -> tuple[float, Counter]:
    t0 = time.perf_counter()
    from prirucka.core import privacy

    imported = time.perf_counter() - t0
    print(f"  import and name forms: {imported * 1000:.0f} ms ({len(privacy.NAMES)} names)")
    best = float("inf")
    codes: Counter = Counter()
    for round_ in range(repeat):
        start = time.perf_counter()
        for path, body, lang, line in bodies:
            own = set(contact_numbers(body))
            findings = privacy.scan(path, body, lang, line, own_phones=own)
            if round_ == 0:
                codes.update(f.code for f in findings)
        best = min(best, time.perf_counter() - start)
    return best, codes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500, help="pages per language (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus.generate(Path(tmp), args.pages, 8)
        bodies = []
        for page in sorted(Path(tmp, "docs").glob("*/**/*.md")):
            document = frontmatter.read(page)
            lang = page.relative_to(Path(tmp, "docs")).parts[0]
            bodies.append((str(page), document.body, lang, document.body_line))
    words = sum(len(body.split()) for _, body, _, _ in bodies)
    print(f"{len(bodies)} pages, {words} words ({words // len(bodies)} per page)")
    for label, pages in (
        ("plain corpus", bodies),
        ("with a case study on every page", [(p, b + CASE, g, n) for p, b, g, n in bodies]),
    ):
        print(label)
        best, codes = run(pages, args.repeat)
        per_page = best / len(pages) * 1000
        print(f"  best of {args.repeat}: {best:.3f} s ({per_page:.2f} ms per page)")
        print(f"  findings: {sum(codes.values())} {dict(sorted(codes.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
