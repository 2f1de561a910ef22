"""Does adding lemmas (simplemma) to the search index help Czech queries?

    python bench/search_lemmas.py [--keep DIR]

Builds the repository's own site twice (`prirucka build --no-pdf`), once with
`prirucka-search: {lemmas: false}` and once with `lemmas: true`, and runs a
fixed list of Czech queries, typed as a reader on a phone would (dictionary
form, no diacritics), through Pagefind's search API in chromium. Which pages
are relevant is decided by a regular expression of the word's inflected forms
written by hand for each query, independently of simplemma; it is matched
against the text of every Czech page in the index.

Prints, per query and in total: relevant pages, how many of them each index
finds (recall), and results that are not relevant (noise). Pagefind alone
already finds a page when the query is a prefix of a word on it (`nasili` →
`násilím`) or, when no word starts with the query, the longest word the query
starts with; lemmas matter where the dictionary form is not a prefix of the
form on the page (`matka` → `matky`, `dite` → `dětí`). It measures; it does
not judge.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

# query (as typed) -> the inflected forms that make a page relevant
QUERIES: dict[str, str] = {
    "dite": r"dítě|dítěte|dítěti|dítětem|děti|dětí|dětem|dětmi|dětech",
    "rodina": r"rodin(a|y|ě|u|o|ou|ám|ách|ami)?",
    "matka": r"mat(ka|ky|ce|ku|kou|ek|kám|kách|kami)",
    "otec": r"ot(ec|ce|ci|cem|cové|ců|cům)",
    "rodic": r"rodi(č|če|či|čem|čů|čům|čích|čemi)",
    "konference": r"konferenc(e|i|í|emi|ích)",
    "spoluprace": r"spoluprác(e|i|í)",
    "organizace": r"organizac(e|i|í|emi|ích)",
    "policie": r"polici(e|i|í)",
    "pomoc": r"pomoc(i|í)?",
    "nasili": r"násilí|násilím",
    "bezpeci": r"bezpečí|bezpečím",
    "rozhovor": r"rozhovor(u|y|em|ů|ech|ům)?",
    "skola": r"škol(a|y|e|u|ou|ám|ách|ami)",
    "sluzba": r"služ(ba|by|bě|bu|bou|eb|bám|bách|bami)",
    "pracovnik": r"pracovní(k|ka|kovi|kem|ci|ků|kům|cích)",
    "centrum": r"centr(um|a|u|em|ech|ům)",
    "zprava": r"zpráv(a|y|ě|u|ou|ám|ách)",
    "ochrana": r"ochran(a|y|ě|u|ou)",
    "obet": r"oběť|oběti|obětí|obětem|oběťmi",
    "riziko": r"rizik(o|a|u|em|ům|ách)",
    "stranka": r"stránk(a|y|u|ou|ám|ách|ami)|stránek|stránce",
    "preklad": r"překlad(u|y|em|ů|ech)?",
    "soud": r"soud(u|em|y|ů|ech)?",
    "plan": r"plán(u|em|y|ů)?",
    "tym": r"tým(u|em|y|ů|ech|ům)?",
    "krize": r"kriz(e|i|í)",
    "sikana": r"šikan(a|y|u|ou|ě)",
    "kontakt": r"kontakt(u|y|em|ů|ech|y)?",
    "publikace": r"publikac(e|i|í|emi|ích)",
    "verze": r"verz(e|i|í)",
    "zkusenost": r"zkušenost(i|í|em|mi)?",
}


def build(project: Path, lemmas: bool) -> Path:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "  - prirucka-search\n", f"  - prirucka-search:\n      lemmas: {str(lemmas).lower()}\n"
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = project / f"site-{'lemmas' if lemmas else 'plain'}"
    prirucka = str(Path(sys.executable).with_name("prirucka"))
    result = subprocess.run(
        [prirucka, "build", "--no-pdf", "--no-strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(result.stderr)
    return site


def czech_pages(site: Path) -> dict[str, str]:
    """URL -> text of every page in the Czech index."""
    pages = {}
    for path in site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if '<html lang="cs"' not in html or "data-pagefind-body" not in html:
            continue
        article = re.search(r"<article[^>]*data-pagefind-body[^>]*>(.*?)</article>", html, re.S)
        text = re.sub(r"<[^>]+>", " ", article.group(1)) if article else ""
        url = "/" + path.parent.relative_to(site).as_posix() + "/"
        pages[url.replace("/./", "/")] = text
    return pages


SEARCH = """async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  const s = await pf.search(q);
  const d = await Promise.all(s.results.map(r => r.data()));
  return d.map(x => x.url);
}"""


def run(site: Path) -> dict[str, list[str]]:
    from browser import browser, serve

    found = {}
    with serve(site) as base, browser() as instance:
        page = instance.new_page()
        page.goto(base + "/")
        for query in QUERIES:
            found[query] = page.evaluate(SEARCH, query)
        page.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build in DIR and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="prirucka-lemmas-"))
    project = root / "project"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(
        REPO,
        project,
        ignore=shutil.ignore_patterns(".venv", ".git", "site", ".cache", "__pycache__"),
    )
    sites = {lemmas: build(project, lemmas) for lemmas in (False, True)}
    pages = czech_pages(sites[False])
    results = {lemmas: run(site) for lemmas, site in sites.items()}

    print(f"{len(pages)} Czech pages in the index, {len(QUERIES)} queries\n")
    print(f"{'query':<12} {'relevant':>8} | {'found':>5} {'noise':>5} | {'found':>5} {'noise':>5}")
    print(f"{'':<12} {'':>8} | {'without lemmas':>11} | {'with lemmas':>11}")
    totals = {False: [0, 0], True: [0, 0]}
    relevant_total = 0
    for query, forms in QUERIES.items():
        pattern = re.compile(rf"(?<!\w)(?:{forms})(?!\w)", re.I)
        relevant = {url for url, text in pages.items() if pattern.search(text)}
        relevant_total += len(relevant)
        row = f"{query:<12} {len(relevant):>8} |"
        for lemmas in (False, True):
            got = set(results[lemmas][query])
            hits, noise = len(got & relevant), len(got - relevant)
            totals[lemmas][0] += hits
            totals[lemmas][1] += noise
            row += f" {hits:>5} {noise:>5} |"
        print(row)
    print()
    for lemmas in (False, True):
        hits, noise = totals[lemmas]
        label = "with lemmas   " if lemmas else "without lemmas"
        print(
            f"{label}: {hits}/{relevant_total} relevant pages found ({hits / max(1, relevant_total):.0%}), {noise} results not relevant"
        )
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
