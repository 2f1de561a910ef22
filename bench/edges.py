"""What hostile or enormous input costs (issue 11): time and peak memory.

    python bench/edges.py [--keep DIR]

On copies of the tiny test project (tests/fixtures/tiny) it times the real
commands for:

- the project as it is (the baseline);
- a 5 MB page (long paragraphs with glossary terms, lists, tables and links):
  `prirucka build --no-pdf` and `prirucka check`;
- a page with 10,000 headings: the same;
- a YAML bomb (nine levels of nested aliases, a billion values once
  expanded) in a manifest, in glossary.yml and in front matter:
  `prirucka check`, which must refuse it at once.

Prints seconds and the peak memory of the process tree. It measures; it
asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from compare import BIN, run  # noqa: E402

TINY = HERE.parent / "tests" / "fixtures" / "tiny"
BOMB = "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9) if n else ', '.join(['lol'] * 9)}]\n"
    for n in range(9)
)
PARAGRAPH = (
    "Sociálně-právní ochrana dětí (SPOD) pomáhá rodinám v obtížné situaci. Orgán "
    "sociálně-právní ochrany dětí spolupracuje se školou, s lékařem a s "
    "[intervenčním centrem](index.md). Rodina dostane plán a podporu v rámci "
    "případové konference.\n\n- první krok\n- druhý krok\n\n| Sloupec | Hodnota |\n"
    "| --- | --- |\n| a | 1 |\n\n"
)


def _page(title: str, body: str) -> str:
    return f"---\ntype: page\ntitle: {title}\n---\n\n# {title}\n\n{body}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="prirucka-edges-"))
    work.mkdir(parents=True, exist_ok=True)
    prirucka = str(BIN / "prirucka")

    def project(name: str) -> Path:
        root = work / name
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(TINY, root)
        return root

    cases = []
    base = project("baseline")
    cases.append(("baseline: build --no-pdf", base, ["build", "--no-pdf"]))
    cases.append(("baseline: check", base, ["check"]))

    big = project("five-megabytes")
    body = PARAGRAPH * (5 * 1024 * 1024 // len(PARAGRAPH.encode()) + 1)
    (big / "docs" / "cs" / "velka.md").write_text(_page("Velká", body), encoding="utf-8")
    size = (big / "docs" / "cs" / "velka.md").stat().st_size
    cases.append(
        (f"{size / 2**20:.1f} MB page: build --no-pdf", big, ["build", "--no-pdf", "--no-strict"])
    )
    cases.append((f"{size / 2**20:.1f} MB page: check", big, ["check"]))

    many = project("ten-thousand-headings")
    body = "".join(f"## Oddíl {n}\n\nText oddílu {n}.\n\n" for n in range(10_000))
    (many / "docs" / "cs" / "nadpisy.md").write_text(_page("Nadpisy", body), encoding="utf-8")
    cases.append(("10,000 headings: build --no-pdf", many, ["build", "--no-pdf", "--no-strict"]))
    cases.append(("10,000 headings: check", many, ["check"]))

    bombs = project("yaml-bombs")
    (bombs / "handbook" / "bomba.yml").write_text(BOMB, encoding="utf-8")
    (bombs / "handbook" / "glossary.yml").write_text(BOMB, encoding="utf-8")
    (bombs / "docs" / "cs" / "bomba.md").write_text(
        f"---\n{BOMB}---\n\n# Bomba\n", encoding="utf-8"
    )
    cases.append(("YAML bombs (3 files): check", bombs, ["check"]))

    print(f"{'case':<36} {'seconds':>8} {'cpu s':>7} {'peak MiB':>9} {'exit':>5}")
    for name, cwd, command in cases:
        timing = run([prirucka, *command], cwd)
        print(
            f"{name:<36} {timing.seconds:8.2f} {timing.cpu:7.2f} "
            f"{timing.tree_kb / 1024:9.0f} {timing.returncode:5d}"
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
